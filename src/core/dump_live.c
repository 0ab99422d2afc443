/*
 * SIGUSR1 to a running ptrc: the hang report of every traced thread, read
 * without stopping any.  A thread blocked in a call is left in it: the call
 * comes from /proc/TID/syscall (or, when ptrc saw its entry, from the entry's
 * decoding, with the time since), the stack from that entry's -k walk, else
 * the Python frames alone (read from memory, no stop needed).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../arch/abi.h"
#include "dump.h"
#include "sys/decode.h"
#include "tracer.h"
#include "util/xalloc.h"
#include "util/clock.h"

struct task_list {
	struct task **v;
	size_t n, cap;
};

static void collect(struct tracer *t, struct task *task, void *arg)
{
	struct task_list *l = arg;

	(void)t;
	if (task->flags & (TASK_HIDDEN | TASK_UNANNOUNCED))
		return;
	if (l->n == l->cap)
		l->v = xrealloc(l->v, (l->cap = l->cap ? l->cap * 2 : 64) * sizeof(*l->v));
	l->v[l->n++] = task;
}

static int by_proc_then_tid(const void *a, const void *b)
{
	const struct task *x = *(struct task *const *)a, *y = *(struct task *const *)b;

	if (x->proc->tgid != y->proc->tgid)
		return (x->proc->tgid > y->proc->tgid) - (x->proc->tgid < y->proc->tgid);
	return (x->tid > y->tid) - (x->tid < y->tid);
}

static double seconds_since(const struct timespec *then)
{
	return (double)mono_since_ns(then) / 1e9;
}

static void read_live(struct tracer *t, struct task *task, struct arena *ar, struct dump_thread *th)
{
	struct proc *p = task->proc;
	uint64_t nr, args[6];

	th->tid = task->tid;
	dump_thread_facts(p->tgid, task->tid, ar, th);
	bool in_call = dump_read_syscall(p->tgid, task->tid, &nr, args) == 1;
	bool seen = (task->flags & TASK_IN_SYSCALL) && task->ev.ent && task->ev.nr == nr;
	if (in_call && seen) {
		th->ev = task->ev; /* decoded at its entry stop; lives in task->ar until its exit */
		th->blocked_s = seconds_since(&task->ev.t_entry);
	} else if (in_call) {
		/* A call the trace does not stop at (its seccomp filter): decoded now. */
		const struct ptrc_abi *abi = p->abi ? p->abi : abi_host();
		struct dctx d = {.mem = &p->mem, .ar = ar, .abi = abi, .opt = &t->dopt};
		sys_call_start(&th->ev, abi, nr, args, &p->mem, ar);
		sys_decode_entry(&d, &th->ev);
	}
	th->in_syscall = in_call;
	if (in_call && seen && task->stack.n) {
		th->stack = task->stack; /* -k: walked at the entry, printed after the exit */
		return;
	}
	th->walk_err = unwind_python_stack(debug_unwinder(t, p), task->tid, task->thread_ptr, ar,
					   &th->stack);
	th->note = "native frames: with -k, or from ptrc --dump -p, which stops each thread";
}

/* One process: its run of tasks in the sorted list. */
static void dump_one(struct tracer *t, struct task **tasks, size_t n)
{
	struct arena ar = {0};
	struct dump_proc p = {.pid = tasks[0]->proc->tgid};

	dump_proc_facts(&p, &ar);
	p.threads = arena_zalloc(&ar, n * sizeof(*p.threads));
	p.nthreads = n;
	for (size_t i = 0; i < n; i++)
		read_live(t, tasks[i], &ar, &p.threads[i]);
	dump_children(&p, &ar);
	dump_emit(t, &p, t->cfg->outfile != NULL);
	arena_free(&ar);
}

void tracer_dump_live(struct tracer *t)
{
	struct task_list l = {0};

	task_for_each(t, collect, &l);
	if (l.n)
		qsort(l.v, l.n, sizeof(*l.v), by_proc_then_tid);
	for (size_t i = 0, j; i < l.n; i = j) {
		for (j = i + 1; j < l.n && l.v[j]->proc == l.v[i]->proc; j++)
			;
		dump_one(t, l.v + i, j - i);
	}
	free(l.v);
}
