/* Flag names in strace's print order, and fields strace names rather than numbers. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/stat.h>
#include <sys/socket.h>
#include <sys/times.h>

#include "test_sys_harness.h"

TestSuite(sys_order, .init = setup, .fini = teardown);

#define FDCWD ((uint64_t)(int64_t)AT_FDCWD)

Test(sys_order, open_flags_follow_strace_not_values)
{
	map(0x1000, "/tmp", 5);
	cr_expect_str_eq(
		RUN("openat", 3, FDCWD, 0x1000, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_DIRECTORY),
		"openat(AT_FDCWD, \"/tmp\", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3");
	cr_expect_str_eq(
		RUN("openat", 3, FDCWD, 0x1000, O_RDONLY | O_NOFOLLOW | O_DIRECTORY | 0100000),
		"openat(AT_FDCWD, \"/tmp\", O_RDONLY|O_LARGEFILE|O_NOFOLLOW|O_DIRECTORY) = 3");
}

Test(sys_order, open_flags_name_accmode_sync_bit_and_fasync)
{
	map(0x1000, "/x", 3);
	cr_expect_str_eq(
		RUN("openat", -ENOENT, FDCWD, 0x1000, 3 | 0x40000000),
		"openat(AT_FDCWD, \"/x\", O_ACCMODE|0x40000000) = -1 ENOENT (No such file or "
		"directory)");
	cr_expect_str_eq(RUN("openat", 3, FDCWD, 0x1000, O_SYNC & ~O_DSYNC),
			 "openat(AT_FDCWD, \"/x\", O_RDONLY|__O_SYNC) = 3");
	cr_expect_str_eq(RUN("openat", 3, FDCWD, 0x1000, O_WRONLY | O_SYNC | FASYNC),
			 "openat(AT_FDCWD, \"/x\", O_WRONLY|O_SYNC|FASYNC) = 3");
}

Test(sys_order, socket_flags_cloexec_first_and_unknown_bits_last)
{
	cr_expect_str_eq(RUN("socket", 3, AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0),
			 "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3");
	cr_expect_str_eq(
		RUN("socket", -EINVAL, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | 0x100, 0),
		"socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC|0x100, 0) = -1 EINVAL (Invalid argument)");
}

Test(sys_order, statx_names_the_zero_sync_type_first)
{
	map(0x1000, "/tmp", 5);
	cr_expect_str_eq(RUN("statx", -EFAULT, FDCWD, 0x1000, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT,
			     STATX_MODE, 0x9000),
			 "statx(AT_FDCWD, \"/tmp\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|"
			 "AT_NO_AUTOMOUNT, STATX_MODE, 0x9000) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("statx", -EFAULT, FDCWD, 0x1000,
			     AT_STATX_SYNC_TYPE | AT_EMPTY_PATH | AT_RECURSIVE, 0, 0x9000),
			 "statx(AT_FDCWD, \"/tmp\", AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC|"
			 "AT_EMPTY_PATH|AT_RECURSIVE, 0, 0x9000) = -1 EFAULT (Bad address)");
}

Test(sys_order, statx_attributes_by_name)
{
	static struct statx stx;
	memset(&stx, 0, sizeof(stx));
	stx.stx_mask = STATX_BASIC_STATS | STATX_MNT_ID;
	stx.stx_attributes = STATX_ATTR_MOUNT_ROOT;
	stx.stx_mode = 040755;
	stx.stx_size = 4096;
	map(0x1000, "/", 2);
	map(0x2000, &stx, sizeof(stx));
	cr_expect_str_eq(
		RUN("statx", 0, FDCWD, 0x1000, 0, STATX_SIZE, 0x2000),
		"statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, STATX_SIZE, "
		"{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=STATX_ATTR_MOUNT_ROOT, "
		"stx_mode=S_IFDIR|0755, stx_size=4096, ...}) = 0");
}

Test(sys_order, clock_ticks_carry_seconds_in_a_comment)
{
	static struct tms t = {5, 0, 150, 0};
	map(0x1000, &t, sizeof(t));
	cr_expect_str_eq(
		RUN("times", 42, 0x1000),
		"times({tms_utime=5 /* 0.05 s */, tms_stime=0, tms_cutime=150 /* 1.50 s */, "
		"tms_cstime=0}) = 42");
	/* strace 6.1 leaves the seconds out under -X raw, keeps them under -X verbose */
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("times", 42, 0x1000),
			 "times({tms_utime=5, tms_stime=0, tms_cutime=150, tms_cstime=0}) = 42");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		RUN("times", 42, 0x1000),
		"times({tms_utime=5 /* 0.05 s */, tms_stime=0, tms_cutime=150 /* 1.50 s */, "
		"tms_cstime=0}) = 42");
}

/* The kernel's internal codes that reach userspace (NFS, drivers, bpf) have strace 6.1's names
 * and its "Unknown error N"; one it does not name stays a number. */
Test(sys_order, kernel_internal_errnos_are_named)
{
	cr_expect_str_eq(RUN("getppid", -524), "getppid() = -1 ENOTSUPP (Unknown error 524)");
	cr_expect_str_eq(RUN("getppid", -517), "getppid() = -1 EPROBE_DEFER (Unknown error 517)");
	cr_expect_str_eq(RUN("getppid", -530),
			 "getppid() = -1 ERECALLCONFLICT (Unknown error 530)");
	cr_expect_str_eq(RUN("getppid", -519), "getppid() = -1 (errno 519)");
	cr_expect_str_eq(RUN("getppid", -531), "getppid() = -1 (errno 531)");
}
