/*
 * --timeline FILE: the run in the Trace Event format (docs/usage.md): a track
 * per process and thread, each shown syscall a slice with its strace line,
 * signals, execs, crashes and ends as instants.  Written as a stream through
 * a 64 KiB buffer, so a run of thousands of processes costs no memory.
 */
#include "timeline.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "out/fmt_text.h"
#include "out/timeline.h"
#include "sys/signame.h"
#include "tracer.h"
#include "util/outfile.h"
#include "util/readfile.h"

enum { FLUSH_AT = 64 << 10 };

static double since_us(const struct tracer *t, const struct timespec *ts)
{
	return (double)(ts->tv_sec - t->tl.t0.tv_sec) * 1e6 +
	       (double)(ts->tv_nsec - t->tl.t0.tv_nsec) / 1e3;
}

static double now_us(const struct tracer *t)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return since_us(t, &ts);
}

static void flush(struct tracer *t)
{
	if (t->tl.buf.len && outfile_write_all(t->tl.fd, t->tl.buf.buf, t->tl.buf.len) < 0 &&
	    !t->tl.failed) {
		tracer_msg("--timeline: writing '%s': %s", t->cfg->timeline_file, strerror(errno));
		t->tl.failed = true;
		t->output_lost = true;
	}
	strbuf_reset(&t->tl.buf);
}

static void put(struct tracer *t, const struct tl_event *e)
{
	timeline_event(&t->tl.buf, e, t->tl.first);
	t->tl.first = false;
	if (t->tl.buf.len >= FLUSH_AT)
		flush(t);
}

int timeline_open(struct tracer *t)
{
	const char *path = t->cfg->timeline_file;

	t->tl.on = false;
	if (!path)
		return 0;
	int fd = outfile_open(path, false);
	if (fd < 0) {
		tracer_msg("--timeline: cannot write '%s': %s", path, outfile_strerror(fd));
		return fd;
	}
	t->tl.on = t->tl.first = true;
	t->tl.failed = false;
	t->tl.fd = fd;
	clock_gettime(CLOCK_MONOTONIC, &t->tl.t0);
	timeline_begin(&t->tl.buf);
	return 0;
}

void timeline_close(struct tracer *t)
{
	if (!t->tl.on)
		return;
	timeline_end(&t->tl.buf);
	flush(t);
	if (close(t->tl.fd) < 0 && !t->tl.failed) {
		tracer_msg("--timeline: writing '%s': %s", t->cfg->timeline_file, strerror(errno));
		t->output_lost = true;
	}
	strbuf_free(&t->tl.buf);
	t->tl.on = false;
}

/* The tracks' names: the process by its command line, the thread by its comm. */
void timeline_task_start(struct tracer *t, struct task *task)
{
	char path[64];

	if (!t->tl.on)
		return;
	struct tl_event e = {.ph = 'M', .pid = task->proc->tgid, .tid = task->tid};
	snprintf(path, sizeof(path), "/proc/%d/comm", (int)task->tid);
	char *comm = readfile(path, 64, NULL);
	if (comm)
		comm[strcspn(comm, "\n")] = '\0';
	if (task->tid == task->proc->tgid) {
		char *cmd = read_cmdline(task->tid, 200);
		e.name = "process_name", e.arg_key = "name", e.arg_val = cmd ? cmd : comm;
		put(t, &e);
		free(cmd);
	}
	e.name = "thread_name", e.arg_key = "name", e.arg_val = comm;
	put(t, &e);
	free(comm);
}

void timeline_call(struct tracer *t, struct task *task)
{
	const struct sc_event *ev = &task->ev;
	struct strbuf line = {0};

	if (!t->tl.on)
		return;
	strbuf_adds(&line, ev->name);
	strbuf_addc(&line, '(');
	text_args(&line, ev, 0, ev->nargs, &t->topt);
	strbuf_adds(&line, ") ");
	if (ev->exited)
		text_retval(&line, ev, &t->topt);
	else
		strbuf_adds(&line, "= ?");
	struct tl_event e = {.ph = 'X',
			     .name = ev->name,
			     .cat = "syscall",
			     .ts_us = since_us(t, &ev->t_entry),
			     .dur_us =
				     ev->exited && ev->duration_ns > 0 ? ev->duration_ns / 1e3 : 0,
			     .pid = task->proc->tgid,
			     .tid = task->tid,
			     .arg_key = "call",
			     .arg_val = line.buf};
	put(t, &e);
	strbuf_free(&line);
}

/* An instant on the thread's track ('t') or the whole process's ('p'). */
void timeline_instant(struct tracer *t, struct task *task, char scope, const char *cat,
		      const char *name, const char *key, const char *val)
{
	if (!t->tl.on)
		return;
	struct tl_event e = {.ph = 'i',
			     .name = name,
			     .cat = cat,
			     .ts_us = now_us(t),
			     .scope = scope,
			     .pid = task->proc->tgid,
			     .tid = task->tid,
			     .arg_key = key,
			     .arg_val = val};
	put(t, &e);
}

void timeline_signal(struct tracer *t, struct task *task, int sig)
{
	char name[32];

	if (t->tl.on)
		timeline_instant(t, task, 't', "signal",
				 signame(sig, name, sizeof(name)) ? name : "signal", NULL, NULL);
}

void timeline_task_end(struct tracer *t, struct task *task, int status)
{
	char what[64], name[32];

	if (!t->tl.on)
		return;
	if (WIFEXITED(status))
		snprintf(what, sizeof(what), "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(what, sizeof(what), "killed by %s%s",
			 signame(WTERMSIG(status), name, sizeof(name)) ? name : "?",
			 WCOREDUMP(status) ? " (core dumped)" : "");
	else
		snprintf(what, sizeof(what), "end");
	timeline_instant(t, task, 't', "process", what, NULL, NULL);
}
