/*
 * NETLINK_ROUTE's traffic control messages (RTM_*QDISC, *TCLASS, *TFILTER,
 * *CHAIN): struct tcmsg and its TCA_* attributes, the statistics among them,
 * as strace 6.1 shows them.  TCA_OPTIONS depends on the qdisc's kind: bytes.
 */
#include <linux/gen_stats.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <stddef.h>
#include <sys/socket.h>

#include "flags.h"
#include "netlink.h"

#define U(type, m) NLF(type, m, NLF_UINT, NULL)

static const struct nl_field tcmsg_fields[] = {
	NLF(struct tcmsg, tcm_family, NLF_ENUM, &xl_address_families),
	NLF(struct tcmsg, tcm_ifindex, NLF_IFINDEX, NULL),
	U(struct tcmsg, tcm_handle),
	U(struct tcmsg, tcm_parent),
	U(struct tcmsg, tcm_info),
};
const struct nl_struct nl_tcmsg = NL_STRUCT(struct tcmsg, tcmsg_fields);

static const struct nl_field tc_stats_fields[] = {
	U(struct tc_stats, bytes),	U(struct tc_stats, packets), U(struct tc_stats, drops),
	U(struct tc_stats, overlimits), U(struct tc_stats, bps),     U(struct tc_stats, pps),
	U(struct tc_stats, qlen),	U(struct tc_stats, backlog),
};
static const struct nl_struct tc_stats = NL_STRUCT_END(struct tc_stats, tc_stats_fields, backlog);

static const struct nl_field tc_estimator_fields[] = {
	NLF(struct tc_estimator, interval, NLF_INT, NULL),
	U(struct tc_estimator, ewma_log),
};
static const struct nl_struct tc_estimator = NL_STRUCT(struct tc_estimator, tc_estimator_fields);

static const struct nl_field basic_fields[] = {
	U(struct gnet_stats_basic, bytes),
	U(struct gnet_stats_basic, packets),
};
static const struct nl_struct basic = NL_STRUCT_END(struct gnet_stats_basic, basic_fields, packets);

static const struct nl_field rate_est_fields[] = {
	U(struct gnet_stats_rate_est, bps),
	U(struct gnet_stats_rate_est, pps),
};
static const struct nl_struct rate_est = NL_STRUCT(struct gnet_stats_rate_est, rate_est_fields);

static const struct nl_field rate_est64_fields[] = {
	U(struct gnet_stats_rate_est64, bps),
	U(struct gnet_stats_rate_est64, pps),
};
static const struct nl_struct rate_est64 =
	NL_STRUCT(struct gnet_stats_rate_est64, rate_est64_fields);

static const struct nl_field queue_fields[] = {
	U(struct gnet_stats_queue, qlen),	U(struct gnet_stats_queue, backlog),
	U(struct gnet_stats_queue, drops),	U(struct gnet_stats_queue, requeues),
	U(struct gnet_stats_queue, overlimits),
};
static const struct nl_struct queue = NL_STRUCT(struct gnet_stats_queue, queue_fields);

static const struct nla_pol stats_pol[] = {
	NLA_PS(TCA_STATS_BASIC, &basic),    NLA_PS(TCA_STATS_RATE_EST, &rate_est),
	NLA_PS(TCA_STATS_QUEUE, &queue),    NLA_PS(TCA_STATS_RATE_EST64, &rate_est64),
	NLA_PS(TCA_STATS_BASIC_HW, &basic), NLA_P(TCA_STATS_PKT64, NLA_U64),
};
static const struct nla_set stats_attrs = NLA_SET(&xl_tca_stats_attrs, stats_pol);
static const struct nla_set stab_attrs = NLA_NAMES(&xl_tca_stab_attrs);

static const struct nla_pol tca_pol[] = {
	NLA_P(TCA_KIND, NLA_STR),	   NLA_PS(TCA_STATS, &tc_stats),
	NLA_PS(TCA_RATE, &tc_estimator),   NLA_P(TCA_FCNT, NLA_U32),
	NLA_PN(TCA_STATS2, &stats_attrs),  NLA_PN(TCA_STAB, &stab_attrs),
	NLA_P(TCA_CHAIN, NLA_U32),	   NLA_P(TCA_HW_OFFLOAD, NLA_U8),
	NLA_P(TCA_INGRESS_BLOCK, NLA_U32), NLA_P(TCA_EGRESS_BLOCK, NLA_U32),
	NLA_P(TCA_DUMP_FLAGS, NLA_U32),
};
const struct nla_set nl_tca_attrs = NLA_SET(&xl_tca_attrs, tca_pol);
