/* utimensat's and utimes' times, and limits and device numbers under -X raw and -X verbose:
 * strace 6.1's lines for the same bytes. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>

#include "test_sys_harness.h"

static void utime_setup(void)
{
	setup();
	setenv("TZ", "UTC", 1);
	tzset();
}

TestSuite(sys_utime, .init = utime_setup, .fini = teardown);

#define FDCWD ((uint64_t)(int64_t)AT_FDCWD)
#define PATH "\"/tmp/f\""

static const int64_t ts64[4] = {1577836800, 5, 0, UTIME_OMIT};
static const int64_t now64[4] = {0, UTIME_NOW, 1, UTIME_NOW};
static const int64_t bad64[4] = {-1, 1000000000, 1577836800, 999999999};

Test(sys_utime, utimensat_times_named_and_dated)
{
	map(0x1000, "/tmp/f", 7);
	map(0x2000, ts64, sizeof(ts64));
	map(0x3000, now64, sizeof(now64));
	map(0x4000, bad64, sizeof(bad64));
	cr_expect_str_eq(RUN("utimensat", 0, FDCWD, 0x1000, 0x2000, 0),
			 "utimensat(AT_FDCWD, " PATH ", [{tv_sec=1577836800, tv_nsec=5} /* "
			 "2020-01-01T00:00:00.000000005+0000 */, UTIME_OMIT], 0) = 0");
	cr_expect_str_eq(RUN("utimensat", 0, FDCWD, 0x1000, 0x3000, 0),
			 "utimensat(AT_FDCWD, " PATH ", [UTIME_NOW, UTIME_NOW], 0) = 0");
	cr_expect_str_eq(
		RUN("utimensat", -EINVAL, FDCWD, 0x1000, 0x4000, 0),
		"utimensat(AT_FDCWD, " PATH ", [{tv_sec=-1, tv_nsec=1000000000}, "
		"{tv_sec=1577836800, tv_nsec=999999999} /* "
		"2020-01-01T00:00:00.999999999+0000 */], 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("utimensat", 0, 4, 0, 0, 0), "utimensat(4, NULL, NULL, 0) = 0");
	cr_expect_str_eq(RUN("utimensat", -EFAULT, FDCWD, 0x1000, 0xdeadbeef, 0),
			 "utimensat(AT_FDCWD, " PATH ", 0xdeadbeef, 0) = -1 EFAULT (Bad address)");
	/* the second time past the end of what is mapped: the address */
	cr_expect_str_eq(RUN("utimensat", -EFAULT, FDCWD, 0x1000, 0x2010, 0),
			 "utimensat(AT_FDCWD, " PATH ", 0x2010, 0) = -1 EFAULT (Bad address)");
}

Test(sys_utime, utimensat_raw_and_verbose)
{
	map(0x1000, "/tmp/f", 7);
	map(0x2000, ts64, sizeof(ts64));
	map(0x3000, now64, sizeof(now64));
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("utimensat", 0, FDCWD, 0x1000, 0x2000, 0),
			 "utimensat(-100, " PATH ", [{tv_sec=1577836800, tv_nsec=5} /* "
			 "2020-01-01T00:00:00.000000005+0000 */, {tv_sec=0, tv_nsec=1073741822}], "
			 "0) = 0");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		RUN("utimensat", 0, FDCWD, 0x1000, 0x3000, 0),
		"utimensat(-100 /* AT_FDCWD */, " PATH ", [{tv_sec=0, tv_nsec=1073741823} "
		"/* UTIME_NOW */, {tv_sec=1, tv_nsec=1073741823} /* UTIME_NOW */], 0) = 0");
}

Test(sys_utime, i386_times_are_32_bit)
{
	static const int32_t ts32[4] = {1577836800, 5, 0, UTIME_OMIT};
	static const int64_t ts_t64[4] = {1577836800, 5, 0, UTIME_NOW};

	harness_abi = ABI_I386;
	map(0x1000, "/tmp/f", 7);
	map(0x2000, ts32, sizeof(ts32));
	map(0x3000, ts_t64, sizeof(ts_t64));
	cr_expect_str_eq(RUN("utimensat", 0, FDCWD, 0x1000, 0x2000, 0),
			 "utimensat(AT_FDCWD, " PATH ", [{tv_sec=1577836800, tv_nsec=5} /* "
			 "2020-01-01T00:00:00.000000005+0000 */, UTIME_OMIT], 0) = 0");
	cr_expect_str_eq(RUN("utimensat_time64", 0, FDCWD, 0x1000, 0x3000, 0),
			 "utimensat_time64(AT_FDCWD, " PATH ", [{tv_sec=1577836800, tv_nsec=5} /* "
			 "2020-01-01T00:00:00.000000005+0000 */, UTIME_NOW], 0) = 0");
	/* 16 bytes are enough for i386's two timespecs, not for x86_64's */
	cr_expect_str_eq(RUN("utimensat", 0, FDCWD, 0x1000, 0x2000, 0),
			 "utimensat(AT_FDCWD, " PATH ", [{tv_sec=1577836800, tv_nsec=5} /* "
			 "2020-01-01T00:00:00.000000005+0000 */, UTIME_OMIT], 0) = 0");
}

Test(sys_utime, utimes_timevals_dated_in_microseconds)
{
	static const int64_t tv[4] = {1577836800, 5, 1577836801, 999999};
	static const int32_t tv32[4] = {1577836800, 5, 1577836801, 999999};

	map(0x1000, "/tmp/f", 7);
	map(0x2000, tv, sizeof(tv));
	cr_expect_str_eq(RUN("utimes", 0, 0x1000, 0x2000),
			 "utimes(" PATH ", [{tv_sec=1577836800, tv_usec=5} /* "
			 "2020-01-01T00:00:00.000005+0000 */, {tv_sec=1577836801, tv_usec=999999} "
			 "/* 2020-01-01T00:00:01.999999+0000 */]) = 0");
	cr_expect_str_eq(RUN("futimesat", 0, FDCWD, 0x1000, 0x2000),
			 "futimesat(AT_FDCWD, " PATH ", [{tv_sec=1577836800, tv_usec=5} /* "
			 "2020-01-01T00:00:00.000005+0000 */, {tv_sec=1577836801, tv_usec=999999} "
			 "/* 2020-01-01T00:00:01.999999+0000 */]) = 0");
	cr_expect_str_eq(RUN("utimes", 0, 0x1000, 0), "utimes(" PATH ", NULL) = 0");
	harness_abi = ABI_I386;
	regions[1] = (struct tmem_region){0x2000, tv32, sizeof(tv32)};
	cr_expect_str_eq(RUN("utimes", 0, 0x1000, 0x2000),
			 "utimes(" PATH ", [{tv_sec=1577836800, tv_usec=5} /* "
			 "2020-01-01T00:00:00.000005+0000 */, {tv_sec=1577836801, tv_usec=999999} "
			 "/* 2020-01-01T00:00:01.999999+0000 */]) = 0");
}

Test(sys_utime, limits_as_numbers_under_raw)
{
	static const uint64_t lim[2] = {8192 * 1024, UINT64_MAX};
	static const uint32_t lim32[2] = {8192 * 1024, UINT32_MAX};

	map(0x2000, lim, sizeof(lim));
	cr_expect_str_eq(
		RUN("getrlimit", 0, 3, 0x2000),
		"getrlimit(RLIMIT_STACK, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(
		RUN("prlimit64", 0, 0, 3, 0, 0x2000),
		"prlimit64(0, 0x3, NULL, {rlim_cur=8388608, rlim_max=18446744073709551615}) = 0");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		RUN("prlimit64", 0, 0, 3, 0, 0x2000),
		"prlimit64(0, 0x3 /* RLIMIT_STACK */, NULL, {rlim_cur=8388608 /* 8192*1024 */, "
		"rlim_max=18446744073709551615 /* RLIM64_INFINITY */}) = 0");
	harness_abi = ABI_I386;
	regions[0] = (struct tmem_region){0x2000, lim32, sizeof(lim32)};
	cr_expect_str_eq(RUN("ugetrlimit", 0, 3, 0x2000),
			 "ugetrlimit(0x3 /* RLIMIT_STACK */, {rlim_cur=8388608 /* 8192*1024 */, "
			 "rlim_max=4294967295 /* RLIM_INFINITY */}) = 0");
	harness_xstyle = CONST_ABBREV;
	cr_expect_str_eq(
		RUN("ugetrlimit", 0, 3, 0x2000),
		"ugetrlimit(RLIMIT_STACK, {rlim_cur=8192*1024, rlim_max=RLIM_INFINITY}) = 0");
}

Test(sys_utime, device_numbers_under_raw)
{
	static struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFCHR | 0666;
	st.st_rdev = makedev(1, 3);
	map(0x2000, &st, sizeof(st));
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("fstat", 0, 1, 0x2000),
			 "fstat(1, {st_mode=020666, st_rdev=0x103, ...}) = 0");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		RUN("fstat", 0, 1, 0x2000),
		"fstat(1, {st_mode=020666 /* S_IFCHR|0666 */, st_rdev=0x103 /* makedev(0x1, "
		"0x3) */, ...}) = 0");
}
