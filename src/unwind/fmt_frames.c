#include <inttypes.h>
#include <string.h>

#include "fmt_frames.h"

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

void fmt_frame(struct strbuf *sb, const struct unwind_frame *f, const struct fmt_frames_opts *o)
{
	bool src = !(o && o->no_source);

	strbuf_adds(sb, o && o->lead ? o->lead : " > ");
	strbuf_adds(sb, f->module ? f->module : "?");
	strbuf_addc(sb, '(');
	if (f->func) {
		strbuf_adds(sb, f->func);
		if (f->flags & UNWIND_FRAME_HAS_OFF)
			strbuf_addf(sb, "+0x%" PRIx64, f->func_off);
	}
	strbuf_addf(sb, ") [0x%" PRIx64 "]", f->module ? f->rel : f->pc);
	if (src && f->file && f->line) {
		strbuf_addc(sb, ' ');
		strbuf_adds(sb, o && o->full_path ? f->file : base_name(f->file));
		strbuf_addf(sb, ":%u", f->line);
	}
	if (f->flags & UNWIND_FRAME_INLINED)
		strbuf_addf(sb, " (inlined into %s)", f->inlined_into ? f->inlined_into : "?");
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
	if (why) {
		strbuf_adds(sb, o && o->lead ? o->lead : " > ");
		strbuf_addf(sb, "(%s)\n", why);
	}
}
