/* nanosleep and clock_nanosleep: the remaining time a signal leaves, and tv_nsec shown
 * unsigned, as strace 6.1 prints them. */
#include <criterion/criterion.h>
#include <errno.h>
#include <time.h>

#include "test_sys_harness.h"

TestSuite(sys_sleep, .init = setup, .fini = teardown);

#define ERESTART_RESTARTBLOCK 516 /* the kernel's, not in the UAPI headers */

static const int64_t req[2] = {5, 0};
static const int64_t rem[2] = {4, 799831703};

Test(sys_sleep, remaining_time_after_a_signal)
{
	map(0x1000, req, sizeof(req));
	map(0x2000, rem, sizeof(rem));
	cr_expect_str_eq(
		RUN("clock_nanosleep", -ERESTART_RESTARTBLOCK, CLOCK_REALTIME, 0, 0x1000, 0x2000),
		"clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=5, tv_nsec=0}, {tv_sec=4, "
		"tv_nsec=799831703}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
	cr_expect_str_eq(
		RUN("nanosleep", -EINTR, 0x1000, 0x2000),
		"nanosleep({tv_sec=5, tv_nsec=0}, {tv_sec=4, tv_nsec=799831703}) = -1 EINTR "
		"(Interrupted system call)");
	/* an absolute sleep, a failure that is no signal's: the kernel wrote nothing */
	cr_expect_str_eq(
		RUN("clock_nanosleep", -EINTR, CLOCK_REALTIME, TIMER_ABSTIME, 0x1000, 0x2000),
		"clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, {tv_sec=5, tv_nsec=0}, "
		"0x2000) = -1 EINTR (Interrupted system call)");
	cr_expect_str_eq(RUN("nanosleep", -EINVAL, 0x1000, 0x2000),
			 "nanosleep({tv_sec=5, tv_nsec=0}, 0x2000) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(
		RUN("nanosleep", -EINTR, 0x1000, 0xdeadbeef),
		"nanosleep({tv_sec=5, tv_nsec=0}, 0xdeadbeef) = -1 EINTR (Interrupted system "
		"call)");
	cr_expect_str_eq(RUN("nanosleep", 0, 0x1000, 0x2000),
			 "nanosleep({tv_sec=5, tv_nsec=0}, 0x2000) = 0");
}

Test(sys_sleep, tv_nsec_unsigned_at_the_width_of_long)
{
	static const int64_t neg[2] = {-1, -1};
	static const int32_t neg32[2] = {-1, -1};

	map(0x1000, neg, sizeof(neg));
	cr_expect_str_eq(RUN("nanosleep", -EINVAL, 0x1000, 0),
			 "nanosleep({tv_sec=-1, tv_nsec=18446744073709551615}, NULL) = -1 EINVAL "
			 "(Invalid argument)");
	harness_abi = ABI_I386;
	regions[0] = (struct tmem_region){0x1000, neg32, sizeof(neg32)};
	cr_expect_str_eq(RUN("nanosleep", -EINVAL, 0x1000, 0),
			 "nanosleep({tv_sec=-1, tv_nsec=4294967295}, NULL) = -1 EINVAL (Invalid "
			 "argument)");
	static const int32_t tv32[4] = {-1, -1, -2, -3};
	regions[0] = (struct tmem_region){0x1000, tv32, sizeof(tv32)};
	cr_expect_str_eq(RUN("utimes", -EINVAL, 0, 0x1000),
			 "utimes(NULL, [{tv_sec=-1, tv_usec=4294967295}, {tv_sec=-2, "
			 "tv_usec=4294967293}]) = -1 EINVAL (Invalid argument)");
}
