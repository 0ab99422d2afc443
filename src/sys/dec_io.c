/* Vectored I/O, pipes, sendfile, getrandom, signalfd. */
#include <stdio.h>
#include <string.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

void dec_iovec(struct dctx *d, struct val *v, uint64_t addr, uint64_t cnt, uint64_t data_len)
{
	dec_iovec_nl(d, v, addr, cnt, data_len, DEC_NL_NONE);
}

void dec_iovec_nl(struct dctx *d, struct val *v, uint64_t addr, uint64_t cnt, uint64_t data_len,
		  int nl_proto)
{
	unsigned ws = d->abi->word_size;
	struct dec_array a;
	uint64_t w[2];

	if (!addr) {
		val_ptr(v, addr);
		return;
	}
	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i < cnt; i++) {
		uint64_t at = addr + i * 2 * ws;
		if (dec_read_words(d, at, w, 2) < 0) {
			dec_array_unread(d, &a, i, at);
			return;
		}
		struct val *item = dec_array_add(d, &a);
		if (!item)
			return;
		uint64_t take = w[1] < data_len ? w[1] : data_len;
		data_len -= take;
		st_init(item, d->ar, 2);
		struct val *base = st_add(item, d->ar, "iov_base");
		if (nl_proto == DEC_NL_NONE)
			decode_buf(d, base, w[0], take);
		else
			dec_netlink(d, base, nl_proto, w[0], take);
		val_uint(st_add(item, d->ar, "iov_len"), w[1]);
	}
}

void dec_readv(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		dec_iovec(d, &ev->args[1], arg_word(d, ev, 1), (uint32_t)ev->raw[2],
			  (uint64_t)ev->ret);
}

void dec_writev(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_iovec(d, &ev->args[1], arg_word(d, ev, 1), (uint32_t)ev->raw[2], UINT64_MAX);
}

void dec_pipe(struct dctx *d, struct sc_event *ev, bool exiting)
{
	int32_t fds[2];
	struct val *v = &ev->args[0];

	if (!exiting || !dec_ok(ev) || !dec_fetch(d, v, arg_word(d, ev, 0), fds, sizeof(fds)))
		return;
	struct val *items = val_array(v, d->ar, 2);
	val_fd(&items[0], fds[0]);
	val_fd(&items[1], fds[1]);
}

/* [N]: an off_t (a word) or, for sendfile64, a loff_t. */
static void dec_offset_ref(struct dctx *d, struct sc_event *ev, struct val *v, uint64_t addr)
{
	int64_t off;

	if (!(ev->ent->traits & TR_OFF64)) {
		dec_word_ref(d, v, addr, WORD_DEC);
		return;
	}
	if (dec_fetch(d, v, addr, &off, sizeof(off)))
		val_int(val_array(v, d->ar, 1), off);
}

/* sendfile's offset is read before and after: [0] => [100]; strace shows the after only when
 * bytes moved it, so 0 (end of file) shows [100] alone. */
void dec_sendfile(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 2);
	struct val *v = &ev->args[2];

	if (!exiting) {
		if (addr)
			ev->split = 2;
		dec_offset_ref(d, ev, v, addr);
		return;
	}
	if (!addr || v->kind != VAL_ARRAY || !dec_ok(ev) || ev->ret == 0)
		return;
	struct val before = *v, after;
	dec_offset_ref(d, ev, &after, addr);
	val_change(v, d->ar, &before, &after);
}

void dec_getrandom(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting || !dec_ok(ev))
		return;
	decode_buf(d, &ev->args[0], arg_word(d, ev, 0), (uint64_t)ev->ret);
	if (ev->args[0].kind == VAL_STR)
		ev->args[0].flags |= VALF_HEXSTR;
}

void dec_signalfd(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_sigset(d, &ev->args[1], arg_word(d, ev, 1), arg_word(d, ev, 2));
}
