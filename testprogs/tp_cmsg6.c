/* IP control messages a kernel writes and the socket options that take structs.
 *   tp_cmsg6 basic   UDP on IPv4 and IPv6 loopback with IP_PKTINFO, IP_TTL, IP_TOS,
 *                    IP_ORIGDSTADDR and IP_RECVERR (an ICMP error from a closed port, read
 *                    with MSG_ERRQUEUE), their IPv6 twins (strace 6.1 leaves SOL_IPV6
 *                    messages undecoded), then SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF,
 *                    IP_ADD_MEMBERSHIP, IPV6_ADD_MEMBERSHIP and MCAST_JOIN_GROUP, the
 *                    source-specific multicast options and the netfilter option names
 *   tp_cmsg6 opts    the socket options alone (no ports: strace_compare.py's)
 * Ports, addresses and descriptors are the program's own: it states them as it got them.
 */
#include "expect.h"

#include <arpa/inet.h>
#include <linux/errqueue.h>
#include <linux/filter.h>
#include <linux/netfilter_arp/arp_tables.h>
#include <linux/netfilter_bridge/ebtables.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

/* <net/if.h>'s, which clashes with the <linux/if.h> the netfilter headers include. */
unsigned int if_nametoindex(const char *name);
char *if_indextoname(unsigned int index, char *name);
#define IF_NAMESIZE IFNAMSIZ

static pid_t me;

/* {sa_family=AF_INET, sin_port=htons(N), sin_addr=inet_addr("A")} */
static const char *sin_text(char *b, size_t n, const struct sockaddr_in *sin)
{
	char a[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &sin->sin_addr, a, sizeof(a));
	snprintf(b, n, "{sa_family=AF_INET, sin_port=htons(%u), sin_addr=inet_addr(\"%s\")}",
		 ntohs(sin->sin_port), a);
	return b;
}

static const char *sin6_text(char *b, size_t n, const struct sockaddr_in6 *s6)
{
	char a[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, &s6->sin6_addr, a, sizeof(a));
	snprintf(b, n,
		 "{sa_family=AF_INET6, sin6_port=htons(%u), sin6_flowinfo=htonl(%u), "
		 "inet_pton(AF_INET6, \"%s\", &sin6_addr), sin6_scope_id=%u}",
		 ntohs(s6->sin6_port), ntohl(s6->sin6_flowinfo), a, s6->sin6_scope_id);
	return b;
}

/* if_nametoindex("lo"), or the number of an interface without a name. */
static const char *ifx_text(char *b, size_t n, unsigned idx)
{
	char name[IF_NAMESIZE];

	if (idx && if_indextoname(idx, name))
		snprintf(b, n, "if_nametoindex(\"%s\")", name);
	else
		snprintf(b, n, "%u", idx);
	return b;
}

/* The data of one SOL_IP message as strace shows it, after ", cmsg_data=". */
static void ip_data_text(char *b, size_t n, const struct cmsghdr *c)
{
	const unsigned char *p = CMSG_DATA(c);
	char x[160], y[160];

	if (c->cmsg_type == IP_PKTINFO) {
		struct in_pktinfo pi;
		memcpy(&pi, p, sizeof(pi));
		char a1[INET_ADDRSTRLEN], a2[INET_ADDRSTRLEN];
		inet_ntop(AF_INET, &pi.ipi_spec_dst, a1, sizeof(a1));
		inet_ntop(AF_INET, &pi.ipi_addr, a2, sizeof(a2));
		snprintf(b, n,
			 "{ipi_ifindex=%s, ipi_spec_dst=inet_addr(\"%s\"), "
			 "ipi_addr=inet_addr(\"%s\")}",
			 ifx_text(x, sizeof(x), (unsigned)pi.ipi_ifindex), a1, a2);
	} else if (c->cmsg_type == IP_TTL) {
		int ttl;
		memcpy(&ttl, p, sizeof(ttl));
		snprintf(b, n, "[%d]", ttl);
	} else if (c->cmsg_type == IP_TOS) {
		snprintf(b, n, p[0] ? "[%#x]" : "[%u]", p[0]);
	} else if (c->cmsg_type == IP_ORIGDSTADDR) {
		struct sockaddr_in sin;
		memcpy(&sin, p, sizeof(sin));
		sin_text(b, n, &sin);
	} else {
		struct sock_extended_err ee;
		struct sockaddr_in sin;
		memcpy(&ee, p, sizeof(ee));
		memcpy(&sin, p + sizeof(ee), sizeof(sin));
		snprintf(b, n,
			 "{ee_errno=%u, ee_origin=%u, ee_type=%u, ee_code=%u, ee_info=%u, "
			 "ee_data=%u, offender=%s}",
			 ee.ee_errno, ee.ee_origin, ee.ee_type, ee.ee_code, ee.ee_info, ee.ee_data,
			 sin_text(y, sizeof(y), &sin));
	}
}

static const char *ip_type(int type)
{
	switch (type) {
	case IP_PKTINFO:
		return "IP_PKTINFO";
	case IP_TTL:
		return "IP_TTL";
	case IP_TOS:
		return "IP_TOS";
	case IP_ORIGDSTADDR:
		return "IP_ORIGDSTADDR";
	default:
		return "IP_RECVERR";
	}
}

/* msg_control=[...] of a received message: SOL_IP's decoded, SOL_IPV6's their type alone. */
static void control_text(char *b, size_t n, struct msghdr *m)
{
	size_t o = (size_t)snprintf(b, n, "[");

	for (struct cmsghdr *c = CMSG_FIRSTHDR(m); c && o < n; c = CMSG_NXTHDR(m, c)) {
		const char *sep = c == CMSG_FIRSTHDR(m) ? "" : ", ";
		char data[400];
		if (c->cmsg_level == SOL_IP) {
			ip_data_text(data, sizeof(data), c);
			o += (size_t)snprintf(b + o, n - o,
					      "%s{cmsg_len=%zu, cmsg_level=SOL_IP, cmsg_type=%s, "
					      "cmsg_data=%s}",
					      sep, (size_t)c->cmsg_len, ip_type(c->cmsg_type),
					      data);
		} else {
			o += (size_t)snprintf(
				b + o, n - o,
				"%s{cmsg_len=%zu, cmsg_level=SOL_IPV6, cmsg_type=%#x}", sep,
				(size_t)c->cmsg_len, (unsigned)c->cmsg_type);
		}
	}
	if (o < n)
		snprintf(b + o, n - o, "]");
}

/* recvmsg(fd, ..., flags) of one byte "x" into 64, from the sender whose text is name. */
static int rx(int fd, int flags)
{
	char buf[64], ctl[512], name[160], text[1600];
	struct sockaddr_storage ss;
	struct iovec io = {buf, sizeof(buf)};
	struct msghdr m = {&ss, sizeof(ss), &io, 1, ctl, sizeof(ctl), 0};

	long n = syscall(SYS_recvmsg, fd, &m, flags);
	if (n != 1)
		return 1;
	if (ss.ss_family == AF_INET)
		sin_text(name, sizeof(name), (struct sockaddr_in *)&ss);
	else
		sin6_text(name, sizeof(name), (struct sockaddr_in6 *)&ss);
	control_text(text, sizeof(text), &m);
	const char *fl = flags ? "MSG_ERRQUEUE" : "0";
	xp_line(me,
		"recvmsg(%d, {msg_name=%s, msg_namelen=%zu => %u, msg_iov=[{iov_base=\"x\", "
		"iov_len=64}], msg_iovlen=1, msg_control=%s, msg_controllen=%zu, msg_flags=%s}, "
		"%s) = 1",
		fd, name, sizeof(ss), (unsigned)m.msg_namelen, text, (size_t)m.msg_controllen,
		(m.msg_flags & MSG_ERRQUEUE) ? "MSG_ERRQUEUE" : "0", fl);
	return 0;
}

/* setsockopt(fd, level, name, [1], 4) stated with the names' text. */
static int on(int fd, int level, const char *ltext, int name, const char *ntext)
{
	int one = 1;
	long n = syscall(SYS_setsockopt, fd, level, name, &one, sizeof(one));

	xp_line(me, "setsockopt(%d, %s, %s, [1], 4) = %s", fd, ltext, ntext, xp_res(n));
	return n < 0;
}

/* Sends "x" to the socket's own address, then to port 9 (closed): one datagram, one error. */
static int exchange(int fd, struct sockaddr *self, socklen_t len, in_port_t *port)
{
	struct pollfd p = {fd, 0, 0};

	if (sendto(fd, "x", 1, 0, self, len) != 1 || rx(fd, 0))
		return 1;
	*port = htons(9);
	if (sendto(fd, "x", 1, 0, self, len) != 1 || poll(&p, 1, 2000) != 1)
		return 1;
	return rx(fd, MSG_ERRQUEUE);
}

static int udp4(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a = {AF_INET, 0, {htonl(INADDR_LOOPBACK)}, {0}};
	socklen_t l = sizeof(a);

	if (s < 0 || bind(s, (struct sockaddr *)&a, l) || getsockname(s, (struct sockaddr *)&a, &l))
		return 1;
	if (on(s, SOL_IP, "SOL_IP", IP_PKTINFO, "IP_PKTINFO") ||
	    on(s, SOL_IP, "SOL_IP", IP_RECVTTL, "IP_RECVTTL") ||
	    on(s, SOL_IP, "SOL_IP", IP_RECVTOS, "IP_RECVTOS") ||
	    on(s, SOL_IP, "SOL_IP", IP_RECVORIGDSTADDR, "IP_ORIGDSTADDR") ||
	    on(s, SOL_IP, "SOL_IP", IP_RECVERR, "IP_RECVERR"))
		return 1;
	return exchange(s, (struct sockaddr *)&a, l, &a.sin_port);
}

static int udp6(void)
{
	int s = socket(AF_INET6, SOCK_DGRAM, 0);
	struct sockaddr_in6 a = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
	socklen_t l = sizeof(a);

	if (s < 0)
		return 1;
	/* No IPv6 here: nothing to state. */
	if (bind(s, (struct sockaddr *)&a, l) || getsockname(s, (struct sockaddr *)&a, &l))
		return close(s), 0;
	if (on(s, SOL_IPV6, "SOL_IPV6", IPV6_RECVPKTINFO, "IPV6_RECVPKTINFO") ||
	    on(s, SOL_IPV6, "SOL_IPV6", IPV6_RECVHOPLIMIT, "IPV6_RECVHOPLIMIT") ||
	    on(s, SOL_IPV6, "SOL_IPV6", IPV6_RECVTCLASS, "IPV6_RECVTCLASS") ||
	    on(s, SOL_IPV6, "SOL_IPV6", IPV6_RECVERR, "IPV6_RECVERR"))
		return 1;
	return exchange(s, (struct sockaddr *)&a, l, &a.sin6_port);
}

/* setsockopt(fd, level, name, p, len) stated with the names' and the value's text. */
static void opt(int fd, const char *lt, int level, const char *nt, int name, const void *p,
		socklen_t len, const char *vt)
{
	long n = syscall(SYS_setsockopt, fd, level, name, p, len);

	xp_line(me, "setsockopt(%d, %s, %s, %s, %u) = %s", fd, lt, nt, vt, (unsigned)len,
		xp_res(n));
}

/* struct sock_fprog: whole, one byte short, at a bad address. */
static void filters(int s)
{
	struct sock_filter f[1] = {BPF_STMT(BPF_RET | BPF_K, 0xffff)};
	struct sock_fprog p = {1, f};
	char t[160], a[40];

	snprintf(t, sizeof(t), "{len=1, filter=%p}", (void *)f);
	snprintf(a, sizeof(a), "%p", (void *)&p);
	opt(s, "SOL_SOCKET", SOL_SOCKET, "SO_ATTACH_FILTER", SO_ATTACH_FILTER, &p, sizeof(p), t);
	/* The filter read back: its address, the length in instructions. */
	struct sock_filter back[16];
	socklen_t blen = 16;
	long n = syscall(SYS_getsockopt, s, SOL_SOCKET, SO_GET_FILTER, back, &blen);
	xp_line(me, "getsockopt(%d, SOL_SOCKET, SO_GET_FILTER, %p, [16 => %u]) = %s", s,
		(void *)back, (unsigned)blen, xp_res(n));
	opt(s, "SOL_SOCKET", SOL_SOCKET, "SO_ATTACH_FILTER", SO_ATTACH_FILTER, &p, sizeof(p) - 1,
	    a);
	opt(s, "SOL_SOCKET", SOL_SOCKET, "SO_ATTACH_FILTER", SO_ATTACH_FILTER, (void *)8, sizeof(p),
	    "0x8");
	opt(s, "SOL_SOCKET", SOL_SOCKET, "SO_ATTACH_REUSEPORT_CBPF", SO_ATTACH_REUSEPORT_CBPF, &p,
	    sizeof(p), t);
}

/* Multicast groups: struct ip_mreqn, struct ipv6_mreq, struct group_req. */
static void groups(int s, int s6)
{
	unsigned lo = if_nametoindex("lo");
	char t[256], a[40], x[64];

	struct ip_mreqn mn = {{inet_addr("224.0.0.251")}, {0}, (int)lo};
	opt(s, "SOL_IP", SOL_IP, "IP_ADD_MEMBERSHIP", IP_ADD_MEMBERSHIP, &mn, sizeof(mn),
	    "{imr_multiaddr=inet_addr(\"224.0.0.251\"), imr_interface=inet_addr(\"0.0.0.0\")}");
	struct group_req g = {lo, {0}};
	struct sockaddr_in *ga = (struct sockaddr_in *)&g.gr_group;
	ga->sin_family = AF_INET;
	ga->sin_addr.s_addr = inet_addr("224.0.0.253");
	snprintf(t, sizeof(t),
		 "{gr_interface=%s, gr_group={sa_family=AF_INET, sin_port=htons(0), "
		 "sin_addr=inet_addr(\"224.0.0.253\")}}",
		 ifx_text(x, sizeof(x), lo));
	snprintf(a, sizeof(a), "%p", (void *)&g);
	opt(s, "SOL_IP", SOL_IP, "MCAST_JOIN_GROUP", MCAST_JOIN_GROUP, &g, sizeof(g), t);
	opt(s, "SOL_IP", SOL_IP, "MCAST_LEAVE_GROUP", MCAST_LEAVE_GROUP, &g, 20, a);
	opt(s, "SOL_IP", SOL_IP, "MCAST_JOIN_GROUP", MCAST_JOIN_GROUP, (void *)8, sizeof(g), "0x8");
	if (s6 < 0)
		return;
	struct ipv6_mreq m6 = {.ipv6mr_interface = lo};
	inet_pton(AF_INET6, "ff02::fb", &m6.ipv6mr_multiaddr);
	snprintf(t, sizeof(t),
		 "{inet_pton(AF_INET6, \"ff02::fb\", &ipv6mr_multiaddr), ipv6mr_interface=%s}",
		 ifx_text(x, sizeof(x), lo));
	snprintf(a, sizeof(a), "%p", (void *)&m6);
	opt(s6, "SOL_IPV6", SOL_IPV6, "IPV6_ADD_MEMBERSHIP", IPV6_ADD_MEMBERSHIP, &m6, sizeof(m6),
	    t);
	opt(s6, "SOL_IPV6", SOL_IPV6, "IPV6_DROP_MEMBERSHIP", IPV6_DROP_MEMBERSHIP, &m6,
	    sizeof(m6) - 1, a);
}

/* n bytes as strace quotes them (at most 32, then "..." when there are more). */
static const char *bytes_text(char *b, size_t bn, const void *p, size_t n)
{
	const unsigned char *c = p;
	size_t k = 0, m = n > 32 ? 32 : n;

	b[k++] = '"';
	for (size_t i = 0; i < m && k + 8 < bn; i++) {
		bool digit_next = i + 1 < m && c[i + 1] >= '0' && c[i + 1] <= '7';
		if (c[i] >= ' ' && c[i] < 0x7f && c[i] != '"' && c[i] != '\\')
			b[k++] = (char)c[i];
		else
			k += (size_t)snprintf(b + k, bn - k, digit_next ? "\\%03o" : "\\%o", c[i]);
	}
	snprintf(b + k, bn - k, "\"%s", n > m ? "..." : "");
	return b;
}

/* Source-specific multicast: strace 6.1 shows struct ip_mreq_source and struct
 * group_source_req (264 bytes here, 260 on i386: no padding after gsr_interface) as bytes.
 * The join may fail (EADDRNOTAVAIL without a route): the result is the kernel's. */
static void ssm(int s, int s6)
{
	char t[256];
	struct ip_mreq_source m = {
		{inet_addr("232.1.1.1")}, {inet_addr("127.0.0.1")}, {inet_addr("127.0.0.1")}};
	bytes_text(t, sizeof(t), &m, sizeof(m));
	opt(s, "SOL_IP", SOL_IP, "IP_ADD_SOURCE_MEMBERSHIP", IP_ADD_SOURCE_MEMBERSHIP, &m,
	    sizeof(m), t);
	opt(s, "SOL_IP", SOL_IP, "IP_BLOCK_SOURCE", IP_BLOCK_SOURCE, &m, sizeof(m), t);
	opt(s, "SOL_IP", SOL_IP, "IP_UNBLOCK_SOURCE", IP_UNBLOCK_SOURCE, &m, sizeof(m), t);
	bytes_text(t, sizeof(t), &m, sizeof(m) - 1);
	opt(s, "SOL_IP", SOL_IP, "IP_DROP_SOURCE_MEMBERSHIP", IP_DROP_SOURCE_MEMBERSHIP, &m,
	    sizeof(m) - 1, t);
	opt(s, "SOL_IP", SOL_IP, "IP_DROP_SOURCE_MEMBERSHIP", IP_DROP_SOURCE_MEMBERSHIP, (void *)8,
	    sizeof(m), "0x8");
	struct group_source_req g;
	memset(&g, 0, sizeof(g));
	g.gsr_interface = 1;
	struct sockaddr_in *ga = (struct sockaddr_in *)&g.gsr_group;
	ga->sin_family = AF_INET;
	ga->sin_addr.s_addr = inet_addr("232.1.1.1");
	ga = (struct sockaddr_in *)&g.gsr_source;
	ga->sin_family = AF_INET;
	ga->sin_addr.s_addr = inet_addr("127.0.0.1");
	bytes_text(t, sizeof(t), &g, sizeof(g));
	opt(s, "SOL_IP", SOL_IP, "MCAST_JOIN_SOURCE_GROUP", MCAST_JOIN_SOURCE_GROUP, &g, sizeof(g),
	    t);
	opt(s, "SOL_IP", SOL_IP, "MCAST_BLOCK_SOURCE", MCAST_BLOCK_SOURCE, &g, sizeof(g), t);
	opt(s, "SOL_IP", SOL_IP, "MCAST_UNBLOCK_SOURCE", MCAST_UNBLOCK_SOURCE, &g, sizeof(g), t);
	opt(s, "SOL_IP", SOL_IP, "MCAST_LEAVE_SOURCE_GROUP", MCAST_LEAVE_SOURCE_GROUP, &g,
	    sizeof(g) - 1, t);
	opt(s, "SOL_IP", SOL_IP, "MCAST_LEAVE_SOURCE_GROUP", MCAST_LEAVE_SOURCE_GROUP, (void *)8,
	    sizeof(g), "0x8");
	if (s6 >= 0)
		opt(s6, "SOL_IPV6", SOL_IPV6, "MCAST_JOIN_SOURCE_GROUP", MCAST_JOIN_SOURCE_GROUP,
		    &g, sizeof(g), t);
}

/* getsockopt(fd, lt, nt, buf, [64]): buf is not read back on the errors these give. */
static void getopt64(int fd, const char *lt, int level, const char *nt, int name)
{
	char buf[64];
	socklen_t l = sizeof(buf);
	long n = syscall(SYS_getsockopt, fd, level, name, buf, &l);

	if (n < 0)
		xp_line(me, "getsockopt(%d, %s, %s, %p, [64]) = %s", fd, lt, nt, (void *)buf,
			xp_res(n));
}

/* The netfilter options (set and get share numbers) and IPv6's flow label options, named. */
static void nf_names(int s, int s6)
{
	char z[64] = {0}, t[160];

	bytes_text(t, sizeof(t), z, sizeof(z));
	getopt64(s, "SOL_IP", SOL_IP, "IPT_SO_GET_INFO", IPT_SO_GET_INFO);
	opt(s, "SOL_IP", SOL_IP, "IPT_SO_SET_REPLACE", IPT_SO_SET_REPLACE, z, sizeof(z), t);
	opt(s, "SOL_IP", SOL_IP, "IPT_SO_SET_ADD_COUNTERS", IPT_SO_SET_ADD_COUNTERS, z, sizeof(z),
	    t);
	getopt64(s, "SOL_IP", SOL_IP, "IPT_SO_GET_REVISION_TARGET", IPT_SO_GET_REVISION_TARGET);
	getopt64(s, "SOL_IP", SOL_IP, "ARPT_SO_GET_REVISION_TARGET", ARPT_SO_GET_REVISION_TARGET);
	getopt64(s, "SOL_IP", SOL_IP, "EBT_SO_GET_INIT_ENTRIES", EBT_SO_GET_INIT_ENTRIES);
	opt(s, "SOL_IP", SOL_IP, "EBT_SO_SET_COUNTERS", EBT_SO_SET_COUNTERS, z, sizeof(z), t);
	if (s6 < 0)
		return;
	getopt64(s6, "SOL_IPV6", SOL_IPV6, "IP6T_SO_GET_ENTRIES", IP6T_SO_GET_ENTRIES);
	opt(s6, "SOL_IPV6", SOL_IPV6, "IP6T_SO_SET_REPLACE", IP6T_SO_SET_REPLACE, z, sizeof(z), t);
/*
 * Older UAPI headers (Debian 12's arm64 cross package) define the flow label options
 * only under __UAPI_DEF_IPV6_OPTIONS, which glibc's <netinet/in.h> turns off.
 */
#ifdef IPV6_FLOWINFO_SEND
	int v = 0;
	opt(s6, "SOL_IPV6", SOL_IPV6, "IPV6_FLOWINFO_SEND", IPV6_FLOWINFO_SEND, &v, sizeof(v),
	    "[0]");
#endif
#ifdef IPV6_FLOWLABEL_MGR
	bytes_text(t, sizeof(t), z, 32);
	opt(s6, "SOL_IPV6", SOL_IPV6, "IPV6_FLOWLABEL_MGR", IPV6_FLOWLABEL_MGR, z, 32, t);
#endif
}

static int opts(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0), s6 = socket(AF_INET6, SOCK_DGRAM, 0);

	if (s < 0)
		return 1;
	filters(s);
	groups(s, s6);
	ssm(s, s6);
	nf_names(s, s6);
	return 0;
}

static int run_basic(void)
{
	me = getpid();
	if (udp4() || udp6())
		return 1;
	return opts();
}

/* The options alone: the same output in every run under setarch -R (no ports). */
static int run_opts(void)
{
	me = getpid();
	return opts();
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"basic", run_basic}, {"opts", run_opts}, {NULL, NULL}};

	xp_init();
	xp_main("tp_cmsg6", argc, argv, modes);
}
