/*
 * The story's collector (--summary-tree, --report): a compact record per
 * process, kept after the tracer's proc is freed, filled at the lifecycle's
 * events and printed at the end of the run (out/story.c formats it).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "crash/crash.h"
#include "out/json.h"
#include "sys/sysent.h"
#include "tracer.h"
#include "util/readfile.h"
#include "util/xalloc.h"
#include "util/clock.h"

/* Bounds what one process keeps, whatever its argv (the kernel allows megabytes). */
enum { CMD_MAX = 240, PROGS_MAX = 160 };

static int64_t now_ns(const struct tracer *t)
{
	return mono_since_ns(&t->story_t0);
}

static struct story_proc *rec(struct tracer *t, const struct proc *p)
{
	return p->story && p->story <= t->story.n ? &t->story.p[p->story - 1] : NULL;
}

void story_init(struct tracer *t)
{
	t->story.files_top = t->cfg->summary_top;
	if (t->cfg->story && !t->attach_mode) /* only the story's "left open" needs them */
		t->story.launch_fds = story_launch_fds();
	clock_gettime(CLOCK_MONOTONIC, &t->story_t0);
	clock_gettime(CLOCK_REALTIME, &t->rp.started);
}

/* argv as one printable line of at most CMD_MAX bytes: other controls become '?'. */
static char *read_cmd(pid_t pid)
{
	char *s = read_cmdline(pid, CMD_MAX);

	for (char *c = s; c && *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
	return s;
}

void story_proc_new(struct tracer *t, struct proc *p)
{
	if (!t->cfg->story)
		return;
	p->story = story_add(&t->story, p->tgid, now_ns(t));
	oom_mark(rec(t, p), p->tgid);
	/* Attach mode: what it runs already; a launched one's exec comes. */
	if (t->attach_mode)
		rec(t, p)->cmd = read_cmd(p->tgid);
}

void story_task_new(struct tracer *t, struct task *task)
{
	struct story_proc *r = rec(t, task->proc);

	task->proc->nlive++;
	if (!r)
		return;
	r->threads++;
	task->story_task = story_add_task(&t->story, task->proc->story, task->tid, now_ns(t));
}

/* A new process runs its parent's program until it execs. */
void story_task_start(struct tracer *t, struct task *task, const struct task *parent)
{
	struct story_proc *r = rec(t, task->proc);

	if (!r || !parent || parent->proc == task->proc || r->parent)
		return;
	const struct story_proc *pr = rec(t, parent->proc);
	if (!pr)
		return;
	r->parent = parent->proc->story;
	r->start_ns = now_ns(t);
	if (!r->cmd && pr->cmd)
		r->cmd = xstrdup(pr->cmd);
	if (!r->progs && pr->progs) {
		const char *last = strrchr(pr->progs, '\n');
		r->progs = xstrdup(last ? last + 1 : pr->progs);
	}
}

static void add_prog(struct story_proc *r, const char *exe)
{
	const char *base = strrchr(exe, '/');
	base = base ? base + 1 : exe;
	size_t old = r->progs ? strlen(r->progs) : 0, n = strlen(base);

	if (old + 1 + n > PROGS_MAX)
		return; /* an exec loop: the first ones are kept */
	r->progs = xrealloc(r->progs, old + n + 2);
	if (old)
		r->progs[old++] = '\n';
	memcpy(r->progs + old, base, n + 1);
	for (char *c = r->progs + old; *c; c++)
		if (*c == '\n')
			*c = '?';
}

void story_exec(struct tracer *t, struct task *task)
{
	struct story_proc *r = rec(t, task->proc);

	if (!r)
		return;
	free(r->cmd);
	r->cmd = read_cmd(task->tid);
	story_fds_exec(task->proc);
	/* A runtime moves a job into its cgroup before it execs: mark it again there. */
	oom_mark(r, task->tid);
	const char *exe = proc_exe(task);
	add_prog(r, exe ? exe : "?");
}

/* utime and stime: fields 14 and 15 of /proc/PID/stat, after the ")" of comm. */
static bool read_times(pid_t pid, struct story_proc *r)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	char *s = readfile(path, 4096, NULL);
	const char *p = s ? strrchr(s, ')') : NULL;
	unsigned long long ut, st;
	bool ok = p && sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut,
			      &st) == 2;
	if (ok) {
		long hz = sysconf(_SC_CLK_TCK);
		hz = hz > 0 ? hz : 100;
		r->utime_ns = (int64_t)(ut * 1000000000ULL / (unsigned long long)hz);
		r->stime_ns = (int64_t)(st * 1000000000ULL / (unsigned long long)hz);
	}
	free(s);
	return ok;
}

static void read_hwm(pid_t tid, struct story_proc *r)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	char *s = readfile(path, 8192, NULL);
	const char *p = s ? strstr(s, "\nVmHWM:") : NULL;
	if (p)
		r->hwm_kib = strtoll(p + 7, NULL, 10);
	free(s);
}

/*
 * The group's times from its pid (they add up every thread, dead ones too);
 * the peak RSS through a live task, since a zombie leader has no memory.
 */
static void sample(struct story *s, struct story_proc *r, pid_t tgid, pid_t tid)
{
	if (!read_times(tgid, r))
		read_times(tid, r);
	read_hwm(tid, r);
	story_read_left_open(s, r, tid);
	r->sampled = r->utime_ns >= 0;
}

/* PTRACE_EVENT_EXIT: the last moment its /proc files still hold all of it. */
void story_task_exiting(struct tracer *t, struct task *task)
{
	if (task->flags & TASK_EXITING)
		return;
	struct story_proc *r = rec(t, task->proc);
	if (--task->proc->nlive == 0 && r) {
		sample(&t->story, r, task->proc->tgid, task->tid);
		story_pipe_readers_end(&t->story, r->pid, task->tid, now_ns(t));
	}
}

void story_task_gone(struct tracer *t, struct task *task)
{
	(void)t;
	if (!(task->flags & TASK_EXITING))
		task->proc->nlive--;
}

void story_task_end(struct tracer *t, struct task *task, int status)
{
	struct story_proc *r = rec(t, task->proc);

	if (!r)
		return;
	r->end_ns = now_ns(t);
	story_end_task(&t->story, task->proc->story, task->story_task, task->tid, r->end_ns);
	/* The leader's status is the group's; a thread's counts until the leader's comes. */
	if (task->tid != task->proc->tgid && r->end != STORY_UNKNOWN)
		return;
	if (WIFEXITED(status)) {
		r->end = STORY_EXITED;
		r->code = WEXITSTATUS(status);
	} else if (WIFSIGNALED(status)) {
		r->end = STORY_KILLED;
		r->code = WTERMSIG(status);
		r->core = WCOREDUMP(status);
		/* Not sent by a traced process: the kernel's OOM killer, if its count rose. */
		r->likely_oom = r->code == SIGKILL && !(r->killed_by && r->killer_sig == SIGKILL) &&
				oom_rose(r);
	}
	/* No exit stop (SIGKILL): a zombie still has its times. */
	if (!r->sampled)
		read_times(task->proc->tgid, r);
}

int story_opened_path(const struct sysent *e)
{
	if (!e || e->ret != RK_FD)
		return -1;
	for (unsigned i = 0; i < e->nargs; i++)
		if (e->args[i].kind == AK_PATH)
			return (int)i;
	return -1;
}

bool story_wants(const struct tracer *t, const struct sysent *e)
{
	return t->cfg->story && story_opened_path(e) >= 0;
}

/* An open's path as the program gave it, read at the call's exit; its file's index + 1. */
static uint32_t record_open(struct tracer *t, struct task *task, int arg, bool error, int64_t ret)
{
	char path[4097];
	bool complete;
	ssize_t n = tmem_read_str(&task->proc->mem, task->ev.raw[arg], path, sizeof(path) - 1,
				  &complete);

	if (n < 0)
		return 0;
	return story_file(&t->story, task->proc->story, path, error ? (int)-ret : 0);
}

void story_sc_exit(struct tracer *t, struct task *task, bool error, int64_t ret)
{
	if (!t->cfg->story || (task->flags & TASK_HIDDEN))
		return;
	const struct sc_event *ev = &task->ev;
	const struct sysent *ent = NULL;
	/* A static name (the key of the count): ev->name may live in the task's arena. */
	const char *name = ev->ent ? ev->ent->name : systab_lookup(ev->abi, ev->nr, &ent);
	story_count(&t->story, task->proc->story, name, error);
	int arg = story_opened_path(ev->ent);
	uint32_t file = arg >= 0 ? record_open(t, task, arg, error, ret) : 0;
	story_fds_exit(t, task, error, ret, file);
}

/* At the end: what never ended runs on (detached) or is unknown. */
void story_settle(struct tracer *t)
{
	if (!t->cfg->story)
		return;
	t->story.partial = t->sc.on;
	t->story.io_counted = !t->sc.on;
	for (uint32_t i = 0; i < t->story.n; i++) {
		struct story_proc *r = &t->story.p[i];
		if (r->end_ns >= 0)
			continue;
		if (t->attach_mode && kill(r->pid, 0) == 0) {
			r->end = STORY_RUNNING;
			if (!r->sampled)
				sample(&t->story, r, r->pid, r->pid);
		}
	}
	story_settle_tasks(&t->story);
	story_pipe_settle(&t->story);
}

/* --summary-tree: the tree where the trace goes. */
void emit_story(struct tracer *t)
{
	struct strbuf sb = {0};

	if (!t->cfg->story_print)
		return;
	story_settle(t);
	out_close_open_line(&t->out);
	if (t->cfg->json) {
		if (!t->out.started) {
			json_header(&sb, PTRC_VERSION);
			t->out.started = true;
		}
		json_story(&sb, &t->story);
	} else {
		t->story.color = t->out.color; /* the summary is coloured, like the lines */
		story_format(&t->story, &sb);
	}
	out_write(&t->out, sb.buf, sb.len);
	strbuf_free(&sb);
}

void story_signal(struct tracer *t, struct task *task, int sig, const siginfo_t *si)
{
	struct story_proc *r = rec(t, task->proc);
	bool sent = si->si_code <= 0 && si->si_pid > 0; /* kill, tgkill, sigqueue */

	/* Before its execve the launched child gets ptrc's SIGSTOP and SIGCONT: not the job's. */
	if (!r || (task->flags & TASK_HIDDEN))
		return;
	story_add_signal(&t->story, task->proc->story, sig, sent ? si->si_pid : 0);
	/* The kernel's SIGPIPE to a writer names the writer as its sender (SI_USER). */
	if (sig == SIGPIPE && sent && si->si_pid == task->proc->tgid)
		story_pipe_sigpipe(r, task->tid);
	if (!sent || si->si_pid == task->proc->tgid)
		return;
	r->killed_by = si->si_pid;
	r->killer_sig = sig;
}

/*
 * The file a SIGBUS fault address was mapped from (the report's "fault" map
 * line), when its filesystem has no room left: writing to a shared mapping
 * of a file that cannot grow faults with SIGBUS (a PyTorch DataLoader's
 * /dev/shm).  Returns the path in buf, or NULL.
 */
static const char *full_fs_of_fault(const struct crash_report *rep, char *buf, size_t len)
{
	for (size_t i = 0; rep->signo == SIGBUS && i < rep->nmaps; i++) {
		const char *path = strchr(rep->maps[i].line, '/');
		struct statvfs fs;
		if (!strstr(rep->maps[i].why, "fault") || !path)
			continue;
		snprintf(buf, len, "%s", path);
		char *deleted = strstr(buf, " (deleted)");
		if (deleted)
			*deleted = '\0';
		char *slash = strrchr(buf, '/');
		if (slash)
			*slash = '\0';
		if (statvfs(*buf ? buf : "/", &fs) == 0 && fs.f_bavail == 0)
			return *buf ? buf : "/";
	}
	return NULL;
}

void story_crash(struct tracer *t, struct task *task, const struct crash_report *rep)
{
	struct story_proc *r = rec(t, task->proc);
	char dir[512];

	if (!r)
		return;
	r->crash_report = true;
	const char *full = full_fs_of_fault(rep, dir, sizeof(dir));
	if (full) {
		free(r->full_fs);
		r->full_fs = xstrdup(full);
	}
}
