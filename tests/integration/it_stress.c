/*
 * Slow checks (label "stress"): detach stays prompt while every thread of the
 * target makes syscalls without pause.  Each try is bounded by IT_TIMEOUT; the
 * times are printed for docs/reliability.md, never asserted.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

TestSuite(stress, .fini = it_fini, .timeout = 600);

static struct it_run r;

static bool all_traced(pid_t pid, long want)
{
	pid_t tids[512];
	int n = it_tasks(pid, tids, 512);

	for (int i = 0; i < n; i++)
		if (it_tracer_pid(pid, tids[i]) <= 0)
			return false;
	return n >= want;
}

static bool none_traced(pid_t pid, long unused)
{
	pid_t tids[512];
	int n = it_tasks(pid, tids, 512);

	(void)unused;
	for (int i = 0; i < n; i++)
		if (it_tracer_pid(pid, tids[i]) != 0)
			return false;
	return n > 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Attach to threads+1 busy tasks, ^C, and wait for every task to be free: tries times. */
static void detach_under_load(int threads, int tries)
{
	char count[16], pidarg[16];
	double worst = 0, total = 0;

	if (it_tracer_is_strace())
		cr_skip_test("measures ptrc");
	snprintf(count, sizeof(count), "%d", threads);
	for (int i = 0; i < tries; i++) {
		const char *const target[] = {it_prog("tp_busy"), count, NULL};
		pid_t pid = it_spawn(target, NULL);
		cr_assert(it_poll(it_has_tasks, pid, threads + 1),
			  "the target never started its threads");
		snprintf(pidarg, sizeof(pidarg), "%d", (int)pid);
		it_init(&r);
		const char *const argv[] = {"-q", "-f", "-o", "/dev/null", "-p", pidarg, NULL};
		it_start(&r, argv);
		cr_assert(it_poll(all_traced, pid, threads + 1), "not every thread was attached");
		double t0 = now();
		kill(r.pid, SIGINT);
		/* ptrc exits once every task is detached. */
		cr_assert(it_wait(&r, IT_TIMEOUT), "try %d: the tracer did not exit %d s after ^C",
			  i, IT_TIMEOUT);
		double took = now() - t0;
		total += took;
		worst = took > worst ? took : worst;
		cr_assert(none_traced(pid, 0), "try %d: a task is still traced after the exit", i);
		it_assert_signal_exit(&r, SIGINT);
		kill(pid, SIGKILL);
	}
	fprintf(stderr,
		"stress: detach with %d busy threads: %d tries, mean %.3f s, worst %.3f s\n",
		threads + 1, tries, total / tries, worst);
}

/* One test, so that the two sizes never run side by side: each loads every CPU. */
Test(stress, detach_is_prompt_with_64_and_256_busy_threads)
{
	detach_under_load(63, 20);
	detach_under_load(255, 20);
}

/* Peak RSS in KiB of TRACER -f -o /dev/null tp_load CALLS PROCS; the run must end well. */
static long peak_rss(const char *tracer, const char *calls, const char *procs)
{
	struct rusage ru;
	int status;
	pid_t pid = fork();

	cr_assert(pid >= 0);
	if (pid == 0) {
		execl(tracer, tracer, "-f", "-o", "/dev/null", it_prog("tp_load"), calls, procs,
		      (char *)NULL);
		_exit(127);
	}
	cr_assert(wait4(pid, &status, 0, &ru) == pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s: status %#x", tracer, status);
	return ru.ru_maxrss;
}

/*
 * A trace ten times as long and wide (a million calls, 2,000 processes of two
 * threads) takes no more memory: nothing is kept per event or per ended task.
 */
Test(stress, memory_does_not_grow_with_calls_or_processes)
{
	if (it_tracer_is_strace())
		cr_skip_test("measures ptrc");
	long small = peak_rss(it_tracer(), "100000", "200");
	long big = peak_rss(it_tracer(), "1000000", "2000");
	long strace_kb = access("/usr/bin/strace", X_OK) == 0
				 ? peak_rss("/usr/bin/strace", "1000000", "2000")
				 : 0;
	fprintf(stderr,
		"stress: peak RSS of ptrc: %ld KiB for 100,000 calls in 200 processes, "
		"%ld KiB for 1,000,000 in 2,000 (strace 6.1: %ld KiB)\n",
		small, big, strace_kb);
	cr_expect(big <= small + small / 4 + 2048,
		  "peak RSS grew from %ld KiB to %ld KiB with ten times the calls and processes",
		  small, big);
}
