/* The hang report's text and JSON (dump.h). */
#include <stdio.h>
#include <string.h>

#include "dump.h"
#include "json.h"
#include "unwind/fmt_frames.h"

static const char *state_name(char s)
{
	switch (s) {
	case 'R':
		return "running";
	case 'S':
		return "sleeping";
	case 'D':
		return "uninterruptible (disk or driver)";
	case 'T':
		return "stopped";
	case 't':
		return "traced";
	case 'Z':
		return "zombie";
	default:
		return "unknown";
	}
}

static void text_head(struct strbuf *sb, const struct dump_proc *p)
{
	strbuf_addf(sb, "=== ptrc dump: pid %d: %s (parent %d %s", (int)p->pid,
		    p->cmdline ? p->cmdline : "?", (int)p->ppid,
		    p->parent_comm ? p->parent_comm : "?");
	if (p->nchildren) {
		strbuf_adds(sb, "; children");
		for (size_t i = 0; i < p->nchildren; i++)
			strbuf_addf(sb, " %d", (int)p->children[i]);
	}
	strbuf_adds(sb, ") ===\n");
}

static void text_thread(struct strbuf *sb, const struct dump_thread *th, const struct text_opts *o,
			bool python_only)
{
	strbuf_addf(sb, "thread %d \"%s\": %c (%s)", (int)th->tid, th->comm, th->state,
		    state_name(th->state));
	if (th->wchan)
		strbuf_addf(sb, " in %s", th->wchan);
	strbuf_addc(sb, '\n');
	if (th->why) {
		strbuf_addf(sb, "  (not read: %s)\n", th->why);
		return;
	}
	if (th->in_syscall) {
		/* A call that has not returned: its outputs are addresses, and no "= ...". */
		strbuf_adds(sb, th->state == 'R' ? "  in " : "  blocked");
		if (th->state != 'R' && th->blocked_s >= 0)
			strbuf_addf(sb, " for %.1f s", th->blocked_s);
		strbuf_adds(sb, th->state == 'R' ? "" : " in ");
		strbuf_adds(sb, th->ev.name);
		strbuf_addc(sb, '(');
		text_args(sb, &th->ev, 0, th->ev.nargs, o);
		strbuf_adds(sb, ")\n");
	} else {
		strbuf_adds(sb, "  in user code\n");
	}
	struct fmt_frames_opts fo = {.lead = "   > ", .python_only = python_only};
	if (th->note && !python_only)
		strbuf_addf(sb, "   > (%s)\n", th->note);
	if (th->walk_err < 0)
		strbuf_addf(sb, "   > (no stack: %s)\n", strerror(-th->walk_err));
	else
		fmt_frames(sb, &th->stack, &fo);
}

void dump_text(struct strbuf *sb, const struct dump_proc *p, const struct text_opts *o,
	       bool python_only)
{
	text_head(sb, p);
	double held = 0;
	for (size_t i = 0; i < p->nthreads; i++) {
		text_thread(sb, &p->threads[i], o, python_only);
		held = p->threads[i].stopped_ms > held ? p->threads[i].stopped_ms : held;
	}
	strbuf_addf(sb, "=== end of dump: pid %d, %zu thread%s", (int)p->pid, p->nthreads,
		    p->nthreads == 1 ? "" : "s");
	/* What the report cost the job: one thread at a time, each for this long at most. */
	if (held > 0)
		strbuf_addf(sb, ", each stopped for at most %.1f ms", held);
	strbuf_adds(sb, " ===\n");
}

void dump_json(struct strbuf *sb, const struct dump_proc *p)
{
	for (size_t i = 0; i < p->nthreads; i++) {
		const struct dump_thread *th = &p->threads[i];
		struct json_head h = {.pid = p->pid, .tid = th->tid};
		json_begin(sb, "dump", &h);
		strbuf_addf(sb, ",\"ppid\":%d,\"comm\":", (int)p->ppid);
		json_cstr(sb, th->comm);
		strbuf_addf(sb, ",\"state\":\"%c\",\"wchan\":", th->state);
		json_cstr(sb, th->wchan);
		if (th->blocked_s >= 0)
			strbuf_addf(sb, ",\"blocked_s\":%.3f", th->blocked_s);
		if (th->why) {
			strbuf_adds(sb, ",\"error\":");
			json_cstr(sb, th->why);
		} else if (th->in_syscall) {
			strbuf_adds(sb, ",\"syscall\":{");
			/* The call's members, without the comma they start with: the first here. */
			size_t at = sb->len;
			json_call_members(sb, &th->ev);
			memmove(sb->buf + at, sb->buf + at + 1, sb->len - at);
			sb->len--;
			strbuf_addc(sb, '}');
		} else {
			strbuf_adds(sb, ",\"syscall\":null");
		}
		if (!th->why && th->walk_err == 0)
			json_stack_member(sb, &th->stack);
		json_end(sb);
	}
}
