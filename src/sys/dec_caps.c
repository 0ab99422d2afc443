/*
 * capget(2) and capset(2): {version=_LINUX_CAPABILITY_VERSION_3, pid=0} and the sets
 * {effective=1<<CAP_KILL|1<<CAP_SYSLOG, permitted=..., inheritable=0}, as strace 6.1 prints
 * them.  The structs are the same on every ABI.  Versions 2 and 3 hold two words per set
 * (caps 0-31, 32-63); version 1 and versions the kernel does not know, one.
 */
#include <linux/capability.h>

#include "decoders.h"
#include "flags.h"

/* The header, read at entry: the kernel may write its version back (EINVAL). */
static void dec_cap_header(struct dctx *d, struct val *v, uint64_t addr,
			   struct __user_cap_header_struct *h)
{
	if (!dec_fetch(d, v, addr, h, sizeof(*h)))
		return;
	st_init(v, d->ar, 2);
	val_enum(st_add(v, d->ar, "version"), h->version, &xl_cap_versions);
	val_pid(st_add(v, d->ar, "pid"), h->pid);
}

/* One set: its low word's names, then its high word's, each only when not 0. */
static void dec_cap_set(struct dctx *d, struct val *v, uint32_t lo, uint32_t hi)
{
	if (lo && hi) {
		struct val *items = val_or(v, d->ar, 2);
		v->raw = VAL_RAW_PARTS; /* -X raw: 0xfeffffff|0x1ff, as strace prints it */
		val_flags(&items[0], lo, &xl_cap_mask_lo);
		val_flags(&items[1], hi, &xl_cap_mask_hi);
	} else if (hi) {
		val_flags(v, hi, &xl_cap_mask_hi);
	} else {
		val_flags(v, lo, &xl_cap_mask_lo);
	}
}

/* The data the header's version says: two structs for versions 2 and 3, else one. */
static void dec_cap_data(struct dctx *d, struct val *v, uint64_t addr, uint32_t version)
{
	struct __user_cap_data_struct c[2] = {{0, 0, 0}, {0, 0, 0}};
	unsigned n =
		version == _LINUX_CAPABILITY_VERSION_2 || version == _LINUX_CAPABILITY_VERSION_3
			? 2
			: 1;

	if (!dec_fetch(d, v, addr, c, n * sizeof(c[0])))
		return;
	st_init(v, d->ar, 3);
	dec_cap_set(d, st_add(v, d->ar, "effective"), c[0].effective, c[1].effective);
	dec_cap_set(d, st_add(v, d->ar, "permitted"), c[0].permitted, c[1].permitted);
	dec_cap_set(d, st_add(v, d->ar, "inheritable"), c[0].inheritable, c[1].inheritable);
}

void dec_capget(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct __user_cap_header_struct h = {0, 0};
	const struct val *hv = &ev->args[0];

	if (!exiting) {
		dec_cap_header(d, &ev->args[0], arg_word(d, ev, 0), &h);
		return;
	}
	/* The data's layout is the version the header held at entry, as decoded then. */
	if (dec_ok(ev) && hv->kind == VAL_STRUCT)
		dec_cap_data(d, &ev->args[1], arg_word(d, ev, 1),
			     (uint32_t)hv->fields[0].v->fl.bits);
}

void dec_capset(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct __user_cap_header_struct h = {0, 0};

	if (exiting)
		return;
	dec_cap_header(d, &ev->args[0], arg_word(d, ev, 0), &h);
	if (ev->args[0].kind == VAL_STRUCT)
		dec_cap_data(d, &ev->args[1], arg_word(d, ev, 1), h.version);
}
