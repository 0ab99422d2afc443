/*
 * What the netlink decoder tests share (test_sys_netlink.c, test_sys_netlink_rtm.c): a tracee
 * whose fd 3 is a NETLINK_ROUTE socket and fd 4 a NETLINK_SOCK_DIAG one, and a sendto of one
 * of netlink_cases.h's buffers.  Include it after test_sys_harness.h.
 */
#ifndef PTRC_TEST_NETLINK_HARNESS_H
#define PTRC_TEST_NETLINK_HARNESS_H

#include "netlink_cases.h"

/* The tracee's fd 3 is a NETLINK_ROUTE socket, fd 4 a NETLINK_SOCK_DIAG one; interface 1
 * is "lo". */
static int fake_proto(void *ctx, int64_t fd)
{
	(void)ctx;
	return fd == NLC_ROUTE_FD ? NETLINK_ROUTE : fd == NLC_DIAG_FD ? NETLINK_SOCK_DIAG : -1;
}

static bool fake_ifname(void *ctx, uint64_t idx, char *name)
{
	(void)ctx;
	if (idx != 1)
		return false;
	memcpy(name, "lo", 3);
	return true;
}

static const struct dec_env_ops fake_ops = {fake_proto, fake_ifname, NULL};

static void nl_setup(void)
{
	setup();
	harness_env = (struct dec_env){&fake_ops, NULL};
}

/* sendto(fd, buf, len, 0, NULL, 0) of the buffer build makes, sent whole. */
static const char *send_case(size_t (*build)(uint8_t *), int fd)
{
	static uint8_t buf[NLC_BUF];
	size_t len = build(buf);

	map(0x1000, buf, len);
	return RUN("sendto", (int64_t)len, (uint64_t)fd, 0x1000, len, 0, 0, 0);
}

#endif
