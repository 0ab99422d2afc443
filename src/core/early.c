/*
 * Tasks whose first stop comes before their parent's fork, vfork or clone
 * event.  The kernel queues both at once and wait4 may return either first;
 * a busy threaded program does this for most of its threads.  Such a task is
 * held in that first stop until the event says who made it and how, so every
 * task gets its task_start (and a new process its parent's program) before
 * its first line.  The event nearly always follows at once, but a loaded
 * machine (ASan, two jobs on two cores) has delayed it past 200 ms.  So after
 * EARLY_WAIT_MS the task is held on while its maker can still report: another
 * live traced thread of its group, or its traced parent.  Once no such task
 * is left (it was killed before it could report), or after EARLY_CAP_MS
 * whatever happens, the task is announced with how "unknown" and let go.
 */
#include <errno.h>
#include <time.h>

#include "out/json.h"
#include "signals.h"
#include "tracer.h"
#include "util/clock.h"

enum { EARLY_WAIT_MS = 200, EARLY_RECHECK_MS = 50, EARLY_CAP_MS = 10000 };

static int64_t now_ms(void)
{
	return mono_now_ns() / 1000000;
}

void early_hold(struct tracer *t, struct task *task, int status)
{
	task->flags |= TASK_UNANNOUNCED;
	task->early_status = status;
	task->early_since_ms = now_ms();
	t->nearly++;
	sig_wake_within(EARLY_WAIT_MS * 1000000L);
}

/* No longer held: its stops are dispatched as they come. */
static void unhold(struct tracer *t, struct task *task)
{
	task->flags &= ~TASK_UNANNOUNCED;
	t->nearly--;
}

void early_forget(struct tracer *t, struct task *task)
{
	if (task->flags & TASK_UNANNOUNCED)
		unhold(t, task);
}

void early_claim(struct tracer *t, struct task *task, int how, const struct task *parent)
{
	unhold(t, task);
	proc_inherit_exe(task->proc, parent->proc);
	story_task_start(t, task, parent);
	emit_task_start(t, task, how, parent);
	tracer_dispatch(t, task->tid, task->early_status);
}

void early_announce_unknown(struct tracer *t, struct task *task)
{
	unhold(t, task);
	emit_task_start(t, task, JSON_START_UNKNOWN, NULL);
}

static bool alive_traced(struct tracer *t, pid_t tid)
{
	struct task *k = tid > 0 ? task_find(t, tid) : NULL;

	return k && !(k->flags & (TASK_EXITING | TASK_UNANNOUNCED));
}

/* Someone who can still send the clone, fork or vfork event is being traced. */
static bool maker_may_report(struct tracer *t, const struct task *task)
{
	if (task->proc->tgid != task->tid)
		return task->proc->nlive > 1; /* a thread: made by one of its group */
	return alive_traced(t, task_read_status_id(task->tid, "PPid"));
}

struct overdue {
	int64_t now;
	int64_t soonest; /* ms until the next held task is due, or -1 */
};

static void release_overdue(struct tracer *t, struct task *task, void *arg)
{
	struct overdue *o = arg;

	if (!(task->flags & TASK_UNANNOUNCED))
		return;
	int64_t waited = o->now - task->early_since_ms;
	int64_t left = EARLY_WAIT_MS - waited;
	if (left <= 0 && waited < EARLY_CAP_MS && maker_may_report(t, task))
		left = EARLY_RECHECK_MS;
	if (left > 0) {
		o->soonest = o->soonest < 0 || left < o->soonest ? left : o->soonest;
		return;
	}
	early_announce_unknown(t, task);
	tracer_dispatch(t, task->tid, task->early_status);
}

void early_poll(struct tracer *t)
{
	if (!t->nearly)
		return;
	struct overdue o = {now_ms(), -1};
	task_for_each(t, release_overdue, &o);
	if (o.soonest >= 0)
		sig_wake_within((o.soonest + 1) * 1000000L);
}
