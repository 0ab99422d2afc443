#include <inttypes.h>
#include <string.h>

#include "fmt_frames.h"

/*
 * A name from the tracee's files (a module path, an ELF or DWARF name, a
 * source path): it may hold any byte, and the trace is text.  Bytes outside
 * printable ASCII become \xHH and a backslash "\\", as in a quoted string.
 */
void fmt_escaped(struct strbuf *sb, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	for (const char *run = s;; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c < 0x7f && c != '\\')
			continue;
		strbuf_addn(sb, run, (size_t)(s - run));
		if (!c)
			return;
		if (c == '\\') {
			strbuf_adds(sb, "\\\\");
		} else {
			char esc[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
			strbuf_addn(sb, esc, sizeof(esc));
		}
		run = s + 1;
	}
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

void fmt_python_where(struct strbuf *sb, const struct unwind_frame *f)
{
	fmt_escaped(sb, f->file ? f->file : "?");
	strbuf_addc(sb, ':');
	if (f->line)
		strbuf_add_u64(sb, f->line);
	else
		strbuf_addc(sb, '?');
	strbuf_adds(sb, " in ");
	fmt_escaped(sb, f->func ? f->func : "?");
}

/* " > [py] train.py:14 in Trainer.step": where a Python traceback would say it. */
static void python_frame(struct strbuf *sb, const struct unwind_frame *f)
{
	strbuf_adds(sb, "[py] ");
	fmt_python_where(sb, f);
}

void fmt_frame(struct strbuf *sb, const struct unwind_frame *f, const struct fmt_frames_opts *o)
{
	bool src = !(o && o->no_source);

	strbuf_adds(sb, o && o->lead ? o->lead : " > ");
	if (f->flags & UNWIND_FRAME_PYTHON) {
		python_frame(sb, f);
		return;
	}
	fmt_escaped(sb, f->module ? f->module : "?");
	strbuf_addc(sb, '(');
	if (f->func) {
		fmt_escaped(sb, f->func);
		if (f->flags & UNWIND_FRAME_HAS_OFF) {
			strbuf_adds(sb, "+0x");
			strbuf_add_xdigits(sb, f->func_off);
		}
	}
	/* No printf: -k prints a line per frame, 20 for each call (issue 11). */
	strbuf_adds(sb, ") [0x");
	strbuf_add_xdigits(sb, f->module ? f->rel : f->pc);
	strbuf_addc(sb, ']');
	if (src && f->file && f->line) {
		strbuf_addc(sb, ' ');
		fmt_escaped(sb, o && o->full_path ? f->file : base_name(f->file));
		strbuf_addc(sb, ':');
		strbuf_add_u64(sb, f->line);
	}
	if (f->flags & UNWIND_FRAME_INLINED) {
		strbuf_adds(sb, " (inlined into ");
		fmt_escaped(sb, f->inlined_into ? f->inlined_into : "?");
		strbuf_addc(sb, ')');
	}
}

static bool same_frame(const struct unwind_frame *a, const struct unwind_frame *b)
{
	return a->pc == b->pc && a->flags == b->flags && a->line == b->line &&
	       (a->func == b->func || (a->func && b->func && !strcmp(a->func, b->func)));
}

void fmt_frames(struct strbuf *sb, const struct unwind_trace *t, const struct fmt_frames_opts *o)
{
	const char *why = unwind_stop_reason(t);

	for (size_t i = 0; i < t->n; i++) {
		size_t same = 0;
		if (o && o->python_only && !(t->frames[i].flags & UNWIND_FRAME_PYTHON))
			continue;
		fmt_frame(sb, &t->frames[i], o);
		strbuf_addc(sb, '\n');
		while (o && o->collapse && i + 1 < t->n &&
		       same_frame(&t->frames[i], &t->frames[i + 1]))
			same++, i++;
		if (same) {
			strbuf_adds(sb, o->lead ? o->lead : " > ");
			strbuf_addf(sb, "(the frame above repeats %zu more times)\n", same);
		}
	}
	if (why && !(o && o->python_only)) {
		strbuf_adds(sb, o && o->lead ? o->lead : " > ");
		strbuf_addf(sb, "(%s)\n", why);
	}
	if (t->py_note) {
		strbuf_adds(sb, o && o->lead ? o->lead : " > ");
		strbuf_addf(sb, "(%s)\n", t->py_note);
	}
}
