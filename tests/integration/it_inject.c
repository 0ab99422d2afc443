/*
 * -e inject= and -e fault=: each run tampers with the calls of one tp_inject mode, which
 * checks from its results that the tampering happened and states the lines, (INJECTED),
 * (DELAYED) and the signal's, that strace prints for it.
 */
#include "harness.h"

#include <criterion/criterion.h>

TestSuite(inject, .fini = it_fini, .timeout = 120);

static struct it_run r;

static void run_mode(const char *mode, const char *trace, const char *spec)
{
	it_init(&r);
	const char *const argv[] = {"-e", trace, "-e", spec, "-o", "@TRACE", it_prog("tp_inject"),
				    mode, NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(inject, retval_on_every_second_call_from_the_second)
{
	run_mode("retval", "trace=getppid,exit_group", "inject=getppid:retval=42:when=2+2");
}

Test(inject, error_on_the_third_call)
{
	run_mode("error", "trace=chdir,exit_group", "inject=chdir:error=ENOENT:when=3");
}

Test(inject, fault_is_enosys_by_default)
{
	run_mode("fault", "trace=getppid,exit_group", "fault=getppid:when=1..2");
}

Test(inject, signal_after_the_call)
{
	run_mode("signal", "trace=getppid,exit_group", "inject=getppid:signal=SIGUSR1:when=2");
}

Test(inject, another_call_in_its_place)
{
	run_mode("syscall", "trace=getppid,exit_group",
		 "inject=getppid:syscall=gettid:retval=7:when=1");
}

Test(inject, delay_marks_the_line)
{
	run_mode("delay", "trace=getppid,exit_group", "inject=getppid:delay_exit=50ms:when=1");
}

Test(inject, counted_per_thread_and_under_the_seccomp_filter)
{
	it_init(&r);
	const char *const argv[] = {"-f",
				    "-e",
				    "trace=getppid,exit_group",
				    "-e",
				    "inject=getppid:retval=42:when=1",
				    "-o",
				    "@TRACE",
				    it_prog("tp_inject"),
				    "threads",
				    NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

/* Bad specs: one line each, strace's rules (error= xor retval=, when= ranges, a pure call). */
Test(inject, bad_specs_are_usage_errors)
{
	static const char *const bad[] = {
		"inject=chdir",
		"inject=chdir:error=ENOENT:retval=1",
		"inject=chdir:error=NOSUCH",
		"inject=chdir:when=0",
		"fault=chdir:when=3..2",
		"inject=chdir:syscall=open:error=EIO",
	};
	if (it_tracer_is_strace())
		cr_skip_test("ptrc's exit status and messages");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		it_init(&r);
		const char *const argv[] = {"-e", bad[i], "/bin/true", NULL};
		it_run(&r, argv);
		it_assert_exit(&r, 64);
		cr_assert_eq(it_count_lines(r.err), 1, "%s: one line:\n%s", bad[i], r.err);
	}
}
