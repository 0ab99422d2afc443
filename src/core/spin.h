/*
 * Spinning before the event loop's blocking wait (spin.c).  A tracee resumed
 * from a syscall stop is usually back at its next stop within microseconds.
 * A tracer asleep in wait4 must then be woken, and on a machine whose idle CPUs
 * halt (every VM) that wake-up costs more than the stop itself.  So ptrc first
 * polls with WNOHANG for a while, for at most a budget learned from how long its
 * blocking waits turn out to take, as the kernel's haltpoll governor learns its
 * window: short blocks grow it, long ones shrink it, down to no spin at all.
 * A spin yields the CPU at every turn, and stops for a while when a yield
 * gave the CPU away for long and no stop came of it, or for longer than a
 * round trip (a long yield that ends with a stop waiting ran a tracee to that
 * stop): the tracees' CPU time is not what pays for it.
 * The tracees see nothing of it; ptrc's CPU time is what it costs.
 */
#ifndef PTRC_CORE_SPIN_H
#define PTRC_CORE_SPIN_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>

struct spin {
	bool on;
	int64_t budget_ns;	/* how long the next wait polls before it blocks */
	unsigned cool;		/* waits left that block at once: a spin kept a tracee waiting */
	int (*yield)(void);	/* sched_yield; a test's stand-in, to choose what a yield did */
	int64_t (*clock)(void); /* mono_now_ns; a test's, to choose how long it took */
};

/* Off when not wanted, or when ptrc may use a single CPU (its spin would take
 * the tracee's). */
void spin_init(struct spin *s, bool wanted);
/*
 * wait4(-1, status, __WALL | WNOHANG, ru) until a stop comes or the budget is
 * spent: its pid, 0 when none came, or -errno (-EINTR: a signal to ptrc came,
 * which the loop must see).
 */
pid_t spin_wait4(struct spin *s, int *status, struct rusage *ru);
/* Whether spin_learn wants the next blocking wait's time (not while cooling).
 * Inline: the loop asks at every stop. */
static inline bool spin_learns(const struct spin *s)
{
	return s->on && s->cool == 0;
}
/* After a blocking wait that took blocked_ns: the next budget. */
void spin_learn(struct spin *s, int64_t blocked_ns);

#endif
