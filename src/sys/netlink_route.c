/*
 * NETLINK_ROUTE payloads (issue 15): ifinfomsg, ifaddrmsg, rtmsg, ndmsg,
 * fib_rule_hdr, netconfmsg, tcmsg, nhmsg and br_port_msg with their
 * attributes, as strace 6.1 shows them; the other message types as strace
 * shows a type it does not know: {family=..., data="..."}.
 */
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stddef.h>
#include <sys/socket.h>

#include "flags.h"
#include "netlink.h"

#define FAMILY(type, m) NLF(type, m, NLF_ENUM, &xl_address_families)

static const struct nl_field ifinfomsg_fields[] = {
	FAMILY(struct ifinfomsg, ifi_family),
	NLF(struct ifinfomsg, ifi_type, NLF_ENUM, &xl_arphrd),
	NLF(struct ifinfomsg, ifi_index, NLF_IFINDEX, NULL),
	NLF(struct ifinfomsg, ifi_flags, NLF_FLAGS, &xl_iff_flags),
	NLF(struct ifinfomsg, ifi_change, NLF_HEX, NULL),
};
static const struct nl_struct ifinfomsg = NL_STRUCT(struct ifinfomsg, ifinfomsg_fields);

static const struct nl_field ifaddrmsg_fields[] = {
	FAMILY(struct ifaddrmsg, ifa_family),
	NLF(struct ifaddrmsg, ifa_prefixlen, NLF_UINT, NULL),
	NLF(struct ifaddrmsg, ifa_flags, NLF_FLAGS, &xl_ifa_flags),
	NLF(struct ifaddrmsg, ifa_scope, NLF_ENUM, &xl_rt_scopes),
	NLF(struct ifaddrmsg, ifa_index, NLF_IFINDEX, NULL),
};
static const struct nl_struct ifaddrmsg = NL_STRUCT(struct ifaddrmsg, ifaddrmsg_fields);

static const struct nl_field rtmsg_fields[] = {
	FAMILY(struct rtmsg, rtm_family),
	NLF(struct rtmsg, rtm_dst_len, NLF_UINT, NULL),
	NLF(struct rtmsg, rtm_src_len, NLF_UINT, NULL),
	NLF(struct rtmsg, rtm_tos, NLF_FLAGS, &xl_iptos),
	NLF(struct rtmsg, rtm_table, NLF_ENUM, &xl_rt_tables),
	NLF(struct rtmsg, rtm_protocol, NLF_ENUM, &xl_rtprot),
	NLF(struct rtmsg, rtm_scope, NLF_ENUM, &xl_rt_scopes),
	NLF(struct rtmsg, rtm_type, NLF_ENUM, &xl_rtn_types),
	NLF(struct rtmsg, rtm_flags, NLF_FLAGS, &xl_rtm_flags),
};
static const struct nl_struct rtmsg = NL_STRUCT(struct rtmsg, rtmsg_fields);

static const struct nl_field ndmsg_fields[] = {
	FAMILY(struct ndmsg, ndm_family),
	NLF(struct ndmsg, ndm_ifindex, NLF_IFINDEX, NULL),
	NLF(struct ndmsg, ndm_state, NLF_FLAGS, &xl_nud_states),
	NLF(struct ndmsg, ndm_flags, NLF_FLAGS, &xl_ntf_flags),
	NLF(struct ndmsg, ndm_type, NLF_ENUM, &xl_rtn_types),
};
static const struct nl_struct ndmsg = NL_STRUCT(struct ndmsg, ndmsg_fields);

struct route_kind {
	uint16_t base; /* its RTM_NEW* type: the next two or three are the same kind */
	uint8_t count;
	const struct nl_struct *st;
	const struct nla_set *attrs;
};

static const struct route_kind kinds[] = {
	{RTM_NEWLINK, 4, &ifinfomsg, &nl_ifla_attrs},
	{RTM_NEWADDR, 3, &ifaddrmsg, &nl_ifa_attrs},
	{RTM_GETMULTICAST, 1, &ifaddrmsg, &nl_ifa_attrs},
	{RTM_GETANYCAST, 1, &ifaddrmsg, &nl_ifa_attrs},
	{RTM_NEWROUTE, 3, &rtmsg, &nl_rta_attrs},
	{RTM_NEWNEIGH, 3, &ndmsg, &nl_nda_attrs},
	{RTM_NEWRULE, 3, &nl_fib_rule_hdr, &nl_fra_attrs},
	{RTM_NEWNETCONF, 3, &nl_netconfmsg, &nl_netconfa_attrs},
	{RTM_NEWQDISC, 3, &nl_tcmsg, &nl_tca_attrs},
	{RTM_NEWTCLASS, 3, &nl_tcmsg, &nl_tca_attrs},
	{RTM_NEWTFILTER, 3, &nl_tcmsg, &nl_tca_attrs},
	{RTM_NEWCHAIN, 3, &nl_tcmsg, &nl_tca_attrs},
	{RTM_NEWNEXTHOP, 3, &nl_nhmsg, &nl_nha_attrs},
	{RTM_NEWMDB, 3, &nl_br_port_msg, &nl_mdba_attrs},
};

void nl_route_payload(struct nl_msg *m)
{
	uint8_t buf[sizeof(struct rtmsg) + sizeof(struct ifinfomsg)];

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		const struct route_kind *k = &kinds[i];
		if (m->h.nlmsg_type >= k->base && m->h.nlmsg_type < k->base + k->count) {
			nl_struct_attrs(m, k->st, k->attrs, buf);
			return;
		}
	}
	nl_family_data(m);
}
