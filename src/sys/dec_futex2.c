/* futex_waitv's array of struct futex_waitv (u64 fields on every ABI) and its timeout, a
 * 64-bit timespec on every ABI. */
#include <linux/futex.h>

#include "decoders.h"
#include "xlat.h"

XLAT_TABLE_UNKNOWN(xl_futex_waitv_flags, XLAT_BITS_DFLT, "FUTEX_", XLAT(FUTEX_32),
		   XLAT(FUTEX_PRIVATE_FLAG));

static void val_futex_waitv(struct dctx *d, struct val *v, const struct futex_waitv *w)
{
	st_init(v, d->ar, 4);
	val_hex(st_add(v, d->ar, "val"), w->val);
	val_ptr(st_add(v, d->ar, "uaddr"), w->uaddr);
	val_flags(st_add(v, d->ar, "flags"), w->flags, &xl_futex_waitv_flags);
	if (w->__reserved)
		val_hex(st_add(v, d->ar, "__reserved"), w->__reserved);
}

/* futex_waitv(waiters, nr, flags, timeout, clockid). */
void dec_futex_waitv(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 0), n = (uint32_t)ev->raw[1];
	struct futex_waitv w;
	struct dec_array a;

	if (exiting)
		return;
	dec_timespec(d, &ev->args[3], arg_word(d, ev, 3));
	if (!addr)
		return;
	dec_array_start(d, &a, &ev->args[0]);
	for (uint64_t i = 0; i < n; i++) {
		struct val *it;
		uint64_t at = addr + i * sizeof(w);
		if (tmem_read(d->mem, at, &w, sizeof(w)) < 0) {
			dec_array_unread(d, &a, i, at);
			return;
		}
		if (!(it = dec_array_add(d, &a)))
			return;
		val_futex_waitv(d, it, &w);
	}
}
