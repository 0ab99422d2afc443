/*
 * Netlink buffers for test_sys_netlink.c: each builder writes one buffer as a
 * program would pass it to sendto(2) and returns its length.  strace 6.1 was
 * run on a program that sent these same buffers on real sockets (fd 3 a
 * bound NETLINK_ROUTE socket, fd 4 a bound NETLINK_SOCK_DIAG one, interface
 * 1 the loopback): its lines are the tests' expected strings.
 */
#ifndef PTRC_TEST_NETLINK_CASES_H
#define PTRC_TEST_NETLINK_CASES_H

#include <errno.h>
#include <linux/fib_rules.h>
#include <linux/gen_stats.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/inet_diag.h>
#include <linux/netconf.h>
#include <linux/lwtunnel.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

enum { NLC_BUF = 512, NLC_ROUTE_FD = 3, NLC_DIAG_FD = 4 };

static struct nlmsghdr *nlc_hdr(uint8_t *buf, uint16_t type, uint16_t flags, uint32_t seq)
{
	struct nlmsghdr *h = (struct nlmsghdr *)buf;

	memset(buf, 0, NLC_BUF);
	*h = (struct nlmsghdr){NLMSG_HDRLEN, type, flags, seq, 0};
	return h;
}

/* Appends an attribute of len payload bytes at *at; returns it. */
static struct nlattr *nlc_attr(uint8_t *buf, size_t *at, uint16_t type, const void *data,
			       size_t len)
{
	struct nlattr *a = (struct nlattr *)(buf + *at);

	a->nla_len = (uint16_t)(NLA_HDRLEN + len);
	a->nla_type = type;
	if (len)
		memcpy(buf + *at + NLA_HDRLEN, data, len);
	*at += NLA_ALIGN(a->nla_len);
	return a;
}

/* An RTM_NEWLINK of interface 1 with a nested IFLA_LINKINFO (kind "veth") and IFLA_XDP. */
static size_t nlc_nested(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWLINK, 0, 1);
	struct ifinfomsg *i = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(sizeof(*i));
	uint32_t mtu = 1500, attached = XDP_ATTACHED_NONE;

	i->ifi_family = AF_UNSPEC;
	i->ifi_index = 1;
	nlc_attr(buf, &at, IFLA_MTU, &mtu, sizeof(mtu));
	size_t nest = at;
	struct nlattr *info = nlc_attr(buf, &at, IFLA_LINKINFO | NLA_F_NESTED, NULL, 0);
	nlc_attr(buf, &at, IFLA_INFO_KIND, "veth", 5);
	info->nla_len = (uint16_t)(at - nest);
	nest = at;
	struct nlattr *xdp = nlc_attr(buf, &at, IFLA_XDP, NULL, 0);
	nlc_attr(buf, &at, IFLA_XDP_ATTACHED, &attached, 1);
	xdp->nla_len = (uint16_t)(at - nest);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* Attribute types the tables do not name, and an attribute longer than what is left. */
static size_t nlc_unknown_attrs(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWADDR, 0, 2);
	struct ifaddrmsg *a = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(sizeof(*a));
	uint32_t x = 0x01020304;

	a->ifa_family = AF_INET;
	a->ifa_prefixlen = 8;
	a->ifa_index = 1;
	nlc_attr(buf, &at, 0x7ff, &x, sizeof(x));
	struct nlattr *last = nlc_attr(buf, &at, IFA_LABEL, "lo", 3);
	last->nla_len = 40;
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* Two messages: an RTM_GETLINK, then one whose nlmsg_len says far more than the buffer. */
static size_t nlc_huge_len(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_GETLINK, NLM_F_REQUEST, 3);
	size_t at = NLMSG_LENGTH(sizeof(struct ifinfomsg));

	h->nlmsg_len = (uint32_t)at;
	struct nlmsghdr *h2 = (struct nlmsghdr *)(buf + at);
	*h2 = (struct nlmsghdr){0xffffffff, RTM_GETADDR, NLM_F_DUMP, 4, 0};
	at += NLMSG_HDRLEN;
	buf[at] = AF_INET6;
	return at + sizeof(struct ifaddrmsg);
}

/* A message type no table names, with a payload of 6 bytes. */
static size_t nlc_unknown_type(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, 0x3ff, NLM_F_REQUEST | 0x4000, 5);
	static const uint8_t data[6] = {AF_INET6, 1, 2, 3, 4, 5};

	memcpy(NLMSG_DATA(h), data, sizeof(data));
	h->nlmsg_len = NLMSG_LENGTH(sizeof(data));
	h->nlmsg_pid = 0xfffffffe; /* a __u32 that strace prints signed: -2 */
	return NLMSG_ALIGN(h->nlmsg_len);
}

/* NETLINK_SOCK_DIAG: a request of a family strace knows no struct of, then an INET answer
 * shorter than struct inet_diag_msg. */
static size_t nlc_diag_odd(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, 6);
	uint8_t *p = NLMSG_DATA(h);

	p[0] = AF_BLUETOOTH;
	p[1] = 7;
	h->nlmsg_len = NLMSG_LENGTH(4);
	size_t at = h->nlmsg_len;
	struct nlmsghdr *h2 = (struct nlmsghdr *)(buf + at);
	*h2 = (struct nlmsghdr){NLMSG_LENGTH(8), SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, 7, 0};
	p = NLMSG_DATA(h2);
	p[0] = AF_INET6;
	p[1] = 10;
	return at + h2->nlmsg_len;
}

/* An NLMSG_ERROR whose echoed request is cut short, and one with error 0 (an ack). */
static size_t nlc_errors(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, NLMSG_ERROR, 0, 8);
	struct nlmsgerr *e = NLMSG_DATA(h);

	e->error = -ENODEV;
	e->msg = (struct nlmsghdr){NLMSG_LENGTH(sizeof(struct ifinfomsg)), RTM_GETLINK,
				   NLM_F_REQUEST, 8, 0};
	h->nlmsg_len = NLMSG_LENGTH(sizeof(*e) + 4);
	size_t at = h->nlmsg_len;
	struct nlmsghdr *h2 = (struct nlmsghdr *)(buf + at);
	*h2 = (struct nlmsghdr){NLMSG_LENGTH(sizeof(*e)), NLMSG_ERROR, NLM_F_CAPPED, 9, 0};
	e = NLMSG_DATA(h2);
	e->error = 0;
	e->msg = (struct nlmsghdr){NLMSG_HDRLEN, RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK, 9, 0};
	return at + h2->nlmsg_len;
}

/* An RTM_NEWRULE with every FRA_* attribute strace decodes, each of its usual size. */
static size_t nlc_rule_all(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWRULE, NLM_F_REQUEST, 10);
	struct fib_rule_hdr *r = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(sizeof(*r));
	uint32_t a4 = htonl(0x7f000001), u = 7, big = 0xffffffff;
	uint64_t t = 0x123456789;
	uint8_t b = 1, p = RTPROT_BOOT, ipp = IPPROTO_TCP;
	struct fib_rule_uid_range ur = {1000, 2000};
	struct fib_rule_port_range pr = {80, 443};
	r->family = AF_INET;
	r->dst_len = 32;
	r->src_len = 8;
	r->tos = 0x10;
	r->table = RT_TABLE_MAIN;
	r->res1 = 1;
	r->res2 = 2;
	r->action = FR_ACT_GOTO;
	r->flags = FIB_RULE_INVERT | FIB_RULE_FIND_SADDR | 0x100;
	nlc_attr(buf, &at, FRA_DST, &a4, 4);
	nlc_attr(buf, &at, FRA_SRC, &a4, 4);
	nlc_attr(buf, &at, FRA_IIFNAME, "lo", 3);
	nlc_attr(buf, &at, FRA_GOTO, &u, 4);
	nlc_attr(buf, &at, FRA_PRIORITY, &u, 4);
	nlc_attr(buf, &at, FRA_FWMARK, &u, 4);
	nlc_attr(buf, &at, FRA_FLOW, &u, 4);
	nlc_attr(buf, &at, FRA_TUN_ID, &t, 8);
	nlc_attr(buf, &at, FRA_SUPPRESS_IFGROUP, &u, 4);
	nlc_attr(buf, &at, FRA_SUPPRESS_PREFIXLEN, &big, 4);
	nlc_attr(buf, &at, FRA_TABLE, &u, 4);
	nlc_attr(buf, &at, FRA_FWMASK, &u, 4);
	nlc_attr(buf, &at, FRA_OIFNAME, "eth0", 5);
	nlc_attr(buf, &at, FRA_L3MDEV, &b, 1);
	nlc_attr(buf, &at, FRA_UID_RANGE, &ur, sizeof(ur));
	nlc_attr(buf, &at, FRA_PROTOCOL, &p, 1);
	nlc_attr(buf, &at, FRA_IP_PROTO, &ipp, 1);
	nlc_attr(buf, &at, FRA_SPORT_RANGE, &pr, sizeof(pr));
	nlc_attr(buf, &at, FRA_DPORT_RANGE, &pr, sizeof(pr));
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* Values no table names, attributes shorter than their type, an unused and an unknown type. */
static size_t nlc_rule_odd(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_DELRULE, NLM_F_REQUEST, 11);
	struct fib_rule_hdr *r = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(sizeof(*r));
	uint32_t u = 0x1234;
	uint16_t s = 5;
	r->family = AF_INET6;
	r->table = 0x80;
	r->action = 0x42;
	r->tos = 3;
	r->flags = 0x100;
	nlc_attr(buf, &at, FRA_TABLE, &u, 4);
	nlc_attr(buf, &at, FRA_PROTOCOL, &u, 4);
	nlc_attr(buf, &at, FRA_UID_RANGE, &s, 2);
	nlc_attr(buf, &at, FRA_DST, &u, 4);
	nlc_attr(buf, &at, FRA_PRIORITY, &s, 2);
	nlc_attr(buf, &at, FRA_UNUSED2, &u, 4);
	nlc_attr(buf, &at, 0x7f, &u, 4);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* A payload shorter than struct fib_rule_hdr. */
static size_t nlc_rule_short(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_GETRULE, NLM_F_REQUEST, 12);
	uint8_t *p = NLMSG_DATA(h);
	p[0] = AF_INET;
	p[1] = 1;
	p[2] = 2;
	h->nlmsg_len = NLMSG_LENGTH(5);
	return NLMSG_ALIGN(h->nlmsg_len);
}

/* An AF_INET6 rule: a 16-byte address, and a 4-byte one shown as bytes. */
static size_t nlc_rule6(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWRULE, NLM_F_REQUEST, 13);
	struct fib_rule_hdr *r = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(sizeof(*r));
	struct in6_addr a = IN6ADDR_LOOPBACK_INIT;
	r->family = AF_INET6;
	r->table = RT_TABLE_LOCAL;
	r->action = FR_ACT_PROHIBIT;
	r->tos = 0x1c;
	nlc_attr(buf, &at, FRA_DST, &a, 16);
	nlc_attr(buf, &at, FRA_SRC, &a, 4);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* Attributes longer than their type: strace reads their first bytes, or shows bytes. */
static size_t nlc_rule_len(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWRULE, 0, 14);
	struct fib_rule_hdr *r = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(sizeof(*r));
	uint8_t x[12] = {6, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0};
	r->family = AF_INET;
	nlc_attr(buf, &at, FRA_PRIORITY, x, 8);
	nlc_attr(buf, &at, FRA_PROTOCOL, x, 2);
	nlc_attr(buf, &at, FRA_IP_PROTO, x, 4);
	nlc_attr(buf, &at, FRA_IP_PROTO, x, 12);
	nlc_attr(buf, &at, FRA_L3MDEV, x, 4);
	nlc_attr(buf, &at, FRA_TUN_ID, x, 4);
	nlc_attr(buf, &at, FRA_TUN_ID, x, 12);
	nlc_attr(buf, &at, FRA_IIFNAME, "lo", 2);
	nlc_attr(buf, &at, FRA_UID_RANGE, x, 12);
	nlc_attr(buf, &at, FRA_TABLE, x, 8);
	nlc_attr(buf, &at, FRA_SPORT_RANGE, x, 6);
	nlc_attr(buf, &at, FRA_PROTOCOL, x, 12);
	nlc_attr(buf, &at, FRA_GOTO, x, 2);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* An RTM_NEWNETCONF with every NETCONFA_* attribute, ifindexes "lo", ALL, DEFAULT and 5. */
static size_t nlc_netconf(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWNETCONF, 0, 20);
	struct netconfmsg *n = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(NLMSG_ALIGN(sizeof(*n)));
	int32_t one = 1, neg = -3, all = NETCONFA_IFINDEX_ALL, def = NETCONFA_IFINDEX_DEFAULT,
		lo = 1, big = 5;
	n->ncm_family = AF_INET;
	nlc_attr(buf, &at, NETCONFA_IFINDEX, &lo, 4);
	nlc_attr(buf, &at, NETCONFA_IFINDEX, &all, 4);
	nlc_attr(buf, &at, NETCONFA_IFINDEX, &def, 4);
	nlc_attr(buf, &at, NETCONFA_IFINDEX, &big, 4);
	nlc_attr(buf, &at, NETCONFA_FORWARDING, &neg, 4);
	nlc_attr(buf, &at, NETCONFA_RP_FILTER, &neg, 4);
	nlc_attr(buf, &at, NETCONFA_MC_FORWARDING, &neg, 4);
	nlc_attr(buf, &at, NETCONFA_PROXY_NEIGH, &neg, 4);
	nlc_attr(buf, &at, NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN, &neg, 4);
	nlc_attr(buf, &at, NETCONFA_INPUT, &neg, 4);
	nlc_attr(buf, &at, NETCONFA_BC_FORWARDING, &neg, 4);
	nlc_attr(buf, &at, 0x7f, &one, 4);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* An unknown family, and attributes shorter (bytes) and longer (their first int) than an int. */
static size_t nlc_netconf_odd(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_GETNETCONF, NLM_F_REQUEST, 21);
	struct netconfmsg *n = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(4);
	uint8_t x[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
	n->ncm_family = 0x7e;
	nlc_attr(buf, &at, NETCONFA_IFINDEX, x, 2);
	nlc_attr(buf, &at, NETCONFA_IFINDEX, x, 8);
	nlc_attr(buf, &at, NETCONFA_FORWARDING, x, 2);
	nlc_attr(buf, &at, NETCONFA_FORWARDING, x, 8);
	nlc_attr(buf, &at, NETCONFA_RP_FILTER, x, 12);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* An RTM_DELNETCONF with no payload at all: the header alone. */
static size_t nlc_netconf_empty(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_DELNETCONF, NLM_F_REQUEST, 22);
	h->nlmsg_len = NLMSG_HDRLEN;
	return NLMSG_HDRLEN;
}

/* A GETNETCONF dump of 2 payload bytes: the family, and no attributes. */
static size_t nlc_netconf_short(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_GETNETCONF, NLM_F_REQUEST | NLM_F_DUMP, 23);
	uint8_t *p = NLMSG_DATA(h);
	p[0] = AF_INET6;
	p[1] = 9;
	h->nlmsg_len = NLMSG_LENGTH(2);
	return NLMSG_ALIGN(h->nlmsg_len);
}

/* An RTM_NEWQDISC with every TCA_* attribute, one strace 6.1 has no name for among them. */
static size_t nlc_tc(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWQDISC, 0, 30);
	struct tcmsg *t = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(sizeof(*t));
	uint8_t x[48];
	for (int i = 0; i < 48; i++)
		x[i] = i + 1;
	uint32_t u = 7;
	uint8_t b = 1;
	t->tcm_family = AF_UNSPEC;
	t->tcm_ifindex = 1;
	t->tcm_handle = 0x10000;
	t->tcm_parent = 0xffffffff;
	t->tcm_info = 2;
	nlc_attr(buf, &at, TCA_KIND, "pfifo", 6);
	nlc_attr(buf, &at, TCA_OPTIONS, x, 4);
	nlc_attr(buf, &at, TCA_STATS, x, sizeof(struct tc_stats));
	nlc_attr(buf, &at, TCA_XSTATS, x, 4);
	nlc_attr(buf, &at, TCA_RATE, x, 2);
	nlc_attr(buf, &at, TCA_FCNT, &u, 4);
	nlc_attr(buf, &at, TCA_STAB, x, 4);
	nlc_attr(buf, &at, TCA_PAD, x, 4);
	nlc_attr(buf, &at, TCA_DUMP_INVISIBLE, x, 0);
	nlc_attr(buf, &at, TCA_CHAIN, &u, 4);
	nlc_attr(buf, &at, TCA_HW_OFFLOAD, &b, 1);
	nlc_attr(buf, &at, TCA_INGRESS_BLOCK, &u, 4);
	nlc_attr(buf, &at, TCA_EGRESS_BLOCK, &u, 4);
	nlc_attr(buf, &at, TCA_DUMP_FLAGS, &u, 4);
	nlc_attr(buf, &at, TCA_EXT_WARN_MSG, "warn", 5);
	nlc_attr(buf, &at, 0x7f, &u, 4);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* TCA_STATS2's nested statistics, some shorter than their struct. */
static size_t nlc_tc_stats2(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWTCLASS, 0, 31);
	size_t at = NLMSG_LENGTH(sizeof(struct tcmsg));
	uint8_t x[48];
	for (int i = 0; i < 48; i++)
		x[i] = i + 1;
	size_t nest = at;
	struct nlattr *s2 = nlc_attr(buf, &at, TCA_STATS2, NULL, 0);
	nlc_attr(buf, &at, TCA_STATS_BASIC, x, sizeof(struct gnet_stats_basic));
	nlc_attr(buf, &at, TCA_STATS_RATE_EST, x, sizeof(struct gnet_stats_rate_est));
	nlc_attr(buf, &at, TCA_STATS_QUEUE, x, sizeof(struct gnet_stats_queue));
	nlc_attr(buf, &at, TCA_STATS_APP, x, 4);
	nlc_attr(buf, &at, TCA_STATS_RATE_EST64, x, sizeof(struct gnet_stats_rate_est64));
	nlc_attr(buf, &at, TCA_STATS_PAD, x, 4);
	nlc_attr(buf, &at, TCA_STATS_BASIC_HW, x, sizeof(struct gnet_stats_basic));
	nlc_attr(buf, &at, TCA_STATS_PKT64, x, 8);
	nlc_attr(buf, &at, TCA_STATS_BASIC, x, 12);
	nlc_attr(buf, &at, TCA_STATS_PKT64, x, 4);
	nlc_attr(buf, &at, TCA_STATS_RATE_EST64, x, 12);
	nlc_attr(buf, &at, 0x7f, x, 4);
	s2->nla_len = (uint16_t)(at - nest);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* An unknown family, a negative ifindex, TCA_STATS of i386's 36 bytes and longer, payloads
 * shorter and longer than their type. */
static size_t nlc_tc_odd(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_GETTFILTER, NLM_F_REQUEST, 32);
	struct tcmsg *t = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(sizeof(*t));
	uint8_t x[48];
	for (int i = 0; i < 48; i++)
		x[i] = i + 1;
	t->tcm_family = 0x7e;
	t->tcm_ifindex = -5;
	t->tcm_info = 0x12345678;
	nlc_attr(buf, &at, TCA_STATS, x, 36);
	nlc_attr(buf, &at, TCA_STATS, x, 44);
	nlc_attr(buf, &at, TCA_RATE, x, 1);
	nlc_attr(buf, &at, TCA_RATE, x, 4);
	nlc_attr(buf, &at, TCA_CHAIN, x, 2);
	nlc_attr(buf, &at, TCA_CHAIN, x, 8);
	nlc_attr(buf, &at, TCA_HW_OFFLOAD, x, 4);
	nlc_attr(buf, &at, TCA_KIND, "abc", 3);
	nlc_attr(buf, &at, TCA_STATS2, x, 2);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* An RTM_NEWCHAIN, then an RTM_DELQDISC shorter than tcmsg. */
static size_t nlc_tc_chain(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWCHAIN, 0, 33);
	size_t at = NLMSG_LENGTH(sizeof(struct tcmsg));
	uint32_t u = 3;
	nlc_attr(buf, &at, TCA_CHAIN, &u, 4);
	h->nlmsg_len = (uint32_t)at;
	struct nlmsghdr *h2 = (void *)(buf + at);
	*h2 = (struct nlmsghdr){NLMSG_LENGTH(8), RTM_DELQDISC, 0, 34, 0};
	buf[at + 16] = AF_INET;
	at += h2->nlmsg_len;
	return at;
}

/* An RTM_NEWNEXTHOP with every NHA_* attribute, a group of two, a reserved byte set. */
static size_t nlc_nexthop(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWNEXTHOP, 0, 40);
	struct nhmsg *n = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(sizeof(*n));
	uint32_t u = 7, lo = 1, a4 = htonl(0x7f000001);
	uint16_t gt = NEXTHOP_GRP_TYPE_RES, et = LWTUNNEL_ENCAP_MPLS;
	struct nexthop_grp g[2] = {{.id = 1, .weight = 2}, {.id = 3, .weight = 4}};
	uint8_t x[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
	n->nh_family = AF_INET;
	n->nh_scope = RT_SCOPE_LINK;
	n->nh_protocol = RTPROT_STATIC;
	n->resvd = 5;
	n->nh_flags = RTNH_F_ONLINK | RTNH_F_TRAP | 0x100;
	nlc_attr(buf, &at, NHA_ID, &u, 4);
	nlc_attr(buf, &at, NHA_GROUP, g, sizeof(g));
	nlc_attr(buf, &at, NHA_GROUP_TYPE, &gt, 2);
	nlc_attr(buf, &at, NHA_BLACKHOLE, x, 0);
	nlc_attr(buf, &at, NHA_OIF, &lo, 4);
	nlc_attr(buf, &at, NHA_GATEWAY, &a4, 4);
	nlc_attr(buf, &at, NHA_ENCAP_TYPE, &et, 2);
	nlc_attr(buf, &at, NHA_ENCAP, x, 4);
	nlc_attr(buf, &at, NHA_GROUPS, x, 0);
	nlc_attr(buf, &at, NHA_MASTER, &lo, 4);
	nlc_attr(buf, &at, NHA_FDB, x, 0);
	nlc_attr(buf, &at, NHA_RES_GROUP, x, 8);
	nlc_attr(buf, &at, NHA_RES_BUCKET, x, 8);
	nlc_attr(buf, &at, 0x7f, x, 4);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* Values no table names, payloads shorter and longer than their type, a group of 12 bytes. */
static size_t nlc_nexthop_odd(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_GETNEXTHOP, NLM_F_REQUEST, 41);
	struct nhmsg *n = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(sizeof(*n));
	uint8_t x[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
	n->nh_family = AF_INET6;
	n->nh_scope = 7;
	n->nh_protocol = 0x77;
	n->nh_flags = 0x100;
	nlc_attr(buf, &at, NHA_ID, x, 2);
	nlc_attr(buf, &at, NHA_ID, x, 8);
	nlc_attr(buf, &at, NHA_GROUP, x, 6);
	nlc_attr(buf, &at, NHA_GROUP, x, 12);
	nlc_attr(buf, &at, NHA_GROUP_TYPE, x, 1);
	nlc_attr(buf, &at, NHA_GROUP_TYPE, x, 4);
	nlc_attr(buf, &at, NHA_BLACKHOLE, x, 4);
	nlc_attr(buf, &at, NHA_GATEWAY, x, 16);
	nlc_attr(buf, &at, NHA_GATEWAY, x, 4);
	nlc_attr(buf, &at, NHA_ENCAP_TYPE, x, 4);
	nlc_attr(buf, &at, NHA_OIF, x, 2);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* A resilient group and bucket: their nested attributes, timers in clock ticks. */
static size_t nlc_nexthop_res(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWNEXTHOP, 0, 44);
	size_t at = NLMSG_LENGTH(sizeof(struct nhmsg));
	uint8_t x[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
	size_t nest = at;
	struct nlattr *g = nlc_attr(buf, &at, NHA_RES_GROUP, NULL, 0);
	nlc_attr(buf, &at, 0, x, 4);
	nlc_attr(buf, &at, NHA_RES_GROUP_BUCKETS, x, 2);
	nlc_attr(buf, &at, NHA_RES_GROUP_IDLE_TIMER, x, 4);
	nlc_attr(buf, &at, NHA_RES_GROUP_UNBALANCED_TIMER, x, 4);
	nlc_attr(buf, &at, NHA_RES_GROUP_UNBALANCED_TIME, x, 8);
	nlc_attr(buf, &at, 9, x, 4);
	g->nla_len = (uint16_t)(at - nest);
	nest = at;
	g = nlc_attr(buf, &at, NHA_RES_BUCKET, NULL, 0);
	nlc_attr(buf, &at, 0, x, 4);
	nlc_attr(buf, &at, NHA_RES_BUCKET_INDEX, x, 2);
	nlc_attr(buf, &at, NHA_RES_BUCKET_IDLE_TIME, x, 8);
	nlc_attr(buf, &at, NHA_RES_BUCKET_NH_ID, x, 4);
	nlc_attr(buf, &at, NHA_RES_BUCKET_INDEX, x, 4);
	nlc_attr(buf, &at, NHA_RES_BUCKET_IDLE_TIME, x, 4);
	nlc_attr(buf, &at, NHA_RES_BUCKET_IDLE_TIME, x, 2);
	nlc_attr(buf, &at, NHA_RES_BUCKET_IDLE_TIME, x, 12);
	nlc_attr(buf, &at, NHA_RES_BUCKET_IDLE_TIME, x, 6);
	nlc_attr(buf, &at, NHA_RES_BUCKET_NH_ID, x, 8);
	nlc_attr(buf, &at, NHA_RES_BUCKET_INDEX, x, 1);
	g->nla_len = (uint16_t)(at - nest);
	h->nlmsg_len = (uint32_t)at;
	return at;
}

/* RTM_NEWMDB with MDBA_* attributes, then a GETMDB and a DELMDB shorter than br_port_msg. */
static size_t nlc_mdb(uint8_t *buf)
{
	struct nlmsghdr *h = nlc_hdr(buf, RTM_NEWMDB, 0, 42);
	struct br_port_msg *b = NLMSG_DATA(h);
	size_t at = NLMSG_LENGTH(sizeof(*b));
	uint8_t x[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
	b->family = AF_BRIDGE;
	b->ifindex = 1;
	nlc_attr(buf, &at, MDBA_MDB, x, 4);
	nlc_attr(buf, &at, MDBA_ROUTER, x, 4);
	nlc_attr(buf, &at, MDBA_MDB, x, 0);
	nlc_attr(buf, &at, 0x7f, x, 4);
	h->nlmsg_len = (uint32_t)at;
	struct nlmsghdr *h2 = (void *)(buf + at);
	*h2 = (struct nlmsghdr){NLMSG_LENGTH(4), RTM_GETMDB, NLM_F_REQUEST, 43, 0};
	buf[at + 16] = AF_INET;
	at += h2->nlmsg_len;
	h2 = (void *)(buf + at);
	*h2 = (struct nlmsghdr){NLMSG_LENGTH(8), RTM_DELMDB, NLM_F_REQUEST, 44, 0};
	buf[at + 16] = AF_BRIDGE;
	buf[at + 20] = 0xfb;
	at += h2->nlmsg_len;
	return at;
}

struct nlc_case {
	const char *name;
	int fd;
	size_t (*build)(uint8_t *buf);
};

static const struct nlc_case nlc_cases[] = {
	{"nested", NLC_ROUTE_FD, nlc_nested},
	{"unknown_attrs", NLC_ROUTE_FD, nlc_unknown_attrs},
	{"huge_len", NLC_ROUTE_FD, nlc_huge_len},
	{"unknown_type", NLC_ROUTE_FD, nlc_unknown_type},
	{"diag_odd", NLC_DIAG_FD, nlc_diag_odd},
	{"errors", NLC_ROUTE_FD, nlc_errors},
	{"rule_all", NLC_ROUTE_FD, nlc_rule_all},
	{"rule_odd", NLC_ROUTE_FD, nlc_rule_odd},
	{"rule_short", NLC_ROUTE_FD, nlc_rule_short},
	{"rule6", NLC_ROUTE_FD, nlc_rule6},
	{"rule_len", NLC_ROUTE_FD, nlc_rule_len},
	{"netconf", NLC_ROUTE_FD, nlc_netconf},
	{"netconf_odd", NLC_ROUTE_FD, nlc_netconf_odd},
	{"netconf_empty", NLC_ROUTE_FD, nlc_netconf_empty},
	{"netconf_short", NLC_ROUTE_FD, nlc_netconf_short},
	{"tc", NLC_ROUTE_FD, nlc_tc},
	{"tc_stats2", NLC_ROUTE_FD, nlc_tc_stats2},
	{"tc_odd", NLC_ROUTE_FD, nlc_tc_odd},
	{"tc_chain", NLC_ROUTE_FD, nlc_tc_chain},
	{"nexthop", NLC_ROUTE_FD, nlc_nexthop},
	{"nexthop_odd", NLC_ROUTE_FD, nlc_nexthop_odd},
	{"nexthop_res", NLC_ROUTE_FD, nlc_nexthop_res},
	{"mdb", NLC_ROUTE_FD, nlc_mdb},
};

#endif
