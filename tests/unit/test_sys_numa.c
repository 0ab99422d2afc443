/*
 * The NUMA memory policy calls (set_mempolicy, mbind, migrate_pages, get_mempolicy) and
 * set*xattr's flags against a fake tracee memory.  Every expected line is strace 6.1's for
 * the same call (checked with programs that made them, testprogs/tp_numa.c among them, as
 * x86_64 and i386 programs, under -X raw and -X verbose too).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "test_sys_harness.h"

TestSuite(sys_numa, .init = setup, .fini = teardown);

#define SET(ret, mode, mask, maxnode) RUN("set_mempolicy", ret, mode, mask, maxnode)

static const uint64_t words[4] = {3, 0x8000000000000001ULL, 5, 7};

Test(sys_numa, node_masks_of_whole_words)
{
	static const uint64_t zero[4];

	map(0x1000, words, sizeof(words));
	map(0x2000, zero, sizeof(zero));
	cr_expect_str_eq(SET(0, 1, 0x1000, 3),
			 "set_mempolicy(MPOL_PREFERRED, [0x00000000000003], 3) = 0");
	cr_expect_str_eq(SET(0, 1, 0x1000, 2),
			 "set_mempolicy(MPOL_PREFERRED, [0x00000000000003], 2) = 0");
	cr_expect_str_eq(SET(0, 1, 0x1000, 65),
			 "set_mempolicy(MPOL_PREFERRED, [0x00000000000003], 65) = 0");
	cr_expect_str_eq(SET(0, 1, 0x1000, 66), "set_mempolicy(MPOL_PREFERRED, [0x00000000000003, "
						"0x8000000000000001], 66) = 0");
	cr_expect_str_eq(SET(0, 1, 0x1000, 200),
			 "set_mempolicy(MPOL_PREFERRED, [0x00000000000003, 0x8000000000000001, "
			 "0x00000000000005, 0x00000000000007], 200) = 0");
	cr_expect_str_eq(SET(0, 1, 0x2000, 3),
			 "set_mempolicy(MPOL_PREFERRED, [0000000000000000], 3) = 0");
}

Test(sys_numa, masks_of_no_word_null_wild_and_cut_short)
{
	map(0x1000, words, 2 * 8);
	cr_expect_str_eq(SET(0, 1, 0x1000, 1), "set_mempolicy(MPOL_PREFERRED, 0x1000, 1) = 0");
	cr_expect_str_eq(SET(-EINVAL, 1, 0x1000, 0),
			 "set_mempolicy(MPOL_PREFERRED, [], 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(SET(-EINVAL, 1, 0xdeadbeef, 0),
			 "set_mempolicy(MPOL_PREFERRED, [], 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(SET(0, 1, 0, 3), "set_mempolicy(MPOL_PREFERRED, NULL, 3) = 0");
	cr_expect_str_eq(SET(0, 0, 0, 0), "set_mempolicy(MPOL_DEFAULT, NULL, 0) = 0");
	cr_expect_str_eq(SET(-EFAULT, 1, 0xdeadbeef, 3),
			 "set_mempolicy(MPOL_PREFERRED, 0xdeadbeef, 3) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(SET(-EFAULT, 1, 0x1000, 200),
			 "set_mempolicy(MPOL_PREFERRED, [0x00000000000003, 0x8000000000000001, ... "
			 "/* 0x1010 */], 200) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("migrate_pages", -EINVAL, 0, 0, 0x1000, 0x1000),
			 "migrate_pages(0, 0, [], []) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("migrate_pages", -EFAULT, 0, 3, 0, 0xdeadbeef),
			 "migrate_pages(0, 3, NULL, 0xdeadbeef) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("migrate_pages", 0, 0, 64, 0x1000, 0x1000),
			 "migrate_pages(0, 64, [0x00000000000003], [0x00000000000003]) = 0");
}

Test(sys_numa, a_huge_mask_stops_at_the_strsize)
{
	uint64_t many[40];

	for (unsigned i = 0; i < 40; i++)
		many[i] = i;
	map(0x1000, many, sizeof(many));
	const char *line = SET(-EINVAL, 0, 0x1000, 1ULL << 40);
	cr_expect(strstr(line, ", 0x0000000000001f, ...], 1099511627776) = -1 EINVAL") != NULL,
		  "%s", line);
	cr_expect(strncmp(line, "set_mempolicy(MPOL_DEFAULT, [0000000000000000, 0x00000000000001, ",
			  65) == 0,
		  "%s", line);
}

Test(sys_numa, modes_and_their_flags)
{
	cr_expect_str_eq(SET(0, 0x8002, 0, 0),
			 "set_mempolicy(MPOL_BIND|MPOL_F_STATIC_NODES, NULL, 0) = 0");
	cr_expect_str_eq(SET(0, 0x8000, 0, 0),
			 "set_mempolicy(MPOL_DEFAULT|MPOL_F_STATIC_NODES, NULL, 0) = 0");
	cr_expect_str_eq(SET(0, 0x6005, 0, 0), "set_mempolicy(MPOL_PREFERRED_MANY|MPOL_F_RELATIVE_"
					       "NODES|MPOL_F_NUMA_BALANCING, NULL, 0) = 0");
	cr_expect_str_eq(
		SET(-EINVAL, 0x4d, 0, 0),
		"set_mempolicy(0x4d /* MPOL_??? */, NULL, 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(SET(-EINVAL, 0x1000, 0, 0),
			 "set_mempolicy(0x1000 /* MPOL_??? */, NULL, 0) "
			 "= -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(SET(-EINVAL, 0x804d, 0, 0),
			 "set_mempolicy(MPOL_F_STATIC_NODES|0x4d, NULL, "
			 "0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(SET(-EINVAL, 0xffffffff, 0, 0),
			 "set_mempolicy(MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_"
			 "BALANCING|0xffff1fff, NULL, 0) = -1 EINVAL (Invalid argument)");
}

Test(sys_numa, mbind_and_get_mempolicy)
{
	static const uint32_t mode_local = 4;
	static const uint64_t none[4];

	map(0x1000, words, sizeof(words));
	map(0x2000, &mode_local, sizeof(mode_local));
	map(0x3000, none, sizeof(none));
	cr_expect_str_eq(RUN("mbind", -EFAULT, 0x10000, 4096, 2, 0x1000, 64, 2),
			 "mbind(0x10000, 4096, MPOL_BIND, [0x00000000000003], 64, MPOL_MF_MOVE) = "
			 "-1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("mbind", -EINVAL, 0x10000, 4096, 3, 0x1000, 3, 0x100),
			 "mbind(0x10000, 4096, MPOL_INTERLEAVE, [0x00000000000003], 3, 0x100 /* "
			 "MPOL_??? */) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("mbind", -EINVAL, 0x10000, 4096, 2, 0x1000, 3, 0x85),
			 "mbind(0x10000, 4096, MPOL_BIND, [0x00000000000003], 3, "
			 "MPOL_MF_STRICT|MPOL_MF_MOVE_ALL|0x80) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("get_mempolicy", 0, 0x2000, 0, 0, 0x10000, 2),
			 "get_mempolicy([MPOL_LOCAL], NULL, 0, 0x10000, MPOL_F_ADDR) = 0");
	cr_expect_str_eq(RUN("get_mempolicy", 0, 0x2000, 0x3000, 200, 0, 0),
			 "get_mempolicy([MPOL_LOCAL], [0000000000000000, 0000000000000000, "
			 "0000000000000000, 0000000000000000], 200, NULL, 0) = 0");
	cr_expect_str_eq(
		RUN("get_mempolicy", 0, 0, 0x1000, 64, 0, 4),
		"get_mempolicy(NULL, [0x00000000000003], 64, NULL, MPOL_F_MEMS_ALLOWED) = 0");
	cr_expect_str_eq(
		RUN("get_mempolicy", -EINVAL, 0xdeadbeef, 0xdeadbeef, 64, 0xdeadbeef, 0x80),
		"get_mempolicy(0xdeadbeef, 0xdeadbeef, 64, 0xdeadbeef, 0x80 /* MPOL_??? "
		"*/) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("get_mempolicy", -EINVAL, 0, 0xdeadbeef, 0, 0, 0),
			 "get_mempolicy(NULL, [], 0, NULL, 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("get_mempolicy", -EFAULT, 0, 0x1000, 200, 0, 0),
			 "get_mempolicy(NULL, 0x1000, 200, NULL, 0) = -1 EFAULT (Bad address)");
}

Test(sys_numa, i386_words)
{
	static const uint32_t w32[8] = {3, 1, 5, 7, 0, 0, 0, 0};

	harness_abi = ABI_I386;
	map(0x1000, w32, sizeof(w32));
	cr_expect_str_eq(SET(0, 1, 0x1000, 3), "set_mempolicy(MPOL_PREFERRED, [0x000003], 3) = 0");
	cr_expect_str_eq(SET(0, 1, 0x1000, 64),
			 "set_mempolicy(MPOL_PREFERRED, [0x000003, 0x000001], 64) = 0");
	cr_expect_str_eq(SET(0, 1, 0x1000, 66),
			 "set_mempolicy(MPOL_PREFERRED, [0x000003, 0x000001, 0x000005], 66) = 0");
	cr_expect_str_eq(SET(0, 1, 0x1010, 3), "set_mempolicy(MPOL_PREFERRED, [00000000], 3) = 0");
	cr_expect_str_eq(SET(-EINVAL, 1, 0x1000, 1ULL << 40),
			 "set_mempolicy(MPOL_PREFERRED, [], 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("migrate_pages", 0, 0, 64, 0x1000, 0x1000),
			 "migrate_pages(0, 64, [0x000003, 0x000001], [0x000003, 0x000001]) = 0");
}

Test(sys_numa, raw_and_verbose_modes)
{
	map(0x1000, words, sizeof(words));
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(SET(0, 0x8000, 0, 0), "set_mempolicy(0x8000, NULL, 0) = 0");
	cr_expect_str_eq(SET(0, 5, 0x1000, 3), "set_mempolicy(0x5, [0x00000000000003], 3) = 0");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		SET(0, 0x8000, 0, 0),
		"set_mempolicy(0x8000 /* MPOL_DEFAULT|MPOL_F_STATIC_NODES */, NULL, 0) = 0");
	cr_expect_str_eq(SET(0, 4, 0, 0), "set_mempolicy(0x4 /* MPOL_LOCAL */, NULL, 0) = 0");
}

Test(sys_numa, xattr_flags)
{
	map(0x1000, "/p", 3);
	map(0x1100, "user.x", 7);
	map(0x1200, "abc", 3);
	cr_expect_str_eq(RUN("setxattr", -ENOENT, 0x1000, 0x1100, 0x1200, 3, 1),
			 "setxattr(\"/p\", \"user.x\", \"abc\", 3, XATTR_CREATE) = -1 ENOENT (No "
			 "such file or directory)");
	cr_expect_str_eq(RUN("setxattr", -EINVAL, 0x1000, 0x1100, 0x1200, 3, 6),
			 "setxattr(\"/p\", \"user.x\", \"abc\", 3, XATTR_REPLACE|0x4) = -1 EINVAL "
			 "(Invalid argument)");
	cr_expect_str_eq(
		RUN("lsetxattr", -EINVAL, 0x1000, 0x1100, 0x1200, 3, 8),
		"lsetxattr(\"/p\", \"user.x\", \"abc\", 3, 0x8 /* XATTR_??? */) = -1 EINVAL "
		"(Invalid argument)");
	cr_expect_str_eq(
		RUN("fsetxattr", -EBADF, (uint64_t)-1, 0x1100, 0x1200, 3, 0),
		"fsetxattr(-1, \"user.x\", \"abc\", 3, 0) = -1 EBADF (Bad file descriptor)");
}
