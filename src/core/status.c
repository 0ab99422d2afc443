/*
 * The live status line (issue 13): while the trace goes elsewhere than the terminal, one
 * line on stderr, redrawn in place every second: elapsed time, processes and threads
 * alive, calls traced, the last program run, violations so far.  It is erased before
 * anything else reaches stderr (ptrc's messages, the summary) and before a traced write
 * to the job's own descriptors 1 and 2, so it never mixes into either, and is not drawn
 * while the job's last write there left its line open (a prompt); calls that do not
 * stop (under the seccomp filter) cannot be seen coming, so there it may share a line
 * with the job's output until the next redraw.
 */
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "signals.h"
#include "sys/iodata.h"
#include "sys/sysent.h"
#include "tracer.h"
#include "util/clock.h"

enum { REDRAW_NS = 1000000000L };

/* tracer_msg() has no tracer: the line it must erase first. */
static struct status_line *shown_line;

void status_init(struct tracer *t)
{
	const struct config *cfg = t->cfg;
	struct status_line *s = &t->status;

	*s = (struct status_line){.start_ns = mono_now_ns()};
	if (cfg->status_line == COLOR_NEVER)
		return;
	if (cfg->status_line == COLOR_AUTO && (!isatty(STDERR_FILENO) || cfg->quiet ||
					       (t->out.fd == STDERR_FILENO && cfg->cflag != 1)))
		return;
	s->on = true;
	s->last_ns = s->start_ns;
	sig_wake_within(REDRAW_NS);
}

static unsigned columns(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1)
		return ws.ws_col;
	return 80;
}

static void count_leader(struct tracer *t, struct task *task, void *arg)
{
	(void)t;
	*(unsigned *)arg += task->tid == task->proc->tgid;
}

static void draw(struct tracer *t)
{
	struct status_line *s = &t->status;
	char line[512];
	int64_t el = mono_now_ns() - s->start_ns;
	unsigned procs = 0;

	task_for_each(t, count_leader, &procs);
	int n = snprintf(line, sizeof(line),
			 "\r\033[Kptrc: %lld.%llds, %u process%s, %u thread%s, %llu calls",
			 (long long)(el / 1000000000LL), (long long)(el / 100000000LL % 10), procs,
			 procs == 1 ? "" : "es", t->ntasks, t->ntasks == 1 ? "" : "s",
			 (unsigned long long)s->calls);
	if (s->last_exec[0])
		n += snprintf(line + n, sizeof(line) - (size_t)n, ", last exec %s", s->last_exec);
	if (t->pol.policy)
		n += snprintf(line + n, sizeof(line) - (size_t)n, ", %llu violation%s",
			      (unsigned long long)t->pol.total, t->pol.total == 1 ? "" : "s");
	/* One line whatever the width: "\r\033[K" takes no column. */
	size_t width = columns() - 1 + 4;
	if ((size_t)n > width)
		n = (int)width;
	if (write(STDERR_FILENO, line, (size_t)n) == n)
		shown_line = s;
	s->shown = shown_line == s;
}

void status_clear(struct status_line *s)
{
	if (!s->shown)
		return;
	s->shown = false;
	shown_line = NULL;
	/* Nothing to be done if the terminal is gone: the line goes with it. */
	if (write(STDERR_FILENO, "\r\033[K", 4) != 4)
		return;
}

void status_clear_any(void)
{
	if (shown_line)
		status_clear(shown_line);
}

void status_tick(struct tracer *t)
{
	struct status_line *s = &t->status;
	int64_t now = mono_now_ns();

	if (!s->on)
		return;
	/* Not over the job's own open line: its next newline lets the line back. */
	if (now - s->last_ns >= REDRAW_NS && !s->job_line_open) {
		out_flush(&t->out);
		draw(t);
		s->last_ns = now;
	}
	sig_wake_within(REDRAW_NS - (now - s->last_ns));
}

/*
 * Whether a write leaves the job's terminal line open: a prompt (">>> ") or a progress
 * bar ("\r 40%") is the job's own line, which a redraw would erase.  From its last byte;
 * a vector write is taken as ending its line.
 */
static bool ends_open(const struct task *task)
{
	const struct sysent *e = task->ev.ent;
	char last;

	for (unsigned i = 0; i < e->nargs; i++) {
		if (e->args[i].kind != AK_IBUF)
			continue;
		uint64_t len = task->ev.raw[e->args[i].len_arg];
		return len &&
		       tmem_read(&task->proc->mem, task->ev.raw[i] + len - 1, &last, 1) == 0 &&
		       last != '\n';
	}
	return false;
}

void status_syscall_entry(struct tracer *t, const struct task *task)
{
	struct status_line *s = &t->status;

	s->calls++;
	if (!s->on || sys_io_direction(task->ev.ent) >= 0)
		return;
	int fd = sys_io_fd(&task->ev);
	if (fd != STDOUT_FILENO && fd != STDERR_FILENO)
		return;
	status_clear(s);
	s->job_line_open = ends_open(task);
	/* Drawn again a second after the job's last line, not between this entry and the
	 * kernel's write of it. */
	s->last_ns = mono_now_ns();
}

void status_exec(struct tracer *t, const char *exe)
{
	const char *base = exe ? strrchr(exe, '/') : NULL;

	if (t->status.on && exe)
		snprintf(t->status.last_exec, sizeof(t->status.last_exec), "%s",
			 base ? base + 1 : exe);
}

void status_end(struct tracer *t)
{
	status_clear(&t->status);
	t->status.on = false;
}
