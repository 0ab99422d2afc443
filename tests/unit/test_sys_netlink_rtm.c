/*
 * NETLINK_ROUTE's rule, netconf, traffic control, nexthop and mdb messages in sendto's buffer as
 * strace 6.1 prints them: good ones, unknown values, payloads too short or too long.  The buffers
 * are netlink_cases.h's; the expected lines are strace's for a program that sent the same bytes
 * (see there).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <net/if.h>

#include "netlink_cases.h"
#include "test_sys_harness.h"
#include "netlink_harness.h"

TestSuite(sys_netlink_rtm, .init = nl_setup, .fini = teardown);

/* nlc_rule_all's line, from an x86_64 program and from an i386 one alike. */
static const char rule_all_line[] =
	"sendto(3, [{nlmsg_len=192, nlmsg_type=RTM_NEWRULE, nlmsg_flags=NLM_F_REQUEST, nl"
	"msg_seq=10, nlmsg_pid=0}, {family=AF_INET, dst_len=32, src_len=8, tos=IPTOS_LOWD"
	"ELAY, table=RT_TABLE_MAIN, action=FR_ACT_GOTO, flags=FIB_RULE_INVERT|FIB_RULE_FI"
	"ND_SADDR|0x100}, [[{nla_len=8, nla_type=FRA_DST}, inet_addr(\"127.0.0.1\")], [{nla"
	"_len=8, nla_type=FRA_SRC}, inet_addr(\"127.0.0.1\")], [{nla_len=7, nla_type=FRA_II"
	"FNAME}, \"lo\"], [{nla_len=8, nla_type=FRA_GOTO}, 7], [{nla_len=8, nla_type=FRA_PR"
	"IORITY}, 7], [{nla_len=8, nla_type=FRA_FWMARK}, 7], [{nla_len=8, nla_type=FRA_FL"
	"OW}, 7], [{nla_len=12, nla_type=FRA_TUN_ID}, htobe64(9900958322440273920)], [{nl"
	"a_len=8, nla_type=FRA_SUPPRESS_IFGROUP}, 7], [{nla_len=8, nla_type=FRA_SUPPRESS_"
	"PREFIXLEN}, 4294967295], [{nla_len=8, nla_type=FRA_TABLE}, 0x7], [{nla_len=8, nl"
	"a_type=FRA_FWMASK}, 7], [{nla_len=9, nla_type=FRA_OIFNAME}, \"eth0\"], [{nla_len=5"
	", nla_type=FRA_L3MDEV}, 1], [{nla_len=12, nla_type=FRA_UID_RANGE}, {start=1000, "
	"end=2000}], [{nla_len=5, nla_type=FRA_PROTOCOL}, RTPROT_BOOT], [{nla_len=5, nla_"
	"type=FRA_IP_PROTO}, IPPROTO_TCP], [{nla_len=8, nla_type=FRA_SPORT_RANGE}, {start"
	"=80, end=443}], [{nla_len=8, nla_type=FRA_DPORT_RANGE}, {start=80, end=443}]]], "
	"192, 0, NULL, 0) = 192";

/* Rules: fib_rule_hdr and every FRA_* attribute strace decodes. */
Test(sys_netlink_rtm, rule)
{
	cr_expect_str_eq(send_case(nlc_rule_all, 3), rule_all_line);
}

/* Rules: values no table names, short payloads (bytes), unused and unknown types. */
Test(sys_netlink_rtm, rule_unknown)
{
	cr_expect_str_eq(
		send_case(nlc_rule_odd, 3),
		"sendto(3, [{nlmsg_len=84, nlmsg_type=RTM_DELRULE, nlmsg_flags=NLM_F_REQUEST, nlm"
		"sg_seq=11, nlmsg_pid=0}, {family=AF_INET6, dst_len=0, src_len=0, tos=IPTOS_MINCO"
		"ST|0x1, table=0x80 /* RT_TABLE_??? */, action=0x42 /* FR_ACT_??? */, flags=0x100"
		" /* FIB_RULE_??? */}, [[{nla_len=8, nla_type=FRA_TABLE}, 0x1234], [{nla_len=8, n"
		"la_type=FRA_PROTOCOL}, 0x34 /* RTPROT_??? */], [{nla_len=6, nla_type=FRA_UID_RAN"
		"GE}, \"\\x05\\x00\"], [{nla_len=8, nla_type=FRA_DST}, \"\\x34\\x12\\x00\\x00\"], "
		"[{nla_len"
		"=6, nla_type=FRA_PRIORITY}, \"\\x05\\x00\"], [{nla_len=8, nla_type=FRA_UNUSED2}, "
		"\"\\x"
		"34\\x12\\x00\\x00\"], [{nla_len=8, nla_type=0x7f /* FRA_??? */}, "
		"\"\\x34\\x12\\x00\\x00\"]"
		"]], 84, 0, NULL, 0) = 84");
}

/* The same under -X raw: numbers, bytes where strace shows an address. */
Test(sys_netlink_rtm, rule_unknown_raw)
{
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(
		send_case(nlc_rule_odd, 3),
		"sendto(3, [{nlmsg_len=84, nlmsg_type=0x21, nlmsg_flags=0x1, nlmsg_seq=11, nlmsg_"
		"pid=0}, {family=0xa, dst_len=0, src_len=0, tos=0x3, table=0x80, action=0x42, fla"
		"gs=0x100}, [[{nla_len=8, nla_type=0xf}, 0x1234], [{nla_len=8, nla_type=0x15}, 0x"
		"34], [{nla_len=6, nla_type=0x14}, \"\\x05\\x00\"], [{nla_len=8, nla_type=0x1}, "
		"\"\\x34"
		"\\x12\\x00\\x00\"], [{nla_len=6, nla_type=0x6}, \"\\x05\\x00\"], [{nla_len=8, "
		"nla_type=0"
		"x5}, \"\\x34\\x12\\x00\\x00\"], [{nla_len=8, nla_type=0x7f}, "
		"\"\\x34\\x12\\x00\\x00\"]]], 84"
		", 0, NULL, 0) = 84");
}

/* And under -X verbose: numbers with their names in comments. */
Test(sys_netlink_rtm, rule_unknown_verbose)
{
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		send_case(nlc_rule_odd, 3),
		"sendto(3, [{nlmsg_len=84, nlmsg_type=0x21 /* RTM_DELRULE */, nlmsg_flags=0x1 /* "
		"NLM_F_REQUEST */, nlmsg_seq=11, nlmsg_pid=0}, {family=0xa /* AF_INET6 */, dst_le"
		"n=0, src_len=0, tos=0x3 /* IPTOS_MINCOST|0x1 */, table=0x80 /* RT_TABLE_??? */, "
		"action=0x42 /* FR_ACT_??? */, flags=0x100 /* FIB_RULE_??? */}, [[{nla_len=8, nla"
		"_type=0xf /* FRA_TABLE */}, 0x1234], [{nla_len=8, nla_type=0x15 /* FRA_PROTOCOL "
		"*/}, 0x34 /* RTPROT_??? */], [{nla_len=6, nla_type=0x14 /* FRA_UID_RANGE */}, \"\\"
		"x05\\x00\"], [{nla_len=8, nla_type=0x1 /* FRA_DST */}, \"\\x34\\x12\\x00\\x00\"], "
		"[{nla_"
		"len=6, nla_type=0x6 /* FRA_PRIORITY */}, \"\\x05\\x00\"], [{nla_len=8, "
		"nla_type=0x5 "
		"/* FRA_UNUSED2 */}, \"\\x34\\x12\\x00\\x00\"], [{nla_len=8, nla_type=0x7f /* "
		"FRA_??? *"
		"/}, \"\\x34\\x12\\x00\\x00\"]]], 84, 0, NULL, 0) = 84");
}

/* A rule payload shorter than fib_rule_hdr: its family alone. */
Test(sys_netlink_rtm, rule_short)
{
	cr_expect_str_eq(
		send_case(nlc_rule_short, 3),
		"sendto(3, [{nlmsg_len=21, nlmsg_type=RTM_GETRULE, nlmsg_flags=NLM_F_REQUEST, nlm"
		"sg_seq=12, nlmsg_pid=0}, {family=AF_INET, ...}], 24, 0, NULL, 0) = 24");
}

/* An AF_INET6 rule: a 16-byte address, and one of 4 bytes shown as bytes. */
Test(sys_netlink_rtm, rule6)
{
	cr_expect_str_eq(
		send_case(nlc_rule6, 3),
		"sendto(3, [{nlmsg_len=56, nlmsg_type=RTM_NEWRULE, nlmsg_flags=NLM_F_REQUEST, nlm"
		"sg_seq=13, nlmsg_pid=0}, {family=AF_INET6, dst_len=0, src_len=0, tos=IPTOS_LOWDE"
		"LAY|IPTOS_THROUGHPUT|IPTOS_RELIABILITY, table=RT_TABLE_LOCAL, action=FR_ACT_PROH"
		"IBIT, flags=0}, [[{nla_len=20, nla_type=FRA_DST}, inet_pton(AF_INET6, \"::1\")], ["
		"{nla_len=8, nla_type=FRA_SRC}, \"\\x00\\x00\\x00\\x00\"]]], 56, 0, NULL, 0) = 56");
}

/* -X raw and -X verbose: an address attribute is its bytes, as strace 6.1 prints IFA_ADDRESS. */
Test(sys_netlink_rtm, rule6_address_bytes)
{
	harness_xstyle = CONST_RAW;
	cr_assert(strstr(send_case(nlc_rule6, 3),
			 "nla_type=0x1}, \"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
			 "\\x00\\x00\\x00\\x00\\x01\"]"));
	harness_xstyle = CONST_VERBOSE;
	cr_assert(strstr(send_case(nlc_rule6, 3),
			 "\\x00\\x01\" /* inet_pton(AF_INET6, \"::1\") */]"));
}

/* Attributes longer than their type: their first bytes, or bytes where strace caps them. */
Test(sys_netlink_rtm, rule_long_attrs)
{
	cr_expect_str_eq(
		send_case(nlc_rule_len, 3),
		"sendto(3, [{nlmsg_len=176, nlmsg_type=RTM_NEWRULE, nlmsg_flags=0, nlmsg_seq=14, "
		"nlmsg_pid=0}, {family=AF_INET, dst_len=0, src_len=0, tos=0, table=RT_TABLE_UNSPE"
		"C, action=FR_ACT_UNSPEC, flags=0}, [[{nla_len=12, nla_type=FRA_PRIORITY}, 6], [{"
		"nla_len=6, nla_type=FRA_PROTOCOL}, 0x6 /* RTPROT_??? */], [{nla_len=8, nla_type="
		"FRA_IP_PROTO}, IPPROTO_TCP], [{nla_len=16, nla_type=FRA_IP_PROTO}, "
		"\"\\x06\\x00\\x00"
		"\\x00\\x02\\x00\\x00\\x00\\x03\\x00\\x00\\x00\"], [{nla_len=8, "
		"nla_type=FRA_L3MDEV}, 6], ["
		"{nla_len=8, nla_type=FRA_TUN_ID}, \"\\x06\\x00\\x00\\x00\"], [{nla_len=16, "
		"nla_type=FR"
		"A_TUN_ID}, htobe64(432345564261122048)], [{nla_len=6, nla_type=FRA_IIFNAME}, \"lo"
		"\"...], [{nla_len=16, nla_type=FRA_UID_RANGE}, {start=6, end=2}], [{nla_len=12, n"
		"la_type=FRA_TABLE}, 0x6], [{nla_len=10, nla_type=FRA_SPORT_RANGE}, {start=6, end"
		"=0}], [{nla_len=16, nla_type=FRA_PROTOCOL}, 0x6 /* RTPROT_??? */], [{nla_len=6, "
		"nla_type=FRA_GOTO}, \"\\x06\\x00\"]]], 176, 0, NULL, 0) = 176");
}

/* A rule from an i386 program: the same bytes, the same line. */
Test(sys_netlink_rtm, rule_i386)
{
	harness_abi = ABI_I386;
	cr_expect_str_eq(send_case(nlc_rule_all, 3), rule_all_line);
}

/* A rule whose buffer ends in FRA_SRC's header: its payload's address, then the next one's. */
Test(sys_netlink_rtm, rule_short_read)
{
	static uint8_t buf[NLC_BUF];
	size_t len = nlc_rule_all(buf);

	map(0x1000, buf, 40);
	cr_expect_str_eq(
		RUN("sendto", -EFAULT, 3, 0x1000, len, 0, 0, 0),
		"sendto(3, [{nlmsg_len=192, nlmsg_type=RTM_NEWRULE, nlmsg_flags=NLM_F_REQUEST, nl"
		"msg_seq=10, nlmsg_pid=0}, {family=AF_INET, dst_len=32, src_len=8, tos=IPTOS_LOWD"
		"ELAY, table=RT_TABLE_MAIN, action=FR_ACT_GOTO, flags=FIB_RULE_INVERT|FIB_RULE_FI"
		"ND_SADDR|0x100}, [[{nla_len=8, nla_type=FRA_DST}, inet_addr(\"127.0.0.1\")], [{n"
		"la_len=8, nla_type=FRA_SRC}, 0x1028], ... /* 0x102c */]], 192, 0, NULL, 0) = -1 "
		"EFAULT (Bad address)");
}

/* Netconf: netconfmsg and every NETCONFA_* attribute (settings signed, ifindexes not). */
Test(sys_netlink_rtm, netconf)
{
	cr_expect_str_eq(
		send_case(nlc_netconf, 3),
		"sendto(3, [{nlmsg_len=116, nlmsg_type=RTM_NEWNETCONF, nlmsg_flags=0, nlmsg_seq=2"
		"0, nlmsg_pid=0}, {ncm_family=AF_INET}, [[{nla_len=8, nla_type=NETCONFA_IFINDEX},"
		" if_nametoindex(\"lo\")], [{nla_len=8, nla_type=NETCONFA_IFINDEX}, 4294967295], [{"
		"nla_len=8, nla_type=NETCONFA_IFINDEX}, 4294967294], [{nla_len=8, nla_type=NETCON"
		"FA_IFINDEX}, 5], [{nla_len=8, nla_type=NETCONFA_FORWARDING}, -3], [{nla_len=8, n"
		"la_type=NETCONFA_RP_FILTER}, -3], [{nla_len=8, nla_type=NETCONFA_MC_FORWARDING},"
		" -3], [{nla_len=8, nla_type=NETCONFA_PROXY_NEIGH}, -3], [{nla_len=8, nla_type=NE"
		"TCONFA_IGNORE_ROUTES_WITH_LINKDOWN}, -3], [{nla_len=8, nla_type=NETCONFA_INPUT},"
		" -3], [{nla_len=8, nla_type=NETCONFA_BC_FORWARDING}, -3], [{nla_len=8, nla_type="
		"0x7f /* NETCONFA_??? */}, \"\\x01\\x00\\x00\\x00\"]]], 116, 0, NULL, 0) = 116");
}

/* The same under -X verbose: the interface's number, its name in a comment. */
Test(sys_netlink_rtm, netconf_verbose)
{
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		send_case(nlc_netconf, 3),
		"sendto(3, [{nlmsg_len=116, nlmsg_type=0x50 /* RTM_NEWNETCONF */, nlmsg_flags=0, "
		"nlmsg_seq=20, nlmsg_pid=0}, {ncm_family=0x2 /* AF_INET */}, [[{nla_len=8, nla_ty"
		"pe=0x1 /* NETCONFA_IFINDEX */}, 1 /* if_nametoindex(\"lo\") */], [{nla_len=8, nla_"
		"type=0x1 /* NETCONFA_IFINDEX */}, 4294967295], [{nla_len=8, nla_type=0x1 /* NETC"
		"ONFA_IFINDEX */}, 4294967294], [{nla_len=8, nla_type=0x1 /* NETCONFA_IFINDEX */}"
		", 5], [{nla_len=8, nla_type=0x2 /* NETCONFA_FORWARDING */}, -3], [{nla_len=8, nl"
		"a_type=0x3 /* NETCONFA_RP_FILTER */}, -3], [{nla_len=8, nla_type=0x4 /* NETCONFA"
		"_MC_FORWARDING */}, -3], [{nla_len=8, nla_type=0x5 /* NETCONFA_PROXY_NEIGH */}, "
		"-3], [{nla_len=8, nla_type=0x6 /* NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN */}, -3],"
		" [{nla_len=8, nla_type=0x7 /* NETCONFA_INPUT */}, -3], [{nla_len=8, nla_type=0x8"
		" /* NETCONFA_BC_FORWARDING */}, -3], [{nla_len=8, nla_type=0x7f /* NETCONFA_??? "
		"*/}, \"\\x01\\x00\\x00\\x00\"]]], 116, 0, NULL, 0) = 116");
}

/* An unknown family; attributes shorter than an int (bytes), longer (the first int). */
Test(sys_netlink_rtm, netconf_unknown)
{
	cr_expect_str_eq(
		send_case(nlc_netconf_odd, 3),
		"sendto(3, [{nlmsg_len=76, nlmsg_type=RTM_GETNETCONF, nlmsg_flags=NLM_F_REQUEST, "
		"nlmsg_seq=21, nlmsg_pid=0}, {ncm_family=0x7e /* AF_??? */}, [[{nla_len=6, nla_ty"
		"pe=NETCONFA_IFINDEX}, \"\\x01\\x02\"], [{nla_len=12, nla_type=NETCONFA_IFINDEX}, "
		"673"
		"05985], [{nla_len=6, nla_type=NETCONFA_FORWARDING}, \"\\x01\\x02\"], "
		"[{nla_len=12, n"
		"la_type=NETCONFA_FORWARDING}, 67305985], [{nla_len=16, nla_type=NETCONFA_RP_FILT"
		"ER}, 67305985]]], 76, 0, NULL, 0) = 76");
}

/* Payloads shorter than an aligned netconfmsg: the family alone, or nothing. */
Test(sys_netlink_rtm, netconf_short)
{
	cr_expect_str_eq(
		send_case(nlc_netconf_short, 3),
		"sendto(3, [{nlmsg_len=18, nlmsg_type=RTM_GETNETCONF, nlmsg_flags=NLM_F_REQUEST|N"
		"LM_F_DUMP, nlmsg_seq=23, nlmsg_pid=0}, {ncm_family=AF_INET6}], 20, 0, NULL, 0) ="
		" 20");
}

/* An RTM_DELNETCONF with no payload: the header alone. */
Test(sys_netlink_rtm, netconf_empty)
{
	cr_expect_str_eq(
		send_case(nlc_netconf_empty, 3),
		"sendto(3, {nlmsg_len=16, nlmsg_type=RTM_DELNETCONF, nlmsg_flags=NLM_F_REQUEST, n"
		"lmsg_seq=22, nlmsg_pid=0}, 16, 0, NULL, 0) = 16");
}

/* Traffic control: tcmsg and every TCA_* attribute (TCA_EXT_WARN_MSG unnamed, as in strace). */
Test(sys_netlink_rtm, tc)
{
	cr_expect_str_eq(
		send_case(nlc_tc, 3),
		"sendto(3, [{nlmsg_len=204, nlmsg_type=RTM_NEWQDISC, nlmsg_flags=0, nlmsg_seq=30,"
		" nlmsg_pid=0}, {tcm_family=AF_UNSPEC, tcm_ifindex=if_nametoindex(\"lo\"), tcm_hand"
		"le=65536, tcm_parent=4294967295, tcm_info=2}, [[{nla_len=10, nla_type=TCA_KIND},"
		" \"pfifo\"], [{nla_len=8, nla_type=TCA_OPTIONS}, \"\\x01\\x02\\x03\\x04\"], "
		"[{nla_len=44"
		", nla_type=TCA_STATS}, {bytes=578437695752307201, packets=202050057, drops=26942"
		"2093, overlimits=336794129, bps=404166165, pps=471538201, qlen=538910237, backlo"
		"g=606282273}], [{nla_len=8, nla_type=TCA_XSTATS}, \"\\x01\\x02\\x03\\x04\"], "
		"[{nla_len"
		"=6, nla_type=TCA_RATE}, {interval=1, ewma_log=2}], [{nla_len=8, nla_type=TCA_FCN"
		"T}, 7], [{nla_len=8, nla_type=TCA_STAB}, {nla_len=513, nla_type=0x403 /* TCA_STA"
		"B_??? */}], [{nla_len=8, nla_type=TCA_PAD}, \"\\x01\\x02\\x03\\x04\"], "
		"{nla_len=4, nla"
		"_type=TCA_DUMP_INVISIBLE}, [{nla_len=8, nla_type=TCA_CHAIN}, 7], [{nla_len=5, nl"
		"a_type=TCA_HW_OFFLOAD}, 1], [{nla_len=8, nla_type=TCA_INGRESS_BLOCK}, 7], [{nla_"
		"len=8, nla_type=TCA_EGRESS_BLOCK}, 7], [{nla_len=8, nla_type=TCA_DUMP_FLAGS}, 7]"
		", [{nla_len=9, nla_type=0x10 /* TCA_??? */}, \"\\x77\\x61\\x72\\x6e\\x00\"], "
		"[{nla_len="
		"8, nla_type=0x7f /* TCA_??? */}, \"\\x07\\x00\\x00\\x00\"]]], 204, 0, NULL, 0) = "
		"204");
}

/* The same under -X raw. */
Test(sys_netlink_rtm, tc_raw)
{
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(
		send_case(nlc_tc, 3),
		"sendto(3, [{nlmsg_len=204, nlmsg_type=0x24, nlmsg_flags=0, nlmsg_seq=30, nlmsg_p"
		"id=0}, {tcm_family=0, tcm_ifindex=1, tcm_handle=65536, tcm_parent=4294967295, tc"
		"m_info=2}, [[{nla_len=10, nla_type=0x1}, \"pfifo\"], [{nla_len=8, nla_type=0x2}, "
		"\""
		"\\x01\\x02\\x03\\x04\"], [{nla_len=44, nla_type=0x3}, {bytes=578437695752307201, "
		"pack"
		"ets=202050057, drops=269422093, overlimits=336794129, bps=404166165, pps=4715382"
		"01, qlen=538910237, backlog=606282273}], [{nla_len=8, nla_type=0x4}, "
		"\"\\x01\\x02\\x"
		"03\\x04\"], [{nla_len=6, nla_type=0x5}, {interval=1, ewma_log=2}], [{nla_len=8, nl"
		"a_type=0x6}, 7], [{nla_len=8, nla_type=0x8}, {nla_len=513, nla_type=0x403}], [{n"
		"la_len=8, nla_type=0x9}, \"\\x01\\x02\\x03\\x04\"], {nla_len=4, nla_type=0xa}, "
		"[{nla_l"
		"en=8, nla_type=0xb}, 7], [{nla_len=5, nla_type=0xc}, 1], [{nla_len=8, nla_type=0"
		"xd}, 7], [{nla_len=8, nla_type=0xe}, 7], [{nla_len=8, nla_type=0xf}, 7], [{nla_l"
		"en=9, nla_type=0x10}, \"\\x77\\x61\\x72\\x6e\\x00\"], [{nla_len=8, "
		"nla_type=0x7f}, \"\\x0"
		"7\\x00\\x00\\x00\"]]], 204, 0, NULL, 0) = 204");
}

/* TCA_STATS2: the nested statistics, shorter payloads as bytes. */
Test(sys_netlink_rtm, tc_stats2)
{
	cr_expect_str_eq(
		send_case(nlc_tc_stats2, 3),
		"sendto(3, [{nlmsg_len=212, nlmsg_type=RTM_NEWTCLASS, nlmsg_flags=0, nlmsg_seq=31"
		", nlmsg_pid=0}, {tcm_family=AF_UNSPEC, tcm_ifindex=0, tcm_handle=0, tcm_parent=0"
		", tcm_info=0}, [{nla_len=176, nla_type=TCA_STATS2}, [[{nla_len=20, nla_type=TCA_"
		"STATS_BASIC}, {bytes=578437695752307201, packets=202050057}], [{nla_len=12, nla_"
		"type=TCA_STATS_RATE_EST}, {bps=67305985, pps=134678021}], [{nla_len=24, nla_type"
		"=TCA_STATS_QUEUE}, {qlen=67305985, backlog=134678021, drops=202050057, requeues="
		"269422093, overlimits=336794129}], [{nla_len=8, nla_type=TCA_STATS_APP}, "
		"\"\\x01\\x"
		"02\\x03\\x04\"], [{nla_len=20, nla_type=TCA_STATS_RATE_EST64}, "
		"{bps=578437695752307"
		"201, pps=1157159078456920585}], [{nla_len=8, nla_type=TCA_STATS_PAD}, "
		"\"\\x01\\x02\\"
		"x03\\x04\"], [{nla_len=20, nla_type=TCA_STATS_BASIC_HW}, {bytes=578437695752307201"
		", packets=202050057}], [{nla_len=12, nla_type=TCA_STATS_PKT64}, 5784376957523072"
		"01], [{nla_len=16, nla_type=TCA_STATS_BASIC}, {bytes=578437695752307201, packets"
		"=202050057}], [{nla_len=8, nla_type=TCA_STATS_PKT64}, \"\\x01\\x02\\x03\\x04\"], "
		"[{nla"
		"_len=16, nla_type=TCA_STATS_RATE_EST64}, "
		"\"\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\x09\\x"
		"0a\\x0b\\x0c\"], [{nla_len=8, nla_type=0x7f /* TCA_STATS_??? */}, "
		"\"\\x01\\x02\\x03\\x04"
		"\"]]]], 212, 0, NULL, 0) = 212");
}

/* Unknown values, TCA_STATS of 36 bytes (i386's size) and 44, payloads too short or long. */
Test(sys_netlink_rtm, tc_unknown)
{
	cr_expect_str_eq(
		send_case(nlc_tc_odd, 3),
		"sendto(3, [{nlmsg_len=184, nlmsg_type=RTM_GETTFILTER, nlmsg_flags=NLM_F_REQUEST,"
		" nlmsg_seq=32, nlmsg_pid=0}, {tcm_family=0x7e /* AF_??? */, tcm_ifindex=42949672"
		"91, tcm_handle=0, tcm_parent=0, tcm_info=305419896}, [[{nla_len=40, nla_type=TCA"
		"_STATS}, {bytes=578437695752307201, packets=202050057, drops=269422093, overlimi"
		"ts=336794129, bps=404166165, pps=471538201, qlen=538910237, backlog=606282273}],"
		" [{nla_len=48, nla_type=TCA_STATS}, {bytes=578437695752307201, packets=202050057"
		", drops=269422093, overlimits=336794129, bps=404166165, pps=471538201, qlen=5389"
		"10237, backlog=606282273}], [{nla_len=5, nla_type=TCA_RATE}, \"\\x01\"], "
		"[{nla_len="
		"8, nla_type=TCA_RATE}, {interval=1, ewma_log=2}], [{nla_len=6, nla_type=TCA_CHAI"
		"N}, \"\\x01\\x02\"], [{nla_len=12, nla_type=TCA_CHAIN}, 67305985], [{nla_len=8, "
		"nla_"
		"type=TCA_HW_OFFLOAD}, 1], [{nla_len=7, nla_type=TCA_KIND}, \"abc\"...], [{nla_len="
		"6, nla_type=TCA_STATS2}, \"\\x01\\x02\"]]], 184, 0, NULL, 0) = 184");
}

/* The same bytes from an i386 program: the same line. */
Test(sys_netlink_rtm, tc_unknown_i386)
{
	harness_abi = ABI_I386;
	cr_expect_str_eq(
		send_case(nlc_tc_odd, 3),
		"sendto(3, [{nlmsg_len=184, nlmsg_type=RTM_GETTFILTER, nlmsg_flags=NLM_F_REQUEST,"
		" nlmsg_seq=32, nlmsg_pid=0}, {tcm_family=0x7e /* AF_??? */, tcm_ifindex=42949672"
		"91, tcm_handle=0, tcm_parent=0, tcm_info=305419896}, [[{nla_len=40, nla_type=TCA"
		"_STATS}, {bytes=578437695752307201, packets=202050057, drops=269422093, overlimi"
		"ts=336794129, bps=404166165, pps=471538201, qlen=538910237, backlog=606282273}],"
		" [{nla_len=48, nla_type=TCA_STATS}, {bytes=578437695752307201, packets=202050057"
		", drops=269422093, overlimits=336794129, bps=404166165, pps=471538201, qlen=5389"
		"10237, backlog=606282273}], [{nla_len=5, nla_type=TCA_RATE}, \"\\x01\"], "
		"[{nla_len="
		"8, nla_type=TCA_RATE}, {interval=1, ewma_log=2}], [{nla_len=6, nla_type=TCA_CHAI"
		"N}, \"\\x01\\x02\"], [{nla_len=12, nla_type=TCA_CHAIN}, 67305985], [{nla_len=8, "
		"nla_"
		"type=TCA_HW_OFFLOAD}, 1], [{nla_len=7, nla_type=TCA_KIND}, \"abc\"...], [{nla_len="
		"6, nla_type=TCA_STATS2}, \"\\x01\\x02\"]]], 184, 0, NULL, 0) = 184");
}

/* RTM_NEWCHAIN, and an RTM_DELQDISC payload shorter than tcmsg. */
Test(sys_netlink_rtm, tc_chain)
{
	cr_expect_str_eq(
		send_case(nlc_tc_chain, 3),
		"sendto(3, [[{nlmsg_len=44, nlmsg_type=RTM_NEWCHAIN, nlmsg_flags=0, nlmsg_seq=33,"
		" nlmsg_pid=0}, {tcm_family=AF_UNSPEC, tcm_ifindex=0, tcm_handle=0, tcm_parent=0,"
		" tcm_info=0}, [{nla_len=8, nla_type=TCA_CHAIN}, 3]], [{nlmsg_len=24, nlmsg_type="
		"RTM_DELQDISC, nlmsg_flags=0, nlmsg_seq=34, nlmsg_pid=0}, {tcm_family=AF_INET, .."
		".}]], 68, 0, NULL, 0) = 68");
}

/* Nexthops: nhmsg (resvd shown when set) and every NHA_* attribute. */
Test(sys_netlink_rtm, nexthop)
{
	cr_expect_str_eq(
		send_case(nlc_nexthop, 3),
		"sendto(3, [{nlmsg_len=144, nlmsg_type=RTM_NEWNEXTHOP, nlmsg_flags=0, nlmsg_seq=4"
		"0, nlmsg_pid=0}, {nh_family=AF_INET, nh_scope=RT_SCOPE_LINK, nh_protocol=RTPROT_"
		"STATIC, resvd=0x5, nh_flags=RTNH_F_ONLINK|RTNH_F_TRAP|0x100}, [[{nla_len=8, nla_"
		"type=NHA_ID}, 7], [{nla_len=20, nla_type=NHA_GROUP}, [{id=1, weight=2}, {id=3, w"
		"eight=4}]], [{nla_len=6, nla_type=NHA_GROUP_TYPE}, NEXTHOP_GRP_TYPE_RES], {nla_l"
		"en=4, nla_type=NHA_BLACKHOLE}, [{nla_len=8, nla_type=NHA_OIF}, if_nametoindex(\"l"
		"o\")], [{nla_len=8, nla_type=NHA_GATEWAY}, inet_addr(\"127.0.0.1\")], "
		"[{nla_len=6, "
		"nla_type=NHA_ENCAP_TYPE}, LWTUNNEL_ENCAP_MPLS], [{nla_len=8, nla_type=NHA_ENCAP}"
		", \"\\x01\\x02\\x03\\x04\"], {nla_len=4, nla_type=NHA_GROUPS}, [{nla_len=8, "
		"nla_type=N"
		"HA_MASTER}, if_nametoindex(\"lo\")], {nla_len=4, nla_type=NHA_FDB}, [{nla_len=12, "
		"nla_type=NHA_RES_GROUP}, [{nla_len=513, nla_type=0x403 /* NHA_RES_GROUP_??? */},"
		" \"\\x05\\x06\\x07\\x08\"]], [{nla_len=12, nla_type=NHA_RES_BUCKET}, "
		"[{nla_len=513, nl"
		"a_type=0x403 /* NHA_RES_BUCKET_??? */}, \"\\x05\\x06\\x07\\x08\"]], [{nla_len=8, "
		"nla_t"
		"ype=0x7f /* NHA_??? */}, \"\\x01\\x02\\x03\\x04\"]]], 144, 0, NULL, 0) = 144");
}

/* Unknown values; short payloads as bytes, a 12-byte group as its one whole entry. */
Test(sys_netlink_rtm, nexthop_unknown)
{
	cr_expect_str_eq(
		send_case(nlc_nexthop_odd, 3),
		"sendto(3, [{nlmsg_len=140, nlmsg_type=RTM_GETNEXTHOP, nlmsg_flags=NLM_F_REQUEST,"
		" nlmsg_seq=41, nlmsg_pid=0}, {nh_family=AF_INET6, nh_scope=0x7, nh_protocol=0x77"
		" /* RTPROT_??? */, nh_flags=0x100 /* RTNH_F_??? */}, [[{nla_len=6, nla_type=NHA_"
		"ID}, \"\\x01\\x02\"], [{nla_len=12, nla_type=NHA_ID}, 67305985], [{nla_len=10, "
		"nla_t"
		"ype=NHA_GROUP}, \"\\x01\\x02\\x03\\x04\\x05\\x06\"], [{nla_len=16, "
		"nla_type=NHA_GROUP}, "
		"[{id=67305985, weight=5, resvd1=0x6, resvd2=0x807}]], [{nla_len=5, nla_type=NHA_"
		"GROUP_TYPE}, \"\\x01\"], [{nla_len=8, nla_type=NHA_GROUP_TYPE}, 0x201 /* "
		"NEXTHOP_GR"
		"P_TYPE_??? */], [{nla_len=8, nla_type=NHA_BLACKHOLE}, 67305985], [{nla_len=20, n"
		"la_type=NHA_GATEWAY}, inet_pton(AF_INET6, \"102:304:506:708:90a:b0c:d0e:f10\")], ["
		"{nla_len=8, nla_type=NHA_GATEWAY}, \"\\x01\\x02\\x03\\x04\"], [{nla_len=8, "
		"nla_type=NH"
		"A_ENCAP_TYPE}, 0x201 /* LWTUNNEL_ENCAP_??? */], [{nla_len=6, nla_type=NHA_OIF}, "
		"\"\\x01\\x02\"]]], 140, 0, NULL, 0) = 140");
}

/* A resilient group and bucket: nested attributes, timers in clock ticks. */
Test(sys_netlink_rtm, nexthop_res)
{
	cr_expect_str_eq(
		send_case(nlc_nexthop_res, 3),
		"sendto(3, [{nlmsg_len=192, nlmsg_type=RTM_NEWNEXTHOP, nlmsg_flags=0, nlmsg_seq=4"
		"4, nlmsg_pid=0}, {nh_family=AF_UNSPEC, nh_scope=RT_SCOPE_UNIVERSE, nh_protocol=R"
		"TPROT_UNSPEC, nh_flags=0}, [[{nla_len=56, nla_type=NHA_RES_GROUP}, [[{nla_len=8,"
		" nla_type=NHA_RES_GROUP_PAD}, \"\\x01\\x02\\x03\\x04\"], [{nla_len=6, "
		"nla_type=NHA_RES"
		"_GROUP_BUCKETS}, 513], [{nla_len=8, nla_type=NHA_RES_GROUP_IDLE_TIMER}, 67305985"
		" /* 673059.85 s */], [{nla_len=8, nla_type=NHA_RES_GROUP_UNBALANCED_TIMER}, 6730"
		"5985 /* 673059.85 s */], [{nla_len=12, nla_type=NHA_RES_GROUP_UNBALANCED_TIME}, "
		"578437695752307201 /* 5784376957523072.01 s */], [{nla_len=8, nla_type=0x9 /* NH"
		"A_RES_GROUP_??? */}, \"\\x01\\x02\\x03\\x04\"]]], [{nla_len=112, "
		"nla_type=NHA_RES_BUCK"
		"ET}, [[{nla_len=8, nla_type=NHA_RES_BUCKET_PAD}, \"\\x01\\x02\\x03\\x04\"], "
		"[{nla_len="
		"6, nla_type=NHA_RES_BUCKET_INDEX}, 513], [{nla_len=12, nla_type=NHA_RES_BUCKET_I"
		"DLE_TIME}, 578437695752307201 /* 5784376957523072.01 s */], [{nla_len=8, nla_typ"
		"e=NHA_RES_BUCKET_NH_ID}, 67305985], [{nla_len=8, nla_type=NHA_RES_BUCKET_INDEX},"
		" 513], [{nla_len=8, nla_type=NHA_RES_BUCKET_IDLE_TIME}, 67305985 /* 673059.85 s "
		"*/], [{nla_len=6, nla_type=NHA_RES_BUCKET_IDLE_TIME}, 513 /* 5.13 s */], [{nla_l"
		"en=16, nla_type=NHA_RES_BUCKET_IDLE_TIME}, "
		"\"\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\x09"
		"\\x0a\\x0b\\x0c\"], [{nla_len=10, nla_type=NHA_RES_BUCKET_IDLE_TIME}, "
		"6618611909121 "
		"/* 66186119091.21 s */], [{nla_len=12, nla_type=NHA_RES_BUCKET_NH_ID}, 67305985]"
		", [{nla_len=5, nla_type=NHA_RES_BUCKET_INDEX}, \"\\x01\"]]]]], 192, 0, NULL, 0) = "
		"1"
		"92");
}

/* The bridge multicast database: br_port_msg, MDBA_* names, payloads shorter than the struct. */
Test(sys_netlink_rtm, mdb)
{
	cr_expect_str_eq(
		send_case(nlc_mdb, 3),
		"sendto(3, [[{nlmsg_len=52, nlmsg_type=RTM_NEWMDB, nlmsg_flags=0, nlmsg_seq=42, n"
		"lmsg_pid=0}, {family=AF_BRIDGE, ifindex=if_nametoindex(\"lo\")}, [[{nla_len=8, nla"
		"_type=MDBA_MDB}, {nla_len=513, nla_type=0x403 /* MDBA_MDB_??? */}], [{nla_len=8,"
		" nla_type=MDBA_ROUTER}, {nla_len=513, nla_type=0x403 /* MDBA_ROUTER_??? */}], {n"
		"la_len=4, nla_type=MDBA_MDB}, [{nla_len=8, nla_type=0x7f /* MDBA_??? */}, "
		"\"\\x01\\"
		"x02\\x03\\x04\"]]], [{nlmsg_len=20, nlmsg_type=RTM_GETMDB, "
		"nlmsg_flags=NLM_F_REQUES"
		"T, nlmsg_seq=43, nlmsg_pid=0}, {family=AF_INET, ...}], [{nlmsg_len=24, nlmsg_typ"
		"e=RTM_DELMDB, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=44, nlmsg_pid=0}, {family=AF_"
		"BRIDGE, ifindex=251}]], 96, 0, NULL, 0) = 96");
}
