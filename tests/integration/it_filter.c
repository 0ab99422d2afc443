/*
 * A filtered launch runs under ptrc's seccomp filter (src/core/seccomp.c): the
 * calls the trace does not select do not stop, in the main thread, a thread, a
 * fork child, a vfork child and the program it execs, and the selected ones
 * print as before.  tp_filter counts its own context switches to tell.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

TestSuite(filter, .fini = it_fini, .timeout = 120);

static struct it_run r;

#define RUN(...) IT_RUN(&r, __VA_ARGS__)

static void skip_strace(void)
{
	/* strace 6.1 has no --seccomp-bpf=no, and drops its filter after the first clone. */
	if (it_tracer_is_strace())
		cr_skip_test("ptrc's filter");
}

Test(filter, unselected_calls_do_not_stop_in_any_task)
{
	skip_strace();
	RUN("-f", "-e", "trace=faccessat", "-o", "@TRACE", it_prog("tp_filter"), "ran");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

/* The same program sees every stop without the filter: the count does tell them apart. */
Test(filter, seccomp_bpf_no_stops_at_every_call)
{
	skip_strace();
	RUN("--seccomp-bpf=no", "-f", "-e", "trace=faccessat", "-o", "@TRACE", it_prog("tp_filter"),
	    "stopped");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

/* Without -f a child that is not traced would get ENOSYS from every trapped call. */
Test(filter, no_filter_without_f_and_asking_says_why)
{
	skip_strace();
	RUN("--seccomp-bpf", "-e", "trace=faccessat", "-o", "@TRACE", it_prog("tp_filter"),
	    "stopped");
	it_assert_exit(&r, 0);
	cr_expect(strstr(r.err, "ptrc: --seccomp-bpf cannot be used without -f/--follow-forks, "
				"disabling\n"),
		  "stderr:\n%s", r.err);
}

/* -P selects by path: only calls with a path or a descriptor stop. */
Test(filter, paths_trap_only_calls_with_paths)
{
	skip_strace();
	RUN("-f", "-P", "main: ran", "-P", "thread: ran", "-P", "fork: ran", "-P", "vfork: ran",
	    "-P", "exec: ran", "-o", "@TRACE", it_prog("tp_filter"), "ran");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

/* A policy and a trace share one filter: the policy's calls and the trace's trap. */
Test(filter, policy_and_trace_share_the_filter)
{
	skip_strace();
	char pol[4096];

	it_init(&r);
	snprintf(pol, sizeof(pol), "%s/all.policy", r.dir);
	FILE *f = fopen(pol, "w");
	cr_assert(f && fputs("default allow\n", f) >= 0 && fclose(f) == 0);
	const char *const argv[] = {"--policy",		  pol,	 "-e",
				    "trace=faccessat",	  "-o",	 "@TRACE",
				    it_prog("tp_filter"), "ran", NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

Test(filter, bad_value_is_a_usage_error)
{
	RUN("--seccomp-bpf=maybe", "true");
	it_assert_exit(&r, 64);
	cr_expect(strstr(r.err, "invalid --seccomp-bpf: 'maybe' (yes or no)"), "stderr:\n%s",
		  r.err);
}
