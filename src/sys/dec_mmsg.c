/* sendmmsg and recvmmsg: arrays of struct mmsghdr, each a msghdr (dec_msg.c) and its msg_len. */
#include "../../arch/abi.h"
#include "decoders.h"

/*
 * struct mmsghdr { struct msghdr msg_hdr; unsigned int msg_len; }: the msghdr
 * takes 7 word slots on every ABI ptrc knows (dec_msg.c), msg_len the 8th (an
 * unsigned int, padded to a word on 64-bit ABIs).
 */
enum { MMSG_SLOT_LEN = 7, MMSG_SLOTS = 8 };

static uint64_t mmsg_at(const struct dctx *d, uint64_t addr, uint64_t i)
{
	return addr + i * MMSG_SLOTS * d->abi->word_size;
}

static int mmsg_len(struct dctx *d, uint64_t at, uint32_t *len)
{
	return tmem_read(d->mem, at + MMSG_SLOT_LEN * d->abi->word_size, len, sizeof(*len));
}

/*
 * n entries at addr: {msg_hdr={...}} each, with room for msg_len; recvmmsg's
 * (received) show msg_len and up to msg_len bytes of their data.
 */
static void dec_mmsghdrs(struct dctx *d, const struct sc_event *ev, struct val *v, uint64_t addr,
			 uint64_t n, bool received)
{
	struct dec_array a;
	uint32_t len = 0;

	if (!addr) {
		val_ptr(v, addr);
		return;
	}
	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i < n; i++) {
		uint64_t at = mmsg_at(d, addr, i), w;
		if (read_word(d, at, &w) < 0 || (received && mmsg_len(d, at, &len) < 0)) {
			dec_array_unread(d, &a, i, at);
			return;
		}
		struct val *item = dec_array_add(d, &a);
		if (!item)
			return;
		st_init(item, d->ar, 2);
		dec_msghdr(d, ev, st_add(item, d->ar, "msg_hdr"), at, received ? len : UINT64_MAX);
		if (received)
			val_uint(st_add(item, d->ar, "msg_len"), len);
	}
}

/* The entries sent show their data at entry and, after the call, the msg_len of the first
 * ret, which were sent. */
void dec_sendmmsg(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 1);
	struct val *v = &ev->args[1];
	uint32_t len;

	if (!exiting) {
		dec_mmsghdrs(d, ev, v, addr, (uint32_t)ev->raw[2], false);
		if (v->kind == VAL_ARRAY && v->n)
			ev->split = 1; /* the array at exit, with its msg_len */
		return;
	}
	if (!dec_ok(ev) || v->kind != VAL_ARRAY)
		return;
	for (uint64_t i = 0; i < v->n && i < (uint64_t)ev->ret; i++) {
		struct val *item = &v->items[i];
		if (item->kind != VAL_STRUCT || item->n != 1 ||
		    mmsg_len(d, mmsg_at(d, addr, i), &len) < 0)
			return;
		val_uint(st_add(item, d->ar, "msg_len"), len);
	}
}

/* The timeout at entry; the ret entries received, and the time left, after. */
void dec_recvmmsg(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t tmo = arg_word(d, ev, 4);

	if (!exiting) {
		if (tmo)
			dec_timespec(d, &ev->args[4], tmo);
		else
			val_ptr(&ev->args[4], tmo);
		return;
	}
	if (!dec_ok(ev))
		return;
	uint64_t n =
		(uint64_t)ev->ret < (uint32_t)ev->raw[2] ? (uint64_t)ev->ret : (uint32_t)ev->raw[2];
	dec_mmsghdrs(d, ev, &ev->args[1], arg_word(d, ev, 1), n, true);
	if (tmo) {
		struct val *note = val_note(&ev->retv, d->ar);
		st_init(note, d->ar, 1);
		note->flags |= VALF_BARE | VALF_LABELS;
		dec_timespec(d, st_add(note, d->ar, "left"), tmo);
	}
}
