/* Socket addresses as strace 6.1 prints them. */
#include <criterion/criterion.h>
#include <errno.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/netlink.h>

#include "test_sys_harness.h"

TestSuite(sys_net, .init = setup, .fini = teardown);

Test(sys_net, abstract_unix_names_start_with_an_at)
{
	static struct sockaddr_un sun = {.sun_family = AF_UNIX};
	memcpy(sun.sun_path, "\0abstract-name", 14);
	map(0x1000, &sun, sizeof(sun));
	uint64_t len = offsetof(struct sockaddr_un, sun_path) + 14;
	cr_expect_str_eq(RUN("connect", -ECONNREFUSED, 3, 0x1000, len),
			 "connect(3, {sa_family=AF_UNIX, sun_path=@\"abstract-name\"}, 16) = -1 "
			 "ECONNREFUSED (Connection refused)");
}

Test(sys_net, path_unix_names_are_plain_strings)
{
	static struct sockaddr_un sun = {.sun_family = AF_UNIX, .sun_path = "/run/s"};
	map(0x1000, &sun, sizeof(sun));
	cr_expect_str_eq(RUN("connect", 0, 3, 0x1000, sizeof(sun)),
			 "connect(3, {sa_family=AF_UNIX, sun_path=\"/run/s\"}, 110) = 0");
}

/* strace writes the groups mask as %#08x. */
Test(sys_net, netlink_groups)
{
	static struct sockaddr_nl nl = {.nl_family = AF_NETLINK, .nl_pid = 7, .nl_groups = 5};
	map(0x1000, &nl, sizeof(nl));
	cr_expect_str_eq(RUN("bind", 0, 3, 0x1000, sizeof(nl)),
			 "bind(3, {sa_family=AF_NETLINK, nl_pid=7, nl_groups=0x000005}, 12) = 0");
	nl.nl_groups = 0;
	cr_expect_str_eq(RUN("bind", 0, 3, 0x1000, sizeof(nl)),
			 "bind(3, {sa_family=AF_NETLINK, nl_pid=7, nl_groups=00000000}, 12) = 0");
}
