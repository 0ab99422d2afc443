#include "text.h"

#include <stdarg.h>
#include <stdio.h>

#include "../sys/signame.h"

/* ".123456": the first digits places of a second's nsec (nothing for 0). */
static void add_fraction(struct strbuf *sb, long nsec, unsigned digits)
{
	uint64_t v = (uint64_t)nsec;

	if (!digits)
		return;
	for (unsigned i = digits; i < 9; i++)
		v /= 10;
	strbuf_addc(sb, '.');
	strbuf_add_u64_zeros(sb, v, digits);
}

static void add_stamp(struct strbuf *sb, const struct text_lead *l)
{
	struct tm tm;
	char buf[32];

	if (l->stamp == STAMP_UNIX) {
		strbuf_add_i64(sb, l->when.tv_sec);
	} else if (l->stamp == STAMP_CLOCK) {
		localtime_r(&l->when.tv_sec, &tm);
		strftime(buf, sizeof(buf), "%H:%M:%S", &tm);
		strbuf_adds(sb, buf);
	}
	if (l->stamp != STAMP_NONE) {
		add_fraction(sb, l->when.tv_nsec, l->stamp_digits);
		strbuf_addc(sb, ' ');
	}
	if (l->relative) {
		strbuf_add_i64_width(sb, l->rel.tv_sec, 6);
		add_fraction(sb, l->rel.tv_nsec, l->rel_digits);
		strbuf_addc(sb, ' ');
	}
}

static void add_lead(struct strbuf *sb, const struct text_lead *l)
{
	if (l->style == LEAD_BRACKET) {
		strbuf_adds(sb, "[pid ");
		strbuf_add_i64_width(sb, l->tid, 5);
		text_comm(sb, l->comm);
		strbuf_adds(sb, "] ");
	} else if (l->style == LEAD_PLAIN && l->comm) {
		/* strace pads the pid and its name together: "4242<make> ". */
		struct strbuf who = {0};
		strbuf_add_i64(&who, l->tid);
		text_comm(&who, l->comm);
		strbuf_adds(sb, who.buf);
		for (size_t n = who.len; n < 5; n++)
			strbuf_addc(sb, ' ');
		strbuf_addc(sb, ' ');
		strbuf_free(&who);
	} else if (l->style == LEAD_PLAIN) {
		strbuf_add_i64_width(sb, l->tid, -5);
		strbuf_addc(sb, ' ');
	}
	add_stamp(sb, l);
	/* strace -n numbers every line of a task with its last call's number. */
	if (l->show_nr) {
		strbuf_addc(sb, '[');
		strbuf_add_i64_width(sb, (int64_t)l->nr, 4);
		strbuf_adds(sb, "] ");
	}
	if (l->ip_digits) {
		static const char hex[] = "0123456789abcdef";
		strbuf_addc(sb, '[');
		for (int i = l->ip_digits - 1; i >= 0; i--)
			strbuf_addc(sb, l->ip_known ? hex[(l->ip >> (4 * i)) & 15] : '?');
		strbuf_adds(sb, "] ");
	}
}

/* Starts a line of task l->tid, closing another open line first. */
static void begin_line(struct out_stream *s, struct strbuf *sb, const struct text_lead *l)
{
	out_close_open_line(s);
	strbuf_reset(sb);
	add_lead(sb, l);
}

static void emit(struct out_stream *s, struct strbuf *sb)
{
	out_write(s, sb->buf, sb->len);
	if (sb == &s->line)
		strbuf_reset(sb); /* kept for the next line */
	else
		strbuf_free(sb);
}

void text_sc_entry(struct out_stream *s, const struct text_lead *l, const struct sc_event *ev,
		   const struct text_opts *o)
{
	struct strbuf *sb = &s->line;

	begin_line(s, sb, l);
	if (s->color) {
		strbuf_addf(sb, OUT_BOLD "%s" OUT_RESET "(", ev->name);
	} else {
		strbuf_adds(sb, ev->name);
		strbuf_addc(sb, '(');
	}
	text_args(sb, ev, 0, ev->split, o);
	if (ev->split < ev->nargs && ev->split > 0 && !ev->sep_at_exit)
		strbuf_adds(sb, ", ");
	emit(s, sb);
	s->open_tid = l->tid;
}

/* Continues this task's open line, or starts a "<... name resumed>" one. */
static void resume_line(struct out_stream *s, struct strbuf *sb, const struct text_lead *l,
			const struct sc_event *ev)
{
	strbuf_reset(sb);
	if (s->open_tid == l->tid && s->open_tid) {
		s->open_tid = 0;
		return;
	}
	out_close_open_line(s);
	add_lead(sb, l);
	strbuf_adds(sb, "<... ");
	strbuf_adds(sb, ev->name);
	strbuf_adds(sb, " resumed>");
}

/* Pads to the -a column (counting what the stream already holds) and adds "= ...". */
static void finish(struct out_stream *s, struct strbuf *sb, const struct sc_event *ev,
		   const struct text_opts *o)
{
	strbuf_addc(sb, ')');
	size_t col = s->col + (s->color ? out_visible_len(sb->buf, sb->len) : sb->len);
	if (col < o->acolumn)
		strbuf_pad(sb, sb->len + (o->acolumn - col));
	else
		strbuf_addc(sb, ' ');
	bool red = s->color && ev->exited && ev->is_error;
	if (red)
		strbuf_adds(sb, OUT_RED);
	text_retval(sb, ev, o);
	if (red)
		strbuf_adds(sb, OUT_RESET);
	if (o->durations && ev->exited && ev->duration_ns >= 0) {
		strbuf_adds(sb, " <");
		strbuf_add_i64(sb, ev->duration_ns / 1000000000);
		add_fraction(sb, (long)(ev->duration_ns % 1000000000), o->dur_digits);
		strbuf_addc(sb, '>');
	}
	strbuf_addc(sb, '\n');
	emit(s, sb);
}

void text_sc_exit(struct out_stream *s, const struct text_lead *l, const struct sc_event *ev,
		  const struct text_opts *o)
{
	struct strbuf *sb = &s->line;

	resume_line(s, sb, l, ev);
	if (ev->sep_at_exit && ev->split > 0 && ev->split < ev->nargs)
		strbuf_adds(sb, ", ");
	text_args(sb, ev, ev->split, ev->nargs, o);
	finish(s, sb, ev, o);
}

void text_sc_noreturn(struct out_stream *s, const struct text_lead *l, const struct sc_event *ev,
		      const struct text_opts *o)
{
	struct strbuf *sb = &s->line;

	resume_line(s, sb, l, ev);
	if (ev->split < ev->nargs)
		strbuf_adds(sb, " <unfinished ...>");
	finish(s, sb, ev, o);
}

void text_sc_detached(struct out_stream *s, const struct text_lead *l, const struct sc_event *ev)
{
	struct strbuf sb = {0};

	resume_line(s, &sb, l, ev);
	strbuf_adds(&sb, " <detached ...>\n");
	emit(s, &sb);
}

void text_signal(struct out_stream *s, const struct text_lead *l, int sig,
		 const struct val *siginfo, const struct text_opts *o)
{
	struct strbuf sb = {0};
	char name[32];

	begin_line(s, &sb, l);
	if (s->color)
		strbuf_adds(&sb, OUT_YELLOW);
	if (!signame(sig, name, sizeof(name)))
		snprintf(name, sizeof(name), "%d", sig);
	strbuf_addf(&sb, "--- %s ", name);
	if (siginfo)
		text_val(&sb, siginfo, o);
	else
		strbuf_adds(&sb, "{si_signo=?}");
	strbuf_adds(&sb, s->color ? " ---" OUT_RESET "\n" : " ---\n");
	emit(s, &sb);
}

void text_violation_body(struct strbuf *sb, const struct sc_event *ev, const char *exe,
			 const char *code, const char *leads_to, const char *rule,
			 const struct text_opts *o)
{
	strbuf_adds(sb, ev->name);
	strbuf_addc(sb, '(');
	text_args(sb, ev, 0, ev->nargs, o);
	strbuf_addf(sb, ") in %s", exe ? exe : "?");
	if (code)
		strbuf_addf(sb, " (%s)", code);
	if (leads_to) /* a symlink or /proc/self/root: what the rule judged */
		strbuf_addf(sb, ", the path leads to %s", leads_to);
	strbuf_addf(sb, "; rule %s", rule);
}

void text_violation(struct out_stream *s, const struct text_lead *l, const struct sc_event *ev,
		    const char *action, const char *exe, const char *code, const char *leads_to,
		    const char *rule, const struct text_opts *o)
{
	struct strbuf sb = {0};

	begin_line(s, &sb, l);
	if (s->color)
		strbuf_adds(&sb, OUT_RED);
	strbuf_addf(&sb, "!!! policy violation (%s): ", action);
	text_violation_body(&sb, ev, exe, code, leads_to, rule, o);
	if (s->color)
		strbuf_adds(&sb, OUT_RESET);
	strbuf_addc(&sb, '\n');
	emit(s, &sb);
}

void text_line(struct out_stream *s, const struct text_lead *l, const char *fmt, ...)
{
	struct strbuf sb = {0};
	char small[256];
	va_list ap;

	begin_line(s, &sb, l);
	va_start(ap, fmt);
	vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	/* Colour marks the ends of processes and the stops. */
	bool tone = s->color && (small[0] == '+' || small[0] == '-');
	if (tone)
		strbuf_adds(&sb, small[0] == '+' ? OUT_MAGENTA : OUT_YELLOW);
	strbuf_adds(&sb, small);
	if (tone)
		strbuf_adds(&sb, OUT_RESET);
	strbuf_addc(&sb, '\n');
	emit(s, &sb);
}
