#include <errno.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/utsname.h>

#include "arch/abi.h"
#include "arch/host.h"
#include "sys/decode.h"
#include "sys/sysent.h"
#include "policy_hook.h"
#include "ptrace.h"
#include "tracer.h"
#include "util/clock.h"

static void decode_ctx(struct tracer *t, struct task *task, struct dctx *d)
{
	d->mem = &task->proc->mem;
	d->ar = &task->ar;
	d->abi = task->ev.abi;
	d->opt = &t->dopt;
	d->interrupted = task->prev_name;
	decenv_init(&d->env, task);
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
	fdpaths_annotate(t, task, 0, ev->nargs, false);
	pidcomm_annotate(t, task, 0, ev->nargs, false);
	task->flags |= TASK_DECODED;
}

/* -T, -c -w and JSON (its "duration") measure each call. */
static bool timed(const struct tracer *t)
{
	return t->cfg->Tflag || (t->cfg->cflag && t->cfg->wflag) || t->cfg->json || t->tl.on;
}

static void start_clock(struct tracer *t, struct sc_event *ev)
{
	ev->duration_ns = -1;
	/* Again, after the decoding and the -k walk: -T times the call alone. */
	clock_gettime(CLOCK_MONOTONIC, &ev->t_entry);
	if (t->cfg->json)
		clock_gettime(CLOCK_REALTIME, &ev->t_wall);
	ev->stime_entry_ns = t->stop_stime_ns;
}

/*
 * A new call, from the entry stop or the seccomp stop: looked up once here
 * (sys_call_start); everything after reads task->ev.
 */
static void start_event(struct task *task, const struct __ptrace_syscall_info *info, uint64_t nr,
			const uint64_t *args)
{
	struct sc_event *ev = &task->ev;
	const struct ptrc_abi *abi = abi_by_audit_arch(info->arch);

	/* Signatures are static, so the name outlives the arena (restart_syscall's). */
	task->prev_name = ev->ent ? ev->ent->name : NULL;
	arena_reset(&task->ar);
	task->flags &= ~TASK_DECODED;
	sys_call_start(ev, abi ? abi : abi_host(), nr, args, &task->proc->mem, &task->ar);
	ev->pc = info->instruction_pointer;
	ev->sp = info->stack_pointer;
	/* Every call, selected or not: the hang report (SIGUSR1) says how long a call has been
	 * blocked, and the story how long each process spent in its calls. */
	clock_gettime(CLOCK_MONOTONIC, &ev->t_entry);
	task->lead_ip = ev->pc;
	task->lead_ip_known = true;
	if ((task->flags & TASK_HIDDEN) && ev->ent && (ev->ent->traits & TR_EXEC))
		task->flags &= ~TASK_HIDDEN;
}

static void syscall_decode_for_report(struct tracer *t, struct task *task)
{
	if (!(task->flags & TASK_DECODED))
		decode_entry(t, task);
}

static void kill_tree(struct tracer *t, struct task *task, void *arg)
{
	(void)t;
	(void)arg;
	kill(task->tid, SIGKILL);
}

/* The policy's check; a violation is reported with the call and its stack, then acted on. */
static void enforce(struct tracer *t, struct task *task)
{
	struct policy_verdict v;

	if (!policy_hook_check(t, task, &v))
		return;
	policy_hook_count(t, task, &v);
	syscall_decode_for_report(t, task);
	/* Violations always carry the stack of the code that made the call. */
	debug_walk_now(t, task);
	policy_hook_record(t, task, &v);
	emit_violation(t, task, &v, policy_hook_action_name(t));
	switch (t->cfg->policy_action) {
	case POLICY_ACT_DENY:
		/* -1 skips the call; its exit (deny_result) then gets -EPERM. */
		if (host_set_syscall(task->tid, -1) == 0)
			task->flags |= TASK_DENIED;
		break;
	case POLICY_ACT_KILL:
		t->pol.killed = true;
		task_for_each(t, kill_tree, NULL);
		break;
	case POLICY_ACT_REPORT:
		break;
	}
}

void policy_exec_check(struct tracer *t, struct task *task, unsigned word_size, const char *caller)
{
	struct policy_verdict v;
	const struct sysent *ent = task->ev.ent;

	/* Only an exec whose entry was judged: the same rules, on what the kernel ran. */
	if (!(task->flags & TASK_IN_SYSCALL) || !ent || !(ent->traits & TR_EXEC) ||
	    !policy_hook_recheck_exec(t, task, word_size, caller, &v))
		return;
	/* The caller's violation: told with the program that made the call. */
	char *ran = task->proc->exe;
	task->proc->exe = (char *)caller;
	policy_hook_count(t, task, &v);
	policy_hook_record(t, task, &v);
	emit_violation(t, task, &v, policy_hook_action_name(t));
	task->proc->exe = ran;
	/* The call cannot fail any more: the program dies before its first instruction. */
	if (t->cfg->policy_action == POLICY_ACT_KILL) {
		t->pol.killed = true;
		task_for_each(t, kill_tree, NULL);
	} else if (t->cfg->policy_action == POLICY_ACT_DENY) {
		kill(task->tid, SIGKILL);
	}
}

/* At the exit of a call the policy skipped: it returns -EPERM.  True when it was one. */
static bool deny_result(struct task *task)
{
	if (!(task->flags & TASK_DENIED))
		return false;
	task->flags &= ~TASK_DENIED;
	host_set_return(task->tid, -EPERM);
	task->ev.ret = -EPERM;
	task->ev.is_error = true;
	return true;
}

/* Writes v at addr in the tracee's memory (clone3's struct clone_args).  0 or -errno. */
static int write_u64(pid_t tid, uint64_t addr, uint64_t v)
{
	struct iovec local = {&v, sizeof(v)};
	struct iovec remote = {(void *)(uintptr_t)addr, sizeof(v)};

	if (process_vm_writev(tid, &local, 1, &remote, 1, 0) == (ssize_t)sizeof(v))
		return 0;
	return errno ? -errno : -EFAULT;
}

/*
 * CLONE_UNTRACED makes a child no tracer sees: with -f it would run
 * unfollowed, walking around a policy, and under the job's seccomp filter
 * its trapped calls would fail with ENOSYS.  The flag is taken out before the
 * kernel reads it (issue 16); the line still shows what the program asked.
 */
static void keep_traced(struct tracer *t, struct task *task)
{
	const struct sc_event *ev = &task->ev;
	bool in_args = ev->ent && (ev->ent->traits & TR_CLONE_ARGS);
	uint64_t flags = ev->raw[0];

	if (!t->cfg->follow || !ev->ent || !(ev->ent->traits & TR_CLONE))
		return;
	if (in_args && tmem_read(&task->proc->mem, ev->raw[0], &flags, sizeof(flags)) < 0)
		return; /* unreadable: the kernel fails the call (EFAULT) */
	if (!(flags & CLONE_UNTRACED))
		return;
	flags &= ~(uint64_t)CLONE_UNTRACED;
	int rc = in_args ? write_u64(task->tid, ev->raw[0], flags)
			 : host_set_arg(task->tid, ev->abi, 0, flags);
	if (rc < 0)
		tracer_msg("task %d: cannot take CLONE_UNTRACED out of its %s: %s; its child "
			   "may run untraced",
			   (int)task->tid, ev->name, strerror(-rc));
	else if (!t->said_untraced)
		tracer_msg("task %d: %s with CLONE_UNTRACED: the flag was taken out so that "
			   "the child is traced too",
			   (int)task->tid, ev->name);
	t->said_untraced |= rc == 0;
}

/* -e trace= and -P: whether the call is shown (and tampered with); its entry half printed now. */
static void select_and_print(struct tracer *t, struct task *task)
{
	struct sc_event *ev = &task->ev;

	if (ev->via ? !sysfilter_match_name(t->trace, ev->name)
		    : !sysfilter_match(t->trace, ev->abi, ev->nr))
		return;
	if (printing(t) || t->cfg->npaths)
		syscall_decode_for_report(t, task);
	if (!select_by_path(t, task))
		return;
	task->flags |= TASK_SELECTED;
	/* Tampered before the line: poke_enter='s bytes are what the arguments show. */
	if (inject_entry(t, task) && (printing(t) || t->cfg->npaths))
		decode_entry(t, task);
	/* The walk comes first so that -T and "duration" time the call, not the walk. */
	if (printing(t))
		debug_sc_walk(t, task);
	start_clock(t, ev);
	if (printing(t) && !deferred(t))
		print_entry(t, task);
}

/* A call's start, at its entry stop or at its seccomp stop. */
static void call_entry(struct tracer *t, struct task *task,
		       const struct __ptrace_syscall_info *info, uint64_t nr, const uint64_t *args)
{
	bool launching = task->flags & TASK_HIDDEN; /* the launched command's own execve */

	if (task->flags & TASK_IN_SYSCALL)
		syscall_abandon(t, task);
	start_event(task, info, nr, args);
	task->flags |= TASK_IN_SYSCALL;
	status_syscall_entry(t, task);
	debug_sc_record(t, task); /* for a crash report, even when not shown */
	if (!(task->flags & TASK_HIDDEN)) {
		enforce(t, task);
		select_and_print(t, task);
	}
	/* After the entry was decoded: the line shows the flags the program asked for. */
	keep_traced(t, task);
	/* -b execve: a program the job runs is let go of as it starts (task_resume). */
	if (t->cfg->detach_on_exec && !launching && task->ev.ent &&
	    (task->ev.ent->traits & TR_EXEC))
		task->flags |= TASK_DETACH_NOW;
}

static void count(struct tracer *t, struct sc_event *ev)
{
	uint64_t ns =
		t->cfg->wflag ? (uint64_t)ev->duration_ns : t->stop_stime_ns - ev->stime_entry_ns;

	/* -O: what tracing adds to each call, taken off (strace's --summary-syscall-overhead). */
	ns = ns > t->cfg->overhead_ns ? ns - t->cfg->overhead_ns : 0;
	summary_add(&t->summary, ev->abi, ev->nr, ev->is_error, ns);
}

static void syscall_exit(struct tracer *t, struct task *task,
			 const struct __ptrace_syscall_info *info)
{
	struct sc_event *ev = &task->ev;

	if (!(task->flags & TASK_IN_SYSCALL))
		return; /* the exit of a call that was under way when we attached */
	task->flags &= ~TASK_IN_SYSCALL;
	/* Both give the call a result of ptrc's: -EPERM, or -e inject='s. */
	bool denied = deny_result(task) || inject_exit(t, task);
	debug_sc_exit(t, task, denied ? ev->ret : info->exit.rval,
		      denied ? ev->is_error : info->exit.is_error);
	/* Every exit ptrc sees counts, selected or not (-e trace=none too). */
	story_sc_exit(t, task, denied ? ev->is_error : info->exit.is_error,
		      denied ? ev->ret : info->exit.rval);
	if (!(task->flags & TASK_SELECTED))
		return;
	task->flags &= ~TASK_SELECTED;
	if (timed(t))
		ev->duration_ns = mono_since_ns(&ev->t_entry);
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
	pidcomm_annotate(t, task, ev->split, ev->nargs, true);
	if (deferred(t)) {
		if (!select_by_status(t, ev, 0))
			return;
		print_entry(t, task);
	}
	task->flags &= ~TASK_PRINTED;
	debug_sc_exit_walk(t, task);
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

/*
 * The stop's call cannot be read.  Before any call could be, the kernel lacks
 * the request (Linux 5.3 added it): nothing can be traced, so the run ends;
 * later it is a lost call, said once, and the status says the trace is short.
 */
static void syscall_info_failed(struct tracer *t, struct task *task, int err)
{
	struct utsname u;

	if (!t->have_syscall_info) {
		uname(&u);
		tracer_msg(
			"PTRACE_GET_SYSCALL_INFO: %s: ptrc needs Linux 5.3 or later (this is %s)",
			strerror(err), u.release);
		t->unsupported = true;
		return;
	}
	if (!t->syscall_info_lost)
		tracer_msg("cannot read a system call of task %d: %s; the trace misses it",
			   (int)task->tid, strerror(err));
	t->syscall_info_lost = true;
	t->output_lost = true;
}

/*
 * A call the job's filter trapped (seccomp.c).  The task goes on to the
 * call's exit stop (task_resume: PTRACE_SYSCALL) when the call is shown, is
 * an exec, or -k must see a memory-map change; a call trapped only for the
 * policy has no exit stop, so a denied one gets its result now.
 */
void on_seccomp_stop(struct tracer *t, struct task *task)
{
	struct __ptrace_syscall_info info;

	long n = pt(PTRACE_GET_SYSCALL_INFO, task->tid, (void *)sizeof(info), &info);

	if (n < 0) {
		if (errno != ESRCH)
			syscall_info_failed(t, task, errno);
		return;
	}
	if (n == 0 || info.op != PTRACE_SYSCALL_INFO_SECCOMP)
		return; /* not a seccomp stop after all: nothing to read, no error to say */
	t->have_syscall_info = true;
	check_personality(t, task, info.arch);
	call_entry(t, task, &info, info.seccomp.nr, info.seccomp.args);
	const struct sysent *ent = task->ev.ent;
	bool maps = t->cfg->kflag && ent && (ent->traits & TR_MAPS);
	/* An exec's exit too: the crash ring's "= 0", at one stop per program run. */
	if ((task->flags & TASK_SELECTED) || maps || (ent && (ent->traits & TR_EXEC)))
		return;
	/* A tampered call's result, signal and delay come at its exit; an open's for the tree. */
	if (task->inject || story_wants(t, ent))
		return;
	task->flags &= ~TASK_IN_SYSCALL;
	deny_result(task);
}

void on_syscall_stop(struct tracer *t, struct task *task)
{
	struct __ptrace_syscall_info info;

	if (pt(PTRACE_GET_SYSCALL_INFO, task->tid, (void *)sizeof(info), &info) < 0) {
		if (errno == ESRCH)
			return; /* gone; its exit status follows */
		syscall_info_failed(t, task, errno);
		task_resume(t, task, 0);
		return;
	}
	t->have_syscall_info = true;
	switch (info.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		check_personality(t, task, info.arch);
		call_entry(t, task, &info, info.entry.nr, info.entry.args);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		syscall_exit(t, task, &info);
		break;
	default:
		break;
	}
	if (task->flags & TASK_DELAYED)
		return; /* -e inject=:delay_*: inject_poll() resumes it */
	/* -e inject=:signal=: sent as the exit stop is left (SI_KERNEL, as under strace). */
	int sig = task->inject_sig;
	task->inject_sig = 0;
	task_resume(t, task, sig);
}
