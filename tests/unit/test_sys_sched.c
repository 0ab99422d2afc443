/*
 * A task's scheduling attributes (sched_getattr, sched_setattr), its CPU (getcpu) and its
 * execution domain (personality) against a fake tracee memory: strace 6.1's lines.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/personality.h>
#include <linux/sched.h>
#include <linux/sched/types.h>
#include <string.h>

#include "test_sys_harness.h"

TestSuite(sys_sched, .init = setup, .fini = teardown);

static struct sched_attr attr;

static void attr_setup(uint32_t size)
{
	memset(&attr, 0, sizeof(attr));
	attr.size = size;
	map(0x1000, &attr, sizeof(attr));
}

/* The fields the struct's size says it has; the first version's for size 0. */
Test(sys_sched, setattr_fields_by_size)
{
	attr_setup(SCHED_ATTR_SIZE_VER1);
	attr.sched_nice = -3;
	attr.sched_flags = SCHED_FLAG_RESET_ON_FORK | 0x1000;
	cr_expect_str_eq(
		RUN("sched_setattr", 0, 0, 0x1000, 0),
		"sched_setattr(0, {size=56, sched_policy=SCHED_OTHER, "
		"sched_flags=SCHED_FLAG_RESET_ON_FORK|0x1000, sched_nice=-3, sched_priority=0, "
		"sched_runtime=0, sched_deadline=0, sched_period=0, sched_util_min=0, "
		"sched_util_max=0}, 0) = 0");
	attr.size = 0;
	attr.sched_flags = 0;
	attr.sched_policy = 77;
	cr_expect_str_eq(
		RUN("sched_setattr", -EINVAL, 0, 0x1000, 0),
		"sched_setattr(0, {size=0, sched_policy=0x4d /* SCHED_??? */, sched_flags=0, "
		"sched_nice=-3, sched_priority=0, sched_runtime=0, sched_deadline=0, "
		"sched_period=0}, 0) = -1 EINVAL (Invalid argument)");
	attr.size = 10;
	cr_expect_str_eq(
		RUN("sched_setattr", -E2BIG, 0, 0x1000, 0),
		"sched_setattr(0, {size=10} => {size=10}, 0) = -1 E2BIG (Argument list too "
		"long)");
	harness_xstyle = CONST_RAW;
	attr.size = SCHED_ATTR_SIZE_VER0;
	cr_expect_str_eq(
		RUN("sched_setattr", -EINVAL, 0, 0x1000, 0),
		"sched_setattr(0, {size=48, sched_policy=0x4d, sched_flags=0, sched_nice=-3, "
		"sched_priority=0, sched_runtime=0, sched_deadline=0, sched_period=0}, 0) = -1 "
		"EINVAL (Invalid argument)");
}

/* A larger struct is cut with ", ..."; E2BIG writes the kernel's size back. */
Test(sys_sched, setattr_too_big_and_kept_fields)
{
	static uint8_t big[64];
	uint32_t size = 64;
	memcpy(big, &size, sizeof(size));
	map(0x2000, big, sizeof(big));
	cr_expect_str_eq(RUN("sched_setattr", 0, 0, 0x2000, 0),
			 "sched_setattr(0, {size=64, sched_policy=SCHED_OTHER, sched_flags=0, "
			 "sched_nice=0, sched_priority=0, sched_runtime=0, sched_deadline=0, "
			 "sched_period=0, sched_util_min=0, sched_util_max=0, ...}, 0) = 0");
	attr_setup(SCHED_ATTR_SIZE_VER1);
	attr.sched_flags = SCHED_FLAG_KEEP_PARAMS;
	cr_expect_str_eq(RUN("sched_setattr", 0, 0, 0x1000, 0),
			 "sched_setattr(0, {size=56, sched_flags=SCHED_FLAG_KEEP_PARAMS, "
			 "sched_util_min=0, sched_util_max=0}, 0) = 0");
	attr.sched_flags = SCHED_FLAG_KEEP_POLICY;
	cr_expect_str_eq(
		RUN("sched_setattr", 0, 0, 0x1000, 0),
		"sched_setattr(0, {size=56, sched_flags=SCHED_FLAG_KEEP_POLICY, sched_nice=0, "
		"sched_priority=0, sched_runtime=0, sched_deadline=0, sched_period=0, "
		"sched_util_min=0, sched_util_max=0}, 0) = 0");
	cr_expect_str_eq(RUN("sched_setattr", -EFAULT, 0, 0x10, 0),
			 "sched_setattr(0, 0x10, 0) = -1 EFAULT (Bad address)");
}

/* sched_getattr: what the size argument covers is read, the struct's size says the fields;
 * the kept fields are shown. */
Test(sys_sched, getattr_at_exit)
{
	attr_setup(SCHED_ATTR_SIZE_VER0);
	attr.sched_flags = SCHED_FLAG_KEEP_ALL;
	attr.sched_runtime = 1400000;
	cr_expect_str_eq(
		RUN("sched_getattr", 0, 0, 0x1000, 48, 0),
		"sched_getattr(0, {size=48, sched_policy=SCHED_OTHER, "
		"sched_flags=SCHED_FLAG_KEEP_POLICY|SCHED_FLAG_KEEP_PARAMS, sched_nice=0, "
		"sched_priority=0, sched_runtime=1400000, sched_deadline=0, sched_period=0}, 48, "
		"0) = 0");
	attr.size = 1000;
	attr.sched_util_max = 7;
	cr_expect_str_eq(RUN("sched_getattr", 0, 0, 0x1000, 20, 0),
			 "sched_getattr(0, {size=1000, sched_policy=SCHED_OTHER, "
			 "sched_flags=SCHED_FLAG_KEEP_POLICY|SCHED_FLAG_KEEP_PARAMS, sched_nice=0, "
			 "sched_priority=0, sched_runtime=0, sched_deadline=0, sched_period=0, "
			 "sched_util_min=0, sched_util_max=0}, 20, 0) = 0");
	attr.size = 40;
	cr_expect_str_eq(RUN("sched_getattr", 0, 0, 0x1000, 56, 0),
			 "sched_getattr(0, {size=40}, 56, 0) = 0");
	cr_expect_str_eq(RUN("sched_getattr", -EINVAL, 0, 0x1000, 56, 0),
			 "sched_getattr(0, 0x1000, 56, 0) = -1 EINVAL (Invalid argument)");
}

Test(sys_sched, getcpu_outputs)
{
	static const uint32_t cpu = 3, node = 1;
	map(0x1000, &cpu, sizeof(cpu));
	map(0x2000, &node, sizeof(node));
	cr_expect_str_eq(RUN("getcpu", 0, 0x1000, 0x2000, 0), "getcpu([3], [1], NULL) = 0");
	cr_expect_str_eq(RUN("getcpu", 0, 0, 0x2000, 0x1234), "getcpu(NULL, [1], 0x1234) = 0");
	cr_expect_str_eq(RUN("getcpu", -EFAULT, 0x1000, 0x20, 0),
			 "getcpu(0x1000, 0x20, NULL) = -1 EFAULT (Bad address)");
}

Test(sys_sched, personality_in_and_out)
{
	cr_expect_str_eq(RUN("personality", 0, 0xffffffff),
			 "personality(0xffffffff) = 0 (PER_LINUX)");
	cr_expect_str_eq(RUN("personality", PER_LINUX32, PER_SVR4),
			 "personality(0x1 /* PER_??? */|MMAP_PAGE_ZERO|STICKY_TIMEOUTS) = 0x8 "
			 "(PER_LINUX32)");
	cr_expect_str_eq(RUN("personality", PER_LINUX32 | ADDR_NO_RANDOMIZE,
			     0xdeadbeef00000000ULL | PER_LINUX | 0x10000000),
			 "personality(PER_LINUX|0x10000000) = 0x40008 "
			 "(PER_LINUX32|ADDR_NO_RANDOMIZE)");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("personality", PER_LINUX32 | ADDR_NO_RANDOMIZE, PER_BSD | UNAME26),
			 "personality(0x6|0x20000) = 0x40008 (0x8|0x40000)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(RUN("personality", 0, PER_LINUX | 0x10000000),
			 "personality(0 /* PER_LINUX */|0x10000000) = 0 (0 /* PER_LINUX */)");
}
