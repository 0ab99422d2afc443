/* The ptrc binary's -k stacks and crash reports (the library is tested in it_crash). */
#include "harness.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(debug, .fini = it_fini, .timeout = 120);

static struct it_run r;

/* The line of FILE (in testprogs/) that carries MARK, as "file.c:N". */
static void marked_line(const char *file, const char *mark, char *out, size_t len)
{
	snprintf(out, len, "%s:%u", file, it_marker_line(file, mark));
}

static void skip_for_strace(void)
{
	if (it_tracer_is_strace())
		cr_skip_test("checks ptrc's own report and frame format");
}

static void k_frames(const char *unwinder)
{
	char deep[64], inl[64];

	skip_for_strace();
	marked_line("crash_kstack.c", "KSTACK-DEEP", deep, sizeof(deep));
	marked_line("crash_kstack.c", "KSTACK-INLINE", inl, sizeof(inl));
	it_init(&r);
	const char *const argv[] = {
		"-k", unwinder, "-e", "trace=getpid", "-o", "@TRACE", it_prog("crash_kstack"),
		NULL};
	it_run(&r, argv);
	char *t = it_read_trace(&r, NULL);
	char *d3 = strstr(t, "(deep3+"), *d2 = strstr(t, "(deep2+"), *d1 = strstr(t, "(deep1+"),
	     *m = strstr(t, "(main+");
	cr_assert(d3 && d1 && m && d3 < d1 && d1 < m, "frames in order:\n%s", t);
	cr_assert(strstr(t, deep), "the syscall's source line %s:\n%s", deep, t);
	if (!strcmp(unwinder, "--unwinder=libdw")) {
		cr_assert(d2 && d3 < d2 && d2 < d1, "the inlined frame:\n%s", t);
		cr_assert(strstr(t, "(inlined into deep1)"), "%s", t);
		cr_assert(strstr(t, inl), "the inlined call's line %s:\n%s", inl, t);
	}
	free(t);
}

Test(debug, k_stacks_with_libdw)
{
	k_frames("--unwinder=libdw");
}

Test(debug, k_stacks_with_libunwind)
{
	const char *dir = getenv("PTRC_TESTPROGS");
	size_t n = dir ? strlen(dir) : 0;
	/* libunwind-ptrace is built for one target: an x86_64 one cannot unwind i386. */
	if (n >= 4 && !strcmp(dir + n - 4, "/m32"))
		cr_skip_test("libunwind cannot unwind the i386 programs of testprogs/m32");
	k_frames("--unwinder=libunwind");
}

/* The frame lines of a trace, with the vdso's pid taken out: what two runs must agree on. */
static char *frame_lines(const char *t)
{
	size_t n = strlen(t);
	char *out = malloc(n + 1), *o = out;

	cr_assert(out);
	for (const char *l = t; *l; l += strcspn(l, "\n") + (l[strcspn(l, "\n")] != 0)) {
		size_t len = strcspn(l, "\n");
		if (strncmp(l, " > ", 3) != 0)
			continue;
		for (size_t i = 0; i < len; i++) {
			*o++ = l[i];
			if (!strncmp(l + i, "[vdso: ", 7)) {
				memcpy(o, "vdso: ", 6);
				o += 6;
				for (i += 7; i < len && l[i] >= '0' && l[i] <= '9'; i++)
					;
				i--;
			}
		}
		*o++ = '\n';
	}
	*o = 0;
	return out;
}

static char *k_run_with(struct it_run *run, const char *no_fast)
{
	const char *const argv[] = {
		"-k", "-e", "trace=getpid,getppid", "-o", "@TRACE", it_prog("crash_kstack"), NULL};

	/* The same length either way, so the tracee's stack is laid out the same. */
	setenv("PTRC_UNWIND_NO_FAST", no_fast, 1);
	it_init(run);
	it_run(run, argv);
	unsetenv("PTRC_UNWIND_NO_FAST");
	char *t = it_read_trace(run, NULL);
	char *f = frame_lines(t);
	free(t);
	return f;
}

/* The cached-rule walk (src/unwind/fastwalk.c) reports libdw's own frames. */
Test(debug, k_fast_walk_matches_libdw)
{
	static struct it_run slow; /* the harness keeps every run until it_fini() */

	skip_for_strace();
	char *fast = k_run_with(&r, "0"), *ref = k_run_with(&slow, "1");
	cr_assert(strstr(fast, "(deep3+"), "%s", fast);
	cr_assert_str_eq(fast, ref, "fast walk:\n%s\nlibdw:\n%s", fast, ref);
	free(fast);
	free(ref);
}

Test(debug, k_sees_a_dlopened_library)
{
	skip_for_strace();
	it_init(&r);
	const char *const argv[] = {"-k",
				    "-e",
				    "trace=getppid",
				    "-o",
				    "@TRACE",
				    it_prog("crash_kstack"),
				    it_prog("libcrashlib.so"),
				    NULL};
	it_run(&r, argv);
	char *t = it_read_trace(&r, NULL);
	cr_assert(strstr(t, "libcrashlib.so(crashlib_getppid+"), "%s", t);
	free(t);
}

Test(debug, crash_report_for_a_null_store)
{
	char line[64];

	skip_for_strace();
	marked_line("crash_null.c", "CRASH-LINE", line, sizeof(line));
	it_init(&r);
	const char *const argv[] = {"-f", "-e", "trace=none", "-o", "@TRACE", it_prog("crash_null"),
				    NULL};
	it_run(&r, argv);
	it_assert_signal_exit(&r, SIGSEGV);
	char *t = it_read_trace(&r, NULL);
	cr_assert(strstr(t, "SEGV_MAPERR"), "%s", t);
	cr_assert(strstr(t, "NULL page"), "the address is classified:\n%s", t);
	cr_assert(strstr(t, "\n=> "), "the faulting instruction is marked:\n%s", t);
	cr_assert(strstr(t, line), "the faulting line %s:\n%s", line, t);
	char *l3 = strstr(t, "(level3+"), *l1 = strstr(t, "(level1+");
	cr_assert(l3 && l1 && l3 < l1, "frames in order:\n%s", t);
	cr_assert(strstr(t, "+++ killed by SIGSEGV"), "%s", t);
	cr_assert(strstr(r.err, "crash report"), "with -o the report goes to stderr too:\n%s",
		  r.err);
	free(t);
}

Test(debug, no_report_for_a_handled_fault)
{
	skip_for_strace();
	it_init(&r);
	const char *const argv[] = {"-e", "trace=none", "-o", "@TRACE", it_prog("crash_handled"),
				    NULL};
	it_run(&r, argv);
	char *t = it_read_trace(&r, NULL);
	cr_assert(strstr(t, "--- SIGSEGV"), "%s", t);
	cr_assert_null(strstr(t, "crash report"), "a handled fault gets no report:\n%s", t);
	free(t);

	static struct it_run r2; /* the harness keeps every run until it_fini() */
	it_init(&r2);
	const char *const again[] = {"--crash-handled",	       "-e", "trace=none", "-o", "@TRACE",
				     it_prog("crash_handled"), NULL};
	it_run(&r2, again);
	t = it_read_trace(&r2, NULL);
	cr_assert(strstr(t, "crash report"), "--crash-handled reports it:\n%s", t);
	free(t);
}

/* An exec's stack is the new program's, at its entry, as strace -k prints it (it was ptrc's). */
Test(debug, k_stack_of_an_exec_is_the_new_programs)
{
	it_init(&r);
	const char *const argv[] = {"-k", "-e", "trace=execve", "-o", "@TRACE", it_prog("tp_files"),
				    NULL};
	it_run(&r, argv);
	char *t = it_read_trace(&r, NULL);
	char *line = strstr(t, "execve(");
	cr_assert(line, "%s", t);
	char *frame = strstr(line, "\n > ");
	cr_assert(frame, "a stack after the execve line:\n%s", t);
	cr_expect(strstr(frame, "ld-linux") || strstr(frame, "/ld-"),
		  "the first frame is the dynamic loader's entry:\n%s", t);
	cr_expect_null(strstr(t, "launch.c"), "no frame of the tracer's own code:\n%s", t);
	cr_expect_null(strstr(t, "tracer_launch"), "%s", t);
	free(t);
}
