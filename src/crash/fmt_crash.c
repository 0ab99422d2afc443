/* A crash report as text.  Pure. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "crash.h"
#include "arch/regs.h"
#include "sigcode.h"
#include "out/fmt_text.h"
#include "sys/signame.h"
#include "unwind/fmt_frames.h"

static void fmt_who(struct strbuf *sb, const struct crash_report *r)
{
	char name[32];
	const char *code = crash_code_name(r->signo, r->code);
	const char *text = crash_code_text(r->signo, r->code);

	/* The command line, names and lines below are the tracee's: escaped. */
	strbuf_addf(sb, "=== ptrc crash report: pid %d, tid %d: ", (int)r->pid, (int)r->tid);
	fmt_escaped(sb, r->cmdline ? r->cmdline : "?");
	strbuf_adds(sb, " ===\n");
	strbuf_addf(sb, "signal: %s", signame(r->signo, name, sizeof(name)) ? name : "?");
	if (code)
		strbuf_addf(sb, " (%s: %s)", code, text);
	else
		strbuf_addf(sb, " (si_code %d)", r->code);
	if (r->has_addr)
		strbuf_addf(sb, ", fault address 0x%" PRIx64, r->addr);
	strbuf_addc(sb, '\n');
	if (r->fault_text)
		strbuf_addf(sb, "address: %s\n", r->fault_text);
}

static void fmt_regs(struct strbuf *sb, const struct crash_report *r)
{
	const struct reg_layout *l = r->layout;
	int width = (int)l->word_size * 2;

	strbuf_addf(sb, "registers (%s):\n", l->abi);
	for (size_t i = 0; i < l->nregs; i++) {
		strbuf_addf(sb, "  %-8s 0x%0*" PRIx64, l->regs[i].name,
			    l->regs[i].size == 8 ? width : 8, r->regs[i]);
		if (i % 4 == 3 || i + 1 == l->nregs)
			strbuf_addc(sb, '\n');
	}
}

static void fmt_code(struct strbuf *sb, const struct crash_report *r)
{
	strbuf_adds(sb, "code:\n");
	if (r->dis_err < 0) {
		strbuf_addf(sb, "   (unreadable at 0x%" PRIx64 ": %s)\n", r->pc,
			    strerror(-r->dis_err));
		return;
	}
	for (size_t i = 0; i < r->dis.n; i++) {
		const struct crash_insn *in = &r->dis.insns[i];
		strbuf_addf(sb, "%s0x%" PRIx64, in->is_pc ? "=> " : "   ", in->addr);
		if (r->func && in->addr >= r->func_start) {
			strbuf_adds(sb, " <");
			fmt_escaped(sb, r->func);
			strbuf_addf(sb, "+%" PRIu64 ">", in->addr - r->func_start);
		}
		strbuf_addf(sb, ":\t%s\n", in->text);
	}
}

static void fmt_backtrace(struct strbuf *sb, const struct crash_report *r)
{
	static const struct fmt_frames_opts fo = {.collapse = true};

	strbuf_adds(sb, "backtrace:\n");
	if (r->unwind_err < 0) {
		strbuf_addf(sb, " > (no stack: %s)\n", strerror(-r->unwind_err));
		return;
	}
	fmt_frames(sb, &r->trace, &fo);
	if (r->src_frame && r->src_text) {
		const char *text = r->src_text;
		while (*text == ' ' || *text == '\t')
			text++;
		strbuf_adds(sb, "source: ");
		fmt_escaped(sb, r->src_frame->file);
		strbuf_addf(sb, ":%u\n  %5u | ", r->src_frame->line, r->src_frame->line);
		fmt_escaped(sb, text);
		strbuf_addc(sb, '\n');
	}
}

static void fmt_last(struct strbuf *sb, const struct crash_report *r, const struct text_opts *o)
{
	static const char partial[] = "only the calls the trace stopped at: its seccomp filter ran "
				      "the others unseen; --seccomp-bpf=no records every call";

	if (!r->nlast && r->last_partial)
		strbuf_addf(sb, "last syscalls of tid %d: none recorded (%s)\n", (int)r->tid,
			    partial);
	if (!r->nlast)
		return;
	if (r->last_partial)
		strbuf_addf(sb, "last syscalls of tid %d (oldest first; %s):\n", (int)r->tid,
			    partial);
	else
		strbuf_addf(sb, "last syscalls of tid %d (oldest first):\n", (int)r->tid);
	for (size_t i = 0; i < r->nlast; i++) {
		strbuf_adds(sb, "  ");
		text_call(sb, &r->last[i], o);
		strbuf_addc(sb, '\n');
	}
}

void crash_format(struct strbuf *sb, const struct crash_report *r, const struct text_opts *o)
{
	fmt_who(sb, r);
	if (r->layout) {
		fmt_regs(sb, r);
		fmt_code(sb, r);
	}
	fmt_backtrace(sb, r);
	fmt_last(sb, r, o);
	if (r->nmaps) {
		strbuf_adds(sb, "memory map:\n");
		for (size_t i = 0; i < r->nmaps; i++) {
			strbuf_addf(sb, "  %-18s ", r->maps[i].why);
			fmt_escaped(sb, r->maps[i].line);
			strbuf_addc(sb, '\n');
		}
	}
	strbuf_adds(sb, "=== end of crash report ===\n");
}
