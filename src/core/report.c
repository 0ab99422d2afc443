#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "tracer.h"
#include "util/xalloc.h"

bool task_visible(const struct tracer *t, const struct task *task)
{
	return !(task->flags & TASK_HIDDEN) && t->cfg->cflag != 1;
}

struct out_stream *task_stream(struct tracer *t, struct task *task)
{
	if (t->cfg->follow < 2 || !t->cfg->outfile || task->out_failed)
		return &t->out;
	return ff_stream(t, task);
}

static void add_time(struct tracer *t, struct text_lead *l)
{
	const struct config *cfg = t->cfg;

	if (cfg->ts_format == TS_NONE && !cfg->rflag)
		return;
	l->stamp = cfg->ts_format == TS_UNIX	? STAMP_UNIX
		   : cfg->ts_format == TS_CLOCK ? STAMP_CLOCK
						: STAMP_NONE;
	l->stamp_digits = cfg->ts_digits;
	l->relative = cfg->rflag;
	l->rel_digits = cfg->rel_digits;
	clock_gettime(CLOCK_REALTIME, &l->when);
	if (t->last_line.tv_sec || t->last_line.tv_nsec) {
		l->rel.tv_sec = l->when.tv_sec - t->last_line.tv_sec;
		l->rel.tv_nsec = l->when.tv_nsec - t->last_line.tv_nsec;
		if (l->rel.tv_nsec < 0) {
			l->rel.tv_sec--;
			l->rel.tv_nsec += 1000000000L;
		}
	}
	t->last_line = l->when;
}

/*
 * strace's rule: a -o file with -f always names the pid; the terminal does
 * only while more than one task is traced; -ff files never do.
 */
struct text_lead task_lead(struct tracer *t, struct task *task)
{
	struct text_lead l = {.tid = task->tid, .style = LEAD_NONE};

	add_time(t, &l);
	l.show_nr = t->cfg->nflag;
	l.nr = task->ev.nr;
	if (t->cfg->iflag) {
		/* strace -i: the word size of the tracee's ABI. */
		l.ip_digits = task->proc->abi && task->proc->abi->word_size == 4 ? 8 : 16;
		l.ip = task->lead_ip;
		l.ip_known = task->lead_ip_known;
	}
	if (t->cfg->follow >= 2 && t->cfg->outfile)
		return l;
	if (t->cfg->outfile) {
		if (t->cfg->follow || t->ntasks > 1 || t->cfg->npids > 1 || t->many_at_start)
			l.style = LEAD_PLAIN;
	} else if (t->ntasks > 1) {
		l.style = LEAD_BRACKET;
	}
	/* -Y: read for each line; a task that has ended keeps the name it last had. */
	if ((t->cfg->decode_pids & DECODE_PIDS_COMM) && l.style != LEAD_NONE &&
	    (pid_comm(task->tid, task->lead_comm, sizeof(task->lead_comm)) || task->lead_comm[0]))
		l.comm = task->lead_comm;
	return l;
}

bool tracer_chatty(const struct tracer *t)
{
	/* JSON's task_start events say it, and stderr may carry the JSON stream;
	 * policy runs report violations, not the processes they follow. */
	return !(t->cfg->quiet & QUIET_ATTACH) && !t->cfg->json && !t->cfg->policy_file &&
	       !t->cfg->learn_file;
}

void tracer_msg(const char *fmt, ...)
{
	va_list ap;

	status_clear_any();
	fputs("ptrc: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void tracer_check_output(struct tracer *t, struct out_stream *s)
{
	if (!s->err || s->err_reported)
		return;
	s->err_reported = true;
	t->output_lost = true;
	tracer_msg("cannot write the trace to %s: %s; the rest of it is lost",
		   s->name ? s->name : "standard error", strerror(-s->err));
}
