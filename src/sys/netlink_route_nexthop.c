/*
 * NETLINK_ROUTE's nexthop messages (RTM_NEWNEXTHOP, DELNEXTHOP, GETNEXTHOP):
 * struct nhmsg and its NHA_* attributes, as strace 6.1 shows them.
 */
#include <linux/nexthop.h>
#include <stddef.h>
#include <sys/socket.h>

#include "flags.h"
#include "netlink.h"

static const struct nl_field nhmsg_fields[] = {
	NLF(struct nhmsg, nh_family, NLF_ENUM, &xl_address_families),
	NLF(struct nhmsg, nh_scope, NLF_ENUM, &xl_rt_scopes),
	NLF(struct nhmsg, nh_protocol, NLF_ENUM, &xl_rtprot),
	NLF(struct nhmsg, resvd, NLF_HEX_NZ, NULL),
	NLF(struct nhmsg, nh_flags, NLF_FLAGS, &xl_rtnh_flags),
};
const struct nl_struct nl_nhmsg = NL_STRUCT(struct nhmsg, nhmsg_fields);

/* The byte after weight is resvd1 to strace 6.1 and to older headers, weight_high to newer
 * ones (Debian 12's): named as strace names it, placed by the fields around it. */
#define GRP_AFTER_WEIGHT (offsetof(struct nexthop_grp, weight) + sizeof(uint8_t))

static const struct nl_field grp_fields[] = {
	NLF(struct nexthop_grp, id, NLF_UINT, NULL),
	NLF(struct nexthop_grp, weight, NLF_UINT, NULL),
	{"resvd1", GRP_AFTER_WEIGHT, offsetof(struct nexthop_grp, resvd2) - GRP_AFTER_WEIGHT,
	 NLF_HEX_NZ, NULL},
	NLF(struct nexthop_grp, resvd2, NLF_HEX_NZ, NULL),
};
static const struct nl_struct grp = NL_STRUCT(struct nexthop_grp, grp_fields);

/* NHA_GROUP: an array of struct nexthop_grp (-s of them), bytes after the last whole one left
 * out as strace does; a payload shorter than one is bytes. */
static void nha_group(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	struct dec_array a;
	struct nexthop_grp g;

	if (len < sizeof(g)) {
		nl_hex(d, v, addr, len);
		return;
	}
	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i + sizeof(g) <= len; i += sizeof(g)) {
		if (tmem_read(d->mem, addr + i, &g, sizeof(g)) < 0) {
			dec_array_unread(d, &a, i / sizeof(g), addr + i);
			return;
		}
		struct val *item = dec_array_add(d, &a);
		if (!item)
			return;
		st_init(item, d->ar, grp.nfields);
		nl_fields(d, item, &g, &grp, 0, grp.nfields);
	}
}

static const struct nla_pol res_group_pol[] = {
	NLA_P(NHA_RES_GROUP_BUCKETS, NLA_U16),
	NLA_P(NHA_RES_GROUP_IDLE_TIMER, NLA_TICKS),
	NLA_P(NHA_RES_GROUP_UNBALANCED_TIMER, NLA_TICKS),
	NLA_P(NHA_RES_GROUP_UNBALANCED_TIME, NLA_TICKS),
};
static const struct nla_set res_group_attrs = NLA_SET(&xl_nha_res_group_attrs, res_group_pol);

static const struct nla_pol res_bucket_pol[] = {
	NLA_P(NHA_RES_BUCKET_INDEX, NLA_U16),
	NLA_P(NHA_RES_BUCKET_IDLE_TIME, NLA_TICKS),
	NLA_P(NHA_RES_BUCKET_NH_ID, NLA_U32),
};
static const struct nla_set res_bucket_attrs = NLA_SET(&xl_nha_res_bucket_attrs, res_bucket_pol);

/* NHA_BLACKHOLE, NHA_GROUPS and NHA_FDB are flags: strace shows a payload as a u32. */
static const struct nla_pol nha_pol[] = {
	NLA_P(NHA_ID, NLA_U32),
	NLA_PF(NHA_GROUP, nha_group),
	NLA_PT(NHA_GROUP_TYPE, NLA_ENUM16, &xl_nexthop_grp_types),
	NLA_P(NHA_BLACKHOLE, NLA_U32),
	NLA_P(NHA_OIF, NLA_IFINDEX),
	NLA_P(NHA_GATEWAY, NLA_INADDR),
	NLA_PT(NHA_ENCAP_TYPE, NLA_ENUM16, &xl_lwtunnel_encap),
	NLA_P(NHA_GROUPS, NLA_U32),
	NLA_P(NHA_MASTER, NLA_IFINDEX),
	NLA_P(NHA_FDB, NLA_U32),
	NLA_PN(NHA_RES_GROUP, &res_group_attrs),
	NLA_PN(NHA_RES_BUCKET, &res_bucket_attrs),
};
const struct nla_set nl_nha_attrs = NLA_SET(&xl_nha_attrs, nha_pol);
