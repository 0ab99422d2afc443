/* Netlink messages as strace shows what sendto, recvfrom and sendmsg carry on a netlink
 * socket: NETLINK_ROUTE requests (the loopback link, IPv4 addresses), a request the
 * kernel refuses and its NLMSG_ERROR answer, NETLINK_SOCK_DIAG requests (and answers the
 * program makes up, which the kernel ignores), NETLINK_AUDIT's AUDIT_GET, messages whose
 * lengths are wrong, and buffers that cannot be read.
 *   tp_netlink basic   run with the default options
 * Answers that depend on the machine (the link's statistics, its addresses) are read with
 * read(2), which strace shows as a plain buffer: they are not stated.  Each socket is closed
 * before the next is opened, so that every one gets the process's pid as its port id.
 */
#include "expect.h"
#include "nl_prog.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/if_addr.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>

static pid_t me;
static char rbuf[32768];

static long nl_recv(int fd)
{
	return syscall(SYS_recvfrom, fd, rbuf, sizeof(rbuf), 0, NULL, NULL);
}

/* The link "lo" by its index, and by its name in an IFLA_IFNAME attribute. */
static void route_link(int fd)
{
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
		struct nlattr a;
		char name[4];
	} q = {
		.h = {.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg)),
		      .nlmsg_type = RTM_GETLINK,
		      .nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK,
		      .nlmsg_seq = 1},
		.i = {.ifi_family = AF_UNSPEC, .ifi_index = (int)if_nametoindex("lo")},
	};
	long n = nl_send(fd, &q, q.h.nlmsg_len);

	xp_line(me,
		"sendto(%d, [{nlmsg_len=32, nlmsg_type=RTM_GETLINK, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=1, nlmsg_pid=0}, "
		"{ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, "
		"ifi_index=if_nametoindex(\"lo\"), ifi_flags=0, ifi_change=0}], 32, 0, " NLADDR
		") = %s",
		fd, xp_res(n));
	nl_drain(fd, rbuf, sizeof(rbuf));
	q.h.nlmsg_len = sizeof(q);
	q.h.nlmsg_seq = 2;
	q.i.ifi_index = 0;
	q.a.nla_len = NLA_HDRLEN + 3;
	q.a.nla_type = IFLA_IFNAME;
	memcpy(q.name, "lo", 3);
	n = nl_send(fd, &q, sizeof(q));
	xp_line(me,
		"sendto(%d, [{nlmsg_len=40, nlmsg_type=RTM_GETLINK, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=2, nlmsg_pid=0}, "
		"{ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, "
		"ifi_index=0, ifi_flags=0, ifi_change=0}, [{nla_len=7, nla_type=IFLA_IFNAME}, "
		"\"lo\"]], 40, 0, " NLADDR ") = %s",
		fd, xp_res(n));
	nl_drain(fd, rbuf, sizeof(rbuf));
}

/* Every IPv4 address (a dump), then a message type the kernel does not know. */
static void route_addr(int fd, uint32_t port)
{
	struct {
		struct nlmsghdr h;
		struct ifaddrmsg a;
	} q = {
		.h = {.nlmsg_len = sizeof(q),
		      .nlmsg_type = RTM_GETADDR,
		      .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
		      .nlmsg_seq = 3},
		.a = {.ifa_family = AF_INET},
	};
	long n = nl_send(fd, &q, sizeof(q));

	xp_line(me,
		"sendto(%d, [{nlmsg_len=24, nlmsg_type=RTM_GETADDR, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=3, nlmsg_pid=0}, "
		"{ifa_family=AF_INET, ifa_prefixlen=0, ifa_flags=0, ifa_scope=RT_SCOPE_UNIVERSE, "
		"ifa_index=0}], 24, 0, " NLADDR ") = %s",
		fd, xp_res(n));
	nl_drain(fd, rbuf, sizeof(rbuf));
	struct {
		struct nlmsghdr h;
		uint8_t data[4];
	} bad = {
		.h = {.nlmsg_len = sizeof(bad),
		      .nlmsg_type = RTM_MAX + 1,
		      .nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK,
		      .nlmsg_seq = 4},
		.data = {1, 2, 3, 4},
	};
	n = nl_send(fd, &bad, sizeof(bad));
	xp_line(me,
		"sendto(%d, [{nlmsg_len=20, nlmsg_type=%#x /* RTM_??? */, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=4, nlmsg_pid=0}, "
		"{family=AF_UNIX, data=\"\\x02\\x03\\x04\"}], 20, 0, " NLADDR ") = %s",
		fd, RTM_MAX + 1, xp_res(n));
	n = nl_recv(fd);
	xp_line(me,
		"recvfrom(%d, [{nlmsg_len=40, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq=4, "
		"nlmsg_pid=%d}, {error=-EOPNOTSUPP, msg=[{nlmsg_len=20, nlmsg_type=%#x /* RTM_??? "
		"*/, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=4, nlmsg_pid=0}, "
		"{family=AF_UNIX, data=\"\\x02\\x03\\x04\"}]}], %zu, 0, NULL, NULL) = %s",
		fd, (int)port, RTM_MAX + 1, sizeof(rbuf), xp_res(n));
}

/* An NLMSG_ERROR as the kernel writes one with an extended ack (the kernel ignores it). */
static void route_ack(int fd)
{
	struct {
		struct nlmsghdr h;
		struct nlmsgerr e;
		struct nlattr a1;
		char msg[8];
		struct nlattr a2;
		uint32_t offs;
	} q = {
		.h = {.nlmsg_len = sizeof(q),
		      .nlmsg_type = NLMSG_ERROR,
		      .nlmsg_flags = NLM_F_CAPPED | NLM_F_ACK_TLVS,
		      .nlmsg_seq = 5},
		.e = {.error = -EINVAL,
		      .msg = {.nlmsg_len = 36, .nlmsg_type = RTM_NEWLINK, .nlmsg_seq = 9}},
		.a1 = {.nla_len = NLA_HDRLEN + 8, .nla_type = NLMSGERR_ATTR_MSG},
		.msg = "no link",
		.a2 = {.nla_len = NLA_HDRLEN + 4, .nla_type = NLMSGERR_ATTR_OFFS},
		.offs = 20,
	};
	long n = nl_send(fd, &q, sizeof(q));

	xp_line(me,
		"sendto(%d, [{nlmsg_len=56, nlmsg_type=NLMSG_ERROR, "
		"nlmsg_flags=NLM_F_CAPPED|NLM_F_ACK_TLVS, nlmsg_seq=5, nlmsg_pid=0}, "
		"[{error=-EINVAL, msg={nlmsg_len=36, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, "
		"nlmsg_seq=9, nlmsg_pid=0}}, [[{nla_len=12, nla_type=NLMSGERR_ATTR_MSG}, "
		"\"no link\"], [{nla_len=8, nla_type=NLMSGERR_ATTR_OFFS}, 20]]]], 56, 0, " NLADDR
		") = %s",
		fd, xp_res(n));
}

/* Lengths that are wrong, and buffers that cannot be read. */
static void route_broken(int fd)
{
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
	} q = {
		.h = {.nlmsg_len = 100, .nlmsg_type = RTM_GETLINK, .nlmsg_seq = 6},
	};
	long n = nl_send(fd, &q, sizeof(q));

	xp_line(me,
		"sendto(%d, [{nlmsg_len=100, nlmsg_type=RTM_GETLINK, nlmsg_flags=0, nlmsg_seq=6, "
		"nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, "
		"ifi_flags=0, ifi_change=0}], 32, 0, " NLADDR ") = %s",
		fd, xp_res(n));
	q.h.nlmsg_len = 4;
	n = nl_send(fd, &q, sizeof(q));
	xp_line(me,
		"sendto(%d, {nlmsg_len=4, nlmsg_type=RTM_GETLINK, nlmsg_flags=0, nlmsg_seq=6, "
		"nlmsg_pid=0}, 32, 0, " NLADDR ") = %s",
		fd, xp_res(n));
	n = nl_send(fd, &q, 10);
	xp_line(me,
		"sendto(%d, \"\\x04\\x00\\x00\\x00\\x12\\x00\\x00\\x00\\x06\\x00\", 10, 0, " NLADDR
		") = %s",
		fd, xp_res(n));
	n = nl_send(fd, (void *)8, 20);
	xp_line(me, "sendto(%d, 0x8, 20, 0, " NLADDR ") = %s", fd, xp_res(n));
	/* A header in the last bytes of a page whose next page is gone. */
	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(page + 4096, 4096);
	char *at = page + 4096 - sizeof(q.h);
	q.h.nlmsg_len = 32;
	memcpy(at, &q.h, sizeof(q.h));
	n = nl_send(fd, at, 32);
	xp_line(me,
		"sendto(%d, [{nlmsg_len=32, nlmsg_type=RTM_GETLINK, nlmsg_flags=0, nlmsg_seq=6, "
		"nlmsg_pid=0}, %p], 32, 0, " NLADDR ") = %s",
		fd, (void *)(at + sizeof(q.h)), xp_res(n));
	munmap(page, 4096);
}

/* sendmsg to the kernel: the link "lo" again, through an iovec. */
static void route_sendmsg(int fd)
{
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
	} q = {
		.h = {.nlmsg_len = sizeof(q),
		      .nlmsg_type = RTM_GETLINK,
		      .nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK,
		      .nlmsg_seq = 7},
		.i = {.ifi_index = (int)if_nametoindex("lo")},
	};
	struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
	struct iovec iov = {&q, sizeof(q)};
	struct msghdr m = {
		.msg_name = &sa, .msg_namelen = sizeof(sa), .msg_iov = &iov, .msg_iovlen = 1};
	long n = syscall(SYS_sendmsg, fd, &m, 0);

	xp_line(me,
		"sendmsg(%d, {msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, "
		"msg_namelen=12, msg_iov=[{iov_base=[{nlmsg_len=32, nlmsg_type=RTM_GETLINK, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=7, nlmsg_pid=0}, "
		"{ifi_family=AF_UNSPEC, "
		"ifi_type=ARPHRD_NETROM, ifi_index=if_nametoindex(\"lo\"), ifi_flags=0, "
		"ifi_change=0}], iov_len=32}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = "
		"%s",
		fd, xp_res(n));
	nl_drain(fd, rbuf, sizeof(rbuf));
}

static void route(void)
{
	int fd = nl_socket(me, NETLINK_ROUTE, "NETLINK_ROUTE");

	if (fd < 0)
		return;
	route_link(fd);
	struct sockaddr_nl sa;
	socklen_t len = sizeof(sa);
	getsockname(fd, (struct sockaddr *)&sa, &len);
	route_addr(fd, sa.nl_pid);
	route_ack(fd);
	route_broken(fd);
	route_sendmsg(fd);
	close(fd);
}

/* An INET request for a socket that is not there: the kernel answers ENOENT. */
static void diag_inet(int fd, uint32_t port)
{
	struct {
		struct nlmsghdr h;
		struct inet_diag_req_v2 r;
	} q = {
		.h = {.nlmsg_len = sizeof(q),
		      .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		      .nlmsg_flags = NLM_F_REQUEST,
		      .nlmsg_seq = 1},
		.r = {.sdiag_family = AF_INET,
		      .sdiag_protocol = IPPROTO_TCP,
		      .idiag_ext = 1 << (INET_DIAG_INFO - 1) | 1 << (INET_DIAG_CONG - 1),
		      .idiag_states = 1 << 10 /* TCP_LISTEN */,
		      .id = {.idiag_sport = htons(1),
			     .idiag_src = {htonl(INADDR_LOOPBACK)},
			     .idiag_cookie = {INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE}}},
	};
	static const char req[] =
		"{nlmsg_len=72, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST, "
		"nlmsg_seq=1, nlmsg_pid=0}, {sdiag_family=AF_INET, sdiag_protocol=IPPROTO_TCP, "
		"idiag_ext=1<<(INET_DIAG_INFO-1)|1<<(INET_DIAG_CONG-1), "
		"idiag_states=1<<TCP_LISTEN, "
		"id={idiag_sport=htons(1), idiag_dport=htons(0), "
		"idiag_src=inet_addr(\"127.0.0.1\"), idiag_dst=inet_addr(\"0.0.0.0\"), idiag_if=0, "
		"idiag_cookie=[4294967295, 4294967295]}}";
	long n = nl_send(fd, &q, sizeof(q));

	xp_line(me, "sendto(%d, [%s], 72, 0, " NLADDR ") = %s", fd, req, xp_res(n));
	n = nl_recv(fd);
	xp_line(me,
		"recvfrom(%d, [{nlmsg_len=92, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq=1, "
		"nlmsg_pid=%d}, {error=-ENOENT, msg=[%s]}], %zu, 0, NULL, NULL) = %s",
		fd, (int)port, req, sizeof(rbuf), xp_res(n));
}

/* A dump of the UNIX sockets in no state: the kernel's answer is its NLMSG_DONE alone. */
static void diag_unix(int fd, uint32_t port)
{
	struct {
		struct nlmsghdr h;
		struct unix_diag_req r;
	} q = {
		.h = {.nlmsg_len = sizeof(q),
		      .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		      .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
		      .nlmsg_seq = 2},
		.r = {.sdiag_family = AF_UNIX,
		      .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | UDIAG_SHOW_RQLEN},
	};
	long n = nl_send(fd, &q, sizeof(q));

	xp_line(me,
		"sendto(%d, [{nlmsg_len=40, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=2, nlmsg_pid=0}, "
		"{sdiag_family=AF_UNIX, sdiag_protocol=0, udiag_states=0, udiag_ino=0, "
		"udiag_show=UDIAG_SHOW_NAME|UDIAG_SHOW_PEER|UDIAG_SHOW_RQLEN, udiag_cookie=[0, "
		"0]}], "
		"40, 0, " NLADDR ") = %s",
		fd, xp_res(n));
	n = nl_recv(fd);
	xp_line(me,
		"recvfrom(%d, [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, "
		"nlmsg_seq=2, nlmsg_pid=%d}, 0], %zu, 0, NULL, NULL) = %s",
		fd, (int)port, sizeof(rbuf), xp_res(n));
}

/* Answers as the kernel writes them, sent to it (it ignores what is not a request): an INET
 * socket's, a UNIX socket's. */
static void diag_inet_answer(int fd)
{
	struct {
		struct nlmsghdr h;
		struct inet_diag_msg m;
		struct nlattr a1;
		struct inet_diag_sockopt o;
		uint8_t pad1[2];
		struct nlattr a2;
		struct inet_diag_meminfo mem;
		struct nlattr a3;
		char cong[4];
		struct nlattr a4;
		uint32_t unknown;
		struct nlattr a5;
		uint32_t skmem[SK_MEMINFO_VARS];
	} q = {
		.h = {.nlmsg_len = sizeof(q), .nlmsg_type = SOCK_DIAG_BY_FAMILY, .nlmsg_seq = 3},
		.m = {.idiag_family = AF_INET6,
		      .idiag_state = 10 /* TCP_LISTEN */,
		      .id = {.idiag_sport = htons(80), .idiag_src = {0, 0, 0, htonl(1)}},
		      .idiag_uid = 1000,
		      .idiag_inode = 4242},
		.a1 = {.nla_len = NLA_HDRLEN + 2, .nla_type = INET_DIAG_SOCKOPT},
		.o = {.is_icsk = 1, .mc_loop = 1},
		.a2 = {.nla_len = NLA_HDRLEN + 16, .nla_type = INET_DIAG_MEMINFO},
		.mem = {.idiag_rmem = 1, .idiag_wmem = 2, .idiag_fmem = 3, .idiag_tmem = 4},
		.a3 = {.nla_len = NLA_HDRLEN + 4, .nla_type = INET_DIAG_CONG},
		.cong = "bbr",
		.a4 = {.nla_len = NLA_HDRLEN + 4, .nla_type = 0x7f},
		.unknown = 0x01020304,
		.a5 = {.nla_len = NLA_HDRLEN + 4 * SK_MEMINFO_VARS,
		       .nla_type = INET_DIAG_SKMEMINFO},
		.skmem = {[SK_MEMINFO_RCVBUF] = 131072,
			  [SK_MEMINFO_SNDBUF] = 16384,
			  [SK_MEMINFO_DROPS] = 7},
	};
	long n = nl_send(fd, &q, sizeof(q));

	xp_line(me,
		"sendto(%d, [{nlmsg_len=%zu, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=0, "
		"nlmsg_seq=3, nlmsg_pid=0}, {idiag_family=AF_INET6, idiag_state=TCP_LISTEN, "
		"idiag_timer=0, idiag_retrans=0, id={idiag_sport=htons(80), idiag_dport=htons(0), "
		"inet_pton(AF_INET6, \"::1\", &idiag_src), inet_pton(AF_INET6, \"::\", "
		"&idiag_dst), "
		"idiag_if=0, idiag_cookie=[0, 0]}, idiag_expires=0, idiag_rqueue=0, "
		"idiag_wqueue=0, "
		"idiag_uid=1000, idiag_inode=4242}, [[{nla_len=6, nla_type=INET_DIAG_SOCKOPT}, "
		"{is_icsk=1, mc_loop=1}], [{nla_len=20, nla_type=INET_DIAG_MEMINFO}, "
		"{idiag_rmem=1, "
		"idiag_wmem=2, idiag_fmem=3, idiag_tmem=4}], [{nla_len=8, "
		"nla_type=INET_DIAG_CONG}, "
		"\"bbr\"], [{nla_len=8, nla_type=0x7f /* INET_DIAG_??? */}, "
		"\"\\x04\\x03\\x02\\x01\"], [{nla_len=40, nla_type=INET_DIAG_SKMEMINFO}, "
		"[[SK_MEMINFO_RMEM_ALLOC]=0, [SK_MEMINFO_RCVBUF]=131072, "
		"[SK_MEMINFO_WMEM_ALLOC]=0, "
		"[SK_MEMINFO_SNDBUF]=16384, [SK_MEMINFO_FWD_ALLOC]=0, [SK_MEMINFO_WMEM_QUEUED]=0, "
		"[SK_MEMINFO_OPTMEM]=0, [SK_MEMINFO_BACKLOG]=0, [SK_MEMINFO_DROPS]=7]]]], "
		"%zu, 0, " NLADDR ") = %s",
		fd, sizeof(q), sizeof(q), xp_res(n));
}

static void diag_unix_answer(int fd)
{
	struct {
		struct nlmsghdr h;
		struct unix_diag_msg m;
		struct nlattr a1;
		char name[8];
		struct nlattr a2;
		struct unix_diag_rqlen rq;
		struct nlattr a3;
		uint32_t icons[2];
	} u = {
		.h = {.nlmsg_len = sizeof(u), .nlmsg_type = SOCK_DIAG_BY_FAMILY, .nlmsg_seq = 4},
		.m = {.udiag_family = AF_UNIX,
		      .udiag_type = SOCK_STREAM,
		      .udiag_state = 10,
		      .udiag_ino = 77},
		.a1 = {.nla_len = NLA_HDRLEN + 7, .nla_type = UNIX_DIAG_NAME},
		.name = "/tmp/x",
		.a2 = {.nla_len = NLA_HDRLEN + 8, .nla_type = UNIX_DIAG_RQLEN},
		.rq = {.udiag_rqueue = 1, .udiag_wqueue = 128},
		.a3 = {.nla_len = NLA_HDRLEN + 8, .nla_type = UNIX_DIAG_ICONS},
		.icons = {78, 79},
	};
	long n = nl_send(fd, &u, sizeof(u));

	xp_line(me,
		"sendto(%d, [{nlmsg_len=%zu, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=0, "
		"nlmsg_seq=4, nlmsg_pid=0}, {udiag_family=AF_UNIX, udiag_type=SOCK_STREAM, "
		"udiag_state=TCP_LISTEN, udiag_ino=77, udiag_cookie=[0, 0]}, [[{nla_len=11, "
		"nla_type=UNIX_DIAG_NAME}, \"/tmp/x\"], [{nla_len=12, nla_type=UNIX_DIAG_RQLEN}, "
		"{udiag_rqueue=1, udiag_wqueue=128}], [{nla_len=12, nla_type=UNIX_DIAG_ICONS}, "
		"[78, 79]]]], %zu, 0, " NLADDR ") = %s",
		fd, sizeof(u), sizeof(u), xp_res(n));
}

static void diag(void)
{
	int fd = nl_socket(me, NETLINK_SOCK_DIAG, "NETLINK_SOCK_DIAG");

	if (fd < 0)
		return;
	struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
	socklen_t len = sizeof(sa);
	bind(fd, (struct sockaddr *)&sa, sizeof(sa));
	getsockname(fd, (struct sockaddr *)&sa, &len);
	diag_inet(fd, sa.nl_pid);
	diag_unix(fd, sa.nl_pid);
	diag_inet_answer(fd);
	diag_unix_answer(fd);
	close(fd);
}

/* AUDIT_GET: what the kernel answers depends on the task's privileges, and is not stated. */
static void audit(void)
{
	int fd = nl_socket(me, NETLINK_AUDIT, "NETLINK_AUDIT");

	if (fd < 0)
		return;
	struct nlmsghdr h = {.nlmsg_len = NLMSG_HDRLEN,
			     .nlmsg_type = AUDIT_GET,
			     .nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK,
			     .nlmsg_seq = 1};
	long n = nl_send(fd, &h, sizeof(h));

	xp_line(me,
		"sendto(%d, {nlmsg_len=16, nlmsg_type=AUDIT_GET, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, "
		"nlmsg_seq=1, nlmsg_pid=0}, 16, 0, " NLADDR ") = %s",
		fd, xp_res(n));
	if (n > 0)
		nl_drain(fd, rbuf, sizeof(rbuf));
	close(fd);
}

static int run_basic(void)
{
	route();
	diag();
	audit();
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_netlink", argc, argv, modes);
}
