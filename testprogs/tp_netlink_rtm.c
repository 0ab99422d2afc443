/* NETLINK_ROUTE messages of the families beyond links, addresses, routes and neighbours, as
 * strace shows what sendto carries: rules (struct fib_rule_hdr and FRA_* attributes), netconf
 * (struct netconfmsg and NETCONFA_*), traffic control (struct tcmsg and TCA_*), nexthops
 * (struct nhmsg and NHA_*), the bridge multicast database (struct br_port_msg).
 *   tp_netlink_rtm basic   run with the default options
 * The kernel's answers to the dumps depend on the machine: they are read with read(2), which
 * strace shows as a plain buffer, and not stated.  The messages with every attribute are
 * sent without NLM_F_REQUEST, which the kernel ignores: nothing on the machine changes.
 */
#include "expect.h"
#include "nl_prog.h"

#include <arpa/inet.h>
#include <linux/fib_rules.h>
#include <linux/gen_stats.h>
#include <linux/if_bridge.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

static pid_t me;
static uint8_t rbuf[32768];

/* A message being built in buf: its header, then what add() appends. */
struct msg {
	uint8_t buf[512];
	size_t len;
};

static void *msg_start(struct msg *m, uint16_t type, uint16_t flags, uint32_t seq, size_t hdr)
{
	struct nlmsghdr *h = (struct nlmsghdr *)m->buf;

	memset(m, 0, sizeof(*m));
	*h = (struct nlmsghdr){.nlmsg_type = type, .nlmsg_flags = flags, .nlmsg_seq = seq};
	m->len = NLMSG_LENGTH(hdr);
	h->nlmsg_len = (uint32_t)m->len;
	return NLMSG_DATA(h);
}

static void add(struct msg *m, uint16_t type, const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)(m->buf + m->len);

	a->nla_len = (uint16_t)(NLA_HDRLEN + len);
	a->nla_type = type;
	if (len)
		memcpy(m->buf + m->len + NLA_HDRLEN, data, len);
	m->len += NLA_ALIGN(a->nla_len);
	((struct nlmsghdr *)m->buf)->nlmsg_len = (uint32_t)m->len;
}

/* ip rule's request: a dump of one family's rules. */
static void rule_dump(int fd, int family, const char *name, uint32_t seq)
{
	struct msg m;
	struct fib_rule_hdr *r =
		msg_start(&m, RTM_GETRULE, NLM_F_REQUEST | NLM_F_DUMP, seq, sizeof(*r));

	r->family = (uint8_t)family;
	long n = nl_send(fd, m.buf, m.len);
	xp_line(me,
		"sendto(%d, [{nlmsg_len=28, nlmsg_type=RTM_GETRULE, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=%u, nlmsg_pid=0}, {family=%s, "
		"dst_len=0, src_len=0, tos=0, table=RT_TABLE_UNSPEC, action=FR_ACT_UNSPEC, "
		"flags=0}], 28, 0, " NLADDR ") = %s",
		fd, seq, name, xp_res(n));
	nl_drain(fd, rbuf, sizeof(rbuf));
}

/* A rule with every attribute strace decodes. */
static void rule_all(int fd)
{
	struct msg m;
	struct fib_rule_hdr *r = msg_start(&m, RTM_NEWRULE, 0, 3, sizeof(*r));
	uint32_t a4 = htonl(INADDR_LOOPBACK), u = 7, all = UINT32_MAX;
	uint64_t tun = 0x123456789;
	uint8_t one = 1, proto = RTPROT_BOOT, ipproto = IPPROTO_TCP;
	struct fib_rule_uid_range uids = {1000, 2000};
	struct fib_rule_port_range ports = {80, 443};

	*r = (struct fib_rule_hdr){.family = AF_INET,
				   .dst_len = 32,
				   .src_len = 8,
				   .tos = 0x10,
				   .table = RT_TABLE_MAIN,
				   .action = FR_ACT_GOTO,
				   .flags = FIB_RULE_INVERT | FIB_RULE_FIND_SADDR};
	add(&m, FRA_DST, &a4, 4);
	add(&m, FRA_IIFNAME, "lo", 3);
	add(&m, FRA_GOTO, &u, 4);
	add(&m, FRA_PRIORITY, &u, 4);
	add(&m, FRA_TUN_ID, &tun, 8);
	add(&m, FRA_SUPPRESS_PREFIXLEN, &all, 4);
	add(&m, FRA_TABLE, &u, 4);
	add(&m, FRA_L3MDEV, &one, 1);
	add(&m, FRA_UID_RANGE, &uids, sizeof(uids));
	add(&m, FRA_PROTOCOL, &proto, 1);
	add(&m, FRA_IP_PROTO, &ipproto, 1);
	add(&m, FRA_DPORT_RANGE, &ports, sizeof(ports));
	add(&m, 0x7f, &u, 4);
	long n = nl_send(fd, m.buf, m.len);
	xp_line(me,
		"sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_NEWRULE, nlmsg_flags=0, nlmsg_seq=3, "
		"nlmsg_pid=0}, {family=AF_INET, dst_len=32, src_len=8, tos=IPTOS_LOWDELAY, "
		"table=RT_TABLE_MAIN, action=FR_ACT_GOTO, "
		"flags=FIB_RULE_INVERT|FIB_RULE_FIND_SADDR}, "
		"[[{nla_len=8, nla_type=FRA_DST}, inet_addr(\"127.0.0.1\")], [{nla_len=7, "
		"nla_type=FRA_IIFNAME}, \"lo\"], [{nla_len=8, nla_type=FRA_GOTO}, 7], [{nla_len=8, "
		"nla_type=FRA_PRIORITY}, 7], [{nla_len=12, nla_type=FRA_TUN_ID}, "
		"htobe64(9900958322440273920)], [{nla_len=8, nla_type=FRA_SUPPRESS_PREFIXLEN}, "
		"4294967295], [{nla_len=8, nla_type=FRA_TABLE}, 0x7], [{nla_len=5, "
		"nla_type=FRA_L3MDEV}, 1], [{nla_len=12, nla_type=FRA_UID_RANGE}, {start=1000, "
		"end=2000}], [{nla_len=5, nla_type=FRA_PROTOCOL}, RTPROT_BOOT], [{nla_len=5, "
		"nla_type=FRA_IP_PROTO}, IPPROTO_TCP], [{nla_len=8, nla_type=FRA_DPORT_RANGE}, "
		"{start=80, end=443}], [{nla_len=8, nla_type=0x7f /* FRA_??? */}, "
		"\"\\x07\\x00\\x00\\x00\"]]], %zu, 0, " NLADDR ") = %s",
		fd, m.len, m.len, xp_res(n));
}

/* Values no table names, and a payload shorter than the header. */
static void rule_odd(int fd)
{
	struct msg m;
	struct fib_rule_hdr *r = msg_start(&m, RTM_DELRULE, 0, 4, sizeof(*r));
	uint16_t two = 5;

	*r = (struct fib_rule_hdr){
		.family = AF_INET6, .tos = 3, .table = 0x80, .action = 0x42, .flags = 0x100};
	add(&m, FRA_PRIORITY, &two, 2);
	long n = nl_send(fd, m.buf, m.len);
	xp_line(me,
		"sendto(%d, [{nlmsg_len=36, nlmsg_type=RTM_DELRULE, nlmsg_flags=0, nlmsg_seq=4, "
		"nlmsg_pid=0}, {family=AF_INET6, dst_len=0, src_len=0, tos=IPTOS_MINCOST|0x1, "
		"table=0x80 /* RT_TABLE_??? */, action=0x42 /* FR_ACT_??? */, flags=0x100 /* "
		"FIB_RULE_??? */}, [{nla_len=6, nla_type=FRA_PRIORITY}, \"\\x05\\x00\"]], 36, "
		"0, " NLADDR ") = %s",
		fd, xp_res(n));
	msg_start(&m, RTM_GETRULE, 0, 5, 2);
	m.buf[NLMSG_HDRLEN] = AF_INET;
	n = nl_send(fd, m.buf, 20);
	xp_line(me,
		"sendto(%d, [{nlmsg_len=18, nlmsg_type=RTM_GETRULE, nlmsg_flags=0, nlmsg_seq=5, "
		"nlmsg_pid=0}, {family=AF_INET, ...}], 20, 0, " NLADDR ") = %s",
		fd, xp_res(n));
}

/* ip netconf's request, then a netconf message with every attribute. */
static void netconf(int fd)
{
	struct msg m;
	struct netconfmsg *c = msg_start(&m, RTM_GETNETCONF, NLM_F_REQUEST | NLM_F_DUMP, 6,
					 NLMSG_ALIGN(sizeof(*c)));
	long n = nl_send(fd, m.buf, m.len);

	xp_line(me,
		"sendto(%d, [{nlmsg_len=20, nlmsg_type=RTM_GETNETCONF, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=6, nlmsg_pid=0}, "
		"{ncm_family=AF_UNSPEC}], 20, 0, " NLADDR ") = %s",
		fd, xp_res(n));
	nl_drain(fd, rbuf, sizeof(rbuf));
	c = msg_start(&m, RTM_NEWNETCONF, 0, 7, NLMSG_ALIGN(sizeof(*c)));
	c->ncm_family = AF_INET6;
	int32_t lo = (int32_t)if_nametoindex("lo"), all = NETCONFA_IFINDEX_ALL, on = 1, off = 0,
		odd = -3;
	add(&m, NETCONFA_IFINDEX, &lo, 4);
	add(&m, NETCONFA_IFINDEX, &all, 4);
	add(&m, NETCONFA_FORWARDING, &on, 4);
	add(&m, NETCONFA_RP_FILTER, &off, 4);
	add(&m, NETCONFA_MC_FORWARDING, &off, 4);
	add(&m, NETCONFA_PROXY_NEIGH, &on, 4);
	add(&m, NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN, &off, 4);
	add(&m, NETCONFA_INPUT, &odd, 4);
	add(&m, NETCONFA_BC_FORWARDING, &on, 2);
	n = nl_send(fd, m.buf, m.len);
	xp_line(me,
		"sendto(%d, [{nlmsg_len=92, nlmsg_type=RTM_NEWNETCONF, nlmsg_flags=0, nlmsg_seq=7, "
		"nlmsg_pid=0}, {ncm_family=AF_INET6}, [[{nla_len=8, nla_type=NETCONFA_IFINDEX}, "
		"if_nametoindex(\"lo\")], [{nla_len=8, nla_type=NETCONFA_IFINDEX}, 4294967295], "
		"[{nla_len=8, nla_type=NETCONFA_FORWARDING}, 1], [{nla_len=8, "
		"nla_type=NETCONFA_RP_FILTER}, 0], [{nla_len=8, nla_type=NETCONFA_MC_FORWARDING}, "
		"0], "
		"[{nla_len=8, nla_type=NETCONFA_PROXY_NEIGH}, 1], [{nla_len=8, "
		"nla_type=NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN}, 0], [{nla_len=8, "
		"nla_type=NETCONFA_INPUT}, -3], [{nla_len=6, nla_type=NETCONFA_BC_FORWARDING}, "
		"\"\\x01\\x00\"]]], 92, 0, " NLADDR ") = %s",
		fd, xp_res(n));
}

/* tc qdisc's request on "lo", then a qdisc with its kind and statistics. */
static void tc(int fd)
{
	struct msg m;
	struct tcmsg *t = msg_start(&m, RTM_GETQDISC, NLM_F_REQUEST | NLM_F_DUMP, 8, sizeof(*t));

	t->tcm_ifindex = (int)if_nametoindex("lo");
	long n = nl_send(fd, m.buf, m.len);
	xp_line(me,
		"sendto(%d, [{nlmsg_len=36, nlmsg_type=RTM_GETQDISC, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=8, nlmsg_pid=0}, "
		"{tcm_family=AF_UNSPEC, tcm_ifindex=if_nametoindex(\"lo\"), tcm_handle=0, "
		"tcm_parent=0, tcm_info=0}], 36, 0, " NLADDR ") = %s",
		fd, xp_res(n));
	nl_drain(fd, rbuf, sizeof(rbuf));
	t = msg_start(&m, RTM_NEWQDISC, 0, 9, sizeof(*t));
	*t = (struct tcmsg){.tcm_handle = 0x10000, .tcm_parent = TC_H_ROOT, .tcm_info = 2};
	struct tc_stats st = {.bytes = 1000, .packets = 10, .drops = 1, .qlen = 2};
	struct gnet_stats_basic basic = {.bytes = 1000, .packets = 10};
	struct gnet_stats_queue queue = {.qlen = 2, .drops = 1};
	uint8_t off = 0;
	add(&m, TCA_KIND, "pfifo", 6);
	add(&m, TCA_HW_OFFLOAD, &off, 1);
	size_t nest = m.len;
	add(&m, TCA_STATS2, NULL, 0);
	add(&m, TCA_STATS_BASIC, &basic, sizeof(basic));
	add(&m, TCA_STATS_QUEUE, &queue, sizeof(queue));
	((struct nlattr *)(m.buf + nest))->nla_len = (uint16_t)(m.len - nest);
	add(&m, TCA_STATS, &st, sizeof(st));
	n = nl_send(fd, m.buf, m.len);
	xp_line(me,
		"sendto(%d, [{nlmsg_len=%zu, nlmsg_type=RTM_NEWQDISC, nlmsg_flags=0, nlmsg_seq=9, "
		"nlmsg_pid=0}, {tcm_family=AF_UNSPEC, tcm_ifindex=0, tcm_handle=65536, "
		"tcm_parent=4294967295, tcm_info=2}, [[{nla_len=10, nla_type=TCA_KIND}, "
		"\"pfifo\"], "
		"[{nla_len=5, nla_type=TCA_HW_OFFLOAD}, 0], [{nla_len=%zu, nla_type=TCA_STATS2}, "
		"[[{nla_len=%zu, nla_type=TCA_STATS_BASIC}, {bytes=1000, packets=10}], "
		"[{nla_len=24, "
		"nla_type=TCA_STATS_QUEUE}, {qlen=2, backlog=0, drops=1, requeues=0, "
		"overlimits=0}]]], [{nla_len=%zu, nla_type=TCA_STATS}, {bytes=1000, packets=10, "
		"drops=1, overlimits=0, bps=0, pps=0, qlen=2, backlog=0}]]], %zu, 0, " NLADDR
		") = %s",
		fd, m.len,
		NLA_HDRLEN + NLA_ALIGN(NLA_HDRLEN + sizeof(basic)) + NLA_HDRLEN + sizeof(queue),
		NLA_HDRLEN + sizeof(basic), NLA_HDRLEN + sizeof(st), m.len, xp_res(n));
}

/* ip nexthop's request, then a nexthop with an id, a group, its interface and gateway. */
static void nexthop(int fd)
{
	struct msg m;
	struct nhmsg *h = msg_start(&m, RTM_GETNEXTHOP, NLM_F_REQUEST | NLM_F_DUMP, 10, sizeof(*h));
	long n = nl_send(fd, m.buf, m.len);

	xp_line(me,
		"sendto(%d, [{nlmsg_len=24, nlmsg_type=RTM_GETNEXTHOP, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=10, nlmsg_pid=0}, "
		"{nh_family=AF_UNSPEC, nh_scope=RT_SCOPE_UNIVERSE, nh_protocol=RTPROT_UNSPEC, "
		"nh_flags=0}], 24, 0, " NLADDR ") = %s",
		fd, xp_res(n));
	nl_drain(fd, rbuf, sizeof(rbuf));
	h = msg_start(&m, RTM_NEWNEXTHOP, 0, 11, sizeof(*h));
	*h = (struct nhmsg){.nh_family = AF_INET,
			    .nh_scope = RT_SCOPE_LINK,
			    .nh_protocol = RTPROT_STATIC,
			    .nh_flags = RTNH_F_ONLINK};
	uint32_t id = 7, lo = if_nametoindex("lo"), gw = htonl(INADDR_LOOPBACK);
	struct nexthop_grp g = {.id = 1, .weight = 2};
	add(&m, NHA_ID, &id, 4);
	add(&m, NHA_GROUP, &g, sizeof(g));
	add(&m, NHA_OIF, &lo, 4);
	add(&m, NHA_GATEWAY, &gw, 4);
	n = nl_send(fd, m.buf, m.len);
	xp_line(me,
		"sendto(%d, [{nlmsg_len=60, nlmsg_type=RTM_NEWNEXTHOP, nlmsg_flags=0, "
		"nlmsg_seq=11, "
		"nlmsg_pid=0}, {nh_family=AF_INET, nh_scope=RT_SCOPE_LINK, "
		"nh_protocol=RTPROT_STATIC, "
		"nh_flags=RTNH_F_ONLINK}, [[{nla_len=8, nla_type=NHA_ID}, 7], [{nla_len=12, "
		"nla_type=NHA_GROUP}, [{id=1, weight=2}]], [{nla_len=8, nla_type=NHA_OIF}, "
		"if_nametoindex(\"lo\")], [{nla_len=8, nla_type=NHA_GATEWAY}, "
		"inet_addr(\"127.0.0.1\")]]], 60, 0, " NLADDR ") = %s",
		fd, xp_res(n));
}

/* bridge mdb's request. */
static void mdb(int fd)
{
	struct msg m;
	struct br_port_msg *b =
		msg_start(&m, RTM_GETMDB, NLM_F_REQUEST | NLM_F_DUMP, 12, sizeof(*b));

	b->family = AF_BRIDGE;
	long n = nl_send(fd, m.buf, m.len);
	xp_line(me,
		"sendto(%d, [{nlmsg_len=24, nlmsg_type=RTM_GETMDB, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=12, nlmsg_pid=0}, "
		"{family=AF_BRIDGE, ifindex=0}], 24, 0, " NLADDR ") = %s",
		fd, xp_res(n));
	nl_drain(fd, rbuf, sizeof(rbuf));
}

static int run_basic(void)
{
	int fd = nl_socket(me, NETLINK_ROUTE, "NETLINK_ROUTE");

	if (fd < 0)
		return 0;
	rule_dump(fd, AF_INET, "AF_INET", 1);
	rule_dump(fd, AF_INET6, "AF_INET6", 2);
	rule_all(fd);
	rule_odd(fd);
	netconf(fd);
	tc(fd);
	nexthop(fd);
	mdb(fd);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_netlink_rtm", argc, argv, modes);
}
