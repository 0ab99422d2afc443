/*
 * Netlink messages as strace 6.1 prints them (issue 15): what netlink.c (the
 * messages and their headers), netlink_attr.c (attributes and fixed
 * structs), netlink_route.c and netlink_diag.c share.  Every length in a
 * message is the tracee's: a decoder reads only bytes of the buffer the call
 * passed, and shows what strace shows when a length is wrong.
 */
#ifndef PTRC_SYS_NETLINK_H
#define PTRC_SYS_NETLINK_H

#include <linux/netlink.h>

#include "decoders.h"
#include "xlat.h"

/* Name tables (flags_netlink.c, flags_netlink_route.c, flags_netlink_diag.c). */
extern const struct xlat xl_nlmsg_types, xl_nlm_flags, xl_nlm_flags_get, xl_nlm_flags_new,
	xl_nlm_flags_del, xl_nlm_flags_ack, xl_nla_flags, xl_nlmsgerr_attrs, xl_sock_diag_types,
	xl_selinux_types, xl_xfrm_types, xl_xfrm_new_types, xl_xfrm_del_types, xl_xfrm_get_types,
	xl_audit_types, xl_genl_none;
extern const struct xlat xl_rtm_types, xl_arphrd, xl_iff_flags, xl_ifa_flags, xl_rt_scopes,
	xl_rt_tables, xl_rtprot, xl_rtn_types, xl_rtm_flags, xl_iptos, xl_nud_states, xl_ntf_flags,
	xl_ntf_ext_flags, xl_rtext_filters, xl_ifla_events, xl_lwtunnel_encap, xl_ifla_attrs,
	xl_ifa_attrs, xl_rta_attrs, xl_nda_attrs, xl_ifla_info_attrs, xl_ifla_vf_info_attrs,
	xl_ifla_vf_port_attrs, xl_ifla_inet6_attrs, xl_ifla_xdp_attrs, xl_xdp_attached,
	xl_xdp_flags, xl_ifla_proto_down_reason_attrs, xl_nfea_attrs, xl_rtax_attrs,
	xl_rt_tables_named, xl_fr_actions, xl_fib_rule_flags, xl_fra_attrs, xl_netconfa_attrs,
	xl_tca_attrs, xl_tca_stats_attrs, xl_tca_stab_attrs, xl_nha_attrs, xl_nha_res_group_attrs,
	xl_nha_res_bucket_attrs, xl_rtnh_flags, xl_nexthop_grp_types, xl_mdba_attrs,
	xl_mdba_mdb_attrs, xl_mdba_router_attrs;

/* A message: its header, its payload in the tracee, and its value being built. */
struct nl_msg {
	struct dctx *d;
	int proto; /* NETLINK_*, or DEC_NL_UNBOUND */
	struct nlmsghdr h;
	uint64_t addr; /* the payload */
	uint64_t len;  /* payload bytes in the buffer (nlmsg_len's, or fewer at its end) */
	struct val *v; /* [header, payload items...] */
};

/* The next item of m's value, after the header: a message has at most three. */
struct val *nl_item(struct nl_msg *m);
/* Bytes strace shows as hex (data it does not decode), up to -s. */
void nl_hex(struct dctx *d, struct val *v, uint64_t addr, uint64_t len);
/* Messages or attributes: a header of hdrlen bytes (NLMSG_HDRLEN or NLA_HDRLEN) that starts
 * with the record's length; one() decodes a record of at most left bytes at at. */
struct nl_walk {
	unsigned hdrlen;
	void (*one)(struct dctx *d, struct val *item, uint64_t at, uint64_t left, const void *hdr,
		    const void *ctx);
	const void *ctx;
};
void nl_walk(struct dctx *d, struct val *v, uint64_t addr, uint64_t len, const struct nl_walk *w);
/* One message whose header h is at addr, with avail bytes of the buffer from addr. */
void nl_message(struct dctx *d, struct val *v, int proto, uint64_t addr, uint64_t avail,
		const struct nlmsghdr *h);

/* An interface index: if_nametoindex("lo") when the env names it. */
void nl_ifindex(struct dctx *d, struct val *v, uint64_t idx);
/* inet_addr("127.0.0.1"), or inet_pton(AF_INET6, "::1") (16 bytes). */
void nl_inaddr(struct dctx *d, struct val *v, int family, const void *bytes);

/* The fields of a fixed struct, from the headers' layout (nl_fields). */
enum nlf_fmt {
	NLF_UINT,
	NLF_INT,
	NLF_HEX,
	NLF_ENUM,    /* named by tab; unknown values in hex (with tab's comment) */
	NLF_FLAGS,   /* bits named by tab */
	NLF_IFINDEX, /* if_nametoindex("lo") */
	NLF_HTONS,   /* a port in network order: htons(80) */
	NLF_U32S,    /* an array of 32-bit words: [1, 2] */
	NLF_DEV,     /* a device number: makedev(0x8, 0x1) */
	NLF_HEX_NZ,  /* a reserved field strace shows, in hex, only when it is not 0 */
};

struct nl_field {
	const char *name;
	uint16_t off;
	uint8_t size;
	uint8_t fmt; /* enum nlf_fmt */
	const struct xlat *tab;
};

#define NLF(type, member, fmt, tab)                                                                \
	{                                                                                          \
#member, offsetof(type, member), sizeof(((type *)0)->member), fmt, tab             \
	}

struct nl_struct {
	const struct nl_field *fields;
	uint16_t nfields;
	uint16_t size; /* sizeof the struct */
};

#define NL_STRUCT(type, fields)                                                                    \
	{                                                                                          \
		fields, sizeof(fields) / sizeof(fields[0]), sizeof(type)                           \
	}

/* A struct whose tail padding differs between ABIs (tc_stats: 40 bytes on x86_64, 36 on
 * i386): strace takes a payload that reaches its last field's end. */
#define NL_STRUCT_END(type, fields, last)                                                          \
	{                                                                                          \
		fields, sizeof(fields) / sizeof(fields[0]),                                        \
			offsetof(type, last) + sizeof(((type *)0)->last)                           \
	}

/* Adds fields [from, to) of s, read from buf (s->size bytes), to the struct value v. */
void nl_fields(struct dctx *d, struct val *v, const void *buf, const struct nl_struct *s,
	       unsigned from, unsigned to);

/* How an attribute's payload is shown. */
enum nla_kind {
	NLA_HEX, /* bytes (the default for types no table lists) */
	NLA_U8,	 /* a number of the payload's first bytes: shorter payloads are bytes */
	NLA_U16,
	NLA_U32,
	NLA_S32,
	NLA_U64,
	NLA_BE64,     /* a u64 in network order: htobe64(1) */
	NLA_STR,      /* a NUL-terminated string */
	NLA_CSTR,     /* a C string: up to its first NUL (IFLA_INFO_KIND) */
	NLA_HWADDR,   /* 02:fc:00:00:00:05 (up to MAX_ADDR_LEN bytes) */
	NLA_LINKADDR, /* the same, as long as strace takes the message's family's type's */
	NLA_INADDR,   /* an address of the message's family */
	NLA_IFINDEX,  /* a u32 interface index */
	NLA_ENUM8,    /* a u8, u16 or u32 named by tab */
	NLA_ENUM16,
	NLA_ENUM32,
	NLA_ENUMV,  /* a value of all the payload's bytes (at most 8), named by tab */
	NLA_TICKS,  /* clock ticks of all the payload's bytes (at most 8): 5 / * 0.05 s * / */
	NLA_FLAGS8, /* a u8, u16 or u32 of bits named by tab */
	NLA_FLAGS16,
	NLA_FLAGS32,
	NLA_HTONS,   /* a u16 in network order */
	NLA_BYTES,   /* [1, 2, 3]: bytes as numbers */
	NLA_U32S,    /* [1, 2]: u32s (a payload of another length is bytes) */
	NLA_STRUCT,  /* st's fields, when the payload holds the whole struct */
	NLA_NESTED,  /* attributes of nest */
	NLA_NESTED6, /* attributes of nest in an AF_INET6 message, bytes in others */
	NLA_FN,	     /* shown by fn */
};

struct nla_set;

struct nla_pol {
	uint16_t type;
	uint8_t kind; /* enum nla_kind */
	uint8_t cap;  /* a payload longer than this (when not 0) is shown as bytes */
	const struct xlat *tab;
	const struct nl_struct *st;
	const struct nla_set *nest;
	void (*fn)(struct dctx *d, struct val *v, uint64_t addr, uint64_t len);
};

#define NLA_P(t, k)                                                                                \
	{                                                                                          \
		.type = (t), .kind = (k)                                                           \
	}
#define NLA_PT(t, k, tb)                                                                           \
	{                                                                                          \
		.type = (t), .kind = (k), .tab = (tb)                                              \
	}
/* strace's generic decoder of named values: at most 8 bytes of payload. */
#define NLA_PT8(t, k, tb)                                                                          \
	{                                                                                          \
		.type = (t), .kind = (k), .cap = 8, .tab = (tb)                                    \
	}
#define NLA_PS(t, s)                                                                               \
	{                                                                                          \
		.type = (t), .kind = NLA_STRUCT, .st = (s)                                         \
	}
#define NLA_PN(t, n)                                                                               \
	{                                                                                          \
		.type = (t), .kind = NLA_NESTED, .nest = (n)                                       \
	}
#define NLA_PN6(t, n)                                                                              \
	{                                                                                          \
		.type = (t), .kind = NLA_NESTED6, .nest = (n)                                      \
	}

#define NLA_PF(t, f)                                                                               \
	{                                                                                          \
		.type = (t), .kind = NLA_FN, .fn = (f)                                             \
	}

/* The attributes a message may carry: their names, and how each payload is shown. */
struct nla_set {
	const struct xlat *names;
	const struct nla_pol *pol;
	unsigned npol;
};

#define NLA_SET(names, pol)                                                                        \
	{                                                                                          \
		names, pol, sizeof(pol) / sizeof(pol[0])                                           \
	}
/* Attributes no policy says more of: names only. */
#define NLA_NAMES(names)                                                                           \
	{                                                                                          \
		names, NULL, 0                                                                     \
	}

/* The attributes in [addr, addr + len): one, or an array of them; family: for NLA_INADDR. */
void nl_attrs(struct dctx *d, struct val *v, uint64_t addr, uint64_t len, const struct nla_set *set,
	      int family);

/*
 * A payload that starts with struct s and goes on with attributes of set:
 * strace's {family=..., ...} when the payload is shorter than s, the struct,
 * then the attributes (or bytes) after it.  buf receives the struct (s->size
 * bytes) when it was read whole; returns whether it was.
 */
bool nl_struct_attrs(struct nl_msg *m, const struct nl_struct *s, const struct nla_set *set,
		     void *buf);
/* Its parts: the struct read into buf, its value (room for cap fields) to fill, or NULL when
 * the payload is too short for it (then shown as strace does); the attributes after it. */
struct val *nl_struct_read(struct nl_msg *m, const struct nl_struct *s, void *buf, unsigned cap);
void nl_attrs_after(struct nl_msg *m, const struct nl_struct *s, const struct nla_set *set,
		    int family);

/* strace's {family=AF_INET, data="..."} for a payload it knows no struct of. */
void nl_family_data(struct nl_msg *m);

/* NETLINK_ROUTE's attributes (netlink_route_attrs.c). */
extern const struct nla_set nl_ifla_attrs, nl_ifa_attrs, nl_rta_attrs, nl_nda_attrs;
/* Rules (netlink_route_rule.c). */
extern const struct nl_struct nl_fib_rule_hdr;
extern const struct nla_set nl_fra_attrs;
/* Netconf (netlink_route_netconf.c). */
extern const struct nl_struct nl_netconfmsg;
extern const struct nla_set nl_netconfa_attrs;
/* Traffic control (netlink_route_tc.c). */
extern const struct nl_struct nl_tcmsg;
extern const struct nla_set nl_tca_attrs;
/* Nexthops (netlink_route_nexthop.c). */
extern const struct nl_struct nl_nhmsg;
extern const struct nla_set nl_nha_attrs;
/* The bridge multicast database (netlink_route_mdb.c). */
extern const struct nl_struct nl_br_port_msg;
extern const struct nla_set nl_mdba_attrs;

/* Payload decoders by protocol (netlink_route.c, netlink_diag.c). */
void nl_route_payload(struct nl_msg *m);
void nl_diag_payload(struct nl_msg *m);

#endif
