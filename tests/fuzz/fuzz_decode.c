/*
 * Every syscall decoder of every ABI, on registers and tracee memory the
 * input chooses: the entry decode sees one memory and the exit decode
 * another (a tracee changes its memory while the call runs), and both
 * formatters print the result.  The checks: no crash, leak or undefined
 * behaviour; the text line is printable ASCII (strace's escapes leave no
 * other byte), and the JSON line is one valid JSON value in UTF-8; one
 * pass keeps at most DEC_MAX_BYTES in the arena whatever -s says.
 *
 * Input: ABI, syscall index (fz_sysno), six registers, the return value,
 * the stack pointer, an options byte (bit 0: -v; bit 1: the call did not
 * return; bits 2-3: -s 32, 0, 4096 or 2^31 - 1; bits 4-5: -x level; bits
 * 6-7: -X style), then memory regions (fz_mem_build; anchors: the six
 * registers, the stack pointer and the return value).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "out/fmt_text.h"
#include "out/json.h"
#include "sys/decode.h"
#include "sys/sysent.h"

struct call {
	const struct ptrc_abi *abi;
	uint64_t nr, regs[6], sp;
	int64_t ret;
	bool verbose, unfinished;
	unsigned strsize;
	struct text_opts to;
	struct fz_mem mem;
};

static void read_call(struct call *c, struct fz *f)
{
	static const unsigned strsizes[] = {32, 0, 4096, 0x7fffffff};
	uint64_t anchors[FZ_ANCHORS];

	c->abi = fz_abi(f);
	c->nr = fz_sysno(f, c->abi);
	uint64_t mask = c->abi->word_size == 4 ? 0xffffffffu : UINT64_MAX;
	for (unsigned i = 0; i < 6; i++)
		c->regs[i] = anchors[i] = fz_u64(f) & mask; /* as the kernel reports them */
	c->ret = (int64_t)fz_u64(f);
	c->sp = anchors[6] = fz_u64(f) & mask;
	anchors[7] = (uint64_t)c->ret & mask;
	uint8_t o = fz_u8(f);
	c->verbose = o & 1;
	c->unfinished = o & 2;
	c->strsize = strsizes[(o >> 2) & 3];
	c->to = (struct text_opts){.xflag = (o >> 4) & 3, .xstyle = (uint8_t)((o >> 6) % 3)};
	if (c->to.xflag > 2)
		c->to.xflag = 2;
	fz_mem_build(&c->mem, f, anchors, mask);
}

/* The arena keeps what a pass decoded: at most DEC_MAX_BYTES, and one element past it. */
static void check_bound(const char *pass, const struct arena *ar, size_t before)
{
	if (ar->total - before > DEC_MAX_BYTES + (1 << 20))
		fz_fail("%s kept %zu bytes, past DEC_MAX_BYTES", pass, ar->total - before);
}

/* The strace line, as emit.c builds it from the same two halves. */
static void text_line(struct strbuf *sb, const struct sc_event *ev, const struct text_opts *to)
{
	strbuf_addf(sb, "%s(", ev->name);
	text_args(sb, ev, 0, ev->split, to);
	if (!ev->exited) {
		strbuf_adds(sb, " <unfinished ...>");
		return;
	}
	if (ev->split && ev->split < ev->nargs)
		strbuf_adds(sb, ", ");
	text_args(sb, ev, ev->split, ev->nargs, to);
	strbuf_adds(sb, ") ");
	text_retval(sb, ev, to);
}

static void decode(const struct call *c, struct arena *ar)
{
	struct decode_opts opts = {.strsize = c->strsize, .verbose = c->verbose};
	struct dctx d = {.mem = &c->mem.entry, .ar = ar, .abi = c->abi, .opt = &opts};
	struct json_head h = {.pid = 1, .tid = 1};
	struct strbuf sb = {0};
	struct sc_event ev;

	memset(&ev, 0, sizeof(ev));
	size_t before = ar->total;
	sys_call_start(&ev, c->abi, c->nr, c->regs, &c->mem.entry, ar);
	ev.sp = c->sp;
	sys_decode_entry(&d, &ev);
	check_bound("the entry", ar, before);
	if (!c->unfinished) {
		ev.exited = true;
		ev.ret = c->ret;
		ev.is_error = c->ret < 0 && c->ret > -4096;
		d.mem = &c->mem.exit;
		before = ar->total;
		sys_decode_exit(&d, &ev);
		check_bound("the exit", ar, before);
	}
	text_line(&sb, &ev, &c->to);
	if (fz_show())
		fprintf(stderr, "%s: %s\n", c->abi->name, sb.buf);
	fz_check_printable("text", sb.buf, sb.len);
	strbuf_reset(&sb);
	json_syscall(&sb, &h, &ev, NULL);
	fz_check_json_line("json_syscall", sb.buf, sb.len);
	strbuf_free(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f = {data, size};
	struct arena ar = {0};
	struct call c;

	read_call(&c, &f);
	decode(&c, &ar);
	arena_free(&ar);
	return 0;
}
