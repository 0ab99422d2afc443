/*
 * ptrace requests that fail (PTRC_INJECT_FAULTS, src/core/ptrace.h): the job
 * still runs to its own end with its own status, no tracee is left stopped,
 * and ptrc says what it lost in one line.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite(faults, .fini = it_fini, .timeout = 120);

static struct it_run r;

static void run_with_faults(const char *faults, const char *const *argv)
{
	if (it_tracer_is_strace())
		cr_skip_test("a ptrc test hook");
	setenv("PTRC_INJECT_FAULTS", faults, 1);
	it_init(&r);
	it_run(&r, argv);
}

/* ptrc's own messages: an i386 program adds strace's "[ Process PID=N runs in 32 bit mode. ]". */
static size_t messages(const char *err)
{
	size_t n = !strncmp(err, "ptrc: ", 6);

	for (const char *p = err; (p = strstr(p, "\nptrc: ")); p++)
		n++;
	return n;
}

/* Every 7th resume fails once: tried again, nothing is lost. */
Test(faults, a_failed_resume_is_tried_again)
{
	const char *const argv[] = {"-f", "-o", "@TRACE", it_prog("tp_procs"), "fork", NULL};

	run_with_faults("syscall:EIO:7", argv);
	it_assert_exit(&r, 0);
	cr_expect(messages(r.err) == 0, "nothing was lost, yet: %s", r.err);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
}

/* No resume works: every task is let go and runs on untraced, to its own status. */
Test(faults, a_task_that_cannot_be_resumed_is_detached)
{
	const char *const argv[] = {"-f", "-o", "@TRACE", it_prog("tp_procs"), "fork", NULL};

	run_with_faults("syscall:EIO:1", argv);
	it_assert_exit(&r, 74);
	cr_assert(strstr(r.err, "cannot resume task") && strstr(r.err, "detached it"), "%s", r.err);
}

Test(faults, the_commands_status_survives_its_detach)
{
	const char *const argv[] = {"-o", "@TRACE", it_prog("tp_procs"), "exit", "3", NULL};

	run_with_faults("syscall:EIO:1", argv);
	it_assert_exit(&r, 3);
}

/* As on a kernel older than 5.3: said, and the command never runs. */
Test(faults, no_syscall_info_at_all_runs_nothing)
{
	char marker[160], script[256];

	it_init(&r);
	snprintf(marker, sizeof(marker), "%s/ran", r.dir);
	snprintf(script, sizeof(script), "echo > %s", marker);
	const char *const argv[] = {"-o", "@TRACE", "/bin/sh", "-c", script, NULL};
	run_with_faults("get_syscall_info:EIO:1", argv);
	it_assert_exit(&r, 1);
	cr_assert(strstr(r.err, "needs Linux 5.3") && messages(r.err) == 1, "%s", r.err);
	struct stat st;
	cr_assert(stat(marker, &st) < 0, "the command ran");
}

/* One call in 50 cannot be read: said once, the status says the trace is short. */
Test(faults, a_lost_call_is_said_once)
{
	const char *const argv[] = {"-f", "-o", "@TRACE", it_prog("tp_procs"), "fork", NULL};

	run_with_faults("get_syscall_info:EIO:50", argv);
	it_assert_exit(&r, 74);
	cr_assert(strstr(r.err, "the trace misses it") && messages(r.err) == 1, "%s", r.err);
}

/* Signals are still delivered when their siginfo cannot be read. */
Test(faults, signals_arrive_without_their_siginfo)
{
	const char *const argv[] = {"-f", "-o", "@TRACE", it_prog("tp_signals"), "killed", NULL};

	run_with_faults("getsiginfo:EIO:1", argv);
	it_assert_exit(&r, 0);
}

/* A group stop that cannot be listened in: resumed, never left stopped for good. */
Test(faults, a_group_stop_without_listen_goes_on)
{
	const char *const argv[] = {
		"-f",	   "-o", "@TRACE",
		"/bin/sh", "-c", "(sleep 0.3; kill -CONT $$) & kill -STOP $$; wait; exit 5",
		NULL};

	run_with_faults("listen:EIO:1", argv);
	it_assert_exit(&r, 5);
	cr_assert(strstr(r.err, "resumed it"), "%s", r.err);
}

/* No fork or clone event can be read: every thread still starts and is announced. */
Test(faults, threads_start_when_their_clone_event_is_unreadable)
{
	const char *const argv[] = {"--json", "-f", "-o", "@TRACE", it_prog("tp_threads"),
				    "many",   "8",  NULL};

	run_with_faults("geteventmsg:EIO:1", argv);
	it_assert_exit(&r, 0);
	char *t = it_read_trace(&r, NULL);
	size_t n = 0;
	for (const char *p = t; (p = strstr(p, "\"type\":\"task_start\"")); p++)
		n++;
	cr_expect_eq(n, 9, "%zu task_start events:\n%s", n, t);
	free(t);
}

Test(faults, a_bad_fault_list_is_a_usage_error)
{
	const char *const argv[] = {it_prog("tp_procs"), "exit", "0", NULL};

	run_with_faults("syscall:NOSUCH:1", argv);
	it_assert_exit(&r, 64);
}
