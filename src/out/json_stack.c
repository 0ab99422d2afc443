/* Stack frames as JSON (docs/json.md, "Stacks"). */
#include "json.h"

#include <inttypes.h>
#include <string.h>

#include "../unwind/unwind.h"

static void member_str(struct strbuf *sb, const char *key, const char *s)
{
	if (!s)
		return;
	strbuf_addf(sb, ",\"%s\":", key);
	json_bytes(sb, s, strlen(s), false, false);
}

/* A CPython frame: where the eval loop was, as a traceback names it. */
static void json_python_frame(struct strbuf *sb, const struct unwind_frame *f)
{
	strbuf_adds(sb, "{\"python\":true");
	member_str(sb, "file", f->file);
	if (f->line)
		strbuf_addf(sb, ",\"line\":%u", f->line);
	member_str(sb, "function", f->func);
	strbuf_addc(sb, '}');
}

static void json_frame(struct strbuf *sb, const struct unwind_frame *f)
{
	if (f->flags & UNWIND_FRAME_PYTHON) {
		json_python_frame(sb, f);
		return;
	}
	strbuf_addf(sb, "{\"pc\":\"%#" PRIx64 "\"", f->pc);
	if (f->module)
		strbuf_addf(sb, ",\"rel\":\"%#" PRIx64 "\"", f->rel);
	member_str(sb, "module", f->module);
	member_str(sb, "function", f->func);
	if (f->flags & UNWIND_FRAME_HAS_OFF)
		strbuf_addf(sb, ",\"offset\":%" PRIu64, f->func_off);
	member_str(sb, "file", f->file);
	if (f->line)
		strbuf_addf(sb, ",\"line\":%u", f->line);
	if (f->flags & UNWIND_FRAME_INLINED) {
		strbuf_adds(sb, ",\"inlined\":true");
		member_str(sb, "inlined_into", f->inlined_into);
	}
	strbuf_addc(sb, '}');
}

void json_stack_member(struct strbuf *sb, const struct unwind_trace *t)
{
	strbuf_adds(sb, ",\"stack\":[");
	for (size_t i = 0; i < t->n; i++) {
		if (i)
			strbuf_addc(sb, ',');
		json_frame(sb, &t->frames[i]);
	}
	strbuf_addc(sb, ']');
	const char *why = unwind_stop_reason(t);
	if (why) {
		strbuf_adds(sb, ",\"stack_truncated\":");
		json_cstr(sb, why);
	}
	if (t->py_note) {
		strbuf_adds(sb, ",\"python_note\":");
		json_cstr(sb, t->py_note);
	}
}
