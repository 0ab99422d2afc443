#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "classify.h"
#include "out/json.h"
#include "ptrace.h"
#include "tracer.h"

static void explain_eperm(pid_t pid)
{
	FILE *f = fopen("/proc/sys/kernel/yama/ptrace_scope", "re");
	int scope = 0;

	if (f) {
		if (fscanf(f, "%d", &scope) != 1)
			scope = 0;
		fclose(f);
	}
	if (scope > 0 && geteuid() != 0)
		tracer_msg("attach %d: Operation not permitted (kernel.yama.ptrace_scope=%d "
			   "allows tracing only descendants; run as root or lower it)",
			   (int)pid, scope);
	else
		tracer_msg("attach %d: Operation not permitted (another user's process, or "
			   "already traced)",
			   (int)pid);
}

/* Seizes one thread; 1 if newly seized, 0 if already ours, -errno. */
static int seize_thread(struct tracer *t, pid_t tid, pid_t tgid)
{
	if (task_find(t, tid))
		return 0;
	if (pt(PTRACE_SEIZE, tid, NULL, (void *)(long)t->ptrace_opts) < 0)
		return -errno;
	if (pt(PTRACE_INTERRUPT, tid, NULL, NULL) < 0 && errno != ESRCH)
		return -errno;
	emit_task_start(t, task_add(t, tid, tgid), JSON_START_ATTACH, NULL);
	return 1;
}

/*
 * Seizes every thread of pid's group.  Threads created while we walk the
 * list are caught by walking again until a pass finds nothing new.
 */
static int attach_process(struct tracer *t, pid_t pid)
{
	char path[64];
	int total = 0, added;

	pid_t tgid = task_read_tgid(pid);
	if (tgid < 0)
		tgid = pid;
	snprintf(path, sizeof(path), "/proc/%d/task", (int)tgid);
	do {
		DIR *d = opendir(path);
		if (!d)
			return total ? total : -ESRCH;
		added = 0;
		struct dirent *de;
		while ((de = readdir(d))) {
			pid_t tid = (pid_t)atoi(de->d_name);
			if (tid <= 0)
				continue;
			int rc = seize_thread(t, tid, tgid);
			if (rc < 0 && total == 0 && added == 0) {
				closedir(d);
				return rc;
			}
			if (rc > 0)
				added++;
		}
		closedir(d);
		total += added;
	} while (added);
	return total;
}

int tracer_attach_all(struct tracer *t)
{
	int attached = 0;

	for (size_t i = 0; i < t->cfg->npids; i++) {
		pid_t pid = t->cfg->pids[i];
		int n = attach_process(t, pid);
		if (n == -EPERM) {
			explain_eperm(pid);
			continue;
		}
		if (n < 0) {
			tracer_msg("attach %d: %s", (int)pid,
				   n == -ESRCH ? "no such process" : strerror(-n));
			continue;
		}
		attached++;
		if (!tracer_chatty(t) || n == 0)
			continue;
		if (n > 1)
			tracer_msg("Process %d attached with %d threads", (int)pid, n);
		else
			tracer_msg("Process %d attached", (int)pid);
	}
	return attached;
}

static void interrupt_one(struct tracer *t, struct task *task, void *arg)
{
	unsigned *held = arg;

	task->flags |= TASK_DETACHING;
	/* Held in its first stop (early.c): already stopped, no further stop comes. */
	if (task->flags & TASK_UNANNOUNCED) {
		early_forget(t, task);
		task->flags |= TASK_HELD;
		task->held_sig = 0;
		++*held;
		return;
	}
	if (pt(PTRACE_INTERRUPT, task->tid, NULL, NULL) == 0 ||
	    pt(PTRACE_INTERRUPT, task->tid, NULL, NULL) == 0)
		return;
	/* Gone, or it cannot be stopped: then it is not waited for, and ptrc's exit lets it go. */
	if (errno != ESRCH)
		tracer_msg("cannot stop task %d to detach: %s", (int)task->tid, strerror(errno));
	task_remove(t, task);
}

static void detach_held(struct tracer *t, struct task *task, void *arg)
{
	(void)arg;
	if (!(task->flags & TASK_HELD))
		return;
	if ((task->flags & TASK_PRINTED) && task_visible(t, task))
		emit_sc_detached(t, task);
	pt(PTRACE_DETACH, task->tid, NULL, (void *)(long)task->held_sig);
	if (tracer_chatty(t) && task->tid == task->proc->tgid)
		tracer_msg("Process %d detached", (int)task->tid);
	task_remove(t, task);
}

/*
 * Stops every task with PTRACE_INTERRUPT and detaches them all once each has
 * stopped, handing back a signal pending for delivery; a task in a group stop
 * stays stopped.  Holding them first matters under load: a task let go at
 * once runs and competes with ptrc for the CPU while the others wait.
 */
void tracer_detach_all(struct tracer *t)
{
	unsigned held = 0;

	task_for_each(t, interrupt_one, &held);
	while (held < t->ntasks) {
		int status;
		pid_t pid = waitpid(-1, &status, __WALL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		struct task *task = task_find(t, pid);
		struct stop s = stop_classify(status);
		if (!task) {
			/* A child auto-attached by a fork we did not see yet. */
			if (WIFSTOPPED(status))
				pt(PTRACE_DETACH, pid, NULL, NULL);
			continue;
		}
		if (s.kind == STOP_EXITED || s.kind == STOP_KILLED) {
			held -= (task->flags & TASK_HELD) != 0;
			task_remove(t, task);
			continue;
		}
		if (task->flags & TASK_HELD)
			continue; /* a second stop cannot come before the detach */
		task->flags |= TASK_HELD;
		task->held_sig = s.kind == STOP_SIGNAL ? s.sig : 0;
		held++;
	}
	task_for_each(t, detach_held, NULL);
}
