/* ioctl requests and arguments, get_mempolicy and getgroups, as strace 6.1 prints them. */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <termios.h>

#include <linux/blkpg.h>
#include <linux/btrfs.h>
#include <linux/dm-ioctl.h>
#include <linux/loop.h>

#include "test_sys_harness.h"

TestSuite(sys_ioctl, .init = setup, .fini = teardown);

Test(sys_ioctl, shared_numbers_print_both_names)
{
	cr_expect_str_eq(RUN("ioctl", -EOPNOTSUPP, 4, FICLONE, 3),
			 "ioctl(4, BTRFS_IOC_CLONE or FICLONE, 3) = -1 EOPNOTSUPP (Operation not "
			 "supported)");
	cr_expect_str_eq(
		RUN("ioctl", -ENOTTY, 1, TCSETSW, 0),
		"ioctl(1, SNDCTL_TMR_STOP or TCSETSW, NULL) = -1 ENOTTY (Inappropriate ioctl "
		"for device)");
}

Test(sys_ioctl, unknown_requests_in_ioc_form)
{
	cr_expect_str_eq(
		RUN("ioctl", -ENOTTY, 3, _IOWR('x', 0x57, char[12]), 0x1000),
		"ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0x78, 0x57, 0xc), 0x1000) = -1 ENOTTY "
		"(Inappropriate ioctl for device)");
	cr_expect_str_eq(
		RUN("ioctl", -ENOTTY, 3, 0x12345678, 0),
		"ioctl(3, _IOC(_IOC_NONE, 0x56, 0x78, 0x1234), 0) = -1 ENOTTY (Inappropriate "
		"ioctl for device)");
}

Test(sys_ioctl, known_requests_without_an_argument)
{
	cr_expect_str_eq(RUN("ioctl", 0, 3, FIOCLEX, 0), "ioctl(3, FIOCLEX) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, 3, BLKFLSBUF, 0x1000), "ioctl(3, BLKFLSBUF) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, 3, FIGETBSZ, 0x1000), "ioctl(3, FIGETBSZ, 0x1000) = 0");
}

Test(sys_ioctl, termios_fields_by_name)
{
	static const unsigned flags[4] = {ICRNL | IXON, OPOST | ONLCR, B38400 | CS8 | CREAD,
					  ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN | ECHOCTL |
						  ECHOKE};
	static const unsigned zero[4] = {IXOFF, 0, 0, 0};
	map(0x1000, flags, sizeof(flags));
	map(0x2000, zero, sizeof(zero));
	cr_expect_str_eq(
		RUN("ioctl", 0, 4, TCGETS, 0x1000),
		"ioctl(4, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|"
		"ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|"
		"ECHOCTL|ECHOKE, ...}) = 0");
	cr_expect_str_eq(
		RUN("ioctl", -ENOTTY, 3, TCSETS, 0x2000),
		"ioctl(3, SNDCTL_TMR_START or TCSETS, {c_iflag=IXOFF, c_oflag=NL0|CR0|TAB0|BS0|"
		"VT0|FF0|, c_cflag=B0|CS5|, c_lflag=, ...}) = -1 ENOTTY (Inappropriate ioctl "
		"for device)");
}

Test(sys_ioctl, int_pointers_in_and_out)
{
	static const int zero = 0, five = 5;
	map(0x1000, &zero, sizeof(zero));
	map(0x2000, &five, sizeof(five));
	cr_expect_str_eq(RUN("ioctl", 0, 3, TIOCSPTLCK, 0x1000), "ioctl(3, TIOCSPTLCK, [0]) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, 3, FIONREAD, 0x2000), "ioctl(3, FIONREAD, [5]) = 0");
}

Test(sys_ioctl, get_mempolicy_mode_and_node_words)
{
	static const int mode = 0;
	static const uint64_t mask[2] = {1, 0};
	map(0x1000, &mode, sizeof(mode));
	map(0x2000, mask, sizeof(mask));
	cr_expect_str_eq(RUN("get_mempolicy", 0, 0x1000, 0x2000, 129, 0, 0),
			 "get_mempolicy([MPOL_DEFAULT], [0x00000000000001, 0000000000000000], 129, "
			 "NULL, 0) = 0");
	cr_expect_str_eq(RUN("get_mempolicy", 0, 0x1000, 0, 0, 0, 0),
			 "get_mempolicy([MPOL_DEFAULT], NULL, 0, NULL, 0) = 0");
}

Test(sys_ioctl, getgroups_of_size_zero_is_an_empty_list)
{
	cr_expect_str_eq(RUN("getgroups", 0, 0, 0x1000), "getgroups(0, []) = 0");
	cr_expect_str_eq(RUN("getgroups", 0, 0, 0), "getgroups(0, NULL) = 0");
}

/* Device and file system requests strace 6.1 names: btrfs, block partitions, device mapper,
 * loop devices (the lines are strace's for the same calls). */
Test(sys_ioctl, device_requests_by_name)
{
	cr_expect_str_eq(
		RUN("ioctl", -EBADF, -1, BTRFS_IOC_BALANCE_PROGRESS, 0),
		"ioctl(-1, BTRFS_IOC_BALANCE_PROGRESS, NULL) = -1 EBADF (Bad file descriptor)");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, BLKPG, 0),
			 "ioctl(-1, BLKPG, NULL) = -1 EBADF (Bad file descriptor)");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, DM_VERSION, 0x1000),
			 "ioctl(-1, DM_VERSION, 0x1000) = -1 EBADF (Bad file descriptor)");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, LOOP_CLR_FD, 0),
			 "ioctl(-1, LOOP_CLR_FD) = -1 EBADF (Bad file descriptor)");
	cr_expect_str_eq(RUN("ioctl", 0, 4, LOOP_SET_FD, 3), "ioctl(4, LOOP_SET_FD, 3) = 0");
}

/* The last run's arguments as -X raw or -X verbose print them. */
static const char *styled(enum const_style st)
{
	struct text_opts to = {.xstyle = st};

	strbuf_reset(&out);
	text_args(&out, &harness_ev, 0, harness_ev.nargs, &to);
	return out.buf;
}

Test(sys_ioctl, unknown_requests_under_x_raw_and_verbose)
{
	RUN("ioctl", -EBADF, (uint64_t)-1, 0x3e03, 0xdeadbeefbadc0dedULL);
	cr_expect_str_eq(styled(CONST_RAW), "-1, 0x3e03, 0xdeadbeefbadc0ded");
	cr_expect_str_eq(styled(CONST_VERBOSE),
			 "-1, 0x3e03 /* _IOC(_IOC_NONE, 0x3e, 0x3, 0) */, 0xdeadbeefbadc0ded");
	RUN("ioctl", -EBADF, (uint64_t)-1, TCGETS, 0);
	cr_expect_str_eq(styled(CONST_RAW), "-1, 0x5401, NULL");
}

Test(sys_ioctl, a_failed_output_request_shows_its_pointer)
{
	cr_expect_str_eq(RUN("ioctl", -EBADF, (uint64_t)-1, TCGETS, 0),
			 "ioctl(-1, TCGETS, NULL) = -1 EBADF (Bad file descriptor)");
	cr_expect_str_eq(RUN("ioctl", -EFAULT, 3, TIOCGWINSZ, 0x1234),
			 "ioctl(3, TIOCGWINSZ, 0x1234) = -1 EFAULT (Bad address)");
}
