/*
 * What the netlink test programs share (tp_netlink.c, tp_netlink_rtm.c): a bound socket that
 * does not hang when the kernel stays silent, a sendto to the kernel, and reading its answer
 * to the end without stating it.  Include after expect.h.
 */
#ifndef PTRC_TESTPROGS_NL_PROG_H
#define PTRC_TESTPROGS_NL_PROG_H

#include <linux/netlink.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

/* sendto's address as strace shows it: the kernel's. */
#define NLADDR "{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12"

/* socket(AF_NETLINK, SOCK_RAW, proto), stated as tid's line with the protocol's name. */
static inline int nl_socket(pid_t tid, int proto, const char *name)
{
	long fd = syscall(SYS_socket, AF_NETLINK, SOCK_RAW, proto);

	xp_line(tid, "socket(AF_NETLINK, SOCK_RAW, %s) = %s", name, xp_res(fd));
	/* Bound (to a port the kernel picks), so that the tracer can tell its protocol. */
	struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
	/* A kernel that does not answer does not hang the program. */
	struct timeval tv = {.tv_sec = 5};
	if (fd >= 0) {
		bind((int)fd, (struct sockaddr *)&sa, sizeof(sa));
		setsockopt((int)fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	}
	return (int)fd;
}

static inline long nl_send(int fd, const void *buf, size_t len)
{
	struct sockaddr_nl sa = {.nl_family = AF_NETLINK};

	return syscall(SYS_sendto, fd, buf, len, 0, &sa, sizeof(sa));
}

/* Reads (not stated) what the kernel answers into buf until its NLMSG_DONE or NLMSG_ERROR
 * (the ack NLM_F_ACK asks for after an answer that is not a dump). */
static inline void nl_drain(int fd, void *buf, size_t size)
{
	for (int i = 0; i < 64; i++) {
		ssize_t n = read(fd, buf, size);
		if (n <= 0)
			return;
		for (struct nlmsghdr *h = buf; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n))
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				return;
	}
}

#endif
