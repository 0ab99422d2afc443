/*
 * Netlink attributes and fixed structs (issue 15): a list of struct nlattr
 * with each payload shown by its type's policy, and the fields of a struct
 * laid out as the system headers define it.
 */
#include <arpa/inet.h>
#include <endian.h>
#include <linux/ax25.h>
#include <linux/if_arcnet.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../util/xalloc.h"
#include "flags.h"
#include "netlink.h"

/* The largest fixed struct an attribute or a message starts with (rtnl_link_stats64). */
enum { NL_STRUCT_MAX = 256 };

void nl_ifindex(struct dctx *d, struct val *v, uint64_t idx)
{
	const struct dec_env *e = &d->env;
	char name[IFNAMSIZ + 1];

	memset(name, 0, sizeof(name));
	if (idx && e->ops && e->ops->ifname && e->ops->ifname(e->ctx, idx, name))
		val_ifindex(v, d->ar, idx, name);
	else
		val_ifindex(v, d->ar, idx, NULL);
}

void nl_inaddr(struct dctx *d, struct val *v, int family, const void *bytes)
{
	if (family == AF_INET) {
		dec_inet_addr(v, d->ar, bytes);
		return;
	}
	val_call(v, d->ar, "inet_pton", 2);
	v->raw = VAL_RAW_NETBYTES;
	val_enum(val_field(v, d->ar, 0, NULL), AF_INET6, &xl_address_families);
	val_ipaddr(val_field(v, d->ar, 1, "addr"), d->ar, bytes, 16);
}

static int64_t sign_extend(uint64_t x, unsigned size)
{
	unsigned shift = size < 8 ? 64 - size * 8 : 0;

	return (int64_t)(x << shift) >> shift;
}

static void field(struct dctx *d, struct val *v, const uint8_t *buf, const struct nl_field *f)
{
	uint64_t x = dec_uint_at(buf + f->off, f->size);

	switch (f->fmt) {
	case NLF_INT:
		val_int(v, sign_extend(x, f->size));
		break;
	case NLF_HEX:
	case NLF_HEX_NZ:
		val_hex(v, x);
		break;
	case NLF_ENUM:
		val_enum(v, x, f->tab);
		v->flags |= VALF_HEXFLAGS;
		break;
	case NLF_FLAGS:
		val_flags(v, x, f->tab);
		break;
	case NLF_IFINDEX:
		nl_ifindex(d, v, x);
		break;
	case NLF_HTONS:
		val_call(v, d->ar, "htons", 1);
		val_uint(val_field(v, d->ar, 0, "port"), ntohs((uint16_t)x));
		break;
	case NLF_U32S: {
		uint32_t n = f->size / 4;
		struct val *items = val_array(v, d->ar, n);
		for (uint32_t i = 0; i < n; i++)
			val_uint(&items[i], dec_uint_at(buf + f->off + i * 4, 4));
		break;
	}
	case NLF_DEV:
		dec_makedev(v, d->ar, x);
		break;
	default:
		val_uint(v, x);
		break;
	}
}

void nl_fields(struct dctx *d, struct val *v, const void *buf, const struct nl_struct *s,
	       unsigned from, unsigned to)
{
	for (unsigned i = from; i < to && i < s->nfields; i++) {
		const struct nl_field *f = &s->fields[i];
		if (f->fmt == NLF_HEX_NZ && !dec_uint_at((const uint8_t *)buf + f->off, f->size))
			continue;
		field(d, st_add(v, d->ar, f->name), buf, f);
	}
}

/*
 * A string in a payload of len bytes, as strace shows it: of the first -s
 * bytes, those before the last when that one is a NUL (NULs before it shown
 * as \0), else all of them with "..." after.
 */
static void nla_str(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	uint64_t n = dec_room(d, len < d->opt->strsize ? len : d->opt->strsize);
	char small[256];
	char *buf = n <= sizeof(small) ? small : xmalloc(n);

	if (n && dec_fetch(d, v, addr, buf, n)) {
		bool terminated = buf[n - 1] == '\0';
		val_str(v, d->ar, buf, (uint32_t)n, !terminated);
		if (terminated)
			v->raw = VAL_STR_NULTERM;
	} else if (!n) {
		val_str(v, d->ar, buf, 0, true);
	}
	if (buf != small)
		free(buf);
}

/* A C string in a payload of len bytes: up to its first NUL, "..." after -s bytes or when
 * the payload has no NUL. */
static void nla_cstr(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	uint64_t s = d->opt->strsize, n = dec_room(d, len < s + 1 ? len : s + 1);
	char small[256];
	char *buf = n <= sizeof(small) ? small : xmalloc(n);

	if (n && dec_fetch(d, v, addr, buf, n)) {
		const char *nul = memchr(buf, '\0', n);
		uint64_t shown = nul ? (uint64_t)(nul - buf) : n;
		bool cut = !nul || shown > s;
		val_str(v, d->ar, buf, (uint32_t)(shown > s ? s : shown), cut);
		v->flags |= VALF_CSTRING;
	} else if (!n) {
		val_str(v, d->ar, buf, 0, true);
	}
	if (buf != small)
		free(buf);
}

/* [1, 2, 3]: -s bytes of them (all with -v). */
static void nla_bytes(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	struct dec_array a;
	uint8_t b;

	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i < len; i++) {
		if (tmem_read(d->mem, addr + i, &b, 1) < 0) {
			dec_array_unread(d, &a, i, addr + i);
			return;
		}
		struct val *item = dec_array_add(d, &a);
		if (!item)
			return;
		val_uint(item, b);
	}
}

/* [1, 2]: u32s, -s of them; a payload that is not a number of them is bytes. */
static void nla_u32s(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	struct dec_array a;
	uint32_t w;

	if (!len || len % sizeof(w)) {
		nl_hex(d, v, addr, len);
		return;
	}
	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i < len; i += sizeof(w)) {
		if (tmem_read(d->mem, addr + i, &w, sizeof(w)) < 0) {
			dec_array_unread(d, &a, i / sizeof(w), addr + i);
			return;
		}
		struct val *item = dec_array_add(d, &a);
		if (!item)
			return;
		val_uint(item, w);
	}
}

static unsigned kind_size(uint8_t kind)
{
	switch (kind) {
	case NLA_U8:
	case NLA_ENUM8:
	case NLA_FLAGS8:
		return 1;
	case NLA_U16:
	case NLA_ENUM16:
	case NLA_FLAGS16:
	case NLA_HTONS:
		return 2;
	case NLA_U64:
	case NLA_BE64:
		return 8;
	default:
		return 4;
	}
}

/*
 * A number of the payload's first kind_size() bytes (shorter payloads are
 * shown as bytes, and so are those longer than the policy's cap); NLA_ENUMV
 * is all of the payload's bytes, at most 8.
 */
static void nla_number(struct dctx *d, struct val *v, uint64_t addr, uint64_t len,
		       const struct nla_pol *p)
{
	bool whole = p->kind == NLA_ENUMV || p->kind == NLA_TICKS;
	unsigned size = whole ? (unsigned)len : kind_size(p->kind);
	uint8_t buf[8];

	if (len < size || size > sizeof(buf) || (p->cap && len > p->cap)) {
		nl_hex(d, v, addr, len);
		return;
	}
	if (!dec_fetch(d, v, addr, buf, size))
		return;
	uint64_t x = dec_uint_at(buf, size);
	switch (p->kind) {
	case NLA_S32:
		val_int(v, sign_extend(x, size));
		break;
	case NLA_IFINDEX:
		nl_ifindex(d, v, x);
		break;
	case NLA_ENUM8:
	case NLA_ENUM16:
	case NLA_ENUM32:
	case NLA_ENUMV:
		val_enum(v, x, p->tab);
		v->flags |= VALF_HEXFLAGS;
		break;
	case NLA_FLAGS8:
	case NLA_FLAGS16:
	case NLA_FLAGS32:
		val_flags(v, x, p->tab);
		break;
	case NLA_HTONS:
		val_call(v, d->ar, "htons", 1);
		val_uint(val_field(v, d->ar, 0, "port"), ntohs((uint16_t)x));
		break;
	case NLA_TICKS:
		val_clock_t(v, d->ar, x);
		break;
	case NLA_BE64:
		val_call(v, d->ar, "htobe64", 1);
		val_uint(val_field(v, d->ar, 0, "value"), be64toh(x));
		break;
	default:
		val_uint(v, x);
		break;
	}
}

/* An address of the message's family; other payloads as bytes. */
static void nla_inaddr(struct dctx *d, struct val *v, uint64_t addr, uint64_t len, int family)
{
	uint8_t buf[16];
	uint64_t need = family == AF_INET ? 4 : family == AF_INET6 ? 16 : UINT64_MAX;

	if (len < need) {
		nl_hex(d, v, addr, len);
		return;
	}
	if (dec_fetch(d, v, addr, buf, need))
		nl_inaddr(d, v, family, buf);
}

static void nla_struct(struct dctx *d, struct val *v, uint64_t addr, uint64_t len,
		       const struct nl_struct *s)
{
	uint8_t buf[NL_STRUCT_MAX];

	if (!s || len < s->size || s->size > sizeof(buf)) {
		nl_hex(d, v, addr, len);
		return;
	}
	if (!dec_fetch(d, v, addr, buf, s->size))
		return;
	st_init(v, d->ar, s->nfields);
	nl_fields(d, v, buf, s, 0, s->nfields);
}

/*
 * How much of a link address strace shows: as much as the link type's
 * address when it knows one, taking the message's family for the type.
 */
static uint64_t link_addr_len(int family, uint64_t len)
{
	uint64_t max = len;

	switch (family) {
	case ARPHRD_NETROM:
	case ARPHRD_AX25:
		max = sizeof(ax25_address);
		break;
	case ARPHRD_ETHER:
	case ARPHRD_IEEE802:
		max = ETH_ALEN;
		break;
	case ARPHRD_ARCNET:
		max = ARCNET_ALEN;
		break;
	default:
		break;
	}
	return len < max ? len : max;
}

/* A hardware address; longer than any (MAX_ADDR_LEN), bytes. */
static void nla_hwaddr(struct dctx *d, struct val *v, uint64_t addr, uint64_t len, uint64_t shown)
{
	uint8_t buf[MAX_ADDR_LEN];

	if (len > sizeof(buf)) {
		nl_hex(d, v, addr, len);
		return;
	}
	if (dec_fetch(d, v, addr, buf, shown))
		val_hwaddr(v, d->ar, buf, (uint32_t)shown);
}

static void nla_value(struct dctx *d, struct val *v, uint64_t addr, uint64_t len,
		      const struct nla_pol *p, int family)
{
	switch (p ? p->kind : NLA_HEX) {
	case NLA_HEX:
		nl_hex(d, v, addr, len);
		break;
	case NLA_STR:
		nla_str(d, v, addr, len);
		break;
	case NLA_CSTR:
		nla_cstr(d, v, addr, len);
		break;
	case NLA_HWADDR:
		nla_hwaddr(d, v, addr, len, len);
		break;
	case NLA_LINKADDR:
		nla_hwaddr(d, v, addr, len, link_addr_len(family, len));
		break;
	case NLA_NESTED:
	case NLA_NESTED6:
		if (len < NLA_HDRLEN || (p->kind == NLA_NESTED6 && family != AF_INET6))
			nl_hex(d, v, addr, len);
		else
			nl_attrs(d, v, addr, len, p->nest, family);
		break;
	case NLA_INADDR:
		nla_inaddr(d, v, addr, len, family);
		break;
	case NLA_BYTES:
		nla_bytes(d, v, addr, len);
		break;
	case NLA_U32S:
		nla_u32s(d, v, addr, len);
		break;
	case NLA_STRUCT:
		nla_struct(d, v, addr, len, p->st);
		break;
	case NLA_FN:
		p->fn(d, v, addr, len);
		break;
	default:
		nla_number(d, v, addr, len, p);
		break;
	}
}

static const struct nla_pol *policy(const struct nla_set *set, uint16_t type)
{
	for (unsigned i = 0; set && i < set->npol; i++)
		if (set->pol[i].type == type)
			return &set->pol[i];
	return NULL;
}

/* {nla_len=8, nla_type=NLA_F_NESTED|IFLA_MTU}: the type's bits above NLA_TYPE_MASK first. */
static void attr_header(struct dctx *d, struct val *v, const struct nlattr *h,
			const struct nla_set *set)
{
	uint16_t type = h->nla_type & NLA_TYPE_MASK, fl = h->nla_type & ~NLA_TYPE_MASK;

	st_init(v, d->ar, 2);
	val_uint(st_add(v, d->ar, "nla_len"), h->nla_len);
	struct val *t = st_add(v, d->ar, "nla_type");
	struct val *name = t;
	if (fl) {
		struct val *items = val_or(t, d->ar, 2);
		val_flags(&items[0], fl, &xl_nla_flags);
		name = &items[1];
	}
	val_enum(name, type, set ? set->names : NULL);
	name->flags |= VALF_HEXFLAGS;
}

/* One attribute at addr, left bytes of the list from there: its header, then its payload. */
static void attr(struct dctx *d, struct val *v, uint64_t addr, uint64_t left,
		 const struct nlattr *h, const struct nla_set *set, int family)
{
	uint64_t len = h->nla_len < left ? h->nla_len : left;

	if (h->nla_len < NLA_HDRLEN || len <= NLA_HDRLEN) {
		attr_header(d, v, h, set);
		return;
	}
	struct val hdr;
	attr_header(d, &hdr, h, set);
	struct val *items = val_array(v, d->ar, 2);
	items[0] = hdr;
	nla_value(d, &items[1], addr + NLA_HDRLEN, len - NLA_HDRLEN,
		  policy(set, h->nla_type & NLA_TYPE_MASK), family);
}

struct attrs_of {
	const struct nla_set *set;
	int family;
};

static void one_attr(struct dctx *d, struct val *item, uint64_t at, uint64_t left, const void *hdr,
		     const void *ctx)
{
	const struct attrs_of *o = ctx;

	attr(d, item, at, left, hdr, o->set, o->family);
}

void nl_attrs(struct dctx *d, struct val *v, uint64_t addr, uint64_t len, const struct nla_set *set,
	      int family)
{
	const struct attrs_of o = {set, family};
	const struct nl_walk w = {NLA_HDRLEN, one_attr, &o};

	nl_walk(d, v, addr, len, &w);
}

struct val *nl_struct_read(struct nl_msg *m, const struct nl_struct *s, void *buf, unsigned cap)
{
	struct dctx *d = m->d;
	struct val *sv = nl_item(m);

	memset(buf, 0, s->size);
	if (m->len < s->size) {
		/* strace's {ifi_family=AF_INET, ...}: the first field, when it is there. */
		const struct nl_field *first = &s->fields[0];
		if (m->len < (uint64_t)first->off + first->size ||
		    !dec_fetch(d, sv, m->addr, buf, first->off + first->size))
			return NULL;
		st_init(sv, d->ar, 1);
		nl_fields(d, sv, buf, s, 0, 1);
		sv->flags |= VALF_ABBREV;
		return NULL;
	}
	if (!dec_fetch(d, sv, m->addr, buf, s->size))
		return NULL;
	st_init(sv, d->ar, cap);
	return sv;
}

void nl_attrs_after(struct nl_msg *m, const struct nl_struct *s, const struct nla_set *set,
		    int family)
{
	uint64_t at = NLMSG_ALIGN((uint64_t)s->size);

	if (at < m->len)
		nl_attrs(m->d, nl_item(m), m->addr + at, m->len - at, set, family);
}

bool nl_struct_attrs(struct nl_msg *m, const struct nl_struct *s, const struct nla_set *set,
		     void *buf)
{
	struct val *sv = nl_struct_read(m, s, buf, s->nfields);

	if (!sv)
		return false;
	nl_fields(m->d, sv, buf, s, 0, s->nfields);
	if (set)
		nl_attrs_after(m, s, set, ((const uint8_t *)buf)[0]);
	return true;
}

void nl_family_data(struct nl_msg *m)
{
	struct dctx *d = m->d;
	struct val *v = nl_item(m);
	uint8_t family;

	if (!dec_fetch(d, v, m->addr, &family, sizeof(family)))
		return;
	st_init(v, d->ar, 2);
	struct val *f = st_add(v, d->ar, "family");
	val_enum(f, family, &xl_address_families);
	f->flags |= VALF_HEXFLAGS;
	if (m->len > sizeof(family))
		nl_hex(d, st_add(v, d->ar, "data"), m->addr + sizeof(family),
		       m->len - sizeof(family));
}
