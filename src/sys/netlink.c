/*
 * Netlink messages (issue 15): the messages of a buffer sent or received on
 * a netlink socket, their headers (type named per protocol, flags per type),
 * NLMSG_ERROR and NLMSG_DONE, and the protocols' payload decoders.
 */
#include <linux/netlink.h>
#include <string.h>
#include <sys/socket.h>

#include "flags.h"
#include "netlink.h"

int dec_netlink_proto(struct dctx *d, int64_t fd)
{
	const struct dec_env *e = &d->env;

	if (!e->ops || !e->ops->netlink_proto)
		return DEC_NL_NONE;
	int proto = e->ops->netlink_proto(e->ctx, fd);
	/* strace shows what a uevent socket carries (text) as a string. */
	return proto == NETLINK_KOBJECT_UEVENT ? DEC_NL_NONE : proto;
}

void dec_sockbuf(struct dctx *d, struct val *v, int64_t fd, uint64_t addr, uint64_t len,
		 uint64_t cap)
{
	int proto = dec_netlink_proto(d, fd);

	if (proto == DEC_NL_NONE) {
		decode_buf(d, v, addr, len);
		return;
	}
	dec_netlink(d, v, proto, addr, len < cap ? len : cap);
}

void nl_hex(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	decode_buf(d, v, addr, len);
	if (v->kind == VAL_STR)
		v->flags |= VALF_HEXSTR;
}

struct val *nl_item(struct nl_msg *m)
{
	return &m->v->items[m->v->n++];
}

static const struct xlat *genl_families(struct dctx *d)
{
	const struct dec_env *e = &d->env;
	const struct xlat *t =
		e->ops && e->ops->genl_families ? e->ops->genl_families(e->ctx) : NULL;

	return t ? t : &xl_genl_none;
}

/* The names of the protocol's own message types (those from NLMSG_MIN_TYPE). */
static const struct xlat *type_table(struct dctx *d, int proto, uint16_t type)
{
	if (type < NLMSG_MIN_TYPE)
		return &xl_nlmsg_types;
	switch (proto) {
	case NETLINK_ROUTE:
		return &xl_rtm_types;
	case NETLINK_SOCK_DIAG:
		return &xl_sock_diag_types;
	case NETLINK_AUDIT:
		return &xl_audit_types;
	case NETLINK_XFRM:
		return &xl_xfrm_types;
	case NETLINK_SELINUX:
		return &xl_selinux_types;
	case NETLINK_GENERIC:
		return genl_families(d);
	default:
		return &xl_nlmsg_types;
	}
}

/* NETLINK_ROUTE's types come in fours: new, delete, get, set. */
static const struct xlat *route_flags(uint16_t type)
{
	static const struct xlat *const by_op[] = {&xl_nlm_flags_new, &xl_nlm_flags_del,
						   &xl_nlm_flags_get, &xl_nlm_flags};

	return by_op[(type - NLMSG_MIN_TYPE) % 4];
}

static const struct xlat *flags_table(int proto, uint16_t type)
{
	if (type == NLMSG_ERROR)
		return &xl_nlm_flags_ack;
	if (type < NLMSG_MIN_TYPE)
		return &xl_nlm_flags;
	switch (proto) {
	case NETLINK_ROUTE:
		return route_flags(type);
	case NETLINK_SOCK_DIAG:
		return &xl_nlm_flags_get;
	case NETLINK_XFRM:
		if (xlat_name(&xl_xfrm_new_types, type))
			return &xl_nlm_flags_new;
		if (xlat_name(&xl_xfrm_del_types, type))
			return &xl_nlm_flags_del;
		if (xlat_name(&xl_xfrm_get_types, type))
			return &xl_nlm_flags_get;
		return &xl_nlm_flags;
	default:
		return &xl_nlm_flags;
	}
}

static void header(struct dctx *d, struct val *v, int proto, const struct nlmsghdr *h)
{
	st_init(v, d->ar, 5);
	val_uint(st_add(v, d->ar, "nlmsg_len"), h->nlmsg_len);
	struct val *type = st_add(v, d->ar, "nlmsg_type");
	val_enum(type, h->nlmsg_type, type_table(d, proto, h->nlmsg_type));
	type->flags |= VALF_HEXFLAGS;
	val_flags(st_add(v, d->ar, "nlmsg_flags"), h->nlmsg_flags,
		  flags_table(proto, h->nlmsg_type));
	val_uint(st_add(v, d->ar, "nlmsg_seq"), h->nlmsg_seq);
	/* a __u32 that strace 6.1 prints signed: a kernel-chosen port id is often negative */
	val_int(st_add(v, d->ar, "nlmsg_pid"), (int32_t)h->nlmsg_pid);
}

static const struct nla_pol nlmsgerr_pol[] = {
	NLA_P(NLMSGERR_ATTR_MSG, NLA_STR),
	NLA_P(NLMSGERR_ATTR_OFFS, NLA_U32),
	NLA_P(NLMSGERR_ATTR_COOKIE, NLA_BYTES),
};
static const struct nla_set nlmsgerr_attrs = NLA_SET(&xl_nlmsgerr_attrs, nlmsgerr_pol);

/*
 * struct nlmsgerr: the error and the request it answers (only its header
 * when NLM_F_CAPPED), then the extended ack's attributes if any follow.
 */
static void nlmsg_error(struct nl_msg *m)
{
	struct dctx *d = m->d;
	struct val *out = nl_item(m);
	struct nlmsgerr e;

	if (m->len < sizeof(e)) {
		nl_hex(d, out, m->addr, m->len);
		return;
	}
	if (!dec_fetch(d, out, m->addr, &e, sizeof(e)))
		return;
	bool capped = m->h.nlmsg_flags & NLM_F_CAPPED;
	uint64_t at = offsetof(struct nlmsgerr, msg), inner = capped ? sizeof(e.msg) : m->len - at;
	struct val err;
	st_init(&err, d->ar, 2);
	val_errno(st_add(&err, d->ar, "error"), e.error);
	nl_message(d, st_add(&err, d->ar, "msg"), m->proto, m->addr + at, inner, &e.msg);
	uint64_t tlvs = m->len;
	if (capped)
		tlvs = at + sizeof(e.msg);
	else if (e.msg.nlmsg_len >= NLMSG_HDRLEN)
		tlvs = at + e.msg.nlmsg_len; /* strace 6.1 does not align it */
	if (tlvs >= m->len) {
		*out = err;
		return;
	}
	struct val *items = val_array(out, d->ar, 2);
	items[0] = err;
	nl_attrs(d, &items[1], m->addr + tlvs, m->len - tlvs, &nlmsgerr_attrs, AF_UNSPEC);
}

static void payload(struct nl_msg *m)
{
	int32_t done;

	if (m->h.nlmsg_type == NLMSG_ERROR) {
		nlmsg_error(m);
		return;
	}
	/* NLMSG_DONE carries an int, the dump's result. */
	if (m->h.nlmsg_type == NLMSG_DONE && m->len == sizeof(done)) {
		struct val *v = nl_item(m);
		if (dec_fetch(m->d, v, m->addr, &done, sizeof(done)))
			val_int(v, done);
		return;
	}
	if (m->h.nlmsg_type >= NLMSG_MIN_TYPE && m->proto == NETLINK_ROUTE) {
		nl_route_payload(m);
		return;
	}
	if (m->h.nlmsg_type >= NLMSG_MIN_TYPE && m->proto == NETLINK_SOCK_DIAG) {
		nl_diag_payload(m);
		return;
	}
	nl_hex(m->d, nl_item(m), m->addr, m->len);
}

void nl_message(struct dctx *d, struct val *v, int proto, uint64_t addr, uint64_t avail,
		const struct nlmsghdr *h)
{
	uint64_t len = h->nlmsg_len < avail ? h->nlmsg_len : avail;

	if (h->nlmsg_len < NLMSG_HDRLEN || len <= NLMSG_HDRLEN) {
		header(d, v, proto, h);
		return;
	}
	struct val hdr;
	header(d, &hdr, proto, h);
	struct val *items = val_array(v, d->ar, 3);
	items[0] = hdr;
	v->n = 1;
	struct nl_msg m = {d, proto, *h, addr + NLMSG_HDRLEN, len - NLMSG_HDRLEN, v};
	payload(&m);
	if (v->n == 1)
		*v = hdr;
}

/*
 * Netlink's length-prefixed records in [addr, addr + len): messages (a u32 length first) or
 * attributes (a u16 length first), both aligned to 4 bytes.  Each one whose header could be
 * read goes to w->one; bytes too few for a header end the array as hex, and a record whose
 * length is below a header's or beyond the buffer is the last one.  A lone record stands for
 * the array.
 */
_Static_assert(NLMSG_ALIGNTO == NLA_ALIGNTO, "one alignment for messages and attributes");

void nl_walk(struct dctx *d, struct val *v, uint64_t addr, uint64_t len, const struct nl_walk *w)
{
	struct dec_array a;
	union {
		struct nlmsghdr m;
		struct nlattr a;
	} h;
	uint64_t off = 0, i = 0;

	dec_array_start(d, &a, v);
	while (off < len) {
		uint64_t left = len - off;
		if (left >= w->hdrlen && tmem_read(d->mem, addr + off, &h, w->hdrlen) < 0) {
			dec_array_unread(d, &a, i, addr + off);
			return;
		}
		struct val *item = dec_array_add(d, &a);
		if (!item)
			break;
		i++;
		if (left < w->hdrlen) {
			nl_hex(d, item, addr + off, left);
			break;
		}
		w->one(d, item, addr + off, left, &h, w->ctx);
		uint64_t rec = w->hdrlen == NLMSG_HDRLEN ? h.m.nlmsg_len : h.a.nla_len;
		if (rec < w->hdrlen || rec > left)
			break;
		off += NLMSG_ALIGN(rec);
	}
	if (v->kind == VAL_ARRAY && v->n == 1 && !(v->flags & VALF_TRUNC))
		*v = v->items[0];
}

static void one_message(struct dctx *d, struct val *item, uint64_t at, uint64_t left,
			const void *hdr, const void *ctx)
{
	nl_message(d, item, *(const int *)ctx, at, left, hdr);
}

/*
 * The messages of [addr, addr + len): one, or an array of them (-s of them, all with -v);
 * fewer bytes than a header are hex.
 */
void dec_netlink(struct dctx *d, struct val *v, int proto, uint64_t addr, uint64_t len)
{
	const struct nl_walk w = {NLMSG_HDRLEN, one_message, &proto};

	if (len < NLMSG_HDRLEN) {
		nl_hex(d, v, addr, len);
		return;
	}
	nl_walk(d, v, addr, len, &w);
	if (v->kind == VAL_ARRAY && !v->n)
		val_sym(v, "..."); /* -s 0: strace shows not even the brackets */
}
