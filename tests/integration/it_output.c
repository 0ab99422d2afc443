/* The files ptrc writes: -ff's per thread, and none through another user's symlink. */
#include "harness.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

TestSuite(output, .fini = it_fini, .timeout = 120);

static struct it_run r;

#define RUN(...) IT_RUN(&r, __VA_ARGS__)

static void assert_one_line_error(const char *must_contain)
{
	cr_assert(!strncmp(r.err, "ptrc: ", 6) && it_count_lines(r.err) == 1,
		  "expected one line \"ptrc: ...\" on stderr, got:\n%s", r.err);
	cr_assert(strstr(r.err, must_contain), "the error does not mention \"%s\":\n%s",
		  must_contain, r.err);
}

Test(output, ff_writes_one_file_per_process)
{
	RUN("-ff", "-o", "@TRACE", it_prog("tp_procs"), "fork");
	it_assert_exit(&r, 0);
	char *whole = it_read_trace(&r, NULL);
	cr_assert(!whole, "-ff also wrote %s", r.trace);
	it_check(&r, IT_LAYOUT_PERFILE, 40);
}

/* strace's -ff: a file per thread, named by its tid, with no tid on any line. */
Test(output, ff_writes_one_file_per_thread)
{
	RUN("-ff", "-o", "@TRACE", it_prog("tp_threads"), "many", "8");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PERFILE, 40);
}

static void few_files(void)
{
	struct rlimit rl = {40, 40};

	setrlimit(RLIMIT_NOFILE, &rl);
}

/* 50 threads alive at once and room for 20 open files: each thread's file is whole. */
Test(output, ff_keeps_every_threads_file_with_few_fds)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace needs a descriptor per thread");
	it_init(&r);
	r.before_exec = few_files;
	const char *const argv[] = {"-ff",  "-o", "@TRACE", it_prog("tp_threads"),
				    "many", "50", NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	cr_expect(!strstr(r.err, "can't open"), "%s", r.err);
	it_check(&r, IT_LAYOUT_PERFILE, 40);
}

/*
 * After an execve from a thread, the exec'ing thread's lines go on in the
 * leader's file, as strace writes them; a later thread given the old tid
 * adds to that tid's file instead of truncating it.
 */
Test(output, ff_follows_an_exec_from_a_thread)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace 6.1 truncates the file of a tid used again");
	RUN("-ff", "-o", "@TRACE", it_prog("tp_threads"), "exec");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PERFILE, 40);
}

/* --learn's policy could not be written: said in one line, and the status says so. */
Test(output, learn_to_a_full_disk_says_so)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace has no --learn");
	RUN("--learn", "/dev/full", it_prog("tp_procs"), "exit", "0");
	it_assert_exit(&r, 74);
	assert_one_line_error("writing '/dev/full': No space left on device");
}

/*
 * A link planted at the output path by another user (nobody, in a sticky
 * directory like /tmp) is not followed: the file it points to stays as it
 * was.  Run as root, the case that matters; skipped for a normal user, who
 * cannot make a link that another user owns.
 */
static void plant_link(char *link, size_t size, const char *name, char *victim, size_t vsize)
{
	snprintf(victim, vsize, "%s/victim", r.dir);
	snprintf(link, size, "%s/%s", r.dir, name);
	FILE *f = fopen(victim, "w");
	cr_assert(f);
	fputs("precious\n", f);
	fclose(f);
	cr_assert(symlink(victim, link) == 0, "%s", strerror(errno));
	if (lchown(link, 65534, 65534) < 0)
		cr_skip_test("cannot give a link to nobody (not root): %s", strerror(errno));
}

static void assert_victim_intact(const char *victim)
{
	char *data = it_read_file(victim);
	cr_assert(data && !strcmp(data, "precious\n"), "the link's target was written: %s",
		  data ? data : "(gone)");
	free(data);
}

Test(output, o_does_not_follow_another_users_link)
{
	char link[160], victim[160];

	if (it_tracer_is_strace())
		cr_skip_test("strace follows the link");
	it_init(&r);
	plant_link(link, sizeof(link), "trace.txt", victim, sizeof(victim));
	const char *const argv[] = {"-o", link, it_prog("tp_procs"), "exit", "0", NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 1);
	assert_one_line_error("symbolic link another user owns");
	assert_victim_intact(victim);
}

Test(output, learn_and_profile_do_not_follow_another_users_link)
{
	char link[160], victim[160], profile[160];

	if (it_tracer_is_strace())
		cr_skip_test("strace has no --learn");
	it_init(&r);
	plant_link(link, sizeof(link), "learned.policy", victim, sizeof(victim));
	snprintf(profile, sizeof(profile), "%s/profile.json", r.dir);
	cr_assert(symlink(victim, profile) == 0 && lchown(profile, 65534, 65534) == 0);
	const char *const argv[] = {
		"--learn", link, "--seccomp-profile", profile, it_prog("tp_procs"), "exit",
		"0",	   NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 74);
	cr_assert(strstr(r.err, "writing '") && strstr(r.err, "another user owns"), "%s", r.err);
	assert_victim_intact(victim);
}

/* The user's own link, like /dev/stderr (root's), is followed as before. */
Test(output, o_follows_the_users_own_link)
{
	char link[160], target[160];

	it_init(&r);
	snprintf(target, sizeof(target), "%s/real.txt", r.dir);
	snprintf(link, sizeof(link), "%s/link.txt", r.dir);
	cr_assert(symlink(target, link) == 0);
	const char *const argv[] = {"-o", link, it_prog("tp_procs"), "exit", "0", NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	char *data = it_read_file(target);
	cr_assert(data && strstr(data, "exit_group(0)"), "%s", data ? data : "(no file)");
	free(data);
}

/* strace's -A appends to the -o file; -o '|COMMAND' pipes the trace to a shell command. */
Test(output, append_mode_and_a_pipe_to_a_command)
{
	char path[4096], cmd[4200];

	it_init(&r);
	snprintf(path, sizeof(path), "%s/kept.txt", r.dir);
	FILE *f = fopen(path, "w");
	cr_assert(f && fputs("an earlier line\n", f) >= 0 && fclose(f) == 0);
	const char *const a1[] = {"-A", "-e", "trace=exit_group", "-o", path, "/bin/true", NULL};
	it_run(&r, a1);
	it_assert_exit(&r, 0);
	char *t = it_read_file(path);
	cr_expect(t && !strncmp(t, "an earlier line\nexit_group(0)", 29), "-A:\n%s", t);
	free(t);

	it_init(&r);
	snprintf(path, sizeof(path), "%s/piped.txt", r.dir);
	snprintf(cmd, sizeof(cmd), "|cat > %s", path);
	const char *const a2[] = {"-e", "trace=exit_group", "-o", cmd, "/bin/true", NULL};
	r.keep_group = true; /* the command is in ptrc's process group: not killed with it */
	it_run(&r, a2);
	it_assert_exit(&r, 0);
	/* The command outlives ptrc by a moment: it ends when the pipe is closed. */
	for (int i = 0; i < 3000 && !(t = it_read_file(path)); i++)
		usleep(10000);
	for (int i = 0; i < 3000 && t && !strstr(t, "+++ exited with 0 +++"); i++) {
		free(t);
		usleep(10000);
		t = it_read_file(path);
	}
	cr_expect(t && strstr(t, "exit_group(0)") && strstr(t, "+++ exited with 0 +++"),
		  "the piped trace:\n%s", t ? t : "(none)");
	free(t);
}
