/*
 * Netlink messages in sendto's buffer as strace 6.1 prints them: nested attributes, unknown
 * types, lengths that are wrong, buffers cut short.  The buffers are netlink_cases.h's; the
 * expected lines are strace's for a program that sent the same bytes (see there).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <net/if.h>

#include "netlink_cases.h"
#include "test_sys_harness.h"
#include "netlink_harness.h"

TestSuite(sys_netlink, .init = nl_setup, .fini = teardown);

/* Nested attributes, with NLA_F_NESTED named before the type, and named values inside. */
Test(sys_netlink, nested)
{
	cr_expect_str_eq(
		send_case(nlc_nested, 3),
		"sendto(3, [{nlmsg_len=68, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=1, nl"
		"msg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=if_nametoin"
		"dex(\"lo\"), ifi_flags=0, ifi_change=0}, [[{nla_len=8, nla_type=IFLA_MTU}, 1500]"
		", [{nla_len=16, nla_type=NLA_F_NESTED|IFLA_LINKINFO}, [{nla_len=9, nla_type=IFLA"
		"_INFO_KIND}, \"veth\"]], [{nla_len=12, nla_type=IFLA_XDP}, [{nla_len=5, nla_type"
		"=IFLA_XDP_ATTACHED}, XDP_ATTACHED_NONE]]]], 68, 0, NULL, 0) = 68");
}

/* An unknown attribute type is hex with its table's comment; an attribute longer than what is left
 * shows what is left. */
Test(sys_netlink, unknown_attrs)
{
	cr_expect_str_eq(
		send_case(nlc_unknown_attrs, 3),
		"sendto(3, [{nlmsg_len=40, nlmsg_type=RTM_NEWADDR, nlmsg_flags=0, nlmsg_seq=2, nl"
		"msg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=0, ifa_scope=RT_SCOP"
		"E_UNIVERSE, ifa_index=if_nametoindex(\"lo\")}, [[{nla_len=8, nla_type=0x7ff /* I"
		"FA_??? */}, \"\\x04\\x03\\x02\\x01\"], [{nla_len=40, nla_type=IFA_LABEL}, \"lo"
		"\\0\"]]], 40, 0, NULL, 0) = 40");
}

/* A second message whose nlmsg_len is far more than the buffer: the bytes that are there. */
Test(sys_netlink, huge_len)
{
	cr_expect_str_eq(
		send_case(nlc_huge_len, 3),
		"sendto(3, [[{nlmsg_len=32, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST, nl"
		"msg_seq=3, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_inde"
		"x=0, ifi_flags=0, ifi_change=0}], [{nlmsg_len=4294967295, nlmsg_type=RTM_GETADDR"
		", nlmsg_flags=NLM_F_DUMP, nlmsg_seq=4, nlmsg_pid=0}, {ifa_family=AF_INET6, ifa_p"
		"refixlen=0, ifa_flags=0, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=0}]], 56, 0, NUL"
		"L, 0) = 56");
}

/* An unknown message type: its payload as strace shows a family and data. */
Test(sys_netlink, unknown_type)
{
	cr_expect_str_eq(
		send_case(nlc_unknown_type, 3),
		"sendto(3, [{nlmsg_len=22, nlmsg_type=0x3ff /* RTM_??? */, nlmsg_flags=NLM_F_REQU"
		"EST|0x4000, nlmsg_seq=5, nlmsg_pid=-2}, {family=AF_INET6, data=\"\\x01\\x02\\x03"
		"\\x04\\x05\"}], 24, 0, NULL, 0) = 24");
}

/* Sock_diag: a family with no struct, and an answer shorter than its struct. */
Test(sys_netlink, diag_odd)
{
	cr_expect_str_eq(
		send_case(nlc_diag_odd, 4),
		"sendto(4, [[{nlmsg_len=20, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQ"
		"UEST, nlmsg_seq=6, nlmsg_pid=0}, {family=AF_BLUETOOTH, data=\"\\x07\\x00\\x00\"}"
		"], [{nlmsg_len=24, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_MULTI, nlms"
		"g_seq=7, nlmsg_pid=0}, {idiag_family=AF_INET6, ...}]], 44, 0, NULL, 0) = 44");
}

/* NLMSG_ERROR: an echoed request cut short, and an ack (error 0) with NLM_F_CAPPED. */
Test(sys_netlink, errors)
{
	cr_expect_str_eq(
		send_case(nlc_errors, 3),
		"sendto(3, [[{nlmsg_len=40, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq=8, n"
		"lmsg_pid=0}, {error=-ENODEV, msg=[{nlmsg_len=32, nlmsg_type=RTM_GETLINK, nlmsg_f"
		"lags=NLM_F_REQUEST, nlmsg_seq=8, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ...}]}], ["
		"{nlmsg_len=36, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_CAPPED, nlmsg_seq=9, nl"
		"msg_pid=0}, {error=0, msg={nlmsg_len=16, nlmsg_type=RTM_DELADDR, nlmsg_flags=NLM"
		"_F_REQUEST|NLM_F_ACK, nlmsg_seq=9, nlmsg_pid=0}}]], 76, 0, NULL, 0) = 76");
}

/* A buffer whose end cannot be read: the attributes that could be, then the address. */
Test(sys_netlink, short_read)
{
	static uint8_t buf[NLC_BUF];
	size_t len = nlc_nested(buf);

	map(0x1000, buf, 40);
	cr_expect_str_eq(
		RUN("sendto", -EFAULT, 3, 0x1000, len, 0, 0, 0),
		"sendto(3, [{nlmsg_len=68, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=1, nl"
		"msg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=if_nametoin"
		"dex(\"lo\"), ifi_flags=0, ifi_change=0}, [[{nla_len=8, nla_type=IFLA_MTU}, 1500]"
		", ... /* 0x1028 */]], 68, 0, NULL, 0) = -1 EFAULT (Bad address)");
}

/* -s 4: data cut at 4 bytes, a C string (IFLA_INFO_KIND) of 4 whole. */
Test(sys_netlink, string_limit)
{
	opts.strsize = 4;
	cr_expect_str_eq(
		send_case(nlc_unknown_type, 3),
		"sendto(3, [{nlmsg_len=22, nlmsg_type=0x3ff /* RTM_??? */, nlmsg_flags=NLM_F_REQU"
		"EST|0x4000, nlmsg_seq=5, nlmsg_pid=-2}, {family=AF_INET6, data=\"\\x01\\x02\\x03"
		"\\x04\"...}], 24, 0, NULL, 0) = 24");
	cr_expect_str_eq(
		send_case(nlc_nested, 3),
		"sendto(3, [{nlmsg_len=68, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=1, nl"
		"msg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=if_nametoin"
		"dex(\"lo\"), ifi_flags=0, ifi_change=0}, [[{nla_len=8, nla_type=IFLA_MTU}, 1500]"
		", [{nla_len=16, nla_type=NLA_F_NESTED|IFLA_LINKINFO}, [{nla_len=9, nla_type=IFLA"
		"_INFO_KIND}, \"veth\"]], [{nla_len=12, nla_type=IFLA_XDP}, [{nla_len=5, nla_type"
		"=IFLA_XDP_ATTACHED}, XDP_ATTACHED_NONE]]]], 68, 0, NULL, 0) = 68");
}

/* The same bytes from an i386 program. */
Test(sys_netlink, i386)
{
	harness_abi = ABI_I386;
	cr_expect_str_eq(
		send_case(nlc_nested, 3),
		"sendto(3, [{nlmsg_len=68, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=1, nl"
		"msg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=if_nametoin"
		"dex(\"lo\"), ifi_flags=0, ifi_change=0}, [[{nla_len=8, nla_type=IFLA_MTU}, 1500]"
		", [{nla_len=16, nla_type=NLA_F_NESTED|IFLA_LINKINFO}, [{nla_len=9, nla_type=IFLA"
		"_INFO_KIND}, \"veth\"]], [{nla_len=12, nla_type=IFLA_XDP}, [{nla_len=5, nla_type"
		"=IFLA_XDP_ATTACHED}, XDP_ATTACHED_NONE]]]], 68, 0, NULL, 0) = 68");
}
