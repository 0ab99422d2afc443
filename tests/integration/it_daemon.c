/*
 * -D, -DD, -DDD (--daemonize=): as under strace 6.1, the process the test started is the
 * command itself (its pid, its parent, its exit status, the signals to its group), and
 * the tracer is a grandchild: in the command's process group (-D), in a group of its own
 * (-DD) or in a session of its own (-DDD).  The tracer outlives the command a moment, so
 * each test waits for it too (orphaned, it comes back to the test, a subreaper) before
 * it reads the trace.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

TestSuite(daemon, .fini = it_fini, .timeout = 120);

static struct it_run r;

static long info(const char *key)
{
	char *v = it_info(&r, key);
	cr_assert(v, "the program stated no %s; stderr:\n%s", key, r.err);
	long n = atol(v);
	free(v);
	return n;
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* The tracer, orphaned when the middle child exits, is the test's child now (subreaper). */
static void wait_tracer(pid_t tracer)
{
	for (int i = 0; i < IT_TIMEOUT * 200; i++) {
		pid_t p = waitpid(tracer, NULL, WNOHANG);
		if (p == tracer)
			return;
		cr_assert(p == 0, "tracer %d is not the test's to wait for: %s", (int)tracer,
			  strerror(errno));
		sleep_ms(5);
	}
	kill(tracer, SIGKILL);
	cr_assert_fail("tracer %d still runs %d s after the command ended", (int)tracer,
		       IT_TIMEOUT);
}

/* Runs tp_daemon ids 3 under the option; checks what every -D mode has in common. */
static void run_ids(const char *opt)
{
	it_init(&r);
	r.keep_group = true; /* -D's tracer is in the command's group: not killed with it */
	const char *const argv[] = {opt,   "-e",     "trace=getppid,exit_group",
				    "-o",  "@TRACE", it_prog("tp_daemon"),
				    "ids", "3",	     NULL};
	it_run(&r, argv);
	/* The command's own status: no tracer in between. */
	it_assert_exit(&r, 3);
	cr_assert_eq(info("pid"), r.pgid, "the command is not the process the test started");
	cr_assert_eq(info("ppid"), getpid(), "the command's parent is %ld, not the test (%d)",
		     info("ppid"), (int)getpid());
	long tracer = info("tracer");
	cr_assert(tracer > 0 && tracer != getpid() && tracer != info("pid"),
		  "traced by %ld: not a tracer of its own", tracer);
	cr_assert_neq(info("tracer_ppid"), info("pid"), "the tracer is the command's child");
	wait_tracer((pid_t)tracer);
	/* The whole trace: getppid's line, exit_group's, "+++ exited with 3 +++". */
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(daemon, D_the_command_is_the_tests_child_and_keeps_its_status)
{
	run_ids("-D");
	cr_assert_eq(info("tracer_pgid"), info("pgid"), "-D: the tracer left the process group");
	cr_assert_eq(info("tracer_sid"), info("sid"), "-D: the tracer left the session");
}

Test(daemon, DD_the_tracer_has_a_process_group_of_its_own)
{
	run_ids("-DD");
	cr_assert_eq(info("tracer_pgid"), info("tracer"), "-DD: the tracer leads no group");
	cr_assert_neq(info("tracer_pgid"), info("pgid"), "-DD: in the command's group");
	cr_assert_eq(info("tracer_sid"), info("sid"), "-DD: the tracer left the session");
}

Test(daemon, DDD_the_tracer_has_a_session_of_its_own)
{
	run_ids("-DDD");
	cr_assert_eq(info("tracer_sid"), info("tracer"), "-DDD: the tracer leads no session");
	cr_assert_neq(info("tracer_sid"), info("sid"), "-DDD: in the command's session");
}

Test(daemon, daemonize_long_spelling_is_DD)
{
	run_ids("--daemonize=pgroup");
	cr_assert_eq(info("tracer_pgid"), info("tracer"), "pgroup: the tracer leads no group");
}

/* Yama aside, a grandchild tracing its grandparent needs no privilege: as uid 65534. */
Test(daemon, D_as_a_normal_user)
{
	if (geteuid() != 0 || (access("/usr/bin/setpriv", X_OK) && access("/bin/setpriv", X_OK)))
		cr_skip_test("needs root and setpriv to become uid 65534");
	it_init(&r);
	r.keep_group = true;
	r.as_nobody = true;
	const char *const argv[] = {"-D",  "-e",     "trace=getppid,exit_group",
				    "-o",  "@TRACE", it_prog("tp_daemon"),
				    "ids", "5",	     NULL};
	it_run(&r, argv);
	if (WIFEXITED(r.status) && WEXITSTATUS(r.status) == 126 && strstr(r.err, "ermission"))
		cr_skip_test("uid 65534 cannot execute the tracer: %s", r.err);
	it_assert_exit(&r, 5);
	cr_assert_eq(info("ppid"), getpid(), "the command's parent is not the test");
	wait_tracer((pid_t)info("tracer"));
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

static bool in_pause(pid_t pid, long arg)
{
	char *said = it_info(&r, "ppid");
	bool stated = said != NULL;

	(void)arg;
	free(said);
	return stated && it_task_state(pid, pid) == 'S';
}

/*
 * The terminal's ^C goes to the whole foreground group, -D's tracer with it: the
 * command dies of it as it would untraced, and the tracer, which survives it, writes
 * the signal and the end.
 */
Test(daemon, D_sigint_to_the_group_kills_the_command_and_the_trace_ends)
{
	it_init(&r);
	r.keep_group = true;
	const char *const argv[] = {
		"-D", "-e", "trace=getppid", "-o", "@TRACE", it_prog("tp_daemon"), "pause", NULL};
	it_start(&r, argv);
	pid_t pid = r.pid;
	cr_assert(it_poll(in_pause, pid, 0), "the command never reached pause()");
	long tracer = info("tracer");
	cr_assert(kill(-r.pgid, SIGINT) == 0);
	cr_assert(it_wait(&r, IT_TIMEOUT), "the command outlived SIGINT");
	it_assert_signal_exit(&r, SIGINT);
	wait_tracer((pid_t)tracer);
	char *trace = it_read_trace(&r, NULL);
	cr_assert(trace && strstr(trace, "--- SIGINT {si_signo=SIGINT, si_code=SI_USER"),
		  "no SIGINT line:\n%s", trace ? trace : "");
	const char *end = "+++ killed by SIGINT +++\n";
	size_t n = trace ? strlen(trace) : 0;
	cr_assert(n > strlen(end) && !strcmp(trace + n - strlen(end), end),
		  "the trace does not end with the death:\n%s", trace ? trace : "");
	free(trace);
}

/*
 * ptrc only: the trace is complete when the command's parent sees it end (ptrc reaps
 * it once the last line is written).  strace 6.1 leaves this to chance: its last line
 * was missing in about 1 run of 20.
 */
Test(daemon, D_the_trace_is_written_before_the_parent_sees_the_end)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace 6.1 may write its last lines after the parent's wait");
	for (int i = 0; i < 10; i++) {
		it_init(&r);
		r.keep_group = true;
		const char *const argv[] = {"-D",  "-C", "-o", "@TRACE", it_prog("tp_daemon"),
					    "ids", "4",	 NULL};
		int status;
		it_start(&r, argv);
		/* As a shell waits: blocked in wait, the trace read the moment it returns. */
		cr_assert(waitpid(r.pid, &status, 0) == r.pid);
		char *trace = it_read_trace(&r, NULL);
		it_wait(&r, IT_TIMEOUT); /* finds it reaped: only the stderr is read */
		cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 4, "status %#x; stderr:\n%s",
			  status, r.err);
		cr_assert(trace && strstr(trace, "+++ exited with 4 +++\n") &&
				  strstr(trace, "total\n"),
			  "run %d: the trace was not complete as the command's end came:\n%s", i,
			  trace ? trace : "");
		free(trace);
		wait_tracer((pid_t)info("tracer"));
	}
}

/*
 * -p with -D: the tracer attaches to the process too, and traces it on after the
 * command has ended and the test (its parent) has seen that end.
 */
Test(daemon, D_with_p_traces_both_and_outlives_the_command)
{
	int stdin_w, status = -1;
	char arg[16];
	const char *const targv[] = {it_prog("tp_attach"), "0", NULL};
	pid_t target = it_spawn(targv, &stdin_w);

	cr_assert(it_poll(it_has_tasks, target, 1), "the target never started");
	snprintf(arg, sizeof(arg), "%d", (int)target);
	it_init(&r);
	r.keep_group = true;
	const char *const argv[] = {"-D",
				    "-p",
				    arg,
				    "-e",
				    "trace=getppid,exit_group",
				    "-o",
				    "@TRACE",
				    it_prog("tp_daemon"),
				    "ids",
				    "3",
				    NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 3);
	long tracer = info("tracer");
	cr_assert_eq(it_tracer_pid(target, target), tracer, "the target is not traced by it");
	unsigned char c = 7;
	cr_assert(write(stdin_w, &c, 1) == 1);
	for (int i = 0; i < IT_TIMEOUT * 200 && waitpid(target, &status, WNOHANG) != target; i++)
		sleep_ms(5);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 7, "the target's status %#x", status);
	wait_tracer((pid_t)tracer);
	it_check(&r, IT_LAYOUT_PREFIXED, 40);
	char *trace = it_read_trace(&r, NULL), want[64];
	snprintf(want, sizeof(want), "%-5d +++ exited with 7 +++\n", (int)target);
	cr_assert(trace && strstr(trace, want), "no end of the target:\n%s", trace ? trace : "");
	free(trace);
}

/* A tracer that cannot trace says so in one line; the command never runs untraced. */
Test(daemon, D_a_tracer_that_cannot_seize_runs_nothing)
{
	if (it_tracer_is_strace())
		cr_skip_test("PTRC_INJECT_FAULTS is ptrc's");
	it_init(&r);
	r.keep_group = true;
	setenv("PTRC_INJECT_FAULTS", "seize:EPERM:1", 1);
	const char *const argv[] = {"-D", "-o", "@TRACE", it_prog("tp_daemon"), "ids", "0", NULL};
	it_run(&r, argv);
	unsetenv("PTRC_INJECT_FAULTS");
	it_assert_exit(&r, 1);
	cr_assert_eq(it_count_lines(r.err), 1, "not one line:\n%s", r.err);
	cr_assert(strstr(r.err, "PTRACE_SEIZE"), "%s", r.err);
	char *pid = it_info(&r, "pid");
	cr_assert(!pid, "the command ran untraced");
}

/* strace's rules: -D needs a command, at most -DDD, a known --daemonize=, not both. */
Test(daemon, bad_uses_are_usage_errors)
{
	static const char *const bad[][3] = {
		{"-D", "-p", "1"},
		{"-DDDD", "/bin/true", NULL},
		{"--daemonize=foo", "/bin/true", NULL},
		{"-D", "--daemonize", "/bin/true"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		it_init(&r);
		const char *const argv[] = {bad[i][0], bad[i][1], bad[i][2], NULL};
		it_run(&r, argv);
		if (it_tracer_is_strace()) {
			it_assert_failed(&r); /* strace's status is 1 */
			continue;
		}
		it_assert_exit(&r, 64);
		cr_assert_eq(it_count_lines(r.err), 1, "%s: one line:\n%s", bad[i][0], r.err);
	}
}
