/*
 * -e inject= and -e fault=: each run tampers with the calls of one tp_inject mode, which
 * checks from its results that the tampering happened and states the lines, (INJECTED),
 * (DELAYED) and the signal's, that strace prints for it.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <string.h>

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

/*
 * poke_enter= and poke_exit=: the program checks the bytes in the pipe and in its
 * buffers; the lines show them as strace does, each (INJECTED: args).
 */
Test(inject, poke_writes_the_memory_an_argument_points_at)
{
	it_init(&r);
	const char *const argv[] = {"-e",
				    "trace=write,recvfrom,pwrite64,exit_group",
				    "-e",
				    "inject=write:poke_enter=@arg2=4a4b:when=1..3",
				    "-e",
				    "inject=recvfrom:poke_exit=@arg2=5859",
				    "-e",
				    "inject=pwrite64:poke_enter=@arg2=5a:retval=2",
				    "-o",
				    "@TRACE",
				    it_prog("tp_inject"),
				    "poke",
				    NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
	/* The poke that had nowhere to go is said, once, on stderr. */
	cr_assert(strstr(r.err, "poke"), "no word of the failed poke:\n%s", r.err);
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
		"inject=chdir:poke_enter=@arg0=41",
		"inject=chdir:poke_enter=@arg8=41",
		"inject=chdir:poke_enter=@arg1=414",
		"inject=chdir:poke_enter=@arg1=zz",
		"inject=chdir:poke_enter=@arg1=",
		"inject=chdir:poke_enter=@arg1=41,@arg1=42",
		"inject=chdir:poke_exit=@arg1=41:poke_exit=@arg1=42",
		"inject=chdir:poke_enter=arg1=41",
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
