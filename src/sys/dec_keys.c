/*
 * The kernel's key management as strace 6.1 prints it: add_key(2) and request_key(2) with
 * their payloads and keyrings, and keyctl(2) command by command, only the arguments each
 * takes (a key serial by its KEY_SPEC_* name, a payload as a string of its length, the
 * outputs at exit).  A command no row has, and KEYCTL_WATCH_KEY (which strace does not
 * decode), print four words in hex.
 */
#include <linux/keyctl.h>
#include <stdint.h>
#include <string.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

enum key_kind {
	KA_HEX,
	KA_KEY,	    /* a key serial: KEY_SPEC_SESSION_KEYRING, or the int */
	KA_INT,	    /* an int in decimal */
	KA_UID,	    /* a uid or gid: -1 */
	KA_UINT,    /* an unsigned int */
	KA_ULONG,   /* a length */
	KA_PTR,	    /* an address strace does not follow */
	KA_STR,	    /* a string */
	KA_PAYLOAD, /* a buffer of the next argument's length */
	KA_REQKEY,  /* KEY_REQKEY_DEFL_* */
	KA_ERRNO,   /* an error number: EKEYREVOKED */
	KA_IOV,	    /* an iovec array, the next argument its count */
	KA_DH,	    /* struct keyctl_dh_params */
	KA_PKEY,    /* struct keyctl_pkey_params: its in_len and out_len */
	KA_PKEY2,   /* the same, for KEYCTL_PKEY_VERIFY: in_len and in2_len */
	KA_PKEY_IN, /* a buffer of the params' in_len (argument 1) */
	KA_PKEY_IN2,
	KA_MOVE,     /* KEYCTL_MOVE_EXCL */
	KA_OUT,	     /* from here on, outputs: an address at entry */
	KA_OUT_STR,  /* the description the kernel wrote, its trailing NUL left out */
	KA_OUT_BUF,  /* the bytes the kernel wrote */
	KA_OUT_CAPS, /* KEYCTL_CAPABILITIES' bytes */
};

struct key_cmd {
	uint32_t cmd;
	uint8_t nargs;
	uint8_t kinds[4];
};

static const struct key_cmd key_cmds[] = {
	{KEYCTL_GET_KEYRING_ID, 2, {KA_KEY, KA_INT}},
	{KEYCTL_JOIN_SESSION_KEYRING, 1, {KA_STR}},
	{KEYCTL_UPDATE, 3, {KA_KEY, KA_PAYLOAD, KA_ULONG}},
	{KEYCTL_REVOKE, 1, {KA_KEY}},
	{KEYCTL_CHOWN, 3, {KA_KEY, KA_UID, KA_UID}},
	{KEYCTL_SETPERM, 2, {KA_KEY, KA_HEX}},
	{KEYCTL_DESCRIBE, 3, {KA_KEY, KA_OUT_STR, KA_ULONG}},
	{KEYCTL_CLEAR, 1, {KA_KEY}},
	{KEYCTL_LINK, 2, {KA_KEY, KA_KEY}},
	{KEYCTL_UNLINK, 2, {KA_KEY, KA_KEY}},
	{KEYCTL_SEARCH, 4, {KA_KEY, KA_STR, KA_STR, KA_KEY}},
	{KEYCTL_READ, 3, {KA_KEY, KA_OUT_BUF, KA_ULONG}},
	{KEYCTL_INSTANTIATE, 4, {KA_KEY, KA_PAYLOAD, KA_ULONG, KA_KEY}},
	{KEYCTL_NEGATE, 3, {KA_KEY, KA_UINT, KA_KEY}},
	{KEYCTL_SET_REQKEY_KEYRING, 1, {KA_REQKEY}},
	{KEYCTL_SET_TIMEOUT, 2, {KA_KEY, KA_UINT}},
	{KEYCTL_ASSUME_AUTHORITY, 1, {KA_KEY}},
	{KEYCTL_GET_SECURITY, 3, {KA_KEY, KA_OUT_STR, KA_ULONG}},
	{KEYCTL_SESSION_TO_PARENT, 0, {0}},
	{KEYCTL_REJECT, 4, {KA_KEY, KA_UINT, KA_ERRNO, KA_KEY}},
	{KEYCTL_INSTANTIATE_IOV, 4, {KA_KEY, KA_IOV, KA_ULONG, KA_KEY}},
	{KEYCTL_INVALIDATE, 1, {KA_KEY}},
	{KEYCTL_GET_PERSISTENT, 2, {KA_UID, KA_KEY}},
	{KEYCTL_DH_COMPUTE, 4, {KA_DH, KA_OUT_BUF, KA_ULONG, KA_PTR}},
	{KEYCTL_PKEY_QUERY, 4, {KA_KEY, KA_ULONG, KA_STR, KA_PTR}},
	{KEYCTL_PKEY_ENCRYPT, 4, {KA_PKEY, KA_STR, KA_PKEY_IN, KA_PTR}},
	{KEYCTL_PKEY_DECRYPT, 4, {KA_PKEY, KA_STR, KA_PKEY_IN, KA_PTR}},
	{KEYCTL_PKEY_SIGN, 4, {KA_PKEY, KA_STR, KA_PKEY_IN, KA_PTR}},
	{KEYCTL_PKEY_VERIFY, 4, {KA_PKEY2, KA_STR, KA_PKEY_IN, KA_PKEY_IN2}},
	{KEYCTL_RESTRICT_KEYRING, 3, {KA_KEY, KA_STR, KA_STR}},
	{KEYCTL_MOVE, 4, {KA_KEY, KA_KEY, KA_KEY, KA_MOVE}},
	{KEYCTL_CAPABILITIES, 2, {KA_OUT_CAPS, KA_ULONG}},
};

static const struct key_cmd key_unknown = {0, 4, {KA_HEX, KA_HEX, KA_HEX, KA_HEX}};

static const struct key_cmd *key_find(uint32_t cmd)
{
	for (size_t i = 0; i < sizeof(key_cmds) / sizeof(key_cmds[0]); i++)
		if (key_cmds[i].cmd == cmd)
			return &key_cmds[i];
	return &key_unknown;
}

/* KEY_SPEC_SESSION_KEYRING (-3 under -X raw), or the serial. */
static void key_serial(struct val *v, int32_t key)
{
	if (xlat_name(&xl_key_spec, (uint64_t)(int64_t)key)) {
		val_enum(v, (uint64_t)(int64_t)key, &xl_key_spec);
		v->raw = VAL_RAW_DECIMAL;
	} else {
		val_int(v, key);
	}
}

/* The params' in_len (second) or in2_len (third word), which say how long the data is. */
static uint64_t pkey_len(struct dctx *d, const struct sc_event *ev, unsigned word)
{
	uint32_t w[3];
	uint64_t addr = arg_word(d, ev, 1);

	if (!addr || tmem_read(d->mem, addr, w, sizeof(w)) < 0)
		return 0;
	return w[word];
}

/* {key_id=5, in_len=3, out_len=4}, or in2_len for KEYCTL_PKEY_VERIFY. */
static void dec_pkey_params(struct dctx *d, struct val *v, uint64_t addr, bool verify)
{
	struct keyctl_pkey_params p;

	if (!dec_fetch(d, v, addr, &p, sizeof(p)))
		return;
	st_init(v, d->ar, 3);
	key_serial(st_add(v, d->ar, "key_id"), p.key_id);
	val_uint(st_add(v, d->ar, "in_len"), p.in_len);
	val_uint(st_add(v, d->ar, verify ? "in2_len" : "out_len"), p.out_len);
}

static void dec_dh_params(struct dctx *d, struct val *v, uint64_t addr)
{
	int32_t p[3];

	if (!dec_fetch(d, v, addr, p, sizeof(p)))
		return;
	st_init(v, d->ar, 3);
	key_serial(st_add(v, d->ar, "private"), p[0]);
	key_serial(st_add(v, d->ar, "prime"), p[1]);
	key_serial(st_add(v, d->ar, "base"), p[2]);
}

/* EKEYREVOKED (128 under -X raw), or the number. */
static void dec_errno_arg(struct val *v, uint32_t err)
{
	val_enum(v, err, &xl_errnos);
	v->raw = VAL_RAW_DECIMAL;
}

/* Argument i at entry, of kind k. */
static void key_arg(struct dctx *d, struct sc_event *ev, unsigned i, unsigned k)
{
	struct val *v = &ev->args[i];
	uint64_t w = arg_word(d, ev, i);

	switch (k) {
	case KA_KEY:
		key_serial(v, (int32_t)w);
		break;
	case KA_INT:
	case KA_UID:
	case KA_ERRNO:
		if (k == KA_ERRNO)
			dec_errno_arg(v, (uint32_t)w);
		else
			val_int(v, (int32_t)w);
		break;
	case KA_UINT:
		val_uint(v, (uint32_t)w);
		break;
	case KA_ULONG:
		val_uint(v, w);
		break;
	case KA_STR:
		decode_cstr(d, v, w, d->opt->strsize);
		break;
	case KA_PAYLOAD:
		decode_buf(d, v, w, arg_word(d, ev, i + 1));
		break;
	case KA_REQKEY:
		val_enum(v, (uint64_t)(int64_t)(int32_t)w, &xl_key_reqkey_defl);
		v->raw = VAL_RAW_DECIMAL;
		break;
	case KA_IOV:
		dec_iovec(d, v, w, arg_word(d, ev, i + 1), UINT64_MAX);
		break;
	case KA_DH:
		dec_dh_params(d, v, w);
		break;
	case KA_PKEY:
	case KA_PKEY2:
		dec_pkey_params(d, v, w, k == KA_PKEY2);
		break;
	case KA_PKEY_IN:
	case KA_PKEY_IN2:
		decode_buf(d, v, w, pkey_len(d, ev, k == KA_PKEY_IN ? 1 : 2));
		break;
	case KA_MOVE:
		val_flags(v, (uint32_t)w, &xl_keyctl_move_flags);
		break;
	case KA_HEX:
		val_hex(v, w);
		break;
	default: /* KA_PTR and the outputs, until the exit */
		val_ptr(v, w);
		break;
	}
}

/* min(result, buffer length): what the kernel wrote of its answer. */
static uint64_t key_out_len(struct dctx *d, const struct sc_event *ev, unsigned i)
{
	uint64_t ret = d->abi->word_size == 4 ? (uint32_t)ev->ret : (uint64_t)ev->ret;
	uint64_t len = arg_word(d, ev, i + 1);

	return ret < len ? ret : len;
}

/* [KEYCTL_CAPS0_CAPABILITIES|..., KEYCTL_CAPS1_NS_KEYRING_NAME|...]: a byte of flags each. */
static void dec_key_caps(struct dctx *d, struct val *v, uint64_t addr, uint64_t n)
{
	uint8_t caps[16];

	if (n > sizeof(caps))
		n = sizeof(caps);
	if (!dec_fetch(d, v, addr, caps, n))
		return;
	struct val *items = val_array(v, d->ar, (uint32_t)n);
	for (unsigned i = 0; i < n; i++) {
		if (i < 2)
			val_flags(&items[i], caps[i], i ? &xl_keyctl_caps1 : &xl_keyctl_caps0);
		else
			val_hex(&items[i], caps[i]);
	}
}

/* Argument i, an output, at the exit of a call that succeeded. */
static void key_out(struct dctx *d, struct sc_event *ev, unsigned i, unsigned k)
{
	struct val *v = &ev->args[i];
	uint64_t addr = arg_word(d, ev, i), n = key_out_len(d, ev, i);
	uint8_t last;

	if (!addr)
		return;
	if (k == KA_OUT_CAPS) {
		dec_key_caps(d, v, addr, n);
		return;
	}
	/* strace leaves out the NUL that ends what it shows of a string: with more than -s
	 * bytes, the NUL at the -s'th byte, and the "..." with it. */
	uint64_t shown = n > d->opt->strsize ? d->opt->strsize : n;
	if (k == KA_OUT_STR && shown && tmem_read(d->mem, addr + shown - 1, &last, 1) == 0 && !last)
		n = shown - 1;
	decode_buf(d, v, addr, n);
}

void dec_keyctl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	const struct key_cmd *c = key_find((uint32_t)ev->raw[0]);

	if (!exiting) {
		val_enum(&ev->args[0], (uint32_t)ev->raw[0], &xl_keyctl_cmds);
		ev->nargs = ev->split = (uint8_t)(c->nargs + 1);
		for (unsigned i = 1; i <= c->nargs; i++) {
			key_arg(d, ev, i, c->kinds[i - 1]);
			if (c->kinds[i - 1] > KA_OUT && ev->split == ev->nargs)
				ev->split = (uint8_t)i;
		}
		return;
	}
	if (!dec_ok(ev))
		return;
	for (unsigned i = ev->split; i < ev->nargs; i++)
		if (c->kinds[i - 1] > KA_OUT)
			key_out(d, ev, i, c->kinds[i - 1]);
}

void dec_add_key(struct dctx *d, struct sc_event *ev, bool exiting)
{
	(void)d;
	if (!exiting)
		key_serial(&ev->args[4], (int32_t)ev->raw[4]);
}

void dec_request_key(struct dctx *d, struct sc_event *ev, bool exiting)
{
	(void)d;
	if (!exiting)
		key_serial(&ev->args[3], (int32_t)ev->raw[3]);
}
