#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "arch/abi.h"
#include "out/json.h"
#include "sys/siginfo.h"
#include "sys/signame.h"
#include "util/xalloc.h"
#include "signals.h"
#include "ptrace.h"
#include "tracer.h"

static void on_new_task(struct tracer *t, struct task *parent, int event)
{
	unsigned long msg = 0;

	if (pt(PTRACE_GETEVENTMSG, parent->tid, NULL, &msg) < 0 || msg == 0)
		return;
	pid_t tid = (pid_t)msg;
	int how = event == PTRACE_EVENT_FORK	? JSON_START_FORK
		  : event == PTRACE_EVENT_VFORK ? JSON_START_VFORK
						: JSON_START_CLONE;
	struct task *early = task_find(t, tid);
	if (early) {
		/* Its first stop came before this event: held until now. */
		if (early->flags & TASK_UNANNOUNCED)
			early_claim(t, early, how, parent);
		return;
	}
	pid_t tgid = tid;
	if (event == PTRACE_EVENT_CLONE) {
		tgid = task_read_tgid(tid);
		if (tgid < 0)
			tgid = tid;
	}
	struct task *child = task_add(t, tid, tgid);
	proc_inherit_exe(child->proc, parent->proc);
	story_task_start(t, child, parent);
	emit_task_start(t, child, how, parent);
	/* Like strace: announced on the terminal, not in a -o file. */
	if (tracer_chatty(t) && !t->cfg->outfile)
		tracer_msg("Process %d attached", (int)tid);
}

/* The ABI of the new program: every stop, this one too, reports its arch. */
static const struct ptrc_abi *exec_abi(struct task *task)
{
	struct __ptrace_syscall_info info;
	const struct ptrc_abi *abi = NULL;

	if (pt(PTRACE_GET_SYSCALL_INFO, task->tid, (void *)sizeof(info), &info) > 0)
		abi = abi_by_audit_arch(info.arch);
	return abi ? abi : abi_host();
}

/*
 * execve from a non-leader thread: the kernel gives the exec'ing thread the
 * leader's tid and reports the old tid in the event message.  The leader's
 * record goes ("superseded"), the thread's record takes over the pid.
 * Returns the task that now owns the pid.
 */
static struct task *on_exec(struct tracer *t, struct task *task)
{
	unsigned long old = 0;

	if (pt(PTRACE_GETEVENTMSG, task->tid, NULL, &old) < 0)
		return task;
	/* The address space changed: a /proc/PID/mem fd opened before is stale. */
	tmem_live_close(&task->proc->live);
	debug_exec(task);
	char *caller = t->pol.policy && task->proc->exe ? xstrdup(task->proc->exe) : NULL;
	proc_reread_exe(task);
	story_exec(t, task);
	status_exec(t, task->proc->exe);
	/* Under the policy's filter the execve entry never stops: the exec event unhides. */
	task->flags &= ~TASK_HIDDEN;
	struct task *execer = (pid_t)old == task->tid ? NULL : task_find(t, (pid_t)old);
	if (execer) {
		pid_t pid = task->tid;
		if (task_visible(t, task))
			emit_superseded(t, task, (pid_t)old);
		task->flags &= ~(TASK_PRINTED | TASK_IN_SYSCALL);
		ff_take_over(t, execer, task);
		task_remove(t, task);
		task_retid(t, execer, pid);
		task = execer;
	}
	if (task_visible(t, task))
		emit_exec(t, task, exec_abi(task), (pid_t)old);
	if (t->pol.policy)
		policy_exec_check(t, task, exec_abi(task)->word_size, caller);
	free(caller);
	return task;
}

void on_ptrace_event(struct tracer *t, struct task *task, int event)
{
	switch (event) {
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		on_new_task(t, task, event);
		break;
	case PTRACE_EVENT_EXEC:
		task = on_exec(t, task);
		break;
	case PTRACE_EVENT_SECCOMP:
		on_seccomp_stop(t, task);
		if (task->flags & TASK_DELAYED)
			return; /* -e inject=:delay_enter: inject_poll() resumes it */
		break;
	case PTRACE_EVENT_EXIT:
		story_task_exiting(t, task);
		task->flags |= TASK_EXITING;
		/* Still readable now, not once the task is a zombie: its exit names it. */
		if (t->cfg->json)
			proc_exe(task);
		syscall_abandon(t, task);
		break;
	default:
		break;
	}
	task_resume(t, task, 0);
}

void on_signal_stop(struct tracer *t, struct task *task, int sig)
{
	siginfo_t si;

	if (pt(PTRACE_GETSIGINFO, task->tid, NULL, &si) < 0) {
		if (errno == ESRCH)
			return;
		task_resume(t, task, sig);
		return;
	}
	sig_note_delivery(t, sig, si.si_code, si.si_pid);
	story_signal(t, task, sig, &si);
	if (t->cfg->iflag) {
		/* -i: where the signal stopped it (no call: the info's pc alone). */
		struct __ptrace_syscall_info info;
		task->lead_ip_known =
			pt(PTRACE_GET_SYSCALL_INFO, task->tid, (void *)sizeof(info), &info) > 0;
		task->lead_ip = info.instruction_pointer;
	}
	if (task_visible(t, task) && cli_signal_shown(t->cfg, sig)) {
		struct val v;
		siginfo_decode(&task->ar, &v, &si);
		emit_signal(t, task, sig, &v);
	}
	if (!(task->flags & TASK_HIDDEN))
		debug_signal(t, task, &si);
	task_resume(t, task, sig);
}

void on_task_end(struct tracer *t, struct task *task, int status)
{
	syscall_abandon(t, task);
	story_task_end(t, task, status);
	if (task_visible(t, task))
		emit_task_end(t, task, status);
	if (task->tid == t->child) {
		t->child_status = status;
		t->child_done = true;
	}
	task_remove(t, task);
}
