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
#include <time.h>
#include <unistd.h>

TestSuite(stress, .fini = it_fini, .timeout = 600);

static struct it_run r;

static bool has_tasks(pid_t pid, long want)
{
	pid_t tids[512];

	return it_tasks(pid, tids, 512) >= want;
}

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
		cr_assert(it_poll(has_tasks, pid, threads + 1),
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
