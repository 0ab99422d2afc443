/*
 * -ff: one file per thread, PREFIX.TID, as strace writes them.  A job may
 * have more threads alive than ptrc may hold files open, so at most
 * max_open files are open at once; the one used least recently is closed
 * and opened again (appending) when its thread next prints.  A tid the
 * kernel hands out again in the run appends to its file too: strace
 * truncates it and loses the first thread's lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "tracer.h"
#include "util/outfile.h"
#include "util/xalloc.h"

enum { FF_MAX_OPEN = 512, FF_SPARE_FDS = 64 };

static unsigned max_open(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY)
		return FF_MAX_OPEN;
	if (rl.rlim_cur <= 2 * FF_SPARE_FDS)
		return (unsigned)(rl.rlim_cur / 2 > 1 ? rl.rlim_cur / 2 : 1);
	rl.rlim_cur -= FF_SPARE_FDS;
	return rl.rlim_cur < FF_MAX_OPEN ? (unsigned)rl.rlim_cur : FF_MAX_OPEN;
}

/* Whether tid's file was made earlier in this run; records it if not. */
static bool made_before(struct ff_state *ff, pid_t tid)
{
	size_t lo = 0, hi = ff->nmade;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ff->made[mid] == tid)
			return true;
		if (ff->made[mid] < tid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (ff->nmade == ff->cap) {
		ff->cap = ff->cap ? 2 * ff->cap : 64;
		ff->made = xrealloc(ff->made, ff->cap * sizeof(*ff->made));
	}
	memmove(&ff->made[lo + 1], &ff->made[lo], (ff->nmade - lo) * sizeof(*ff->made));
	ff->made[lo] = tid;
	ff->nmade++;
	return false;
}

struct lru {
	struct task *oldest;
};

static void find_oldest(struct tracer *t, struct task *task, void *arg)
{
	struct lru *l = arg;

	(void)t;
	if (task->out && task->out->fd >= 0 && (!l->oldest || task->out_used < l->oldest->out_used))
		l->oldest = task;
}

static void make_room(struct tracer *t)
{
	struct ff_state *ff = &t->ff;

	if (!ff->max_open)
		ff->max_open = max_open();
	while (ff->nopen >= ff->max_open) {
		struct lru l = {NULL};
		task_for_each(t, find_oldest, &l);
		if (!l.oldest)
			return;
		out_suspend(l.oldest->out);
		tracer_check_output(t, l.oldest->out);
		ff->nopen--;
	}
}

static void open_failed(struct tracer *t, struct task *task, const char *path, int rc)
{
	task->out_failed = true;
	free(task->out);
	task->out = NULL;
	if (t->ff.failed_said)
		return;
	t->ff.failed_said = true; /* once: every later thread would say the same */
	tracer_msg("can't open '%s': %s; writing to the main output", path, outfile_strerror(rc));
}

struct out_stream *ff_stream(struct tracer *t, struct task *task)
{
	task->out_used = ++t->ff.clock;
	if (task->out && task->out->fd >= 0)
		return task->out;
	make_room(t);
	int rc;
	if (task->out) {
		rc = out_resume(task->out);
		if (rc < 0) {
			open_failed(t, task, task->out->name, rc);
			return &t->out;
		}
	} else {
		char path[4096];
		snprintf(path, sizeof(path), "%s.%d", t->cfg->outfile, (int)task->tid);
		task->out = xmalloc(sizeof(*task->out));
		rc = out_open(task->out, path, t->cfg->append || made_before(&t->ff, task->tid));
		if (rc < 0) {
			open_failed(t, task, path, rc);
			return &t->out;
		}
	}
	t->ff.nopen++;
	return task->out;
}

void ff_close(struct tracer *t, struct task *task)
{
	if (!task->out)
		return;
	if (task->out->fd >= 0)
		t->ff.nopen--;
	out_close(task->out);
	tracer_check_output(t, task->out);
	free(task->out);
	task->out = NULL;
}

void ff_take_over(struct tracer *t, struct task *execer, struct task *leader)
{
	/* Its execve line goes on in the leader's file: this one ends "<unfinished ...>". */
	if (execer->out && execer->out->open_tid) {
		struct out_stream *s = ff_stream(t, execer);
		if (s == execer->out)
			out_close_open_line(s);
	}
	ff_close(t, execer);
	execer->out = leader->out;
	execer->out_failed = leader->out_failed;
	leader->out = NULL;
}

void ff_free(struct tracer *t)
{
	free(t->ff.made);
	memset(&t->ff, 0, sizeof(t->ff));
}
