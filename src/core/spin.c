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
 * budget is 0: no spin until a short block says spin again.  A spin that is
 * LONG asks whether it kept a tracee off this CPU; COOL is how many waits block
 * straight away after it did.
 */
enum {
	SPIN_MIN_NS = 5000,
	SPIN_START_NS = 50000,
	SPIN_MAX_NS = 200000,
	SPIN_LONG_NS = 20000,
	SPIN_COOL_WAITS = 256,
};

void spin_init(struct spin *s, bool wanted)
{
	cpu_set_t cpus;

	*s = (struct spin){.on = wanted};
	if (s->on && sched_getaffinity(0, sizeof(cpus), &cpus) == 0 && CPU_COUNT(&cpus) < 2)
		s->on = false;
	s->budget_ns = s->on ? SPIN_START_NS : 0;
}

static long involuntary_switches(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_THREAD, &ru) == 0 ? ru.ru_nivcsw : 0;
}

/*
 * Each turn yields the CPU: a runnable tracee on it runs, and the switch counts
 * as involuntary (sched_yield leaves ptrc runnable).  So a long spin whose count
 * rose took a CPU some tracee wanted, and the spin cools off for a while.
 */
static void check_contention(struct spin *s)
{
	long n = involuntary_switches();

	if (n > s->nivcsw) {
		s->budget_ns = 0;
		s->cool = SPIN_COOL_WAITS;
	}
	s->nivcsw = n;
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
	int64_t start = mono_now_ns(), now = start;
	pid_t pid = 0;
	do {
		pid = wait4(-1, status, __WALL | WNOHANG, ru);
		if (pid != 0)
			break;
		if (sig_woken()) {
			pid = -EINTR;
			break;
		}
		sched_yield();
		now = mono_now_ns();
	} while (now - start < s->budget_ns);
	if (now - start >= SPIN_LONG_NS)
		check_contention(s);
	return pid < 0 && pid != -EINTR ? -errno : pid;
}

void spin_learn(struct spin *s, int64_t blocked_ns)
{
	if (!s->on || s->cool > 0)
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
