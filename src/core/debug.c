/*
 * The event loop's side of -k stacks and crash reports: when to walk, when
 * to invalidate the unwinder's caches, when to build a report.  The work is
 * done by src/unwind and src/crash.
 */
#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#include "crash/crash.h"
#include "sys/sysent.h"
#include "ptrace.h"
#include "tracer.h"
#include "unwind/fmt_frames.h"

struct unwind_proc *debug_unwinder(struct tracer *t, struct proc *p)
{
	if (!p->unwind)
		p->unwind = unwind_proc_new(p->tgid, t->cfg->unwinder);
	return p->unwind;
}

void debug_proc_free(struct proc *p)
{
	unwind_proc_free(p->unwind);
	p->unwind = NULL;
}

void debug_task_init(struct tracer *t, struct task *task)
{
	crash_ring_init(&task->last,
			t->cfg->last_syscalls ? t->cfg->last_syscalls : CRASH_RING_DEFAULT);
}

void debug_task_free(struct task *task)
{
	crash_ring_free(&task->last);
}

/* Every syscall entry: a record for the task's crash report. */
void debug_sc_record(struct tracer *t, struct task *task)
{
	(void)t;
	task->last_sc = crash_ring_enter(&task->last, &task->ev);
	task->stack.n = 0;
}

void debug_walk_now(struct tracer *t, struct task *task)
{
	struct unwind_opts o = {.no_python = t->cfg->no_py_frames};

	if (unwind_walk(debug_unwinder(t, task->proc), task->tid, &o, &task->ar, &task->stack) < 0)
		task->stack.n = 0;
}

/*
 * Entry stop of a syscall that will be printed: walk the stack now (-k), print it at exit.
 * An exec's stack is walked at its exit, as strace -k does: the new program at its
 * entry point (at the entry it was the caller's, ptrc's own for the first exec).
 */
void debug_sc_walk(struct tracer *t, struct task *task)
{
	if (t->cfg->kflag && !(task->ev.ent && (task->ev.ent->traits & TR_EXEC)))
		debug_walk_now(t, task);
}

void debug_sc_exit_walk(struct tracer *t, struct task *task)
{
	if (t->cfg->kflag && task->ev.ent && (task->ev.ent->traits & TR_EXEC))
		debug_walk_now(t, task);
}

/*
 * Whether a memory-map call that succeeded can change what the unwinder
 * knows: the modules (file mappings) and the code (executable memory).  An
 * anonymous data mapping (every malloc arena, every pymalloc arena: a Python
 * job makes thousands) cannot, and invalidating for it cost a re-read of the
 * module list and of every symbol at the next walk.  munmap and mremap do not
 * either: entries for unmapped addresses are never looked up again, and code
 * mapped later comes with an mmap or mprotect of its own (a lookup that
 * misses also refreshes the module list once).
 */
static bool changes_code_map(const struct sc_event *ev)
{
	const char *name = ev->ent->name;

	if (ev->ent->traits & TR_ARGBLOCK)
		return true; /* i386's old mmap: the arguments are in memory, read at entry */
	if (!strcmp(name, "mmap") || !strcmp(name, "mmap2"))
		return !(ev->raw[3] & MAP_ANONYMOUS) || (ev->raw[2] & PROT_EXEC);
	if (!strcmp(name, "mprotect") || !strcmp(name, "pkey_mprotect"))
		return ev->raw[2] & PROT_EXEC;
	return strcmp(name, "munmap") && strcmp(name, "mremap");
}

/* Exit stop of every syscall, printed or not. */
void debug_sc_exit(struct tracer *t, struct task *task, int64_t ret, bool is_error)
{
	(void)t;
	crash_ring_exit(task->last_sc, ret, is_error);
	task->last_sc = NULL;
	const struct sysent *ent = task->ev.ent;
	if (task->proc->unwind && !is_error && ent && (ent->traits & TR_MAPS) &&
	    changes_code_map(&task->ev))
		unwind_invalidate(task->proc->unwind, UNWIND_MAPS);
}

/* After the syscall's line (text_sc_exit / text_sc_noreturn): its stack. */
void debug_sc_print_stack(struct tracer *t, struct task *task)
{
	/* JSON carries the frames inside the syscall's object. */
	if (!t->cfg->kflag || !task->stack.n || t->cfg->json)
		return;
	emit_stack(t, task);
	task->stack.n = 0;
}

void debug_exec(struct task *task)
{
	/* A new program: a new thread pointer, once its ld.so has set it. */
	task->tp_read = false;
	task->thread_ptr = 0;
	if (task->proc->unwind)
		unwind_invalidate(task->proc->unwind, UNWIND_EXEC);
}

/*
 * Signal-delivery stop: prints a crash report when the signal will kill the
 * process (or with --crash-handled).  Call before resuming with the signal.
 */
void debug_signal(struct tracer *t, struct task *task, const siginfo_t *si)
{
	struct crash_report rep;

	if (crash_should_report(task->tid, si, t->cfg->crash_handled) != 1)
		return;
	/* The NT_PRSTATUS set in the tracee's own layout: its size tells the ABI. */
	uint64_t regs[64];
	struct iovec iov = {.iov_base = regs, .iov_len = sizeof(regs)};
	bool have_regs = pt(PTRACE_GETREGSET, task->tid, (void *)NT_PRSTATUS, &iov) == 0;
	if (!have_regs && errno == ESRCH)
		return; /* gone: its death is reported as it comes */
	/* The last calls, decoded now as the trace would have shown them. */
	struct sc_event *last;
	size_t nlast = crash_ring_decode(&task->last, &task->proc->mem, &t->dopt, &task->ar, &last);
	struct unwind_opts uo = {.no_python = t->cfg->no_py_frames};
	struct crash_input in = {.pid = task->proc->tgid,
				 .tid = task->tid,
				 .si = *si,
				 .regset = have_regs ? regs : NULL,
				 .regset_len = iov.iov_len,
				 .mem = &task->proc->mem,
				 .unwinder = debug_unwinder(t, task->proc),
				 .uopts = &uo,
				 .last = last,
				 .nlast = nlast,
				 .last_partial = t->sc.on};
	if (crash_collect(&in, &task->ar, &rep) == -ESRCH)
		return;
	emit_crash(t, task, &rep);
}
