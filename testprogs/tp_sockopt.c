/* Socket options whose values strace shows as structs: SO_LINGER, SO_PEERCRED,
 * IP_ADD_MEMBERSHIP and IP_DROP_MEMBERSHIP, with short, long and wild buffers; the names of
 * options at SOL_UDP, SOL_NETLINK and SOL_PACKET (on fd -1).
 *   tp_sockopt basic
 */
#include "expect.h"

#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <netinet/udp.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t me;

static long setopt(int fd, int level, int name, const void *v, socklen_t len)
{
	return syscall(SYS_setsockopt, fd, level, name, v, len);
}

static long getopt_(int fd, int level, int name, void *v, socklen_t *len)
{
	return syscall(SYS_getsockopt, fd, level, name, v, len);
}

static void linger(int s)
{
	struct linger l[2] = {{1, 5}, {0, 0}};
	socklen_t n = 16;
	long r = setopt(s, SOL_SOCKET, SO_LINGER, l, sizeof(l[0]));
	xp_line(me, "setsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = %s", s,
		xp_result(r, false));
	r = setopt(s, SOL_SOCKET, SO_LINGER, l, 16);
	xp_line(me, "setsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 16) = %s", s,
		xp_result(r, false));
	r = setopt(s, SOL_SOCKET, SO_LINGER, l, 3);
	xp_line(me, "setsockopt(%d, SOL_SOCKET, SO_LINGER, %p, 3) = %s", s, (void *)l,
		xp_result(r, false));
	r = setopt(s, SOL_SOCKET, SO_LINGER, (void *)0xdeadbeef, 8);
	xp_line(me, "setsockopt(%d, SOL_SOCKET, SO_LINGER, 0xdeadbeef, 8) = %s", s,
		xp_result(r, false));
	r = getopt_(s, SOL_SOCKET, SO_LINGER, l, &n);
	xp_line(me,
		"getsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=%d, l_linger=%d}, [16 => %u]) = %s",
		s, l[0].l_onoff, l[0].l_linger, (unsigned)n, xp_result(r, false));
	n = 4;
	r = getopt_(s, SOL_SOCKET, SO_LINGER, l, &n);
	xp_line(me, "getsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=%d}, [4]) = %s", s,
		l[0].l_onoff, xp_result(r, false));
}

static void peercred(int s)
{
	struct ucred cr[2];
	socklen_t n = sizeof(cr);
	long r = getopt_(s, SOL_SOCKET, SO_PEERCRED, cr, &n);

	xp_line(me,
		"getsockopt(%d, SOL_SOCKET, SO_PEERCRED, {pid=%d, uid=%d, gid=%d}, [%zu => %u]) = "
		"%s",
		s, (int)cr[0].pid, (int)cr[0].uid, (int)cr[0].gid, sizeof(cr), (unsigned)n,
		xp_result(r, false));
	n = 8;
	r = getopt_(s, SOL_SOCKET, SO_PEERCRED, cr, &n);
	xp_line(me, "getsockopt(%d, SOL_SOCKET, SO_PEERCRED, {pid=%d, uid=%d}, [8]) = %s", s,
		(int)cr[0].pid, (int)cr[0].uid, xp_result(r, false));
}

static void membership(int u)
{
	struct ip_mreq mr[2] = {{{htonl(0xe0000001)}, {htonl(INADDR_LOOPBACK)}}};
	const char *text = "{imr_multiaddr=inet_addr(\"224.0.0.1\"), "
			   "imr_interface=inet_addr(\"127.0.0.1\")}";
	long r = setopt(u, IPPROTO_IP, IP_ADD_MEMBERSHIP, mr, sizeof(mr[0]));

	xp_line(me, "setsockopt(%d, SOL_IP, IP_ADD_MEMBERSHIP, %s, 8) = %s", u, text,
		xp_result(r, false));
	r = setopt(u, IPPROTO_IP, IP_DROP_MEMBERSHIP, mr, 4);
	xp_line(me, "setsockopt(%d, SOL_IP, IP_DROP_MEMBERSHIP, %p, 4) = %s", u, (void *)mr,
		xp_result(r, false));
	r = setopt(u, IPPROTO_IP, IP_DROP_MEMBERSHIP, mr, 12);
	xp_line(me, "setsockopt(%d, SOL_IP, IP_DROP_MEMBERSHIP, %s, 12) = %s", u, text,
		xp_result(r, false));
}

/* Option names by level, known and not. */
static void names(void)
{
	static const struct {
		int level, name;
		const char *text;
	} n[] = {{IPPROTO_UDP, UDP_CORK, "SOL_UDP, UDP_CORK"},
		 {IPPROTO_UDP, 2, "SOL_UDP, 0x2 /* UDP_??? */"},
		 {IPPROTO_UDP, UDP_GRO, "SOL_UDP, UDP_GRO"},
		 {SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, "SOL_NETLINK, NETLINK_ADD_MEMBERSHIP"},
		 {SOL_NETLINK, NETLINK_GET_STRICT_CHK, "SOL_NETLINK, NETLINK_GET_STRICT_CHK"},
		 {SOL_NETLINK, 0, "SOL_NETLINK, 0 /* NETLINK_??? */"},
		 {SOL_PACKET, PACKET_VERSION, "SOL_PACKET, PACKET_VERSION"},
		 {SOL_PACKET, PACKET_IGNORE_OUTGOING, "SOL_PACKET, PACKET_IGNORE_OUTGOING"},
		 {SOL_PACKET, 0x18, "SOL_PACKET, 0x18 /* PACKET_??? */"}};
	int one = 1;

	for (unsigned i = 0; i < sizeof(n) / sizeof(n[0]); i++) {
		long r = setopt(-1, n[i].level, n[i].name, &one, sizeof(one));
		xp_line(me, "setsockopt(-1, %s, [1], 4) = %s", n[i].text, xp_result(r, false));
	}
	/* struct tpacket_req, shorter than the struct: its address. */
	long r = setopt(-1, SOL_PACKET, PACKET_RX_RING, &one, sizeof(one));
	xp_line(me, "setsockopt(-1, SOL_PACKET, PACKET_RX_RING, %p, 4) = %s", (void *)&one,
		xp_result(r, false));
}

static int run_basic(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0), u = socket(AF_INET, SOCK_DGRAM, 0);

	if (s < 0 || u < 0)
		return 1;
	linger(s);
	peercred(s);
	membership(u);
	names();
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_sockopt", argc, argv, modes);
}
