/*
 * bpf(2) as strace 6.1 prints it: the command by name, then the command's member of union
 * bpf_attr (dec_bpf_attr.c says which fields) up to the size the call gives, with ", ..."
 * when the bytes past what strace knows are not all zero.  A size of 0 or above a page, an
 * attr that cannot be read whole, and the commands strace does not decode show the address.
 * The union is the same bytes on every ABI, so 32-bit tracees need no layout of their own.
 */
#include <linux/bpf.h>
#include <stddef.h>
#include <string.h>

#include "dec_bpf.h"
#include "decoders.h"
#include "flags.h"

/* strace reads no more than a page of the union. */
enum { BPF_ATTR_MAX = 4096 };

/* A char[BPF_OBJ_NAME_LEN]: up to its NUL, or all but its last byte and "...". */
static void attr_name(struct dctx *d, struct val *v, const uint8_t *p)
{
	size_t n = strnlen((const char *)p, BPF_OBJ_NAME_LEN);

	if (n == BPF_OBJ_NAME_LEN)
		val_str(v, d->ar, (const char *)p, BPF_OBJ_NAME_LEN - 1, true);
	else
		val_str(v, d->ar, (const char *)p, (uint32_t)n, false);
	v->flags |= VALF_CSTRING;
}

/* KERNEL_VERSION(6, 1, 0); -X raw prints the number. */
static void attr_kver(struct dctx *d, struct val *v, uint64_t x)
{
	val_call(v, d->ar, "KERNEL_VERSION", 3);
	v->raw = VAL_RAW_NUMBER;
	v->call.num = x;
	val_uint(val_field(v, d->ar, 0, "version"), (x >> 16) & 0xffff);
	val_uint(val_field(v, d->ar, 1, "patchlevel"), (x >> 8) & 0xff);
	val_uint(val_field(v, d->ar, 2, "sublevel"), x & 0xff);
}

/* One element of an array field, read at addr: false when it cannot be read. */
static bool attr_elem(struct dctx *d, struct val *v, uint8_t kind, uint64_t addr)
{
	uint64_t x = 0;

	if (tmem_read(d->mem, addr, &x, kind == BF_ITER_MAPS ? 4 : 8) < 0)
		return false;
	if (kind == BF_ITER_MAPS) {
		st_init(v, d->ar, 1);
		struct val *map = st_add(v, d->ar, "map");
		st_init(map, d->ar, 1);
		val_fd(st_add(map, d->ar, "map_fd"), (int32_t)x);
	} else if (kind == BF_STRS) {
		decode_cstr(d, v, x, d->opt->strsize);
	} else {
		val_hex(v, x);
	}
	return true;
}

/* An array of n elements at addr: NULL, [] when n is 0, up to -s elements. */
static void attr_array(struct dctx *d, struct val *v, uint8_t kind, uint64_t addr, uint64_t n)
{
	unsigned esize = kind == BF_ITER_MAPS ? 4 : 8;
	struct dec_array arr;

	if (!addr) {
		val_ptr(v, 0);
		return;
	}
	dec_array_start(d, &arr, v);
	for (uint64_t i = 0; i < n; i++) {
		struct val tmp;
		if (!attr_elem(d, &tmp, kind, addr + i * esize)) {
			dec_array_unread(d, &arr, i, addr + i * esize);
			return;
		}
		struct val *slot = dec_array_add(d, &arr);
		if (!slot)
			return;
		*slot = tmp;
	}
}

static void attr_field(struct dctx *d, struct val *v, const struct bpf_field *f, const uint8_t *buf)
{
	uint64_t x = dec_uint_at(buf + f->off, f->size == 8 ? 8 : 4);
	uint64_t len = f->len_off ? dec_uint_at(buf + f->len_off, 4) : 0;

	switch (f->kind) {
	case BF_UINT:
		val_uint(v, x);
		break;
	case BF_FD:
		val_fd(v, (int32_t)x);
		break;
	case BF_HEX:
		val_hex(v, x);
		break;
	case BF_STR:
		decode_cstr(d, v, x, d->opt->strsize);
		break;
	case BF_PATH:
		decode_path(d, v, x);
		break;
	case BF_NAME:
		attr_name(d, v, buf + f->off);
		break;
	case BF_ENUM:
		val_enum(v, x, f->tab);
		break;
	case BF_FLAGS:
		val_flags(v, x, f->tab);
		break;
	case BF_KVER:
		attr_kver(d, v, x);
		break;
	case BF_LOGBUF:
		decode_cstr(d, v, x, (unsigned)(len < d->opt->strsize ? len : d->opt->strsize));
		break;
	case BF_BUF:
		decode_buf(d, v, x, len);
		break;
	case BF_IDS: /* the ids are the kernel's answer; none asked for is [] */
		if (x && !len)
			val_array(v, d->ar, 0);
		else
			val_ptr(v, x);
		break;
	case BF_ITER_MAPS:
	case BF_STRS:
	case BF_HEXES:
		attr_array(d, v, f->kind, x, len);
		break;
	default:
		val_ptr(v, x);
		break;
	}
}

static bool attr_shown(const struct bpf_field *f, const uint8_t *buf, uint32_t size)
{
	if (size <= f->group)
		return false;
	switch (f->cond) {
	case BFC_NUMA:
		return dec_uint_at(buf + offsetof(union bpf_attr, map_flags), 4) & BPF_F_NUMA_NODE;
	case BFC_NONZERO:
		return dec_uint_at(buf + f->off, f->size == 8 ? 8 : 4) != 0;
	case BFC_REPLACE:
		return dec_uint_at(buf + offsetof(union bpf_attr, link_update.flags), 4) &
		       BPF_F_REPLACE;
	default:
		return true;
	}
}

/* True when a byte in [from, size) is not 0: strace's ", ..." after the fields. */
static bool attr_tail(const uint8_t *buf, uint32_t from, uint32_t size)
{
	for (uint32_t i = from; i < size; i++)
		if (buf[i])
			return true;
	return false;
}

static void attr_struct(struct dctx *d, struct val *v, const struct bpf_cmd_attr *c,
			const uint8_t *buf, uint32_t size)
{
	struct val *st = v, *in = v;
	const char *sub = NULL;

	st_init(v, d->ar, c->nfields + 1);
	if (c->wrap) {
		st = in = st_add(v, d->ar, c->wrap);
		st_init(st, d->ar, c->nfields);
	}
	for (unsigned i = 0; i < c->nfields; i++) {
		const struct bpf_field *f = &c->fields[i];
		if (!attr_shown(f, buf, size))
			continue;
		if (f->sub &&
		    (!sub ||
		     strcmp(f->sub, sub))) { /* a struct inside the member: perf_event={...} */
			in = st_add(st, d->ar, f->sub);
			st_init(in, d->ar, c->nfields);
			sub = f->sub;
		}
		attr_field(d, st_add(f->sub ? in : st, d->ar, f->name), f, buf);
	}
	if (attr_tail(buf, c->end, size))
		v->flags |= VALF_TRUNC;
}

/* The *_GET_NEXT_ID commands: the id the kernel wrote, after the one asked with. */
static void attr_next_id(struct dctx *d, struct sc_event *ev, uint64_t addr)
{
	struct val *v = &ev->args[1];
	uint32_t id;

	if (!dec_ok(ev) || v->kind != VAL_STRUCT ||
	    tmem_read(d->mem, addr + offsetof(union bpf_attr, next_id), &id, sizeof(id)) < 0)
		return;
	for (uint32_t i = 0; i < v->n; i++) {
		if (strcmp(v->fields[i].name, "next_id"))
			continue;
		struct val before = *v->fields[i].v, after;
		val_uint(&after, id);
		val_change(v->fields[i].v, d->ar, &before, &after);
	}
}

/* The commands whose result is a new descriptor (-y names it). */
static bool returns_fd(uint64_t cmd)
{
	switch (cmd) {
	case BPF_MAP_CREATE:
	case BPF_PROG_LOAD:
	case BPF_OBJ_GET:
	case BPF_PROG_GET_FD_BY_ID:
	case BPF_MAP_GET_FD_BY_ID:
	case BPF_RAW_TRACEPOINT_OPEN:
	case BPF_BTF_LOAD:
	case BPF_BTF_GET_FD_BY_ID:
	case BPF_LINK_CREATE:
	case BPF_LINK_GET_FD_BY_ID:
	case BPF_ITER_CREATE:
		return true;
	default:
		return false;
	}
}

void dec_bpf(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t cmd = (uint32_t)ev->raw[0], addr = arg_word(d, ev, 1);
	uint32_t size = (uint32_t)ev->raw[2];
	const struct bpf_cmd_attr *c = bpf_cmd_attr(cmd);
	uint8_t buf[BPF_ATTR_MAX];

	if (exiting) {
		if (dec_ok(ev) && returns_fd(cmd))
			val_fd(&ev->retv, ev->ret);
		if (c && c->next_id)
			attr_next_id(d, ev, addr);
		return;
	}
	val_enum(&ev->args[0], cmd, &xl_bpf_cmds);
	if (!c || !size || size > BPF_ATTR_MAX)
		return;
	memset(buf, 0, sizeof(buf));
	if (!dec_fetch(d, &ev->args[1], addr, buf, size))
		return;
	if (cmd == BPF_LINK_CREATE)
		c = bpf_link_create_attr((uint32_t)dec_uint_at(
			buf + offsetof(union bpf_attr, link_create.attach_type), 4));
	attr_struct(d, &ev->args[1], c, buf, size);
	if (c->next_id)
		ev->split = 1;
}
