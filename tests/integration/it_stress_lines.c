/*
 * Slow checks (label "stress"): the trace never ends in a torn line, however
 * the run ends: ptrc sent SIGTERM (passed on to the job), ptrc stopped by it
 * (-I1), the job SIGKILLed, or a detach.  20 tries of each, while four
 * threads make calls without pause and one sleeps inside a call.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

TestSuite(stress_lines, .fini = it_fini, .timeout = 600);

enum { TRIES = 20 };

static struct it_run r; /* it_init() releases the previous try */

/* The command ptrc launched (its only child), once it runs tp_busy. */
static pid_t job_of(pid_t tracer)
{
	char path[64], buf[64];

	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", (int)tracer, (int)tracer);
	for (int i = 0; i < 2000; i++) {
		FILE *f = fopen(path, "re");
		long pid = 0;
		if (f && fgets(buf, sizeof(buf), f))
			pid = strtol(buf, NULL, 10);
		if (f)
			fclose(f);
		if (pid > 0)
			return (pid_t)pid;
		usleep(1000);
	}
	return 0;
}

/* A whole line: it ends with a newline, and is not a call's entry left open. */
static void assert_whole(const struct it_run *run, const char *how, int try)
{
	char *t = it_read_file(run->trace);
	cr_assert(t && *t, "%s, try %d: no trace", how, try);
	size_t len = strlen(t);
	cr_assert(t[len - 1] == '\n', "%s, try %d: the last line is torn: ...%s", how, try,
		  t + (len > 80 ? len - 80 : 0));
	t[len - 1] = '\0';
	const char *last = strrchr(t, '\n') ? strrchr(t, '\n') + 1 : t;
	bool whole = strstr(last, " = ") || strstr(last, "<unfinished ...>") ||
		     strstr(last, "<detached ...>") || strstr(last, "+++") || strstr(last, "---");
	cr_assert(whole, "%s, try %d: the last line is not whole: %s", how, try, last);
	free(t);
}

static void end_runs(const char *how, const char *opt, int sig, bool kill_job)
{
	if (it_tracer_is_strace())
		cr_skip_test("checks ptrc");
	for (int i = 0; i < TRIES; i++) {
		it_init(&r);
		const char *const argv[] = {opt, "-f", "-o", "@TRACE", it_prog("tp_busy"),
					    "4", NULL};
		it_start(&r, argv);
		pid_t job = job_of(r.pid);
		cr_assert(job > 0, "%s: the job never started", how);
		usleep(100000 + 20000 * i); /* lands anywhere in the calls */
		kill(kill_job ? job : r.pid, sig);
		cr_assert(it_wait(&r, IT_TIMEOUT), "%s, try %d: ptrc did not end", how, i);
		assert_whole(&r, how, i);
	}
}

Test(stress_lines, sigterm_to_ptrc_is_passed_on)
{
	end_runs("SIGTERM to ptrc", "-q", SIGTERM, false);
}

Test(stress_lines, sigterm_stops_ptrc_with_interruptible_1)
{
	end_runs("-I1, SIGTERM to ptrc", "-I1", SIGTERM, false);
}

Test(stress_lines, the_job_sigkilled)
{
	end_runs("SIGKILL to the job", "-q", SIGKILL, true);
}

static bool traced(pid_t pid, long unused)
{
	(void)unused;
	return it_tracer_pid(pid, pid) > 0;
}

Test(stress_lines, detach_on_sigint)
{
	char pidarg[16];

	if (it_tracer_is_strace())
		cr_skip_test("checks ptrc");
	for (int i = 0; i < TRIES; i++) {
		const char *const target[] = {it_prog("tp_busy"), "4", NULL};
		pid_t pid = it_spawn(target, NULL);
		snprintf(pidarg, sizeof(pidarg), "%d", (int)pid);
		it_init(&r);
		const char *const argv[] = {"-f", "-o", "@TRACE", "-p", pidarg, NULL};
		it_start(&r, argv);
		cr_assert(it_poll(traced, pid, 0), "detach, try %d: never attached", i);
		usleep(50000 + 20000 * i);
		kill(r.pid, SIGINT);
		cr_assert(it_wait(&r, IT_TIMEOUT), "detach, try %d: ptrc did not end", i);
		kill(pid, SIGKILL);
		assert_whole(&r, "detach on SIGINT", i);
	}
}
