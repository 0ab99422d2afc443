/* The spinning wait's budget (core/spin.c): how it learns, and that it waits for real. */
#include <criterion/criterion.h>
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/spin.h"

/* spin.c's bounds, as its comment gives them: 5 µs, 50 µs to start, 200 µs. */
enum { MIN_NS = 5000, START_NS = 50000, MAX_NS = 200000 };

static struct spin spun_on(void)
{
	struct spin s;

	spin_init(&s, true);
	if (!s.on)
		cr_skip_test("ptrc may use one CPU here: no spin");
	return s;
}

Test(spin, off_when_not_wanted)
{
	struct spin s;

	spin_init(&s, false);
	cr_assert(!s.on);
	cr_assert_eq(s.budget_ns, 0);
	int status;
	cr_assert_eq(spin_wait4(&s, &status, NULL), 0, "no spin: the caller blocks");
}

Test(spin, short_blocks_grow_it_to_the_cap)
{
	struct spin s = spun_on();

	cr_assert_eq(s.budget_ns, START_NS);
	spin_learn(&s, 1000);
	cr_assert_eq(s.budget_ns, 2 * START_NS, "a stop came 1 µs after the spin gave up");
	spin_learn(&s, 1000);
	cr_assert_eq(s.budget_ns, MAX_NS, "never past the cap");
	/* Budget and block together past the cap: the gap was the tracees' own work. */
	spin_learn(&s, 1000);
	cr_assert_eq(s.budget_ns, MAX_NS / 2);
	s.budget_ns = MAX_NS * 3 / 4;
	spin_learn(&s, 1000);
	cr_assert_eq(s.budget_ns, MAX_NS, "doubled, and cut to the cap");
}

Test(spin, long_blocks_shrink_it_to_nothing_and_a_short_one_restarts_it)
{
	struct spin s = spun_on();

	for (int i = 0; i < 3; i++)
		spin_learn(&s, 1000000000);
	cr_assert_eq(s.budget_ns, START_NS / 8);
	spin_learn(&s, 1000000000);
	cr_assert_eq(s.budget_ns, 0, "below 5 µs a spin is not worth its calls");
	int status;
	cr_assert_eq(spin_wait4(&s, &status, NULL), 0);
	spin_learn(&s, 1000);
	cr_assert_eq(s.budget_ns, MIN_NS);
}

Test(spin, a_cooling_spin_blocks_at_once_then_starts_small)
{
	struct spin s = spun_on();
	int status;

	s.cool = 2;
	spin_learn(&s, 1000);
	cr_assert_eq(s.budget_ns, START_NS, "no learning while cooling");
	cr_assert_eq(spin_wait4(&s, &status, NULL), 0);
	cr_assert_eq(spin_wait4(&s, &status, NULL), 0);
	cr_assert_eq(s.cool, 0);
	cr_assert_eq(s.budget_ns, MIN_NS);
}

Test(spin, no_child_is_echild)
{
	struct spin s = spun_on();
	int status;

	cr_assert_eq(spin_wait4(&s, &status, NULL), -ECHILD);
}

/* A child that exits at once is reaped by the poll itself, its status whole. */
Test(spin, polls_up_a_child_that_ends)
{
	struct spin s = spun_on();
	int status = 0;
	pid_t child = fork();

	cr_assert(child >= 0);
	if (child == 0)
		_exit(7);
	pid_t got = 0;
	for (int i = 0; i < 100000 && got == 0; i++) {
		s.budget_ns = MAX_NS;
		got = spin_wait4(&s, &status, NULL);
	}
	cr_assert_eq(got, child);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 7, "status %#x", status);
}

/*
 * What a yield did, chosen by a stand-in yield and clock: the yield lets a child end (a stop
 * then waits) or not, and takes yield_ns of the stand-in clock (spin.c's long yield is 50 µs,
 * its longest round trip 200 µs).
 */
static int ready[2];
static int64_t fake_now, yield_ns;
static bool yield_ends_child;

static int64_t fake_clock(void)
{
	return fake_now;
}

static int fake_yield(void)
{
	siginfo_t si;

	if (yield_ends_child) {
		cr_assert_eq(write(ready[1], "x", 1), 1);
		cr_assert_eq(waitid(P_ALL, 0, &si, WEXITED | WNOWAIT), 0, "the child ended");
	}
	fake_now += yield_ns;
	return 0;
}

/* A child that ends (status 5) once a byte is written to ready[1]. */
static pid_t blocked_child(void)
{
	char c;

	cr_assert_eq(pipe(ready), 0);
	pid_t child = fork();
	cr_assert(child >= 0);
	if (child == 0)
		_exit(close(ready[1]) == 0 && read(ready[0], &c, 1) == 1 ? 5 : 1);
	return child;
}

static struct spin faked(bool ends_child, int64_t ns)
{
	struct spin s = spun_on();

	s.yield = fake_yield;
	s.clock = fake_clock;
	s.budget_ns = 1000000000;
	yield_ends_child = ends_child;
	yield_ns = ns;
	return s;
}

/* A long yield after which a stop waits ran a tracee's round trip on ptrc's CPU: the spin
 * returns that stop and stays on. */
Test(spin, a_long_yield_that_ran_the_round_trip_keeps_spinning)
{
	int status = 0;
	pid_t child = blocked_child();
	struct spin s = faked(true, 100000);

	cr_assert_eq(spin_wait4(&s, &status, NULL), child);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 5, "status %#x", status);
	cr_assert_eq(s.cool, 0, "the stop was there after the yield: no cooling");
	cr_assert_eq(s.budget_ns, 1000000000);
}

/* A yield longer than any round trip, even with a stop after it: a tracee computed on ptrc's
 * CPU.  The stop is returned, and the spin cools. */
Test(spin, a_yield_longer_than_a_round_trip_cools_but_returns_the_stop)
{
	int status = 0;
	pid_t child = blocked_child();
	struct spin s = faked(true, 300000);

	cr_assert_eq(spin_wait4(&s, &status, NULL), child);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 5, "status %#x", status);
	cr_assert_gt(s.cool, 0);
	cr_assert_eq(s.budget_ns, 0);
}

/* A long yield and no stop after it: something else computes on ptrc's CPU; block a while. */
Test(spin, a_long_yield_with_no_stop_after_it_cools)
{
	int status = 0;
	pid_t child = blocked_child();
	struct spin s = faked(false, 100000);

	cr_assert_eq(spin_wait4(&s, &status, NULL), 0);
	cr_assert_gt(s.cool, 0);
	cr_assert_eq(s.budget_ns, 0);
	close(ready[1]);
	cr_assert_eq(waitpid(child, &status, 0), child);
}

/* Short yields and no stop: the spin polls until its budget is spent, then the caller blocks. */
Test(spin, short_yields_spend_the_budget)
{
	int status = 0;
	pid_t child = blocked_child();
	struct spin s = faked(false, 1000);

	s.budget_ns = 50000;
	cr_assert_eq(spin_wait4(&s, &status, NULL), 0);
	cr_assert_eq(s.cool, 0);
	cr_assert_eq(s.budget_ns, 50000);
	close(ready[1]);
	cr_assert_eq(waitpid(child, &status, 0), child);
}
