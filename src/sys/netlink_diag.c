/*
 * NETLINK_SOCK_DIAG payloads (issue 15): the requests (NLM_F_REQUEST) of
 * the UNIX, INET, netlink, packet and SMC families and the answers of the
 * first four, as strace 6.1 shows them; another family as
 * {family=..., data="..."}.
 */
#include <linux/inet_diag.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/smc_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>

#include "flags.h"
#include "netlink.h"

extern const struct xlat xl_tcp_states, xl_tcp_state_bits, xl_inet_diag_ext_bits, xl_udiag_show,
	xl_ndiag_show, xl_packet_show, xl_ndiag_protocols, xl_inet_diag_req_attrs,
	xl_inet_diag_attrs, xl_unix_diag_attrs, xl_netlink_diag_attrs, xl_packet_diag_attrs,
	xl_sk_meminfo;

#define FAMILY(type, m) NLF(type, m, NLF_ENUM, &xl_address_families)
#define COOKIE(type, m) NLF(type, m, NLF_U32S, NULL)

static const struct nl_field unix_req_fields[] = {
	FAMILY(struct unix_diag_req, sdiag_family),
	NLF(struct unix_diag_req, sdiag_protocol, NLF_UINT, NULL),
	NLF(struct unix_diag_req, udiag_states, NLF_FLAGS, &xl_tcp_state_bits),
	NLF(struct unix_diag_req, udiag_ino, NLF_UINT, NULL),
	NLF(struct unix_diag_req, udiag_show, NLF_FLAGS, &xl_udiag_show),
	COOKIE(struct unix_diag_req, udiag_cookie),
};
static const struct nl_struct unix_req = NL_STRUCT(struct unix_diag_req, unix_req_fields);

static const struct nl_field netlink_req_fields[] = {
	FAMILY(struct netlink_diag_req, sdiag_family),
	NLF(struct netlink_diag_req, sdiag_protocol, NLF_ENUM, &xl_ndiag_protocols),
	NLF(struct netlink_diag_req, ndiag_ino, NLF_UINT, NULL),
	NLF(struct netlink_diag_req, ndiag_show, NLF_FLAGS, &xl_ndiag_show),
	COOKIE(struct netlink_diag_req, ndiag_cookie),
};
static const struct nl_struct netlink_req = NL_STRUCT(struct netlink_diag_req, netlink_req_fields);

static const struct nl_field packet_req_fields[] = {
	FAMILY(struct packet_diag_req, sdiag_family),
	NLF(struct packet_diag_req, sdiag_protocol, NLF_HEX, NULL),
	NLF(struct packet_diag_req, pdiag_ino, NLF_UINT, NULL),
	NLF(struct packet_diag_req, pdiag_show, NLF_FLAGS, &xl_packet_show),
	COOKIE(struct packet_diag_req, pdiag_cookie),
};
static const struct nl_struct packet_req = NL_STRUCT(struct packet_diag_req, packet_req_fields);

/* The INET requests and answers: the fields before and after their sockid. */
static const struct nl_field inet_req_v2_fields[] = {
	FAMILY(struct inet_diag_req_v2, sdiag_family),
	NLF(struct inet_diag_req_v2, sdiag_protocol, NLF_ENUM, &xl_inet_protocols),
	NLF(struct inet_diag_req_v2, idiag_ext, NLF_FLAGS, &xl_inet_diag_ext_bits),
	NLF(struct inet_diag_req_v2, idiag_states, NLF_FLAGS, &xl_tcp_state_bits),
};
static const struct nl_struct inet_req_v2 = NL_STRUCT(struct inet_diag_req_v2, inet_req_v2_fields);

static const struct nl_field inet_req_fields[] = {
	FAMILY(struct inet_diag_req, idiag_family),
	NLF(struct inet_diag_req, idiag_src_len, NLF_UINT, NULL),
	NLF(struct inet_diag_req, idiag_dst_len, NLF_UINT, NULL),
	NLF(struct inet_diag_req, idiag_ext, NLF_FLAGS, &xl_inet_diag_ext_bits),
	NLF(struct inet_diag_req, idiag_states, NLF_FLAGS, &xl_tcp_state_bits),
	NLF(struct inet_diag_req, idiag_dbs, NLF_UINT, NULL),
};
static const struct nl_struct inet_req = NL_STRUCT(struct inet_diag_req, inet_req_fields);

static const struct nl_field smc_req_fields[] = {
	FAMILY(struct smc_diag_req, diag_family),
	NLF(struct smc_diag_req, diag_ext, NLF_FLAGS, &xl_inet_diag_ext_bits),
};
static const struct nl_struct smc_req = NL_STRUCT(struct smc_diag_req, smc_req_fields);

static const struct nl_field inet_msg_fields[] = {
	FAMILY(struct inet_diag_msg, idiag_family),
	NLF(struct inet_diag_msg, idiag_state, NLF_ENUM, &xl_tcp_states),
	NLF(struct inet_diag_msg, idiag_timer, NLF_UINT, NULL),
	NLF(struct inet_diag_msg, idiag_retrans, NLF_UINT, NULL),
	NLF(struct inet_diag_msg, idiag_expires, NLF_UINT, NULL),
	NLF(struct inet_diag_msg, idiag_rqueue, NLF_UINT, NULL),
	NLF(struct inet_diag_msg, idiag_wqueue, NLF_UINT, NULL),
	NLF(struct inet_diag_msg, idiag_uid, NLF_UINT, NULL),
	NLF(struct inet_diag_msg, idiag_inode, NLF_UINT, NULL),
};
static const struct nl_struct inet_msg = NL_STRUCT(struct inet_diag_msg, inet_msg_fields);

static const struct nl_field unix_msg_fields[] = {
	FAMILY(struct unix_diag_msg, udiag_family),
	NLF(struct unix_diag_msg, udiag_type, NLF_ENUM, &xl_socket_types),
	NLF(struct unix_diag_msg, udiag_state, NLF_ENUM, &xl_tcp_states),
	NLF(struct unix_diag_msg, udiag_ino, NLF_UINT, NULL),
	COOKIE(struct unix_diag_msg, udiag_cookie),
};
static const struct nl_struct unix_msg = NL_STRUCT(struct unix_diag_msg, unix_msg_fields);

static const struct nl_field netlink_msg_fields[] = {
	FAMILY(struct netlink_diag_msg, ndiag_family),
	NLF(struct netlink_diag_msg, ndiag_type, NLF_ENUM, &xl_socket_types),
	NLF(struct netlink_diag_msg, ndiag_protocol, NLF_ENUM, &xl_netlink_protocols),
	NLF(struct netlink_diag_msg, ndiag_state, NLF_ENUM, &xl_tcp_states),
	NLF(struct netlink_diag_msg, ndiag_portid, NLF_UINT, NULL),
	NLF(struct netlink_diag_msg, ndiag_dst_portid, NLF_UINT, NULL),
	NLF(struct netlink_diag_msg, ndiag_dst_group, NLF_UINT, NULL),
	NLF(struct netlink_diag_msg, ndiag_ino, NLF_UINT, NULL),
	COOKIE(struct netlink_diag_msg, ndiag_cookie),
};
static const struct nl_struct netlink_msg = NL_STRUCT(struct netlink_diag_msg, netlink_msg_fields);

static const struct nl_field packet_msg_fields[] = {
	FAMILY(struct packet_diag_msg, pdiag_family),
	NLF(struct packet_diag_msg, pdiag_type, NLF_ENUM, &xl_socket_types),
	NLF(struct packet_diag_msg, pdiag_num, NLF_HTONS, NULL),
	NLF(struct packet_diag_msg, pdiag_ino, NLF_UINT, NULL),
	COOKIE(struct packet_diag_msg, pdiag_cookie),
};
static const struct nl_struct packet_msg = NL_STRUCT(struct packet_diag_msg, packet_msg_fields);

static const struct nl_field unix_vfs_fields[] = {
	NLF(struct unix_diag_vfs, udiag_vfs_dev, NLF_DEV, NULL),
	NLF(struct unix_diag_vfs, udiag_vfs_ino, NLF_UINT, NULL),
};
static const struct nl_struct unix_vfs = NL_STRUCT(struct unix_diag_vfs, unix_vfs_fields);
static const struct nl_field unix_rqlen_fields[] = {
	NLF(struct unix_diag_rqlen, udiag_rqueue, NLF_UINT, NULL),
	NLF(struct unix_diag_rqlen, udiag_wqueue, NLF_UINT, NULL),
};
static const struct nl_struct unix_rqlen = NL_STRUCT(struct unix_diag_rqlen, unix_rqlen_fields);

/*
 * *_DIAG_MEMINFO and INET_DIAG_SKMEMINFO: the kernel's u32 array indexed by SK_MEMINFO_*,
 * [[SK_MEMINFO_RMEM_ALLOC]=0, ...]; an index newer than the headers, [9 / * SK_MEMINFO_??? * /].
 */
static void diag_skmeminfo(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	uint32_t m[32];
	size_t n = len / sizeof(m[0]);

	if (n > sizeof(m) / sizeof(m[0]))
		n = sizeof(m) / sizeof(m[0]);
	if (!n || !dec_fetch(d, v, addr, m, n * sizeof(m[0])))
		return;
	size_t shown = n;
	if (!d->opt->verbose && shown > d->opt->strsize) /* -s cuts it as any array */
		shown = d->opt->strsize;
	struct val *items = val_array(v, d->ar, (uint32_t)shown);
	for (size_t i = 0; i < shown; i++)
		val_uint(&items[i], m[i]);
	if (len / sizeof(m[0]) > shown)
		v->flags |= VALF_TRUNC;
	val_index_by(v, &xl_sk_meminfo);
}

static const struct nla_pol unix_pol[] = {
	NLA_PF(UNIX_DIAG_MEMINFO, diag_skmeminfo), NLA_P(UNIX_DIAG_NAME, NLA_STR),
	NLA_PS(UNIX_DIAG_VFS, &unix_vfs),	   NLA_P(UNIX_DIAG_PEER, NLA_U32),
	NLA_P(UNIX_DIAG_ICONS, NLA_U32S),	   NLA_PS(UNIX_DIAG_RQLEN, &unix_rqlen),
	NLA_P(UNIX_DIAG_SHUTDOWN, NLA_U8),	   NLA_P(UNIX_DIAG_UID, NLA_U32),
};
static const struct nla_set unix_attrs = NLA_SET(&xl_unix_diag_attrs, unix_pol);

static const struct nl_field inet_meminfo_fields[] = {
	NLF(struct inet_diag_meminfo, idiag_rmem, NLF_UINT, NULL),
	NLF(struct inet_diag_meminfo, idiag_wmem, NLF_UINT, NULL),
	NLF(struct inet_diag_meminfo, idiag_fmem, NLF_UINT, NULL),
	NLF(struct inet_diag_meminfo, idiag_tmem, NLF_UINT, NULL),
};
static const struct nl_struct inet_meminfo =
	NL_STRUCT(struct inet_diag_meminfo, inet_meminfo_fields);

#define SOCKOPT_BIT(st, o, f)                                                                      \
	do {                                                                                       \
		if ((o).f)                                                                         \
			val_uint(st_add(st, d->ar, #f), (o).f);                                    \
	} while (0)

/* INET_DIAG_SOCKOPT: {is_icsk=1, mc_loop=1}, the bits that are set (not the unused ones,
 * which strace shows with a comment). */
static void diag_sockopt(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	struct inet_diag_sockopt o;

	if (len < sizeof(o)) {
		nl_hex(d, v, addr, len);
		return;
	}
	if (!dec_fetch(d, v, addr, &o, sizeof(o)))
		return;
	st_init(v, d->ar, 11);
	SOCKOPT_BIT(v, o, recverr);
	SOCKOPT_BIT(v, o, is_icsk);
	SOCKOPT_BIT(v, o, freebind);
	SOCKOPT_BIT(v, o, hdrincl);
	SOCKOPT_BIT(v, o, mc_loop);
	SOCKOPT_BIT(v, o, transparent);
	SOCKOPT_BIT(v, o, mc_all);
	SOCKOPT_BIT(v, o, nodefrag);
	SOCKOPT_BIT(v, o, bind_address_no_port);
	SOCKOPT_BIT(v, o, recverr_rfc4884);
	SOCKOPT_BIT(v, o, defer_connect);
}

static const struct nla_pol inet_pol[] = {
	NLA_P(INET_DIAG_CONG, NLA_STR),
	NLA_P(INET_DIAG_TOS, NLA_U8),
	NLA_P(INET_DIAG_TCLASS, NLA_U8),
	NLA_P(INET_DIAG_SHUTDOWN, NLA_U8),
	NLA_P(INET_DIAG_SKV6ONLY, NLA_U8),
	NLA_P(INET_DIAG_MARK, NLA_U32),
	NLA_P(INET_DIAG_CLASS_ID, NLA_U32),
	NLA_P(INET_DIAG_CGROUP_ID, NLA_U64),
	NLA_PS(INET_DIAG_MEMINFO, &inet_meminfo),
	NLA_PF(INET_DIAG_SOCKOPT, diag_sockopt),
	NLA_PF(INET_DIAG_SKMEMINFO, diag_skmeminfo),
	NLA_PT(INET_DIAG_PROTOCOL, NLA_ENUM8, &xl_inet_protocols),
};
static const struct nla_set inet_attrs = NLA_SET(&xl_inet_diag_attrs, inet_pol);
static const struct nla_set inet_req_attrs = NLA_NAMES(&xl_inet_diag_req_attrs);
static const struct nla_pol netlink_pol[] = {NLA_PF(NETLINK_DIAG_MEMINFO, diag_skmeminfo)};
static const struct nla_set netlink_attrs = NLA_SET(&xl_netlink_diag_attrs, netlink_pol);
static const struct nla_pol packet_pol[] = {NLA_PF(PACKET_DIAG_MEMINFO, diag_skmeminfo)};
static const struct nla_set packet_attrs = NLA_SET(&xl_packet_diag_attrs, packet_pol);

/* An address of the sockid: inet_addr("..."), or inet_pton(AF_INET6, "...", &idiag_src). */
static void sockid_addr(struct dctx *d, struct val *st, const char *name, int family,
			const void *addr)
{
	struct val *v = st_add(st, d->ar, name);

	if (family != AF_INET6)
		nl_inaddr(d, v, AF_INET, addr);
	else
		dec_inet6_field(v, d->ar, addr,
				!strcmp(name, "idiag_src") ? "&idiag_src" : "&idiag_dst");
	/* strace's -X raw shows the sockid's whole 16-byte field and its ports as bytes: not
	 * done, so the address stays a call there. */
	v->raw = VAL_RAW_MERGED;
}

static const struct nl_field sockid_fields[] = {
	NLF(struct inet_diag_sockid, idiag_sport, NLF_HTONS, NULL),
	NLF(struct inet_diag_sockid, idiag_dport, NLF_HTONS, NULL),
	NLF(struct inet_diag_sockid, idiag_if, NLF_IFINDEX, NULL),
	COOKIE(struct inet_diag_sockid, idiag_cookie),
};
static const struct nl_struct sockid = NL_STRUCT(struct inet_diag_sockid, sockid_fields);

/* id={idiag_sport=htons(80), ..., idiag_cookie=[0, 0]}: its addresses of family's kind. */
static void diag_sockid(struct dctx *d, struct val *st, const struct inet_diag_sockid *id,
			int family)
{
	struct val *v = st_add(st, d->ar, "id");

	st_init(v, d->ar, 6);
	nl_fields(d, v, id, &sockid, 0, 2);
	sockid_addr(d, v, "idiag_src", family, id->idiag_src);
	sockid_addr(d, v, "idiag_dst", family, id->idiag_dst);
	nl_fields(d, v, id, &sockid, 2, 4);
}

/*
 * A struct of s with its sockid at off after the first split fields, then
 * the attributes of set (if any): the INET requests and answers.
 */
static void with_sockid(struct nl_msg *m, const struct nl_struct *s, unsigned split, size_t off,
			const struct nla_set *set)
{
	union {
		struct inet_diag_req_v2 v2;
		struct inet_diag_req req;
		struct inet_diag_msg msg;
		struct smc_diag_req smc;
	} u;
	struct val *v = nl_struct_read(m, s, &u, s->nfields + 1);

	if (!v)
		return;
	const uint8_t *buf = (const uint8_t *)&u;
	struct inet_diag_sockid id;
	memcpy(&id, buf + off, sizeof(id));
	nl_fields(m->d, v, buf, s, 0, split);
	diag_sockid(m->d, v, &id, buf[0]);
	nl_fields(m->d, v, buf, s, split, s->nfields);
	if (set)
		nl_attrs_after(m, s, set, buf[0]);
}

static void request(struct nl_msg *m, uint8_t family)
{
	uint8_t buf[sizeof(struct unix_diag_req) + sizeof(struct netlink_diag_req)];

	switch (family) {
	case AF_UNIX:
		nl_struct_attrs(m, &unix_req, NULL, buf);
		break;
	case AF_INET:
	case AF_INET6:
		with_sockid(m, &inet_req_v2, 4, offsetof(struct inet_diag_req_v2, id),
			    &inet_req_attrs);
		break;
	case AF_NETLINK:
		nl_struct_attrs(m, &netlink_req, NULL, buf);
		break;
	case AF_PACKET:
		nl_struct_attrs(m, &packet_req, NULL, buf);
		break;
	case AF_SMC:
		with_sockid(m, &smc_req, 2, offsetof(struct smc_diag_req, id), NULL);
		break;
	default:
		nl_family_data(m);
		break;
	}
}

static void answer(struct nl_msg *m, uint8_t family)
{
	uint8_t buf[sizeof(struct netlink_diag_msg) + sizeof(struct unix_diag_msg)];

	switch (family) {
	case AF_UNIX:
		nl_struct_attrs(m, &unix_msg, &unix_attrs, buf);
		break;
	case AF_INET:
	case AF_INET6:
		with_sockid(m, &inet_msg, 4, offsetof(struct inet_diag_msg, id), &inet_attrs);
		break;
	case AF_NETLINK:
		nl_struct_attrs(m, &netlink_msg, &netlink_attrs, buf);
		break;
	case AF_PACKET:
		nl_struct_attrs(m, &packet_msg, &packet_attrs, buf);
		break;
	default:
		nl_family_data(m);
		break;
	}
}

void nl_diag_payload(struct nl_msg *m)
{
	bool req = m->h.nlmsg_flags & NLM_F_REQUEST;
	uint8_t family;

	if (m->h.nlmsg_type == TCPDIAG_GETSOCK || m->h.nlmsg_type == DCCPDIAG_GETSOCK) {
		if (req)
			with_sockid(m, &inet_req, 4, offsetof(struct inet_diag_req, id),
				    &inet_req_attrs);
		else
			with_sockid(m, &inet_msg, 4, offsetof(struct inet_diag_msg, id),
				    &inet_attrs);
		return;
	}
	if (m->h.nlmsg_type != SOCK_DIAG_BY_FAMILY && m->h.nlmsg_type != SOCK_DESTROY) {
		nl_family_data(m);
		return;
	}
	if (tmem_read(m->d->mem, m->addr, &family, sizeof(family)) < 0) {
		nl_family_data(m);
		return;
	}
	if (req)
		request(m, family);
	else
		answer(m, family);
}
