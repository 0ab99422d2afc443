/* Output and filter options on one program that states its own lines (tp_opts). */
#include "harness.h"

#include <criterion/criterion.h>
#include <fcntl.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(opts, .fini = it_fini, .timeout = 120);

static struct it_run r;

#define RUN(...)                                                                                   \
	do {                                                                                       \
		it_init(&r);                                                                       \
		const char *const argv_[] = {__VA_ARGS__, it_prog("tp_opts"), r.dir, NULL};        \
		it_run(&r, argv_);                                                                 \
		it_assert_exit(&r, 0);                                                             \
	} while (0)

/* The trace has the line the program stated as "#" record KEY (padding before "=" aside). */
static void assert_info_line(const char *trace, const char *key)
{
	char *want = it_info(&r, key);
	char *copy = strdup(trace);
	bool found = false;

	cr_assert(want && copy, "the program stated no %s", key);
	for (char *save, *line = strtok_r(copy, "\n", &save); line && !found;
	     line = strtok_r(NULL, "\n", &save)) {
		char *eq = strstr(line, ") ");
		while (eq && eq[1] == ' ' && eq[2] == ' ')
			memmove(eq + 1, eq + 2, strlen(eq + 2) + 1);
		found = !strcmp(line, want);
	}
	cr_assert(found, "no line\n%s\nin:\n%s", want, trace);
	free(copy);
	free(want);
}

static bool matches(const char *text, const char *pattern)
{
	regex_t re;
	cr_assert_eq(regcomp(&re, pattern, REG_EXTENDED | REG_NEWLINE | REG_NOSUB), 0);
	bool ok = regexec(&re, text, 0, NULL, 0) == 0;
	regfree(&re);
	return ok;
}

Test(opts, default_lines)
{
	RUN("-o", "@TRACE");
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(opts, y_shows_paths)
{
	RUN("-y", "-o", "@TRACE");
	char *t = it_read_trace(&r, NULL);
	assert_info_line(t, "y_openat");
	assert_info_line(t, "y_write");
	free(t);
}

Test(opts, yy_names_a_socket_no_table_lists)
{
	RUN("-yy", "-o", "@TRACE");
	char *t = it_read_trace(&r, NULL);
	assert_info_line(t, "yy_socket");
	free(t);
}

Test(opts, z_keeps_successful_calls_only)
{
	RUN("-z", "-e", "trace=openat,write", "-o", "@TRACE");
	char *t = it_read_trace(&r, NULL);
	cr_assert(matches(t, "^write\\([0-9]+, \"abc\", 3\\) += 3$"), "%s", t);
	cr_assert(!strstr(t, "ENOENT"), "a failed call under -z:\n%s", t);
	free(t);
}

Test(opts, Z_keeps_failed_calls_only)
{
	RUN("-Z", "-o", "@TRACE");
	char *t = it_read_trace(&r, NULL);
	cr_assert(matches(t, "/missing\", O_RDONLY\\) += -1 ENOENT"), "%s", t);
	cr_assert(!strstr(t, "\"abc\""), "a successful call under -Z:\n%s", t);
	free(t);
}

Test(opts, P_keeps_calls_on_the_path)
{
	char path[128];

	it_init(&r);
	snprintf(path, sizeof(path), "%s/data", r.dir);
	const char *const argv[] = {"-P", path, "-o", "@TRACE", it_prog("tp_opts"), r.dir, NULL};
	it_run(&r, argv);
	char *t = it_read_trace(&r, NULL);
	cr_assert(matches(t, "^openat\\(AT_FDCWD, \".*/data\", O_WRONLY"), "%s", t);
	cr_assert(matches(t, "^write\\([0-9]+, \"abc\", 3\\)"), "fd resolved to the path:\n%s", t);
	cr_assert(matches(t, "^close\\([0-9]+\\)"), "%s", t);
	cr_assert(matches(t, "^ppoll\\(\\[\\{fd=[0-9]+, events=POLLOUT"), "a pollfd's fd:\n%s", t);
	cr_assert(matches(t, "^pselect6\\([0-9]+, NULL, \\[[0-9]+\\]"), "an fd_set's fd:\n%s", t);
	cr_assert(!strstr(t, "missing") && !strstr(t, "getppid") && !strstr(t, "mmap"),
		  "a call that does not touch the path:\n%s", t);
	free(t);
}

Test(opts, c_counts_calls)
{
	RUN("-c", "-o", "@TRACE");
	char *t = it_read_trace(&r, NULL);
	cr_assert(matches(t, "^% time +seconds +usecs/call +calls +errors syscall$"), "%s", t);
	cr_assert(matches(t, "^ *[0-9.]+ +[0-9.]+ +[0-9]+ +5 +getppid$"), "5 getppid calls:\n%s",
		  t);
	cr_assert(matches(t, "^100.00 +[0-9.]+ +[0-9]+ +[0-9]+ +[0-9]+ total$"), "%s", t);
	cr_assert(!strstr(t, "getppid()"), "-c prints no trace lines:\n%s", t);
	free(t);
}

Test(opts, n_and_T_and_tt)
{
	RUN("-n", "-T", "-tt", "-e", "trace=getppid", "-o", "@TRACE");
	char *t = it_read_trace(&r, NULL), *nr = it_info(&r, "getppid_nr");
	char pattern[256];
	snprintf(pattern, sizeof(pattern),
		 "^[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6} \\[ *%s\\] getppid\\(\\) += [0-9]+ "
		 "<[0-9]+\\.[0-9]{6}>$",
		 nr);
	cr_assert(matches(t, pattern), "no line like %s in:\n%s", pattern, t);
	free(nr);
	free(t);
}

/* strace's long spellings, with a precision of their own (the same lines under strace 6.1). */
Test(opts, long_spellings_and_precisions)
{
	RUN("--syscall-number", "--syscall-times=ns", "--absolute-timestamps=unix,ms",
	    "--trace=getppid", "-o", "@TRACE");
	char *t = it_read_trace(&r, NULL), *nr = it_info(&r, "getppid_nr");
	char pattern[256];
	snprintf(pattern, sizeof(pattern),
		 "^[0-9]+\\.[0-9]{3} \\[ *%s\\] getppid\\(\\) += [0-9]+ <[0-9]+\\.[0-9]{9}>$", nr);
	cr_assert(matches(t, pattern), "no line like %s in:\n%s", pattern, t);
	free(nr);
	free(t);
	RUN("--relative-timestamps=ms", "--quiet=exit", "--trace=getppid", "-o", "@TRACE");
	t = it_read_trace(&r, NULL);
	cr_assert(matches(t, "^ +[0-9]+\\.[0-9]{3} getppid\\(\\) += [0-9]+$"), "%s", t);
	cr_assert(!strstr(t, "+++ exited"), "--quiet=exit:\n%s", t);
	free(t);
}

Test(opts, signal_filter_hides_signal_lines)
{
	RUN("-e", "signal=none", "-o", "@TRACE");
	char *t = it_read_trace(&r, NULL);
	cr_assert(!strstr(t, "--- SIGUSR1"), "%s", t);
	cr_assert(strstr(t, "kill("), "%s", t);
	free(t);
}

Test(opts, E_sets_the_environment)
{
	if (it_tracer_is_strace())
		cr_skip_test(
			"strace's -E is checked the same way but spelled the same; run on ptrc");
	RUN("-E", "PTRC_TEST_VAR=hello", "-o", "@TRACE");
	char *v = it_info(&r, "env");
	cr_assert_str_eq(v, "hello");
	free(v);
}

Test(opts, X_raw_prints_constants_as_numbers)
{
	char pattern[128];

	RUN("-X", "raw", "-e", "trace=openat", "-o", "@TRACE");
	char *t = it_read_trace(&r, NULL);
	snprintf(pattern, sizeof(pattern), "^openat\\(%d, \".*/data\", %#x, 0600\\) += [0-9]+$",
		 AT_FDCWD, O_WRONLY | O_CREAT | O_TRUNC);
	cr_assert(matches(t, pattern), "no line like %s in:\n%s", pattern, t);
	free(t);
}

/* --pidns-translation: a pid of another pid namespace carries its number in ptrc's; the
 * last of -Y and --pidns-translation sets what is shown, as strace. */
Test(opts, pidns_translation)
{
	char want[96];

	if (it_tracer_is_strace())
		cr_skip_test("strace says 'strace's PID NS'");
	RUN("-f", "--pidns-translation", "-e", "trace=getpid,kill", "-o", "@TRACE",
	    it_prog("tp_pidns"));
	if (WIFEXITED(r.status) && WEXITSTATUS(r.status) == 77)
		cr_skip_test("no pid namespace can be made here");
	it_assert_exit(&r, 0);
	const char *c = r.out ? strstr(r.out, "child=") : NULL;
	cr_assert(c, "%s", r.out);
	int child = atoi(c + 6);
	char *t = it_read_trace(&r, NULL);
	snprintf(want, sizeof(want), "getpid\\(\\) += 1 /\\* %d in ptrc's PID NS \\*/", child);
	cr_assert(matches(t, want), "%s in:\n%s", want, t);
	cr_assert(matches(t, "kill\\(2 /\\* [0-9]+ in ptrc's PID NS \\*/, 0"), "%s", t);
	free(t);
	RUN("-f", "--pidns-translation", "-Y", "-e", "trace=getpid", "-o", "@TRACE",
	    it_prog("tp_pidns"));
	t = it_read_trace(&r, NULL);
	cr_assert(strstr(t, "= 1<tp_pidns>"), "%s", t);
	cr_assert_null(strstr(t, "PID NS"), "-Y given last: names only:\n%s", t);
	free(t);
}

/* -e read=0 -e write=1: the data under each call on those descriptors, as strace dumps it
 * (dd reads its if= as descriptor 0, with read(2) whatever its output is). */
Test(opts, read_and_write_dumps)
{
	char file[160], ifarg[180];

	it_init(&r);
	snprintf(file, sizeof(file), "%s/in.txt", r.dir);
	FILE *f = fopen(file, "w");
	cr_assert(f);
	fputs("hello world, this is a longer line of text!\n", f);
	fclose(f);
	snprintf(ifarg, sizeof(ifarg), "if=%s", file);
	const char *const argv[] = {
		"-e", "trace=read,write", "-e", "read=0", "-e",		 "write=1",
		"-o", "@TRACE",		  "dd", ifarg,	  "status=none", NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	char *t = it_read_trace(&r, NULL);
	static const char dump[] =
		" | 00000  68 65 6c 6c 6f 20 77 6f  72 6c 64 2c 20 74 68 69  hello world, thi |\n"
		" | 00010  73 20 69 73 20 61 20 6c  6f 6e 67 65 72 20 6c 69  s is a longer li |\n"
		" | 00020  6e 65 20 6f 66 20 74 65  78 74 21 0a              ne of text!.     |\n";
	char *rd = strstr(t, "read(0, \"hello world");
	cr_assert(rd && strstr(rd, "= 44\n") &&
			  !strncmp(strstr(rd, "= 44\n") + 5, dump, strlen(dump)),
		  "the read's dump:\n%s", t);
	char *wr = strstr(t, "write(1, \"hello world");
	cr_assert(wr && !strncmp(strstr(wr, "= 44\n") + 5, dump, strlen(dump)),
		  "the write's dump:\n%s", t);
	char *eof = strstr(t, "read(0, \"\", ");
	cr_assert(eof && strncmp(strchr(eof, '\n') + 1, " | ", 3), "nothing under a read of 0:\n%s",
		  t);
	free(t);
}
