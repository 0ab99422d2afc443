/*
 * personality(2): PER_LINUX32|ADDR_NO_RANDOMIZE, in and out (= 0x8 (PER_LINUX32)), as
 * strace 6.1 prints it; 0xffffffff, the query, as itself.
 */
#include <linux/personality.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

/* The low byte by name, then the flags above it when there are any. */
static void dec_persona(struct dctx *d, struct val *v, uint32_t p)
{
	uint32_t flags = p & ~(uint32_t)PER_MASK;

	if (p == UINT32_MAX) {
		val_hex(v, p);
		return;
	}
	if (!flags) {
		val_enum(v, p, &xl_personalities);
		return;
	}
	struct val *items = val_or(v, d->ar, 2);
	v->raw = VAL_RAW_PARTS; /* -X raw: 0x8|0x40000, as strace prints it */
	val_enum(&items[0], p & PER_MASK, &xl_personalities);
	val_flags(&items[1], flags, &xl_personality_flags);
}

void dec_personality(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t ret = d->abi->word_size == 4 ? (uint32_t)ev->ret : (uint64_t)ev->ret;

	if (!exiting) {
		dec_persona(d, &ev->args[0], (uint32_t)ev->raw[0]);
		return;
	}
	if (!dec_ok(ev))
		return;
	val_hex(&ev->retv, ret);
	ev->retv.flags |= VALF_NUM;
	dec_persona(d, &ev->ret_note, (uint32_t)ret);
}
