#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/ptrace.h>

#include "arch/abi.h"
#include "sys/sysent.h"
#include "tracer.h"

static void decode_ctx(struct tracer *t, struct task *task, struct dctx *d)
{
	d->mem = &task->proc->mem;
	d->ar = &task->ar;
	d->abi = task->ev.abi;
	d->opt = &t->dopt;
}

static bool is_exec(const char *name)
{
	return name && (!strcmp(name, "execve") || !strcmp(name, "execveat"));
}

/* strace's way of showing which call the kernel restarts. */
static void show_restarted(struct task *task, struct sc_event *ev)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "<... resuming interrupted %s ...>",
		 task->prev_name ? task->prev_name : "call");
	ev->nargs = ev->split = 1;
	val_expr(&ev->args[0], arena_strndup(&task->ar, buf, strlen(buf)));
}

/* Whether the trace lines are printed at all (-c prints only the summary). */
static bool printing(const struct tracer *t)
{
	return t->cfg->cflag != 1;
}

/* -e status= needs the outcome before anything of the call is printed. */
static bool deferred(const struct tracer *t)
{
	return t->cfg->status_mask != 0;
}

static void print_entry(struct tracer *t, struct task *task)
{
	emit_sc_entry(t, task);
	task->flags |= TASK_PRINTED;
}

static void decode_entry(struct tracer *t, struct task *task)
{
	struct sc_event *ev = &task->ev;
	struct dctx d;

	decode_ctx(t, task, &d);
	sys_decode_entry(&d, ev);
	if (!strcmp(ev->name, "restart_syscall"))
		show_restarted(task, ev);
	fdpaths_annotate(t, task, 0, ev->nargs, false);
}

/* -T, -c -w and JSON (its "duration") measure each call. */
static bool timed(const struct tracer *t)
{
	return t->cfg->Tflag || (t->cfg->cflag && t->cfg->wflag) || t->cfg->json;
}

static void start_clock(struct tracer *t, struct sc_event *ev)
{
	ev->duration_ns = -1;
	if (timed(t))
		clock_gettime(CLOCK_MONOTONIC, &ev->t_entry);
	if (t->cfg->json)
		clock_gettime(CLOCK_REALTIME, &ev->t_wall);
	ev->stime_entry_ns = t->stop_stime_ns;
}

static void syscall_entry(struct tracer *t, struct task *task,
			  const struct __ptrace_syscall_info *info)
{
	struct sc_event *ev = &task->ev;
	const struct sysent *ent;

	if (task->flags & TASK_IN_SYSCALL)
		syscall_abandon(t, task);
	arena_reset(&task->ar);
	memset(ev, 0, sizeof(*ev));
	ev->abi = abi_by_audit_arch(info->arch);
	if (!ev->abi)
		ev->abi = abi_host();
	ev->nr = info->entry.nr;
	for (int i = 0; i < SC_MAX_ARGS; i++)
		ev->raw[i] = info->entry.args[i];
	ev->pc = info->instruction_pointer;
	ev->sp = info->stack_pointer;
	task->flags |= TASK_IN_SYSCALL;

	const char *name = systab_lookup(ev->abi, ev->nr, &ent);
	/* Table names are static, so they outlive the arena. */
	task->prev_name = task->cur_name;
	task->cur_name = name;
	if ((task->flags & TASK_HIDDEN) && is_exec(name))
		task->flags &= ~TASK_HIDDEN;
	if ((task->flags & TASK_HIDDEN) || !sysfilter_match(t->trace, ev->abi, ev->nr))
		return;
	if (printing(t) || t->cfg->npaths)
		decode_entry(t, task);
	if (!select_by_path(t, task))
		return;
	task->flags |= TASK_SELECTED;
	start_clock(t, ev);
	if (printing(t) && !deferred(t))
		print_entry(t, task);
}

static int64_t elapsed_ns(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000000000LL + (now.tv_nsec - since->tv_nsec);
}

static void count(struct tracer *t, struct sc_event *ev)
{
	uint64_t ns =
		t->cfg->wflag ? (uint64_t)ev->duration_ns : t->stop_stime_ns - ev->stime_entry_ns;

	summary_add(&t->summary, ev->abi, ev->nr, ev->is_error, ns);
}

static void syscall_exit(struct tracer *t, struct task *task,
			 const struct __ptrace_syscall_info *info)
{
	struct sc_event *ev = &task->ev;

	if (!(task->flags & TASK_IN_SYSCALL))
		return; /* the exit of a call that was under way when we attached */
	task->flags &= ~TASK_IN_SYSCALL;
	if (!(task->flags & TASK_SELECTED))
		return;
	task->flags &= ~TASK_SELECTED;
	if (timed(t))
		ev->duration_ns = elapsed_ns(&ev->t_entry);
	ev->ret = info->exit.rval;
	ev->is_error = info->exit.is_error;
	if (t->cfg->cflag)
		count(t, ev);
	if (!printing(t))
		return;
	struct dctx d;
	decode_ctx(t, task, &d);
	sys_decode_exit(&d, ev);
	fdpaths_annotate(t, task, ev->split, ev->nargs, true);
	if (deferred(t)) {
		if (!select_by_status(t, ev, 0))
			return;
		print_entry(t, task);
	}
	task->flags &= ~TASK_PRINTED;
	emit_sc_exit(t, task);
}

void syscall_abandon(struct tracer *t, struct task *task)
{
	bool print = task->flags & TASK_PRINTED;

	if (!print && (task->flags & TASK_SELECTED) && printing(t) && deferred(t) &&
	    select_by_status(t, &task->ev, STATUS_UNFINISHED)) {
		print_entry(t, task);
		print = true;
	}
	if (print) {
		task->ev.exited = false;
		emit_sc_exit(t, task);
	}
	task->flags &= ~(TASK_PRINTED | TASK_IN_SYSCALL | TASK_SELECTED);
}

/* strace announces a process whose syscalls switch ABI (execve of a 32-bit program). */
static void check_personality(struct tracer *t, struct task *task, uint32_t arch)
{
	const struct ptrc_abi *abi = abi_by_audit_arch(arch);
	struct proc *p = task->proc;

	if (!abi || abi == p->abi)
		return;
	if (!p->abi)
		p->abi = abi_host();
	if (abi != p->abi && task_visible(t, task))
		emit_personality(t, task, abi);
	p->abi = abi;
}

void on_syscall_stop(struct tracer *t, struct task *task)
{
	struct __ptrace_syscall_info info;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, task->tid, (void *)sizeof(info), &info) < 0)
		return; /* ESRCH: gone; its exit status follows */
	switch (info.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		check_personality(t, task, info.arch);
		syscall_entry(t, task, &info);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		syscall_exit(t, task, &info);
		break;
	default:
		break;
	}
	task_resume(t, task, 0);
}
