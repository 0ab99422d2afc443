/* Control messages in sendmsg, recvmsg and sendmmsg, as strace shows msg_control.
 *   tp_cmsg basic   descriptors and credentials passed on a socket pair, recvmsg's
 *                   msg_namelen given => written, then every kind of message ptrc decodes
 *                   sent to fd -1 (EBADF: the kernel reads none)
 * Pids and descriptors are the same in every run; addresses are the program's own (the same
 * for every tracer under setarch -R).
 */
#include "expect.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t me;
static char hi[] = "hi";
static struct iovec hio = {hi, 2};
static union {
	char b[256];
	struct cmsghdr align;
} ctl;

static const char *hdr_text(void)
{
	return "{msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hi\", iov_len=2}], "
	       "msg_iovlen=1, msg_control=";
}

/* One message at the start of the control buffer, its header and data of dlen bytes. */
static struct cmsghdr *put(size_t off, int level, int type, size_t dlen)
{
	struct cmsghdr *c = (struct cmsghdr *)(ctl.b + off);

	memset(c, 0, CMSG_SPACE(dlen));
	c->cmsg_len = CMSG_LEN(dlen);
	c->cmsg_level = level;
	c->cmsg_type = type;
	return c;
}

/* sendmsg(-1, ...) with controllen bytes of the buffer: the line with text for msg_control. */
static void send_bad(size_t controllen, const char *text)
{
	struct msghdr m = {.msg_iov = &hio, .msg_iovlen = 1, .msg_control = ctl.b};

	m.msg_controllen = controllen;
	long n = syscall(SYS_sendmsg, -1, &m, 0);
	xp_line(me, "sendmsg(-1, %s%s, msg_controllen=%zu, msg_flags=0}, 0) = %s", hdr_text(), text,
		controllen, xp_result(n, false));
}

/* SCM_RIGHTS and SCM_CREDENTIALS through a socket pair, sent and received. */
static int pass(void)
{
	int sv[2], on = 1;
	char out[512], in[512];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0 ||
	    setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof(on)) < 0)
		return 1;
	struct cmsghdr *c = put(0, SOL_SOCKET, SCM_RIGHTS, 2 * sizeof(int));
	((int *)CMSG_DATA(c))[0] = 0;
	((int *)CMSG_DATA(c))[1] = 1;
	struct ucred cr = {getpid(), getuid(), getgid()};
	c = put(CMSG_SPACE(2 * sizeof(int)), SOL_SOCKET, SCM_CREDENTIALS, sizeof(cr));
	memcpy(CMSG_DATA(c), &cr, sizeof(cr));
	size_t clen = CMSG_SPACE(2 * sizeof(int)) + CMSG_SPACE(sizeof(cr));
	snprintf(out, sizeof(out),
		 "[{cmsg_len=%zu, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}, "
		 "{cmsg_len=%zu, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, "
		 "cmsg_data={pid=%d, uid=%u, gid=%u}}]",
		 (size_t)CMSG_LEN(2 * sizeof(int)), (size_t)CMSG_LEN(sizeof(cr)), (int)cr.pid,
		 (unsigned)cr.uid, (unsigned)cr.gid);
	struct msghdr m = {.msg_iov = &hio, .msg_iovlen = 1, .msg_control = ctl.b};
	m.msg_controllen = clen;
	long n = syscall(SYS_sendmsg, sv[0], &m, 0);
	xp_line(me, "sendmsg(%d, %s%s, msg_controllen=%zu, msg_flags=0}, 0) = %s", sv[0],
		hdr_text(), out, clen, xp_result(n, false));

	char rb[16], rc[256];
	struct iovec ri = {rb, sizeof(rb)};
	struct msghdr r = {.msg_iov = &ri, .msg_iovlen = 1, .msg_control = rc};
	r.msg_controllen = sizeof(rc);
	n = syscall(SYS_recvmsg, sv[1], &r, 0);
	int fds[2] = {-1, -1};
	for (struct cmsghdr *x = CMSG_FIRSTHDR(&r); x; x = CMSG_NXTHDR(&r, x))
		if (x->cmsg_type == SCM_RIGHTS)
			memcpy(fds, CMSG_DATA(x), sizeof(fds));
	snprintf(in, sizeof(in),
		 "[{cmsg_len=%zu, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, "
		 "cmsg_data={pid=%d, uid=%u, gid=%u}}, {cmsg_len=%zu, cmsg_level=SOL_SOCKET, "
		 "cmsg_type=SCM_RIGHTS, cmsg_data=[%d, %d]}]",
		 (size_t)CMSG_LEN(sizeof(cr)), (int)cr.pid, (unsigned)cr.uid, (unsigned)cr.gid,
		 (size_t)CMSG_LEN(2 * sizeof(int)), fds[0], fds[1]);
	xp_line(me,
		"recvmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hi\", "
		"iov_len=16}], msg_iovlen=1, msg_control=%s, msg_controllen=%zu, msg_flags=0}, 0) "
		"= %s",
		sv[1], in, (size_t)r.msg_controllen, xp_result(n, false));
	return 0;
}

/* Messages of each level and type, with their data as strace shows it. */
static void kinds(void)
{
	char t[512];

	put(0, SOL_IP, IP_TTL, sizeof(int));
	snprintf(t, sizeof(t),
		 "[{cmsg_len=%zu, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[0]}]",
		 (size_t)CMSG_LEN(sizeof(int)));
	send_bad(CMSG_SPACE(sizeof(int)), t);
	put(0, SOL_IP, IP_TOS, 2);
	snprintf(t, sizeof(t),
		 "[{cmsg_len=%zu, cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[0, 0]}]",
		 (size_t)CMSG_LEN(2));
	send_bad(CMSG_SPACE(2), t);
	struct in_pktinfo pi = {.ipi_ifindex = 0, .ipi_spec_dst = {htonl(0x7f000001)}};
	memcpy(CMSG_DATA(put(0, SOL_IP, IP_PKTINFO, sizeof(pi))), &pi, sizeof(pi));
	snprintf(t, sizeof(t),
		 "[{cmsg_len=%zu, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, "
		 "cmsg_data={ipi_ifindex=0, "
		 "ipi_spec_dst=inet_addr(\"127.0.0.1\"), ipi_addr=inet_addr(\"0.0.0.0\")}}]",
		 (size_t)CMSG_LEN(sizeof(pi)));
	send_bad(CMSG_SPACE(sizeof(pi)), t);
	long tv[2] = {5, 6};
	memcpy(CMSG_DATA(put(0, SOL_SOCKET, SO_TIMESTAMP_OLD, sizeof(tv))), tv, sizeof(tv));
	snprintf(t, sizeof(t),
		 "[{cmsg_len=%zu, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, "
		 "cmsg_data={tv_sec=5, tv_usec=6}}]",
		 (size_t)CMSG_LEN(sizeof(tv)));
	send_bad(CMSG_SPACE(sizeof(tv)), t);
	long long ts[6] = {1, 2, 3, 4, 5, 6};
	memcpy(CMSG_DATA(put(0, SOL_SOCKET, SO_TIMESTAMPING_NEW, sizeof(ts))), ts, sizeof(ts));
	snprintf(
		t, sizeof(t),
		"[{cmsg_len=%zu, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPING_NEW, "
		"cmsg_data=[{tv_sec=1, tv_nsec=2}, {tv_sec=3, tv_nsec=4}, {tv_sec=5, tv_nsec=6}]}]",
		(size_t)CMSG_LEN(sizeof(ts)));
	send_bad(CMSG_SPACE(sizeof(ts)), t);
}

/* Unknown levels and types, short and wild buffers. */
static void odd(void)
{
	char t[512];

	put(0, 12345, 77, sizeof(int));
	snprintf(t, sizeof(t), "[{cmsg_len=%zu, cmsg_level=0x3039 /* SOL_??? */, cmsg_type=0x4d}]",
		 (size_t)CMSG_LEN(sizeof(int)));
	send_bad(CMSG_SPACE(sizeof(int)), t);
	put(0, SOL_SOCKET, 99, sizeof(int));
	snprintf(t, sizeof(t),
		 "[{cmsg_len=%zu, cmsg_level=SOL_SOCKET, cmsg_type=0x63 /* SCM_??? */}]",
		 (size_t)CMSG_LEN(sizeof(int)));
	send_bad(CMSG_SPACE(sizeof(int)), t);
	put(0, SOL_IPV6, IPV6_HOPLIMIT, sizeof(int));
	snprintf(t, sizeof(t), "[{cmsg_len=%zu, cmsg_level=SOL_IPV6, cmsg_type=%#x}]",
		 (size_t)CMSG_LEN(sizeof(int)), IPV6_HOPLIMIT);
	send_bad(CMSG_SPACE(sizeof(int)), t);
	snprintf(t, sizeof(t), "%p", (void *)ctl.b);
	send_bad(5, t);
	/* A message shorter than its header: strace stops there. */
	put(0, SOL_SOCKET, SCM_RIGHTS, 0)->cmsg_len = 4;
	snprintf(t, sizeof(t),
		 "[{cmsg_len=4, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}, ... /* %p */]",
		 (void *)(ctl.b + sizeof(struct cmsghdr)));
	send_bad(sizeof(struct cmsghdr) + 4, t);
	/* Three bytes after the message: too few for another header. */
	put(0, SOL_SOCKET, SCM_RIGHTS, sizeof(int));
	snprintf(t, sizeof(t),
		 "[{cmsg_len=%zu, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0]}, ... "
		 "/* %p */]",
		 (size_t)CMSG_LEN(sizeof(int)), (void *)(ctl.b + CMSG_SPACE(sizeof(int))));
	send_bad(CMSG_SPACE(sizeof(int)) + 3, t);

	struct msghdr m = {.msg_iov = &hio, .msg_iovlen = 1, .msg_control = (void *)0xdeadbeef};
	m.msg_controllen = 24;
	long n = syscall(SYS_sendmsg, -1, &m, 0);
	xp_line(me, "sendmsg(-1, %s0xdeadbeef, msg_controllen=24, msg_flags=0}, 0) = %s",
		hdr_text(), xp_result(n, false));
}

/* recvmsg's msg_namelen is value-result: the room given => the length of the sender's name;
 * a failed call shows the room given alone. */
static int names(void)
{
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	struct sockaddr_in from_b;
	struct sockaddr_storage from;
	socklen_t len = sizeof(sa);
	char buf[8];
	struct iovec iov = {buf, sizeof(buf)};
	int a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);

	if (a < 0 || b < 0 || bind(a, (struct sockaddr *)&sa, sizeof(sa)) ||
	    getsockname(a, (struct sockaddr *)&sa, &len) ||
	    sendto(b, hi, 2, 0, (struct sockaddr *)&sa, sizeof(sa)) != 2)
		return 1;
	len = sizeof(from_b);
	if (getsockname(b, (struct sockaddr *)&from_b, &len))
		return 1;
	struct msghdr m = {
		.msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = &iov, .msg_iovlen = 1};
	long n = syscall(SYS_recvmsg, a, &m, 0);
	xp_line(me,
		"recvmsg(%d, {msg_name={sa_family=AF_INET, sin_port=htons(%u), "
		"sin_addr=inet_addr(\"127.0.0.1\")}, msg_namelen=%zu => %u, "
		"msg_iov=[{iov_base=\"hi\", "
		"iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = %ld",
		a, ntohs(from_b.sin_port), sizeof(from), (unsigned)m.msg_namelen, n);
	struct msghdr bad = {.msg_namelen = 5, .msg_iov = &iov, .msg_iovlen = 1};
	n = syscall(SYS_recvmsg, -1, &bad, 0);
	xp_line(me, "recvmsg(-1, {msg_namelen=5}, 0) = %s", xp_result(n, false));
	close(a);
	close(b);
	return 0;
}

static int run_basic(void)
{
	if (pass() || names())
		return 1;
	kinds();
	odd();
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_cmsg", argc, argv, modes);
}
