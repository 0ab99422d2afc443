/*
 * NETLINK_ROUTE payloads (issue 15): ifinfomsg, ifaddrmsg, rtmsg and ndmsg
 * with their attributes, as strace 6.1 shows them; the other message types
 * as strace shows a type it does not know: {family=..., data="..."}.
 */
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stddef.h>
#include <sys/socket.h>

#include "flags.h"
#include "netlink.h"

#define STATS_U(type, m) NLF(type, m, NLF_UINT, NULL)

static const struct nl_field link_stats_fields[] = {
#define S(m) STATS_U(struct rtnl_link_stats, m)
	S(rx_packets),	      S(tx_packets),	    S(rx_bytes),	 S(tx_bytes),
	S(rx_errors),	      S(tx_errors),	    S(rx_dropped),	 S(tx_dropped),
	S(multicast),	      S(collisions),	    S(rx_length_errors), S(rx_over_errors),
	S(rx_crc_errors),     S(rx_frame_errors),   S(rx_fifo_errors),	 S(rx_missed_errors),
	S(tx_aborted_errors), S(tx_carrier_errors), S(tx_fifo_errors),	 S(tx_heartbeat_errors),
	S(tx_window_errors),  S(rx_compressed),	    S(tx_compressed),	 S(rx_nohandler),
#undef S
};
static const struct nl_struct link_stats = NL_STRUCT(struct rtnl_link_stats, link_stats_fields);

static const struct nl_field link_stats64_fields[] = {
#define S(m) STATS_U(struct rtnl_link_stats64, m)
	S(rx_packets),
	S(tx_packets),
	S(rx_bytes),
	S(tx_bytes),
	S(rx_errors),
	S(tx_errors),
	S(rx_dropped),
	S(tx_dropped),
	S(multicast),
	S(collisions),
	S(rx_length_errors),
	S(rx_over_errors),
	S(rx_crc_errors),
	S(rx_frame_errors),
	S(rx_fifo_errors),
	S(rx_missed_errors),
	S(tx_aborted_errors),
	S(tx_carrier_errors),
	S(tx_fifo_errors),
	S(tx_heartbeat_errors),
	S(tx_window_errors),
	S(rx_compressed),
	S(tx_compressed),
	S(rx_nohandler),
	S(rx_otherhost_dropped),
#undef S
};
static const struct nl_struct link_stats64 =
	NL_STRUCT(struct rtnl_link_stats64, link_stats64_fields);

static const struct nl_field ifmap_fields[] = {
	STATS_U(struct rtnl_link_ifmap, mem_start), STATS_U(struct rtnl_link_ifmap, mem_end),
	STATS_U(struct rtnl_link_ifmap, base_addr), STATS_U(struct rtnl_link_ifmap, irq),
	STATS_U(struct rtnl_link_ifmap, dma),	    STATS_U(struct rtnl_link_ifmap, port),
};
static const struct nl_struct ifmap = NL_STRUCT(struct rtnl_link_ifmap, ifmap_fields);

/* The attributes strace decodes; the others are bytes (nested ones among them). */
static const struct nla_pol ifla_pol[] = {
	{IFLA_ADDRESS, NLA_HWADDR, NULL, NULL},
	{IFLA_BROADCAST, NLA_HWADDR, NULL, NULL},
	{IFLA_IFNAME, NLA_STR, NULL, NULL},
	{IFLA_MTU, NLA_U32, NULL, NULL},
	{IFLA_LINK, NLA_U32, NULL, NULL},
	{IFLA_QDISC, NLA_STR, NULL, NULL},
	{IFLA_STATS, NLA_STRUCT, NULL, &link_stats},
	{IFLA_MASTER, NLA_U32, NULL, NULL},
	{IFLA_TXQLEN, NLA_U32, NULL, NULL},
	{IFLA_MAP, NLA_STRUCT, NULL, &ifmap},
	{IFLA_WEIGHT, NLA_U32, NULL, NULL},
	{IFLA_OPERSTATE, NLA_U8, NULL, NULL},
	{IFLA_LINKMODE, NLA_U8, NULL, NULL},
	{IFLA_NET_NS_PID, NLA_U32, NULL, NULL},
	{IFLA_IFALIAS, NLA_STR, NULL, NULL},
	{IFLA_NUM_VF, NLA_U32, NULL, NULL},
	{IFLA_STATS64, NLA_STRUCT, NULL, &link_stats64},
	{IFLA_GROUP, NLA_U32, NULL, NULL},
	{IFLA_NET_NS_FD, NLA_U32, NULL, NULL},
	{IFLA_EXT_MASK, NLA_FLAGS32, &xl_rtext_filters, NULL},
	{IFLA_PROMISCUITY, NLA_U32, NULL, NULL},
	{IFLA_NUM_TX_QUEUES, NLA_U32, NULL, NULL},
	{IFLA_NUM_RX_QUEUES, NLA_U32, NULL, NULL},
	{IFLA_CARRIER, NLA_U8, NULL, NULL},
	{IFLA_CARRIER_CHANGES, NLA_U32, NULL, NULL},
	{IFLA_LINK_NETNSID, NLA_S32, NULL, NULL},
	{IFLA_PHYS_PORT_NAME, NLA_STR, NULL, NULL},
	{IFLA_PROTO_DOWN, NLA_U8, NULL, NULL},
	{IFLA_GSO_MAX_SEGS, NLA_U32, NULL, NULL},
	{IFLA_GSO_MAX_SIZE, NLA_U32, NULL, NULL},
	{IFLA_EVENT, NLA_ENUM32, &xl_ifla_events, NULL},
	{IFLA_NEW_NETNSID, NLA_S32, NULL, NULL},
	{IFLA_IF_NETNSID, NLA_S32, NULL, NULL},
	{IFLA_CARRIER_UP_COUNT, NLA_U32, NULL, NULL},
	{IFLA_CARRIER_DOWN_COUNT, NLA_U32, NULL, NULL},
	{IFLA_NEW_IFINDEX, NLA_S32, NULL, NULL},
	{IFLA_MIN_MTU, NLA_U32, NULL, NULL},
	{IFLA_MAX_MTU, NLA_U32, NULL, NULL},
	{IFLA_ALT_IFNAME, NLA_STR, NULL, NULL},
	{IFLA_PERM_ADDRESS, NLA_HWADDR, NULL, NULL},
	{IFLA_PARENT_DEV_NAME, NLA_STR, NULL, NULL},
	{IFLA_PARENT_DEV_BUS_NAME, NLA_STR, NULL, NULL},
	{IFLA_GRO_MAX_SIZE, NLA_U32, NULL, NULL},
	{IFLA_TSO_MAX_SIZE, NLA_U32, NULL, NULL},
	{IFLA_TSO_MAX_SEGS, NLA_U32, NULL, NULL},
	{IFLA_ALLMULTI, NLA_U32, NULL, NULL},
};
static const struct nla_set ifla_attrs = NLA_SET(&xl_ifla_attrs, ifla_pol);

static const struct nl_field ifa_cacheinfo_fields[] = {
	STATS_U(struct ifa_cacheinfo, ifa_prefered),
	STATS_U(struct ifa_cacheinfo, ifa_valid),
	STATS_U(struct ifa_cacheinfo, cstamp),
	STATS_U(struct ifa_cacheinfo, tstamp),
};
static const struct nl_struct ifa_cacheinfo = NL_STRUCT(struct ifa_cacheinfo, ifa_cacheinfo_fields);

static const struct nla_pol ifa_pol[] = {
	{IFA_ADDRESS, NLA_INADDR, NULL, NULL},	 {IFA_LOCAL, NLA_INADDR, NULL, NULL},
	{IFA_LABEL, NLA_STR, NULL, NULL},	 {IFA_BROADCAST, NLA_INADDR, NULL, NULL},
	{IFA_ANYCAST, NLA_INADDR, NULL, NULL},	 {IFA_CACHEINFO, NLA_STRUCT, NULL, &ifa_cacheinfo},
	{IFA_MULTICAST, NLA_INADDR, NULL, NULL}, {IFA_FLAGS, NLA_FLAGS32, &xl_ifa_flags, NULL},
	{IFA_RT_PRIORITY, NLA_U32, NULL, NULL},	 {IFA_TARGET_NETNSID, NLA_S32, NULL, NULL},
};
static const struct nla_set ifa_attrs = NLA_SET(&xl_ifa_attrs, ifa_pol);

static const struct nl_field rta_cacheinfo_fields[] = {
	STATS_U(struct rta_cacheinfo, rta_clntref),
	STATS_U(struct rta_cacheinfo, rta_lastuse),
	NLF(struct rta_cacheinfo, rta_expires, NLF_INT, NULL),
	NLF(struct rta_cacheinfo, rta_error, NLF_UINT, NULL),
	STATS_U(struct rta_cacheinfo, rta_used),
	NLF(struct rta_cacheinfo, rta_id, NLF_HEX, NULL),
	STATS_U(struct rta_cacheinfo, rta_ts),
	STATS_U(struct rta_cacheinfo, rta_tsage),
};
static const struct nl_struct rta_cacheinfo = NL_STRUCT(struct rta_cacheinfo, rta_cacheinfo_fields);

static const struct nla_pol rta_pol[] = {
	{RTA_DST, NLA_INADDR, NULL, NULL},
	{RTA_SRC, NLA_INADDR, NULL, NULL},
	{RTA_IIF, NLA_U32, NULL, NULL},
	{RTA_OIF, NLA_IFINDEX, NULL, NULL},
	{RTA_GATEWAY, NLA_INADDR, NULL, NULL},
	{RTA_PRIORITY, NLA_U32, NULL, NULL},
	{RTA_PREFSRC, NLA_INADDR, NULL, NULL},
	{RTA_FLOW, NLA_U32, NULL, NULL},
	{RTA_CACHEINFO, NLA_STRUCT, NULL, &rta_cacheinfo},
	{RTA_TABLE, NLA_ENUM32, &xl_rt_tables, NULL},
	{RTA_MARK, NLA_U32, NULL, NULL},
	{RTA_PREF, NLA_U8, NULL, NULL},
	{RTA_ENCAP_TYPE, NLA_ENUM16, &xl_lwtunnel_encap, NULL},
	{RTA_EXPIRES, NLA_U64, NULL, NULL},
	{RTA_UID, NLA_U32, NULL, NULL},
	{RTA_TTL_PROPAGATE, NLA_U8, NULL, NULL},
	{RTA_IP_PROTO, NLA_U8, NULL, NULL},
	{RTA_SPORT, NLA_U16, NULL, NULL},
	{RTA_DPORT, NLA_U16, NULL, NULL},
};
static const struct nla_set rta_attrs = NLA_SET(&xl_rta_attrs, rta_pol);

static const struct nl_field nda_cacheinfo_fields[] = {
	STATS_U(struct nda_cacheinfo, ndm_confirmed),
	STATS_U(struct nda_cacheinfo, ndm_used),
	STATS_U(struct nda_cacheinfo, ndm_updated),
	STATS_U(struct nda_cacheinfo, ndm_refcnt),
};
static const struct nl_struct nda_cacheinfo = NL_STRUCT(struct nda_cacheinfo, nda_cacheinfo_fields);

static const struct nla_pol nda_pol[] = {
	{NDA_DST, NLA_INADDR, NULL, NULL},
	{NDA_LLADDR, NLA_HWADDR, NULL, NULL},
	{NDA_CACHEINFO, NLA_STRUCT, NULL, &nda_cacheinfo},
	{NDA_PROBES, NLA_U32, NULL, NULL},
	{NDA_VLAN, NLA_U16, NULL, NULL},
	{NDA_PORT, NLA_HTONS, NULL, NULL},
	{NDA_VNI, NLA_U32, NULL, NULL},
	{NDA_IFINDEX, NLA_U32, NULL, NULL},
	{NDA_MASTER, NLA_U32, NULL, NULL},
	{NDA_LINK_NETNSID, NLA_U32, NULL, NULL},
	{NDA_SRC_VNI, NLA_U32, NULL, NULL},
	{NDA_PROTOCOL, NLA_ENUM8, &xl_inet_protocols, NULL},
	{NDA_NH_ID, NLA_U32, NULL, NULL},
	{NDA_FLAGS_EXT, NLA_FLAGS32, &xl_ntf_ext_flags, NULL},
	{NDA_NDM_STATE_MASK, NLA_FLAGS16, &xl_nud_states, NULL},
	{NDA_NDM_FLAGS_MASK, NLA_FLAGS8, &xl_ntf_flags, NULL},
};
static const struct nla_set nda_attrs = NLA_SET(&xl_nda_attrs, nda_pol);

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
	{RTM_NEWLINK, 4, &ifinfomsg, &ifla_attrs},     {RTM_NEWADDR, 3, &ifaddrmsg, &ifa_attrs},
	{RTM_GETMULTICAST, 1, &ifaddrmsg, &ifa_attrs}, {RTM_GETANYCAST, 1, &ifaddrmsg, &ifa_attrs},
	{RTM_NEWROUTE, 3, &rtmsg, &rta_attrs},	       {RTM_NEWNEIGH, 3, &ndmsg, &nda_attrs},
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
