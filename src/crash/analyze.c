/* The pure part of a crash report: classification, disassembly, relevant map lines. */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "crash.h"
#include "arch/regs.h"
#include "sigcode.h"

enum { DIS_BEFORE = 6, DIS_AFTER = 4 };

static void describe_map(struct strbuf *sb, const struct map_entry *e)
{
	strbuf_addf(sb, "%" PRIx64 "-%" PRIx64 " %c%c%c %s", e->start, e->end,
		    e->prot & MAP_R ? 'r' : '-', e->prot & MAP_W ? 'w' : '-',
		    e->prot & MAP_X ? 'x' : '-', e->path[0] ? e->path : "[anonymous]");
}

static void describe_neighbours(struct strbuf *sb, const struct fault_info *f)
{
	if (f->below) {
		strbuf_addf(sb, "; 0x%" PRIx64 " bytes past the end of ", f->addr - f->below->end);
		describe_map(sb, f->below);
	}
	if (f->above) {
		strbuf_addf(sb, "; 0x%" PRIx64 " bytes before ", f->above->start - f->addr);
		describe_map(sb, f->above);
	}
}

static void describe_fault(struct strbuf *sb, const struct crash_report *r,
			   const struct fault_info *f)
{
	strbuf_addf(sb, "0x%" PRIx64 " ", f->addr);
	switch (f->cls) {
	case FAULT_NULL_PAGE:
		strbuf_addf(sb, "is in the NULL page: a NULL pointer dereference");
		if (f->addr)
			strbuf_addf(sb, " (at offset 0x%" PRIx64 ")", f->addr);
		return;
	case FAULT_UNMAPPED:
		strbuf_adds(sb, "is not mapped");
		describe_neighbours(sb, f);
		return;
	case FAULT_GUARD_GAP:
		strbuf_addf(sb, "is in the guard gap 0x%" PRIx64 " bytes below the stack ",
			    f->stack->start - f->addr);
		describe_map(sb, f->stack);
		strbuf_adds(sb, ": likely a stack overflow");
		return;
	case FAULT_WRITE_RO:
		strbuf_adds(sb, "is a write to a read-only mapping: ");
		break;
	case FAULT_EXEC_NX:
		strbuf_adds(sb, "is execution of a non-executable mapping: ");
		break;
	case FAULT_NO_ACCESS:
		strbuf_adds(sb, "is in a mapping that allows no access: ");
		break;
	default:
		strbuf_adds(sb, "is mapped: ");
		break;
	}
	describe_map(sb, f->in);
	if (r->signo == SIGBUS && f->cls == FAULT_MAPPED && f->in->inode)
		strbuf_adds(sb, " (past the end of the mapped file?)");
}

static void add_mapref(struct crash_report *r, struct arena *ar, const struct map_entry *e,
		       const char *why)
{
	if (!e)
		return;
	for (size_t i = 0; i < r->nmaps; i++) {
		if (r->maps[i].line == e->line || !strcmp(r->maps[i].line, e->line)) {
			size_t n = strlen(r->maps[i].why) + strlen(why) + 3;
			char *both = arena_alloc(ar, n);
			snprintf(both, n, "%s, %s", r->maps[i].why, why);
			r->maps[i].why = both;
			return;
		}
	}
	r->maps[r->nmaps].why = why;
	r->maps[r->nmaps].line = arena_strndup(ar, e->line, strlen(e->line));
	r->nmaps++;
}

static void pick_maps(struct crash_report *r, const struct maps *m, const struct fault_info *f,
		      struct arena *ar)
{
	r->maps = arena_zalloc(ar, 6 * sizeof(*r->maps));
	if (r->layout) {
		add_mapref(r, ar, maps_find(m, r->pc), "pc");
		add_mapref(r, ar, maps_find(m, r->sp), "sp");
	}
	if (!r->has_addr)
		return;
	if (f->in) {
		add_mapref(r, ar, f->in, "fault");
		return;
	}
	if (f->cls == FAULT_NULL_PAGE)
		return;
	add_mapref(r, ar, f->below, "below fault");
	add_mapref(r, ar, f->above, "above fault");
}

/* Where the function containing pc starts, from frame 0 of the trace. */
static void find_func(struct crash_report *r)
{
	for (size_t i = 0; i < r->trace.n; i++) {
		const struct unwind_frame *f = &r->trace.frames[i];
		if (f->pc != r->pc || (f->flags & UNWIND_FRAME_INLINED))
			continue;
		if (f->func && (f->flags & UNWIND_FRAME_HAS_OFF)) {
			r->func = f->func;
			r->func_start = f->pc - f->func_off;
		}
		return;
	}
}

int crash_analyze(struct crash_report *r, const char *maps_text, const struct tmem *mem,
		  struct arena *ar)
{
	struct maps m;
	struct fault_info f;
	struct strbuf sb = {0};
	int ret = maps_parse(maps_text ? maps_text : "", &m);

	if (ret < 0)
		return ret;
	if (r->layout) {
		find_func(r);
		r->dis_err = crash_disasm(mem, r->abi, r->pc, r->func_start, DIS_BEFORE, DIS_AFTER,
					  ar, &r->dis);
	}
	enum fault_access acc = r->layout && r->addr == r->pc ? FAULT_ACCESS_EXEC : r->dis.access;
	r->access = acc;
	fault_classify(&m, r->addr, r->sp, acc, &f);
	if (!r->has_addr)
		f.cls = FAULT_NO_ADDRESS;
	else if (r->signo == SIGILL || r->signo == SIGFPE || r->signo == SIGTRAP)
		f.cls = f.in ? FAULT_MAPPED : f.cls; /* si_addr is the instruction's address */
	r->cls = f.cls;
	if (r->has_addr) {
		describe_fault(&sb, r, &f);
		r->fault_text = arena_strndup(ar, sb.buf, sb.len);
	}
	pick_maps(r, &m, &f, ar);
	strbuf_free(&sb);
	maps_free(&m);
	return 0;
}
