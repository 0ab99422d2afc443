/* A crash report as one JSON line (docs/json.md, "crash"): data, not the text report. */
#include "json.h"

#include <inttypes.h>
#include <string.h>

#include "../../arch/abi.h"
#include "../../arch/regs.h"
#include "../crash/crash.h"
#include "../crash/sigcode.h"

static void str_member(struct strbuf *sb, const char *key, const char *s)
{
	strbuf_addf(sb, ",\"%s\":", key);
	json_cstr(sb, s);
}

static void add_fault(struct strbuf *sb, const struct crash_report *r)
{
	strbuf_adds(sb, ",\"fault\":{\"class\":");
	json_cstr(sb, fault_class_name(r->cls));
	str_member(sb, "access", fault_access_name(r->access));
	if (r->has_addr)
		strbuf_addf(sb, ",\"addr\":\"0x%" PRIx64 "\"", r->addr);
	str_member(sb, "text", r->fault_text);
	strbuf_addc(sb, '}');
}

static void add_registers(struct strbuf *sb, const struct crash_report *r)
{
	const struct reg_layout *l = r->layout;

	strbuf_adds(sb, ",\"registers\":");
	if (!l) {
		strbuf_adds(sb, "null");
		return;
	}
	strbuf_addc(sb, '{');
	for (size_t i = 0; i < l->nregs; i++)
		strbuf_addf(sb, "%s\"%s\":\"0x%" PRIx64 "\"", i ? "," : "", l->regs[i].name,
			    r->regs[i]);
	strbuf_addc(sb, '}');
}

static void add_disassembly(struct strbuf *sb, const struct crash_report *r)
{
	strbuf_adds(sb, ",\"disassembly\":[");
	for (size_t i = 0; i < r->dis.n; i++) {
		const struct crash_insn *in = &r->dis.insns[i];
		strbuf_addf(sb, "%s{\"addr\":\"0x%" PRIx64 "\",\"bytes\":\"", i ? "," : "",
			    in->addr);
		for (unsigned k = 0; k < in->size && k < sizeof(in->bytes); k++)
			strbuf_addf(sb, "%02x", in->bytes[k]);
		strbuf_adds(sb, "\",\"text\":");
		json_cstr(sb, in->text);
		if (r->func && in->addr >= r->func_start)
			strbuf_addf(sb, ",\"offset\":%" PRIu64, in->addr - r->func_start);
		if (in->is_pc)
			strbuf_adds(sb, ",\"fault\":true");
		strbuf_addc(sb, '}');
	}
	strbuf_addc(sb, ']');
	/* false: a seccomp filter ran the calls the trace did not select without a stop. */
	strbuf_addf(sb, ",\"last_syscalls_complete\":%s", r->last_partial ? "false" : "true");
}

static void add_source(struct strbuf *sb, const struct crash_report *r)
{
	strbuf_adds(sb, ",\"source\":");
	if (!r->src_frame || !r->src_text) {
		strbuf_adds(sb, "null");
		return;
	}
	strbuf_adds(sb, "{\"file\":");
	json_bytes(sb, r->src_frame->file, strlen(r->src_frame->file), false, false);
	strbuf_addf(sb, ",\"line\":%u,\"text\":", r->src_frame->line);
	json_bytes(sb, r->src_text, strlen(r->src_text), false, false);
	strbuf_addc(sb, '}');
}

static void add_last(struct strbuf *sb, const struct crash_report *r)
{
	strbuf_adds(sb, ",\"last_syscalls\":[");
	for (size_t i = 0; i < r->nlast; i++) {
		strbuf_adds(sb, i ? ",{" : "{");
		/* The members of a syscall line, without its leading comma. */
		struct strbuf call = {0};
		json_call_members(&call, &r->last[i]);
		json_ret_members(&call, &r->last[i]);
		strbuf_addn(sb, call.buf + 1, call.len - 1);
		strbuf_free(&call);
		strbuf_addc(sb, '}');
	}
	strbuf_addc(sb, ']');
}

static void add_maps(struct strbuf *sb, const struct crash_report *r)
{
	strbuf_adds(sb, ",\"maps\":[");
	for (size_t i = 0; i < r->nmaps; i++) {
		strbuf_adds(sb, i ? ",{\"why\":" : "{\"why\":");
		json_cstr(sb, r->maps[i].why);
		strbuf_adds(sb, ",\"line\":");
		json_bytes(sb, r->maps[i].line, strlen(r->maps[i].line), false, false);
		strbuf_addc(sb, '}');
	}
	strbuf_addc(sb, ']');
}

void json_crash(struct strbuf *sb, const struct json_head *h, const struct crash_report *r)
{
	const char *code = crash_code_name(r->signo, r->code);

	json_begin(sb, "crash", h);
	json_signal_member(sb, "signal", r->signo);
	if (code)
		str_member(sb, "si_code", code);
	else
		strbuf_addf(sb, ",\"si_code\":%d", r->code);
	json_path_member(sb, "cmdline", r->cmdline);
	add_fault(sb, r);
	if (r->abi)
		str_member(sb, "abi", r->abi->name);
	if (r->layout)
		strbuf_addf(sb, ",\"pc\":\"0x%" PRIx64 "\",\"sp\":\"0x%" PRIx64 "\"", r->pc, r->sp);
	add_registers(sb, r);
	if (r->func)
		str_member(sb, "function", r->func);
	add_disassembly(sb, r);
	add_source(sb, r);
	if (r->unwind_err >= 0)
		json_stack_member(sb, &r->trace);
	add_last(sb, r);
	add_maps(sb, r);
	json_end(sb);
}
