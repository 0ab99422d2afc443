#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "sys/siginfo.h"
#include "sys/signame.h"
#include "tracer.h"

static void on_new_task(struct tracer *t, struct task *parent, int event)
{
	unsigned long msg = 0;

	if (ptrace(PTRACE_GETEVENTMSG, parent->tid, 0L, &msg) < 0 || msg == 0)
		return;
	pid_t tid = (pid_t)msg;
	if (task_find(t, tid))
		return; /* its first stop came before this event */
	pid_t tgid = tid;
	if (event == PTRACE_EVENT_CLONE) {
		tgid = task_read_tgid(tid);
		if (tgid < 0)
			tgid = tid;
	}
	task_add(t, tid, tgid);
	/* Like strace: announced on the terminal, not in a -o file. */
	if (!t->cfg->quiet && !t->cfg->outfile)
		tracer_msg("Process %d attached", (int)tid);
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

	if (ptrace(PTRACE_GETEVENTMSG, task->tid, 0L, &old) < 0)
		return task;
	/* The address space changed: a /proc/PID/mem fd opened before is stale. */
	tmem_live_close(&task->proc->live);
	struct task *execer = (pid_t)old == task->tid ? NULL : task_find(t, (pid_t)old);
	if (!execer)
		return task;
	pid_t pid = task->tid;
	if (task_visible(t, task)) {
		struct text_lead l = task_lead(t, task);
		text_line(task_stream(t, task), &l, "+++ superseded by execve in pid %d +++",
			  (int)old);
	}
	task->flags &= ~(TASK_PRINTED | TASK_IN_SYSCALL);
	task_remove(t, task);
	task_retid(t, execer, pid);
	return execer;
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
	case PTRACE_EVENT_EXIT:
		task->flags |= TASK_EXITING;
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

	if (ptrace(PTRACE_GETSIGINFO, task->tid, 0L, &si) < 0) {
		if (errno == ESRCH)
			return;
		task_resume(t, task, sig);
		return;
	}
	if (task_visible(t, task) && cli_signal_shown(t->cfg, sig)) {
		struct val v;
		struct text_lead l = task_lead(t, task);
		siginfo_decode(&task->ar, &v, &si);
		text_signal(task_stream(t, task), &l, sig, &v, &t->topt);
	}
	task_resume(t, task, sig);
}

void on_task_end(struct tracer *t, struct task *task, int status)
{
	syscall_abandon(t, task);
	if (task_visible(t, task)) {
		struct text_lead l = task_lead(t, task);
		struct out_stream *s = task_stream(t, task);
		char name[32];
		if (WIFEXITED(status) && t->cfg->quiet < 2)
			text_line(s, &l, "+++ exited with %d +++", WEXITSTATUS(status));
		else if (WIFSIGNALED(status) && cli_signal_shown(t->cfg, WTERMSIG(status)))
			text_line(s, &l, "+++ killed by %s%s +++",
				  signame(WTERMSIG(status), name, sizeof(name)) ? name : "?",
				  WCOREDUMP(status) ? " (core dumped)" : "");
	}
	if (task->tid == t->child) {
		t->child_status = status;
		t->child_done = true;
	}
	task_remove(t, task);
}
