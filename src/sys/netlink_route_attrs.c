/*
 * The attributes of NETLINK_ROUTE's link, address, route and neighbour
 * messages (netlink_route.c): how strace 6.1 shows each payload, nested
 * lists among them; the types not listed are shown as bytes.
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
	NLF(struct rtnl_link_ifmap, mem_start, NLF_HEX, NULL),
	NLF(struct rtnl_link_ifmap, mem_end, NLF_HEX, NULL),
	NLF(struct rtnl_link_ifmap, base_addr, NLF_HEX, NULL),
	STATS_U(struct rtnl_link_ifmap, irq),
	STATS_U(struct rtnl_link_ifmap, dma),
	STATS_U(struct rtnl_link_ifmap, port),
};
static const struct nl_struct ifmap = NL_STRUCT(struct rtnl_link_ifmap, ifmap_fields);

/* Nested lists: their names, and the few payloads strace shows as more than bytes. */
static const struct nla_pol info_pol[] = {
	NLA_P(IFLA_INFO_KIND, NLA_CSTR),
	NLA_P(IFLA_INFO_SLAVE_KIND, NLA_CSTR),
};
static const struct nla_set info_attrs = NLA_SET(&xl_ifla_info_attrs, info_pol);
static const struct nla_set vfinfo_attrs = NLA_NAMES(&xl_ifla_vf_info_attrs);
static const struct nla_set vf_port_attrs = NLA_NAMES(&xl_ifla_vf_port_attrs);
static const struct nla_set af_spec_attrs = NLA_NAMES(&xl_address_families);
static const struct nla_set inet6_attrs = NLA_NAMES(&xl_ifla_inet6_attrs);
static const struct nla_pol xdp_pol[] = {
	NLA_P(IFLA_XDP_FD, NLA_S32),
	NLA_PT(IFLA_XDP_ATTACHED, NLA_ENUM8, &xl_xdp_attached),
	NLA_PT(IFLA_XDP_FLAGS, NLA_FLAGS32, &xl_xdp_flags),
	NLA_P(IFLA_XDP_PROG_ID, NLA_U32),
	NLA_P(IFLA_XDP_DRV_PROG_ID, NLA_U32),
	NLA_P(IFLA_XDP_SKB_PROG_ID, NLA_U32),
	NLA_P(IFLA_XDP_HW_PROG_ID, NLA_U32),
	NLA_P(IFLA_XDP_EXPECTED_FD, NLA_S32),
};
static const struct nla_set xdp_attrs = NLA_SET(&xl_ifla_xdp_attrs, xdp_pol);
static const struct nla_pol prop_pol[] = {
	NLA_P(IFLA_ALT_IFNAME, NLA_STR),
};
static const struct nla_set prop_attrs = NLA_SET(&xl_ifla_attrs, prop_pol);
static const struct nla_pol down_reason_pol[] = {
	NLA_P(IFLA_PROTO_DOWN_REASON_MASK, NLA_U32),
	NLA_P(IFLA_PROTO_DOWN_REASON_VALUE, NLA_U32),
};
static const struct nla_set down_reason_attrs =
	NLA_SET(&xl_ifla_proto_down_reason_attrs, down_reason_pol);
static const struct nla_set nfea_attrs = NLA_NAMES(&xl_nfea_attrs);
static const struct nla_set rtax_attrs = NLA_NAMES(&xl_rtax_attrs);

/* The attributes strace decodes; the others are bytes (nested ones among them). */
static const struct nla_pol ifla_pol[] = {
	NLA_P(IFLA_ADDRESS, NLA_LINKADDR),
	NLA_P(IFLA_BROADCAST, NLA_LINKADDR),
	NLA_P(IFLA_IFNAME, NLA_STR),
	NLA_P(IFLA_MTU, NLA_U32),
	NLA_P(IFLA_LINK, NLA_U32),
	NLA_P(IFLA_QDISC, NLA_STR),
	NLA_PS(IFLA_STATS, &link_stats),
	NLA_P(IFLA_MASTER, NLA_U32),
	NLA_P(IFLA_TXQLEN, NLA_U32),
	NLA_PS(IFLA_MAP, &ifmap),
	NLA_PN6(IFLA_PROTINFO, &inet6_attrs),
	NLA_PN(IFLA_LINKINFO, &info_attrs),
	NLA_PN(IFLA_VFINFO_LIST, &vfinfo_attrs),
	NLA_PN(IFLA_VF_PORTS, &vf_port_attrs),
	NLA_PN(IFLA_PORT_SELF, &vf_port_attrs),
	NLA_PN(IFLA_AF_SPEC, &af_spec_attrs),
	NLA_PN(IFLA_XDP, &xdp_attrs),
	NLA_PN(IFLA_PROP_LIST, &prop_attrs),
	NLA_PN(IFLA_PROTO_DOWN_REASON, &down_reason_attrs),
	NLA_P(IFLA_WEIGHT, NLA_U32),
	NLA_P(IFLA_OPERSTATE, NLA_U8),
	NLA_P(IFLA_LINKMODE, NLA_U8),
	NLA_P(IFLA_NET_NS_PID, NLA_U32),
	NLA_P(IFLA_IFALIAS, NLA_STR),
	NLA_P(IFLA_NUM_VF, NLA_U32),
	NLA_PS(IFLA_STATS64, &link_stats64),
	NLA_P(IFLA_GROUP, NLA_U32),
	NLA_P(IFLA_NET_NS_FD, NLA_U32),
	NLA_PT8(IFLA_EXT_MASK, NLA_FLAGS32, &xl_rtext_filters),
	NLA_P(IFLA_PROMISCUITY, NLA_U32),
	NLA_P(IFLA_NUM_TX_QUEUES, NLA_U32),
	NLA_P(IFLA_NUM_RX_QUEUES, NLA_U32),
	NLA_P(IFLA_CARRIER, NLA_U8),
	NLA_P(IFLA_CARRIER_CHANGES, NLA_U32),
	NLA_P(IFLA_LINK_NETNSID, NLA_S32),
	NLA_P(IFLA_PHYS_PORT_NAME, NLA_STR),
	NLA_P(IFLA_PROTO_DOWN, NLA_U8),
	NLA_P(IFLA_GSO_MAX_SEGS, NLA_U32),
	NLA_P(IFLA_GSO_MAX_SIZE, NLA_U32),
	NLA_PT(IFLA_EVENT, NLA_ENUM32, &xl_ifla_events),
	NLA_P(IFLA_NEW_NETNSID, NLA_S32),
	NLA_P(IFLA_IF_NETNSID, NLA_S32),
	NLA_P(IFLA_CARRIER_UP_COUNT, NLA_U32),
	NLA_P(IFLA_CARRIER_DOWN_COUNT, NLA_U32),
	NLA_P(IFLA_NEW_IFINDEX, NLA_S32),
	NLA_P(IFLA_MIN_MTU, NLA_U32),
	NLA_P(IFLA_MAX_MTU, NLA_U32),
	NLA_P(IFLA_ALT_IFNAME, NLA_STR),
	NLA_P(IFLA_PERM_ADDRESS, NLA_LINKADDR),
	NLA_P(IFLA_PARENT_DEV_NAME, NLA_STR),
	NLA_P(IFLA_PARENT_DEV_BUS_NAME, NLA_STR),
	NLA_P(IFLA_GRO_MAX_SIZE, NLA_U32),
	NLA_P(IFLA_TSO_MAX_SIZE, NLA_U32),
	NLA_P(IFLA_TSO_MAX_SEGS, NLA_U32),
	NLA_P(IFLA_ALLMULTI, NLA_U32),
};
const struct nla_set nl_ifla_attrs = NLA_SET(&xl_ifla_attrs, ifla_pol);

static const struct nl_field ifa_cacheinfo_fields[] = {
	STATS_U(struct ifa_cacheinfo, ifa_prefered),
	STATS_U(struct ifa_cacheinfo, ifa_valid),
	STATS_U(struct ifa_cacheinfo, cstamp),
	STATS_U(struct ifa_cacheinfo, tstamp),
};
static const struct nl_struct ifa_cacheinfo = NL_STRUCT(struct ifa_cacheinfo, ifa_cacheinfo_fields);

static const struct nla_pol ifa_pol[] = {
	NLA_P(IFA_ADDRESS, NLA_INADDR),	  NLA_P(IFA_LOCAL, NLA_INADDR),
	NLA_P(IFA_LABEL, NLA_STR),	  NLA_P(IFA_BROADCAST, NLA_INADDR),
	NLA_P(IFA_ANYCAST, NLA_INADDR),	  NLA_PS(IFA_CACHEINFO, &ifa_cacheinfo),
	NLA_P(IFA_MULTICAST, NLA_INADDR), NLA_PT(IFA_FLAGS, NLA_FLAGS32, &xl_ifa_flags),
	NLA_P(IFA_RT_PRIORITY, NLA_U32),  NLA_P(IFA_TARGET_NETNSID, NLA_S32),
};
const struct nla_set nl_ifa_attrs = NLA_SET(&xl_ifa_attrs, ifa_pol);

static const struct nl_field rta_cacheinfo_fields[] = {
	STATS_U(struct rta_cacheinfo, rta_clntref),
	STATS_U(struct rta_cacheinfo, rta_lastuse),
	STATS_U(struct rta_cacheinfo, rta_expires),
	NLF(struct rta_cacheinfo, rta_error, NLF_UINT, NULL),
	STATS_U(struct rta_cacheinfo, rta_used),
	NLF(struct rta_cacheinfo, rta_id, NLF_HEX, NULL),
	STATS_U(struct rta_cacheinfo, rta_ts),
	STATS_U(struct rta_cacheinfo, rta_tsage),
};
static const struct nl_struct rta_cacheinfo = NL_STRUCT(struct rta_cacheinfo, rta_cacheinfo_fields);

static const struct nl_field mfc_stats_fields[] = {
	STATS_U(struct rta_mfc_stats, mfcs_packets),
	STATS_U(struct rta_mfc_stats, mfcs_bytes),
	STATS_U(struct rta_mfc_stats, mfcs_wrong_if),
};
static const struct nl_struct mfc_stats = NL_STRUCT(struct rta_mfc_stats, mfc_stats_fields);

static const struct nla_pol rta_pol[] = {
	NLA_P(RTA_DST, NLA_INADDR),
	NLA_P(RTA_SRC, NLA_INADDR),
	NLA_P(RTA_IIF, NLA_U32),
	NLA_P(RTA_OIF, NLA_IFINDEX),
	NLA_P(RTA_GATEWAY, NLA_INADDR),
	NLA_P(RTA_PRIORITY, NLA_U32),
	NLA_P(RTA_PREFSRC, NLA_INADDR),
	NLA_PN(RTA_METRICS, &rtax_attrs),
	NLA_P(RTA_PROTOINFO, NLA_U32),
	NLA_P(RTA_FLOW, NLA_U32),
	NLA_PS(RTA_CACHEINFO, &rta_cacheinfo),
	NLA_PT(RTA_TABLE, NLA_ENUM32, &xl_rt_tables),
	NLA_P(RTA_MP_ALGO, NLA_U32),
	NLA_PS(RTA_MFC_STATS, &mfc_stats),
	NLA_P(RTA_MARK, NLA_U32),
	NLA_P(RTA_NEWDST, NLA_INADDR),
	NLA_P(RTA_PREF, NLA_U8),
	NLA_PT(RTA_ENCAP_TYPE, NLA_ENUM16, &xl_lwtunnel_encap),
	NLA_P(RTA_EXPIRES, NLA_U64),
	NLA_P(RTA_UID, NLA_U32),
	NLA_P(RTA_TTL_PROPAGATE, NLA_U8),
	NLA_P(RTA_IP_PROTO, NLA_U8),
	NLA_P(RTA_SPORT, NLA_U16),
	NLA_P(RTA_DPORT, NLA_U16),
};
const struct nla_set nl_rta_attrs = NLA_SET(&xl_rta_attrs, rta_pol);

static const struct nl_field nda_cacheinfo_fields[] = {
	STATS_U(struct nda_cacheinfo, ndm_confirmed),
	STATS_U(struct nda_cacheinfo, ndm_used),
	STATS_U(struct nda_cacheinfo, ndm_updated),
	STATS_U(struct nda_cacheinfo, ndm_refcnt),
};
static const struct nl_struct nda_cacheinfo = NL_STRUCT(struct nda_cacheinfo, nda_cacheinfo_fields);

static const struct nla_pol nda_pol[] = {
	NLA_P(NDA_DST, NLA_INADDR),
	NLA_P(NDA_LLADDR, NLA_HWADDR),
	NLA_PS(NDA_CACHEINFO, &nda_cacheinfo),
	NLA_P(NDA_PROBES, NLA_U32),
	NLA_P(NDA_VLAN, NLA_U16),
	NLA_P(NDA_PORT, NLA_HTONS),
	NLA_P(NDA_VNI, NLA_U32),
	NLA_P(NDA_IFINDEX, NLA_U32),
	NLA_P(NDA_MASTER, NLA_U32),
	NLA_P(NDA_LINK_NETNSID, NLA_U32),
	NLA_P(NDA_SRC_VNI, NLA_U32),
	NLA_PT8(NDA_PROTOCOL, NLA_ENUMV, &xl_inet_protocols),
	NLA_P(NDA_NH_ID, NLA_U32),
	NLA_PN(NDA_FDB_EXT_ATTRS, &nfea_attrs),
	NLA_PT8(NDA_FLAGS_EXT, NLA_FLAGS32, &xl_ntf_ext_flags),
	NLA_PT8(NDA_NDM_STATE_MASK, NLA_FLAGS16, &xl_nud_states),
	NLA_PT8(NDA_NDM_FLAGS_MASK, NLA_FLAGS8, &xl_ntf_flags),
};
const struct nla_set nl_nda_attrs = NLA_SET(&xl_nda_attrs, nda_pol);
