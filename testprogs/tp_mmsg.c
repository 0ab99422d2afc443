/* sendmmsg and recvmmsg on a datagram socket pair: the mmsghdr arrays as strace shows them.
 *   tp_mmsg basic   sent and received arrays, a partial send, wild pointers, the timeout
 *   tp_mmsg fixed   the same without timeouts: the same lines in every run (strace_compare.py)
 * Addresses are the program's own: under setarch -R they are the same for every tracer.
 */
#include "expect.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pid_t me;

enum { NMSG = 3, RBUF = 16 };

static const char *const words[NMSG] = {"hello", "worlds!", "third"};

/* One entry: {msg_hdr={...}, msg_len=N}; iov_len is the buffer's, data its first shown bytes,
 * iov the iovec's address when it cannot be read (NULL: readable); msg_len < 0: none. */
static char *entry(char *b, size_t size, const char *data, size_t iov_len, const void *iov,
		   long msg_len)
{
	char iovs[128], len[32] = "";

	if (iov)
		snprintf(iovs, sizeof(iovs), "%p", iov);
	else
		snprintf(iovs, sizeof(iovs), "[{iov_base=\"%s\", iov_len=%zu}]", data, iov_len);
	if (msg_len >= 0)
		snprintf(len, sizeof(len), ", msg_len=%ld", msg_len);
	snprintf(b, size,
		 "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=%s, msg_iovlen=1, "
		 "msg_controllen=0, msg_flags=0}%s}",
		 iovs, len);
	return b;
}

/* [e0, e1, ...] of n entries of words[], each sent (iov_len its length) or received. */
static const char *entries(unsigned n, unsigned with_len, bool received, const void *bad_iov,
			   unsigned bad_at)
{
	static char out[4096];
	char e[512];
	size_t len = 0;

	out[len++] = '[';
	for (unsigned i = 0; i < n; i++) {
		size_t w = strlen(words[i]);
		entry(e, sizeof(e), words[i], received ? RBUF : w, i == bad_at ? bad_iov : NULL,
		      i < with_len ? (long)w : -1);
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s", i ? ", " : "", e);
	}
	snprintf(out + len, sizeof(out) - len, "]");
	return out;
}

static struct iovec sio[NMSG], rio[NMSG];
static struct mmsghdr sm[NMSG], rm[NMSG];
static char rbuf[NMSG][RBUF];

static void setup(void)
{
	memset(sm, 0, sizeof(sm));
	memset(rm, 0, sizeof(rm));
	for (unsigned i = 0; i < NMSG; i++) {
		sio[i] = (struct iovec){(void *)words[i], strlen(words[i])};
		rio[i] = (struct iovec){rbuf[i], RBUF};
		sm[i].msg_hdr.msg_iov = &sio[i];
		sm[i].msg_hdr.msg_iovlen = 1;
		rm[i].msg_hdr.msg_iov = &rio[i];
		rm[i].msg_hdr.msg_iovlen = 1;
	}
}

static long send_m(int fd, void *m, unsigned n)
{
	return syscall(SYS_sendmmsg, fd, m, n, 0);
}

static long recv_m(long nr, int fd, void *m, unsigned n, void *tmo)
{
	return syscall(nr, fd, m, n, MSG_DONTWAIT, tmo);
}

/* recvmmsg with a timeout: the kernel writes back what is left of it.  recvmmsg_time64's
 * is 64-bit on every ABI. */
static bool untimed; /* fixed: no timeout, whose time left differs from run to run */

static void recv_timed(long nr, const char *name, int fd, unsigned expect)
{
	if (untimed) {
		long n = recv_m(nr, fd, rm, NMSG, NULL);
		xp_line(me, "%s(%d, %s, %d, MSG_DONTWAIT, NULL) = %s", name, fd,
			entries(expect, expect, true, NULL, NMSG), NMSG, xp_result(n, false));
		return;
	}
	struct timespec ts = {1, 500};
	struct {
		long long sec, nsec;
	} ts64 = {1, 500};
	bool t64 = nr != SYS_recvmmsg;
	long n = recv_m(nr, fd, rm, NMSG, t64 ? (void *)&ts64 : (void *)&ts);

	xp_line(me,
		"%s(%d, %s, %d, MSG_DONTWAIT, {tv_sec=1, tv_nsec=500}) = %s (left {tv_sec=%lld, "
		"tv_nsec=%lld})",
		name, fd, entries(expect, expect, true, NULL, NMSG), NMSG, xp_result(n, false),
		t64 ? ts64.sec : (long long)ts.tv_sec, t64 ? ts64.nsec : (long long)ts.tv_nsec);
}

static void wild(int sv[2])
{
	long n = send_m(sv[0], (void *)0xdeadbeef, 2);
	xp_line(me, "sendmmsg(%d, 0xdeadbeef, 2, 0) = %s", sv[0], xp_result(n, false));
	n = send_m(sv[0], NULL, 2);
	xp_line(me, "sendmmsg(%d, NULL, 2, 0) = %s", sv[0], xp_result(n, false));
	n = recv_m(SYS_recvmmsg, sv[1], rm, NMSG, (void *)0xbadc0de);
	xp_line(me, "recvmmsg(%d, %p, %d, MSG_DONTWAIT, 0xbadc0de) = %s", sv[1], (void *)rm, NMSG,
		xp_result(n, false));
	n = recv_m(SYS_recvmmsg, sv[1], rm, NMSG, NULL);
	xp_line(me, "recvmmsg(%d, %p, %d, MSG_DONTWAIT, NULL) = %s", sv[1], (void *)rm, NMSG,
		xp_result(n, false));
	n = send_m(sv[0], sm, 0);
	xp_line(me, "sendmmsg(%d, [], 0, 0) = %s", sv[0], xp_result(n, false));
	n = send_m(-1, sm, NMSG);
	xp_line(me, "sendmmsg(-1, %s, %d, 0) = %s", entries(NMSG, 0, false, NULL, NMSG), NMSG,
		xp_result(n, false));
}

static int run_basic(void)
{
	int sv[2];

	setup();
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		return 1;
	long n = send_m(sv[0], sm, NMSG);
	xp_line(me, "sendmmsg(%d, %s, %d, 0) = %s", sv[0], entries(NMSG, NMSG, false, NULL, NMSG),
		NMSG, xp_result(n, false));
	recv_timed(SYS_recvmmsg, "recvmmsg", sv[1], NMSG);
	n = send_m(sv[0], sm, 2);
	xp_line(me, "sendmmsg(%d, %s, 2, 0) = %s", sv[0], entries(2, 2, false, NULL, NMSG),
		xp_result(n, false));
#ifdef SYS_recvmmsg_time64
	recv_timed(SYS_recvmmsg_time64, "recvmmsg_time64", sv[1], 2);
#else
	recv_timed(SYS_recvmmsg, "recvmmsg", sv[1], 2);
#endif
	wild(sv);
	/* The second entry's iovec is unreadable: the first is sent, and only it has msg_len. */
	sm[1].msg_hdr.msg_iov = (void *)0x1234;
	n = send_m(sv[0], sm, NMSG);
	xp_line(me, "sendmmsg(%d, %s, %d, 0) = %s", sv[0],
		entries(NMSG, 1, false, (void *)0x1234, 1), NMSG, xp_result(n, false));
	n = recv_m(SYS_recvmmsg, sv[1], rm, NMSG, NULL);
	xp_line(me, "recvmmsg(%d, %s, %d, MSG_DONTWAIT, NULL) = %s", sv[1],
		entries(1, 1, true, NULL, NMSG), NMSG, xp_result(n, false));
	return 0;
}

static int run_fixed(void)
{
	untimed = true;
	return run_basic();
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"basic", run_basic}, {"fixed", run_fixed}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_mmsg", argc, argv, modes);
}
