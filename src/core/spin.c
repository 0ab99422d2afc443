/* Spinning before the event loop's blocking wait (spin.h). */
#include "spin.h"

#include <errno.h>
#include <sched.h>
#include <sys/wait.h>

#include "signals.h"
#include "util/clock.h"

/*
 * The budget's bounds.  MAX is ten times a tracee's round trip from a resume to
 * its next stop on this project's slow 2-core VM (about 20 µs while spinning,
 * docs/performance.md); a longer gap is the tracees' own work.  Below MIN the
 * budget is 0: no spin until a short block says spin again.  A yield that took
 * YIELD_LONG gave the CPU to a task that wanted it for long; COOL is how many
 * waits block straight away after one did.
 */
enum {
	SPIN_MIN_NS = 5000,
	SPIN_START_NS = 50000,
	SPIN_MAX_NS = 200000,
	SPIN_YIELD_LONG_NS = 50000,
	SPIN_COOL_WAITS = 256,
};

void spin_init(struct spin *s, bool wanted)
{
	cpu_set_t cpus;

	*s = (struct spin){.on = wanted, .yield = sched_yield, .clock = mono_now_ns};
	if (s->on && sched_getaffinity(0, sizeof(cpus), &cpus) == 0 && CPU_COUNT(&cpus) < 2)
		s->on = false;
	s->budget_ns = s->on ? SPIN_START_NS : 0;
}

/* One poll: a stop's pid, 0 when none waits, -EINTR when ptrc was signalled, or -errno. */
static pid_t spin_poll(int *status, struct rusage *ru)
{
	pid_t pid = wait4(-1, status, __WALL | WNOHANG, ru);

	if (pid < 0)
		return -errno;
	return pid == 0 && sig_woken() ? -EINTR : pid;
}

pid_t spin_wait4(struct spin *s, int *status, struct rusage *ru)
{
	if (s->cool > 0) {
		if (--s->cool == 0)
			s->budget_ns = SPIN_MIN_NS;
		return 0;
	}
	if (!s->on || s->budget_ns <= 0)
		return 0;
	int64_t start = s->clock(), now = start;
	pid_t pid = 0;
	do {
		pid = spin_poll(status, ru);
		if (pid != 0)
			break;
		/*
		 * A tracee resumed from a stop may be put on ptrc's CPU: the yield lets
		 * it run to its next stop, and then a long yield was that round trip,
		 * whose stop now waits.  A long yield with no stop after it, or one
		 * longer than any round trip (SPIN_MAX_NS), gave the CPU to something
		 * that computes: spinning would take that CPU from it, so the spin cools
		 * off (and returns the stop that came, if one did).
		 */
		int64_t before = s->clock();
		s->yield();
		now = s->clock();
		if (now - before >= SPIN_YIELD_LONG_NS) {
			pid = spin_poll(status, ru);
			if (pid == 0 || now - before >= SPIN_MAX_NS) {
				s->budget_ns = 0;
				s->cool = SPIN_COOL_WAITS;
			}
			break;
		}
	} while (now - start < s->budget_ns);
	return pid;
}

void spin_learn(struct spin *s, int64_t blocked_ns)
{
	if (!spin_learns(s))
		return;
	if (s->budget_ns + blocked_ns < SPIN_MAX_NS) {
		/* The stop came soon after the spin gave up: a longer one would have had it. */
		s->budget_ns = s->budget_ns < SPIN_MIN_NS ? SPIN_MIN_NS : s->budget_ns * 2;
		if (s->budget_ns > SPIN_MAX_NS)
			s->budget_ns = SPIN_MAX_NS;
	} else {
		/* The tracees were busy (or idle) for long: spinning would have been wasted. */
		s->budget_ns /= 2;
		if (s->budget_ns < SPIN_MIN_NS)
			s->budget_ns = 0;
	}
}
