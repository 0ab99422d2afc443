#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "policy_hook.h"

#include "ptrace.h"
#include "tracer.h"
#include "util/xalloc.h"

static unsigned bucket_of(const struct tracer *t, pid_t tid)
{
	return (unsigned)tid % t->nbuckets;
}

struct task *task_find(struct tracer *t, pid_t tid)
{
	for (struct task *k = t->buckets[bucket_of(t, tid)]; k; k = k->next)
		if (k->tid == tid)
			return k;
	return NULL;
}

/* Threads of one group share a proc; find it through any live member. */
static struct proc *proc_get(struct tracer *t, pid_t tgid)
{
	for (unsigned b = 0; b < t->nbuckets; b++)
		for (struct task *k = t->buckets[b]; k; k = k->next)
			if (k->proc->tgid == tgid) {
				k->proc->refs++;
				return k->proc;
			}
	struct proc *p = xcalloc(1, sizeof(*p));
	p->tgid = tgid;
	p->id = ++t->last_proc_id;
	p->refs = 1;
	tmem_live_init(&p->live, &p->mem, tgid);
	story_proc_new(t, p);
	return p;
}

static void proc_put(struct proc *p)
{
	if (--p->refs > 0)
		return;
	tmem_live_close(&p->live);
	free(p->exe);
	story_fds_free(p);
	debug_proc_free(p);
	free(p);
}

struct task *task_add(struct tracer *t, pid_t tid, pid_t tgid)
{
	struct task *task = xcalloc(1, sizeof(*task));
	unsigned b = bucket_of(t, tid);

	task->tid = tid;
	task->id = ++t->last_task_id;
	task->proc = proc_get(t, tgid);
	debug_task_init(t, task);
	story_task_new(t, task);
	task->next = t->buckets[b];
	t->buckets[b] = task;
	t->ntasks++;
	return task;
}

static void unlink_task(struct tracer *t, struct task *task);

void task_remove(struct tracer *t, struct task *task)
{
	early_forget(t, task);
	ff_close(t, task);
	unlink_task(t, task);
	t->ntasks--;
	story_task_gone(t, task);
	proc_put(task->proc);
	inject_task_free(t, task);
	debug_task_free(task);
	arena_free(&task->ar);
	free(task);
}

static void unlink_task(struct tracer *t, struct task *task)
{
	struct task **pp = &t->buckets[bucket_of(t, task->tid)];

	while (*pp && *pp != task)
		pp = &(*pp)->next;
	if (*pp)
		*pp = task->next;
}

void task_retid(struct tracer *t, struct task *task, pid_t tid)
{
	unlink_task(t, task);
	task->tid = tid;
	unsigned b = bucket_of(t, tid);
	task->next = t->buckets[b];
	t->buckets[b] = task;
}

/* A number from /proc/TID/status ("Tgid", "PPid"), or -errno. */
pid_t task_read_status_id(pid_t tid, const char *key)
{
	char path[64], buf[512], want[16];

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	int err = errno;
	close(fd);
	if (n < 0)
		return -err;
	buf[n] = '\0';
	int w = snprintf(want, sizeof(want), "\n%s:", key);
	const char *p = strstr(buf, want);
	if (!p || w <= 0)
		return -ESRCH;
	return (pid_t)strtol(p + w, NULL, 10);
}

pid_t task_read_tgid(pid_t tid)
{
	return task_read_status_id(tid, "Tgid");
}

void task_for_each(struct tracer *t, void (*fn)(struct tracer *, struct task *, void *), void *arg)
{
	for (unsigned b = 0; b < t->nbuckets; b++) {
		struct task *k = t->buckets[b];
		while (k) {
			struct task *next = k->next;
			fn(t, k, arg);
			k = next;
		}
	}
}

static char *read_exe(pid_t tid)
{
	char link[64], buf[PATH_MAX];

	snprintf(link, sizeof(link), "/proc/%d/exe", (int)tid);
	ssize_t n = readlink(link, buf, sizeof(buf) - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return xstrdup(buf);
}

const char *proc_exe(struct task *task)
{
	if (!task->proc->exe)
		task->proc->exe = read_exe(task->tid);
	return task->proc->exe;
}

void proc_reread_exe(struct task *task)
{
	free(task->proc->exe);
	task->proc->exe = read_exe(task->tid);
}

void proc_inherit_exe(struct proc *child, const struct proc *parent)
{
	if (!child->exe && parent->exe && child != parent)
		child->exe = xstrdup(parent->exe);
}

/* -b execve: the call's line ends " <detached ...>", and the task goes on untraced. */
static void detach_now(struct tracer *t, struct task *task, int sig)
{
	/* The message first, as strace: on stderr it cuts the open line, the mark follows. */
	if (pt(PTRACE_DETACH, task->tid, NULL, (void *)(long)sig) < 0 && errno != ESRCH)
		tracer_msg("cannot detach task %d: %s", (int)task->tid, strerror(errno));
	else if (tracer_chatty(t) && !t->cfg->outfile)
		tracer_msg("Process %d detached", (int)task->tid);
	if ((task->flags & TASK_PRINTED) && task_visible(t, task))
		emit_sc_detached(t, task);
	task_remove(t, task);
}

void task_resume(struct tracer *t, struct task *task, int sig)
{
	if (task->flags & TASK_DETACH_NOW) {
		detach_now(t, task, sig);
		return;
	}
	/*
	 * Under the job's seccomp filter only trapped calls stop: a task inside
	 * one (its seccomp stop seen) goes on to the call's exit stop, any other
	 * runs to the next trap, signal or event.
	 */
	int req = t->sc.on && !(task->flags & TASK_IN_SYSCALL) ? PTRACE_CONT : PTRACE_SYSCALL;

	/* ESRCH: the task died under us; its exit status is still to come. */
	if (pt(req, task->tid, NULL, (void *)(long)sig) == 0 || errno == ESRCH)
		return;
	/* Never left stopped: once more, then let go of it, then say so. */
	int err = errno;
	if (pt(req, task->tid, NULL, (void *)(long)sig) == 0 || errno == ESRCH)
		return;
	bool detached = pt(PTRACE_DETACH, task->tid, NULL, (void *)(long)sig) == 0;
	tracer_msg("cannot resume task %d: %s; %s", (int)task->tid, strerror(err),
		   detached ? "detached it, it runs on untraced" : "it may stay stopped");
	t->output_lost = true; /* the trace misses its calls from here on */
	task_remove(t, task);
}
