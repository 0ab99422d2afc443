/* A netlink hardware address (IFLA_ADDRESS) in each -X style, as strace 6.1 prints the same
 * bytes sent on a NETLINK_ROUTE socket. */
#include <criterion/criterion.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <string.h>

#include "test_sys_harness.h"
#include "netlink_harness.h"

TestSuite(sys_netlink_hwaddr, .init = nl_setup, .fini = teardown);

/* RTM_GETLINK for interface 54321 with IFLA_ADDRESS 02:fc:00:00:00:05 (42 bytes). */
static size_t getlink_hwaddr(uint8_t *buf)
{
	struct nlmsghdr h = {.nlmsg_len = 42,
			     .nlmsg_type = RTM_GETLINK,
			     .nlmsg_flags = NLM_F_REQUEST,
			     .nlmsg_seq = 7};
	struct ifinfomsg i = {.ifi_index = 54321};
	struct rtattr r = {.rta_len = 10, .rta_type = IFLA_ADDRESS};
	size_t off = 0;

	memcpy(buf + off, &h, sizeof(h));
	off += sizeof(h);
	memcpy(buf + off, &i, sizeof(i));
	off += sizeof(i);
	memcpy(buf + off, &r, sizeof(r));
	off += sizeof(r);
	memcpy(buf + off, "\x02\xfc\x00\x00\x00\x05", 6);
	return off + 6;
}

#define HEAD "sendto(3, [{nlmsg_len=42, "
#define TAIL "]], 42, 0, NULL, 0) = 42"

Test(sys_netlink_hwaddr, bytes_under_raw_both_under_verbose)
{
	cr_expect_str_eq(send_case(getlink_hwaddr, NLC_ROUTE_FD),
			 HEAD "nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, "
			      "nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, "
			      "ifi_index=54321, ifi_flags=0, ifi_change=0}, [{nla_len=10, "
			      "nla_type=IFLA_ADDRESS}, 02:fc:00:00:00:05" TAIL);
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(send_case(getlink_hwaddr, NLC_ROUTE_FD),
			 HEAD "nlmsg_type=0x12, nlmsg_flags=0x1, nlmsg_seq=7, nlmsg_pid=0}, "
			      "{ifi_family=0, ifi_type=0, ifi_index=54321, ifi_flags=0, "
			      "ifi_change=0}, [{nla_len=10, nla_type=0x1}, "
			      "\"\\x02\\xfc\\x00\\x00\\x00\\x05\"" TAIL);
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(send_case(getlink_hwaddr, NLC_ROUTE_FD),
			 HEAD "nlmsg_type=0x12 /* RTM_GETLINK */, nlmsg_flags=0x1 /* NLM_F_REQUEST "
			      "*/, nlmsg_seq=7, nlmsg_pid=0}, {ifi_family=0 /* AF_UNSPEC */, "
			      "ifi_type=0 /* ARPHRD_NETROM */, ifi_index=54321, ifi_flags=0, "
			      "ifi_change=0}, [{nla_len=10, nla_type=0x1 /* IFLA_ADDRESS */}, "
			      "\"\\x02\\xfc\\x00\\x00\\x00\\x05\" /* 02:fc:00:00:00:05 */" TAIL);
}
