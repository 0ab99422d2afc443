/*
 * Decoders print only what they read (issue 10): an array whose elements run
 * into memory that cannot be read ends there, as strace 6.1 prints it, on
 * every ABI.  The fake tracee memory ends where its regions end, so an array
 * "straddles a page" when a region stops inside it.  Expected lines are
 * strace 6.1's for gcc -m64 and -m32 programs whose arrays end at an
 * unmapped page.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "test_sys_harness.h"

static void setup_i386(void)
{
	setup();
	harness_abi = ABI_I386;
}

static void setup_x86_64(void)
{
	setup();
	harness_abi = ABI_X86_64;
}

TestSuite(unread_i386, .init = setup_i386, .fini = teardown);
TestSuite(unread_x86_64, .init = setup_x86_64, .fini = teardown);

/* Little-endian words of the ABI's size, one after another. */
static void put_words(uint8_t *b, unsigned ws, const uint64_t *w, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		memcpy(b + i * ws, &w[i], ws);
}

static const char ab[] = "ab", cd[] = "cd";

/* iovecs at 0x10000: `whole` readable ones, then `half` more bytes, then nothing. */
static void map_iovecs(uint8_t *buf, unsigned ws, unsigned whole, unsigned half)
{
	const uint64_t w[] = {0x20000, 2, 0x20100, 2};

	map(0x20000, ab, 2);
	map(0x20100, cd, 2);
	memset(buf, 0, 4 * ws);
	put_words(buf, ws, w, 4);
	map(0x10000, buf, whole * 2 * ws + half);
}

static void iovec_ends_at_unreadable(unsigned ws)
{
	uint8_t buf[32];
	char line[160];

	map_iovecs(buf, ws, 1, 0);
	snprintf(line, sizeof(line),
		 "writev(1, [{iov_base=\"ab\", iov_len=2}, ... /* %#x */], 3) = -1 EFAULT (Bad "
		 "address)",
		 0x10000 + 2 * ws);
	cr_expect_str_eq(RUN("writev", -EFAULT, 1, 0x10000, 3), line);

	nregions = 0;
	map_iovecs(buf, ws, 2, 0);
	snprintf(line, sizeof(line),
		 "writev(1, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cd\", iov_len=2}, ... /* "
		 "%#x */], 3) = -1 EFAULT (Bad address)",
		 0x10000 + 4 * ws);
	cr_expect_str_eq(RUN("writev", -EFAULT, 1, 0x10000, 3), line);
}

/* The element that straddles the end is not read at all, and neither is one before it. */
static void iovec_straddling_element(unsigned ws)
{
	uint8_t buf[32];
	char line[160];

	map_iovecs(buf, ws, 1, ws);
	snprintf(line, sizeof(line),
		 "writev(1, [{iov_base=\"ab\", iov_len=2}, ... /* %#x */], 3) = -1 EFAULT (Bad "
		 "address)",
		 0x10000 + 2 * ws);
	cr_expect_str_eq(RUN("writev", -EFAULT, 1, 0x10000, 3), line);
	nregions = 0;
	map_iovecs(buf, ws, 0, ws);
	cr_expect_str_eq(RUN("writev", -EFAULT, 1, 0x10000, 3),
			 "writev(1, 0x10000, 3) = -1 EFAULT (Bad address)");
}

Test(unread_i386, iovec_ends_at_unreadable)
{
	iovec_ends_at_unreadable(4);
}

Test(unread_x86_64, iovec_ends_at_unreadable)
{
	iovec_ends_at_unreadable(8);
}

Test(unread_i386, iovec_straddling_element)
{
	iovec_straddling_element(4);
}

Test(unread_x86_64, iovec_straddling_element)
{
	iovec_straddling_element(8);
}

Test(unread_x86_64, all_iovecs_readable_unchanged)
{
	uint8_t buf[32];

	map_iovecs(buf, 8, 2, 0);
	cr_expect_str_eq(
		RUN("writev", 4, 1, 0x10000, 2),
		"writev(1, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cd\", iov_len=2}], 2) "
		"= 4");
	cr_expect_str_eq(RUN("writev", 0, 1, 0x10000, 0), "writev(1, [], 0) = 0");
	cr_expect_str_eq(RUN("writev", -EFAULT, 1, 0, 2),
			 "writev(1, NULL, 2) = -1 EFAULT (Bad address)");
}

/* struct pollfd is 8 bytes on every ABI: {fd, events, revents}. */
static void map_pollfds(uint8_t *buf, unsigned n, unsigned bytes)
{
	for (unsigned i = 0; i < n; i++) {
		const int32_t fd = (int32_t)i;
		const uint16_t events = 4 /* POLLOUT */, revents = i % 2 ? 4 : 0;
		memcpy(buf + i * 8, &fd, 4);
		memcpy(buf + i * 8 + 4, &events, 2);
		memcpy(buf + i * 8 + 6, &revents, 2);
	}
	map(0x30000, buf, bytes);
}

static void poll_ends_at_unreadable(void)
{
	uint8_t buf[64];

	map_pollfds(buf, 3, 2 * 8 + 4);
	cr_expect_str_eq(
		RUN("poll", -EFAULT, 0x30000, 3, 0),
		"poll([{fd=0, events=POLLOUT}, {fd=1, events=POLLOUT}, ... /* 0x30010 */], "
		"3, 0) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("poll", -EFAULT, 0x30010, 3, 0),
			 "poll(0x30010, 3, 0) = -1 EFAULT (Bad address)");
}

Test(unread_i386, poll_ends_at_unreadable)
{
	poll_ends_at_unreadable();
}

Test(unread_x86_64, poll_ends_at_unreadable)
{
	poll_ends_at_unreadable();
}

/* strace reads an element before it counts it against -s: the unreadable one still shows. */
Test(unread_x86_64, poll_unreadable_just_past_strsize)
{
	uint8_t buf[64];

	map_pollfds(buf, 2, 2 * 8);
	opts.strsize = 2;
	cr_expect_str_eq(
		RUN("poll", -EFAULT, 0x30000, 3, 0),
		"poll([{fd=0, events=POLLOUT}, {fd=1, events=POLLOUT}, ... /* 0x30010 */], "
		"3, 0) = -1 EFAULT (Bad address)");
	map_pollfds(buf, 4, 4 * 8);
	cr_expect_str_eq(RUN("poll", -EFAULT, 0x30000, 3, 0),
			 "poll([{fd=0, events=POLLOUT}, {fd=1, events=POLLOUT}, ...], 3, 0) = -1 "
			 "EFAULT (Bad address)");
	opts.strsize = 32;
}

/* At exit only the ready ones, -s of them, then "..." when more were ready (strace 6.1). */
Test(unread_x86_64, poll_ready_past_strsize)
{
	uint8_t buf[64];

	map_pollfds(buf, 6, 6 * 8);
	opts.strsize = 2;
	cr_expect_str_eq(RUN("poll", 3, 0x30000, 6, 0),
			 "poll([{fd=0, events=POLLOUT}, {fd=1, events=POLLOUT}, ...], 6, 0) = 3 "
			 "([{fd=1, revents=POLLOUT}, {fd=3, revents=POLLOUT}, ...])");
	opts.strsize = 32;
	cr_expect_str_eq(RUN("poll", 3, 0x30000, 6, 0),
			 "poll([{fd=0, events=POLLOUT}, {fd=1, events=POLLOUT}, {fd=2, "
			 "events=POLLOUT}, {fd=3, events=POLLOUT}, {fd=4, events=POLLOUT}, {fd=5, "
			 "events=POLLOUT}], 6, 0) = 3 ([{fd=1, revents=POLLOUT}, {fd=3, "
			 "revents=POLLOUT}, {fd=5, revents=POLLOUT}])");
}

Test(unread_x86_64, setgroups_ends_at_unreadable)
{
	static const uint32_t gids[] = {0, 5, 7};

	map(0x40000, gids, 2 * sizeof(gids[0]));
	cr_expect_str_eq(RUN("setgroups", -EFAULT, 4, 0x40000),
			 "setgroups(4, [0, 5, ... /* 0x40008 */]) = -1 EFAULT (Bad address)");
}

/* times() and getrusage() structs are read whole, or shown as their address. */
Test(unread_i386, times_and_rusage_read_whole)
{
	static const uint32_t tms[4] = {1, 2, 3, 4};

	map(0x50000, tms, 3 * sizeof(tms[0]));
	cr_expect_str_eq(RUN("times", 100, 0x50000), "times(0x50000) = 100");
	map(0x50100, tms, sizeof(tms));
	cr_expect_str_eq(
		RUN("times", 100, 0x50100),
		"times({tms_utime=1 /* 0.01 s */, tms_stime=2 /* 0.02 s */, tms_cutime=3 /* "
		"0.03 s */, tms_cstime=4 /* 0.04 s */}) = 100");
	map(0x50200, tms, sizeof(tms));
	cr_expect_str_eq(RUN("getrusage", 0, 0, 0x50200), "getrusage(RUSAGE_SELF, 0x50200) = 0");
}

static const char path_true[] = "/bin/true", arg_a[] = "a", arg_b[] = "b", env_a[] = "A=1";

/* Strings at 0x60000..., and envp ["A=1"] at 0x61000. */
static void map_exec_strings(unsigned ws)
{
	static uint8_t envp[16];
	const uint64_t e[] = {0x60300, 0};

	map(0x60000, path_true, sizeof(path_true));
	map(0x60100, arg_a, sizeof(arg_a));
	map(0x60200, arg_b, sizeof(arg_b));
	map(0x60300, env_a, sizeof(env_a));
	put_words(envp, ws, e, 2);
	map(0x61000, envp, 2 * ws);
}

/* argv ["a", "b"] at 0x10000 with no NULL before the end of readable memory. */
static void argv_unterminated(unsigned ws)
{
	static uint8_t argv[16];
	const uint64_t w[] = {0x60100, 0x60200};
	char line[160];

	map_exec_strings(ws);
	put_words(argv, ws, w, 2);
	map(0x10000, argv, 2 * ws);
	snprintf(line, sizeof(line),
		 "execve(\"/bin/true\", [\"a\", \"b\", ... /* %#x */], 0x61000 /* 1 var */) = -1 "
		 "EFAULT (Bad address)",
		 0x10000 + 2 * ws);
	cr_expect_str_eq(RUN("execve", -EFAULT, 0x60000, 0x10000, 0x61000), line);
	/* The same array as the environment: its count says it had no end. */
	cr_expect_str_eq(
		RUN("execve", -EFAULT, 0x60000, 0x61000, 0x10000),
		"execve(\"/bin/true\", [\"A=1\"], 0x10000 /* 2 vars, unterminated */) = -1 "
		"EFAULT (Bad address)");
	opts.verbose = true;
	snprintf(line, sizeof(line),
		 "execve(\"/bin/true\", [\"A=1\"], [\"a\", \"b\", ... /* %#x */]) = -1 EFAULT (Bad "
		 "address)",
		 0x10000 + 2 * ws);
	cr_expect_str_eq(RUN("execve", -EFAULT, 0x60000, 0x61000, 0x10000), line);
	opts.verbose = false;
}

Test(unread_i386, argv_unterminated)
{
	argv_unterminated(4);
}

Test(unread_x86_64, argv_unterminated)
{
	argv_unterminated(8);
}

/* A pointer cut in half by the end of memory is not read; nor is an array that starts there. */
Test(unread_x86_64, argv_pointer_straddles_the_end)
{
	static uint64_t argv[2] = {0x60100, 0x60200};

	map_exec_strings(8);
	map(0x10000, argv, 12);
	cr_expect_str_eq(
		RUN("execve", -EFAULT, 0x60000, 0x10000, 0x61000),
		"execve(\"/bin/true\", [\"a\", ... /* 0x10008 */], 0x61000 /* 1 var */) = -1 "
		"EFAULT (Bad address)");
	cr_expect_str_eq(RUN("execve", -EFAULT, 0x60000, 0x20000, 0x61000),
			 "execve(\"/bin/true\", 0x20000, 0x61000 /* 1 var */) = -1 EFAULT (Bad "
			 "address)");
	cr_expect_str_eq(RUN("execve", -EFAULT, 0x60000, 0x61000, 0x20000),
			 "execve(\"/bin/true\", [\"A=1\"], 0x20000) = -1 EFAULT (Bad address)");
}

/* execveat(dirfd, path, argv, envp, flags) decodes its arrays the same way. */
Test(unread_i386, execveat_argv_unterminated)
{
	static uint32_t argv[1] = {0x60100};

	map_exec_strings(4);
	map(0x10000, argv, sizeof(argv));
	cr_expect_str_eq(
		RUN("execveat", -EFAULT, 3, 0x60000, 0x10000, 0x61000, 0),
		"execveat(3, \"/bin/true\", [\"a\", ... /* 0x10004 */], 0x61000 /* 1 var */, "
		"0) = -1 EFAULT (Bad address)");
}

/*
 * i386's select is the kernel's old_select: one pointer to {n, inp, outp,
 * exp, tvp}, 32-bit words.  _newselect takes them in registers.  The fd_sets
 * are 4 bytes: the kernel reads them in the ABI's longs.
 */
static void map_select_block(uint64_t at, size_t readable)
{
	static uint8_t block[20], in[4], outs[4];
	static const uint32_t tv[2] = {1, 500};
	const uint64_t w[] = {5, 0x71000, 0x72000, 0, 0x73000};

	put_words(block, 4, w, 5);
	in[0] = 1 << 3;
	outs[0] = 1 << 4;
	map(0x71000, in, sizeof(in));
	map(0x72000, outs, sizeof(outs));
	map(0x73000, tv, sizeof(tv));
	map(at, block, readable);
}

Test(unread_i386, old_select_reads_its_argument_block)
{
	map_select_block(0x70000, 20);
	cr_expect_str_eq(RUN("select", 2, 0x70000),
			 "select(5, [3], [4], NULL, {tv_sec=1, tv_usec=500}) = 2 (in [3], out [4], "
			 "left {tv_sec=1, tv_usec=500})");
	cr_expect_str_eq(RUN("_newselect", 1, 4, 0x71000, 0, 0, 0),
			 "_newselect(4, [3], NULL, NULL, NULL) = 1 (in [3])");
}

Test(unread_i386, old_select_block_unreadable)
{
	map_select_block(0x70000, 8);
	cr_expect_str_eq(RUN("select", -EFAULT, 0x70000),
			 "select(0x70000) = -1 EFAULT (Bad address)");
	cr_expect_eq(harness_ev.nargs, 1);
	cr_expect_str_eq(RUN("select", -EFAULT, 0), "select(NULL) = -1 EFAULT (Bad address)");
}

/* x86_64's select is the five-argument one. */
Test(unread_x86_64, select_takes_five_registers)
{
	static uint8_t in[8];
	static const uint64_t tv[2] = {0, 0};

	in[0] = 1 << 3;
	map(0x71000, in, sizeof(in));
	map(0x73000, tv, sizeof(tv));
	cr_expect_str_eq(RUN("select", 0, 4, 0x71000, 0, 0, 0x73000),
			 "select(4, [3], NULL, NULL, {tv_sec=0, tv_usec=0}) = 0 (Timeout)");
}

/* i386's mmap is old_mmap: one pointer to {addr, len, prot, flags, fd, offset}. */
Test(unread_i386, old_mmap_reads_its_argument_block)
{
	static uint8_t block[24];
	const uint64_t w[] = {0, 4096, 1 /* PROT_READ */, 0x22, 0xffffffff, 0x2000};

	put_words(block, 4, w, 6);
	map(0x70000, block, sizeof(block));
	cr_expect_str_eq(RUN("mmap", 0xf7f7e000, 0x70000),
			 "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0x2000) = "
			 "0xf7f7e000");
	cr_expect_str_eq(RUN("mmap", -EFAULT, 0), "mmap(NULL) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("mmap", -EFAULT, 0x10), "mmap(0x10) = -1 EFAULT (Bad address)");
}
