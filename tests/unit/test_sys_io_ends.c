/* sendfile's offset at the end of the file (dec_io.c) and epoll_ctl's ignored event for
 * EPOLL_CTL_DEL (dec_poll.c), on fake tracee memory: strace 6.1's lines for the same bytes. */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdint.h>
#include <sys/epoll.h>

#include "test_sys_harness.h"

TestSuite(sys_io_ends, .init = setup, .fini = teardown);

Test(sys_io_ends, sendfile_at_the_end_shows_the_offset_once)
{
	static int64_t off = 2;
	map(0x2000, &off, sizeof(off));
	cr_expect_str_eq(RUN("sendfile", 0, 4, 3, 0x2000, 10), "sendfile(4, 3, [2], 10) = 0");
	cr_expect_str_eq(RUN("sendfile", 2, 4, 3, 0x2000, 10),
			 "sendfile(4, 3, [2] => [2], 10) = 2");
	cr_expect_str_eq(RUN("sendfile", -EBADF, 4, 3, 0x2000, 10),
			 "sendfile(4, 3, [2], 10) = -1 EBADF (Bad file descriptor)");
}

Test(sys_io_ends, epoll_ctl_del_shows_the_event_address)
{
	static const uint8_t ev[12] = {1};
	map(0x1000, ev, sizeof(ev));
	cr_expect_str_eq(RUN("epoll_ctl", 0, 5, EPOLL_CTL_DEL, 3, 0x1000),
			 "epoll_ctl(5, EPOLL_CTL_DEL, 3, 0x1000) = 0");
	cr_expect_str_eq(RUN("epoll_ctl", 0, 5, EPOLL_CTL_DEL, 3, 0),
			 "epoll_ctl(5, EPOLL_CTL_DEL, 3, NULL) = 0");
	cr_expect_str_eq(
		RUN("epoll_ctl", 0, 5, EPOLL_CTL_MOD, 3, 0x1000),
		"epoll_ctl(5, EPOLL_CTL_MOD, 3, {events=EPOLLIN, data={u32=0, u64=0}}) = 0");
}
