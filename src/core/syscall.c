#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/ptrace.h>

#include "arch/abi.h"
#include "sys/remap.h"
#include "sys/sysent.h"
#include "policy_hook.h"
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
	task->flags |= TASK_DECODED;
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

/* A new call: its raw values, from the entry stop or the seccomp stop. */
static void start_event(struct task *task, const struct __ptrace_syscall_info *info, uint64_t nr,
			const uint64_t *args)
{
	struct sc_event *ev = &task->ev;
	const struct sysent *ent;

	arena_reset(&task->ar);
	memset(ev, 0, sizeof(*ev));
	task->flags &= ~TASK_DECODED;
	ev->abi = abi_by_audit_arch(info->arch);
	if (!ev->abi)
		ev->abi = abi_host();
	ev->nr = nr;
	for (int i = 0; i < SC_MAX_ARGS; i++)
		ev->raw[i] = args[i];
	ev->pc = info->instruction_pointer;
	ev->sp = info->stack_pointer;
	const char *name = systab_lookup(ev->abi, ev->nr, &ent);
	ev->ent = ent;
	/* Table names are static, so they outlive the arena. */
	task->prev_name = task->cur_name;
	task->cur_name = name;
	task->sub_name = sys_subcall(ev->abi, ev->nr, ev->raw, &task->proc->mem, task->sub_args);
	if ((task->flags & TASK_HIDDEN) && is_exec(name))
		task->flags &= ~TASK_HIDDEN;
}

void syscall_decode_for_report(struct tracer *t, struct task *task)
{
	if (!(task->flags & TASK_DECODED))
		decode_entry(t, task);
}

void on_seccomp_stop(struct tracer *t, struct task *task)
{
	struct __ptrace_syscall_info info;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, task->tid, (void *)sizeof(info), &info) <= 0 ||
	    info.op != PTRACE_SYSCALL_INFO_SECCOMP)
		return;
	start_event(task, &info, info.seccomp.nr, info.seccomp.args);
	if (task->flags & TASK_HIDDEN)
		return;
	policy_hook_entry(t, task);
	/* Under the filter there is no exit stop: a denied call gets its result now. */
	if (task->flags & TASK_DENIED)
		policy_hook_exit(t, task);
}

static void syscall_entry(struct tracer *t, struct task *task,
			  const struct __ptrace_syscall_info *info)
{
	struct sc_event *ev = &task->ev;

	if (task->flags & TASK_IN_SYSCALL)
		syscall_abandon(t, task);
	start_event(task, info, info->entry.nr, info->entry.args);
	task->flags |= TASK_IN_SYSCALL;
	debug_sc_record(t, task); /* for a crash report, even when not shown */
	if (task->flags & TASK_HIDDEN)
		return;
	policy_hook_entry(t, task);
	if (task->sub_name ? !sysfilter_match_name(t->trace, task->sub_name)
			   : !sysfilter_match(t->trace, ev->abi, ev->nr))
		return;
	if (printing(t) || t->cfg->npaths)
		syscall_decode_for_report(t, task);
	if (!select_by_path(t, task))
		return;
	task->flags |= TASK_SELECTED;
	/* The walk comes first so that -T and "duration" time the call, not the walk. */
	if (printing(t))
		debug_sc_walk(t, task);
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
	bool denied = policy_hook_exit(t, task);
	debug_sc_exit(t, task, denied ? ev->ret : info->exit.rval,
		      denied ? ev->is_error : info->exit.is_error);
	if (!(task->flags & TASK_SELECTED))
		return;
	task->flags &= ~TASK_SELECTED;
	if (timed(t))
		ev->duration_ns = elapsed_ns(&ev->t_entry);
	if (!denied) { /* a denied call's result is the -EPERM ptrc gave it */
		ev->ret = info->exit.rval;
		ev->is_error = info->exit.is_error;
	}
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
	debug_sc_print_stack(t, task);
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
		debug_sc_print_stack(t, task);
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
