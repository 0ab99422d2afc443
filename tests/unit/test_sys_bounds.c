/*
 * Bounded work for any input (issue 10): whatever -s says, one call's
 * decoding keeps at most DEC_MAX_BYTES, and what it could not keep ends with
 * "...".  Before, poll(fds, 1 << 30, 0) under -s 2147483647 made ptrc
 * allocate 24 GiB and abort, killing the command.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_sys_harness.h"

TestSuite(bounds, .init = setup, .fini = teardown, .timeout = 30);

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* 32 MiB of readable zeros: 4 Mi pollfds {fd=0, events=0}, or anything else. */
static uint8_t *zeros(size_t len)
{
	uint8_t *z = calloc(1, len);

	cr_assert(z);
	return z;
}

Test(bounds, poll_with_a_huge_count_and_s)
{
	size_t len = 32 << 20;
	uint8_t *z = zeros(len);

	map(0x10000000, z, len);
	opts.strsize = INT_MAX;
	const char *line = RUN("poll", -EINVAL, 0x10000000, 1u << 30, 0);
	opts.strsize = 32;
	cr_expect(!strncmp(line, "poll([{fd=0, events=0}, {fd=0, events=0}, ", 42), "%.80s", line);
	cr_expect(ends_with(line, "}, ...], 1073741824, 0) = -1 EINVAL (Invalid argument)"),
		  "...%s", line + strlen(line) - 80);
	/* What was kept: the values (16 MiB) and their text, not 2^30 elements. */
	cr_expect_leq(ar.total, DEC_MAX_BYTES + 4096);
	cr_expect_lt(strlen(line), DEC_MAX_BYTES);
	cr_expect_gt(harness_ev.args[0].n, 1000);
	free(z);
}

/* 64 iovecs of 1 MiB each under -s 2147483647: the first 16 MiB, then "...". */
Test(bounds, writev_with_huge_buffers_and_s)
{
	size_t one = 1 << 20;
	uint8_t *data = zeros(one);
	static uint64_t iov[2 * 64];

	memset(data, 'a', one);
	for (unsigned i = 0; i < 64; i++) {
		iov[2 * i] = 0x20000000;
		iov[2 * i + 1] = one;
	}
	map(0x20000000, data, one);
	map(0x10000, iov, sizeof(iov));
	opts.strsize = INT_MAX;
	const char *line = RUN("writev", 64 * (int64_t)one, 1, 0x10000, 64);
	opts.strsize = 32;
	cr_expect(ends_with(line, "...], 64) = 67108864"), "...%s", line + strlen(line) - 80);
	cr_expect_lt(strlen(line), 2 * DEC_MAX_BYTES);
	cr_expect_leq(ar.total, DEC_MAX_BYTES + 4096);
	free(data);
}

/* strace prints iovec arrays of any length (the kernel takes UIO_MAXIOV): -s of them. */
Test(bounds, writev_past_uio_maxiov_is_an_array)
{
	static const char ab[] = "ab";
	static uint64_t iov[2 * 2000];

	for (unsigned i = 0; i < 2000; i++) {
		iov[2 * i] = 0x20000;
		iov[2 * i + 1] = 2;
	}
	map(0x20000, ab, 2);
	map(0x10000, iov, sizeof(iov));
	opts.strsize = 2;
	cr_expect_str_eq(
		RUN("writev", -EINVAL, 3, 0x10000, 2000),
		"writev(3, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"ab\", iov_len=2}, ...], "
		"2000) = -1 EINVAL (Invalid argument)");
	opts.strsize = 32;
}

/* -v shows every element, as strace's does (abbrev=none), within DEC_MAX_BYTES. */
Test(bounds, verbose_shows_every_element)
{
	static uint32_t gids[40];

	map(0x10000, gids, sizeof(gids));
	opts.verbose = true;
	opts.strsize = 2;
	RUN("setgroups", 0, 40, 0x10000);
	opts.strsize = 32;
	cr_expect_eq(harness_ev.args[1].n, 40);
	cr_expect(!(harness_ev.args[1].flags & VALF_TRUNC));
}

/* An environment of n pointers to "A=1" at 0x40000000, NULL-terminated (or not). */
static uint64_t *big_env(size_t n, bool terminated)
{
	static const char a1[] = "A=1";
	uint64_t *env = calloc(n + 1, sizeof(*env));

	cr_assert(env);
	for (size_t i = 0; i < n; i++)
		env[i] = 0x30000000;
	map(0x30000000, a1, sizeof(a1));
	map(0x40000000, env, (n + terminated) * sizeof(*env));
	return env;
}

static const char bin_x[] = "/bin/x";

/* strace 6.1 counts them all: "/ * 100000 vars * /", not 65536. */
Test(bounds, environment_count_is_the_real_count)
{
	uint64_t *env = big_env(100000, true);
	static uint64_t argv[2] = {0x30000000, 0};

	map(0x10000, bin_x, sizeof(bin_x));
	map(0x20000, argv, sizeof(argv));
	cr_expect_str_eq(
		RUN("execve", -ENOENT, 0x10000, 0x20000, 0x40000000),
		"execve(\"/bin/x\", [\"A=1\"], 0x40000000 /* 100000 vars */) = -1 ENOENT (No "
		"such file or directory)");
	free(env);
}

/* Past DEC_MAX_BYTES of pointers the count stops, and says so (the kernel takes far fewer). */
Test(bounds, environment_count_is_bounded)
{
	size_t n = DEC_MAX_BYTES / 8 + 10;
	uint64_t *env = big_env(n, true);
	static uint64_t argv[2] = {0x30000000, 0};
	char line[160];

	map(0x10000, bin_x, sizeof(bin_x));
	map(0x20000, argv, sizeof(argv));
	snprintf(line, sizeof(line),
		 "execve(\"/bin/x\", [\"A=1\"], 0x40000000 /* %d vars, ... */) = -1 E2BIG "
		 "(Argument list too long)",
		 DEC_MAX_BYTES / 8);
	cr_expect_str_eq(RUN("execve", -E2BIG, 0x10000, 0x20000, 0x40000000), line);
	free(env);
}

/* argv: -s strings, then "..."; with -v every one, within DEC_MAX_BYTES. */
Test(bounds, argv_with_huge_counts)
{
	uint64_t *args = big_env(100000, true);
	static uint64_t envp[1] = {0};

	map(0x10000, bin_x, sizeof(bin_x));
	map(0x20000, envp, sizeof(envp));
	const char *line = RUN("execve", -ENOENT, 0x10000, 0x40000000, 0x20000);
	cr_expect(strstr(line, "\"A=1\", \"A=1\", ...], 0x20000 /* 0 vars */)"), "%s", line);
	cr_expect_eq(harness_ev.args[1].n, 32);
	opts.verbose = true;
	RUN("execve", -ENOENT, 0x10000, 0x40000000, 0x20000);
	cr_expect_eq(harness_ev.args[1].n, 100000);
	cr_expect(!(harness_ev.args[1].flags & VALF_TRUNC));
	free(args);
	nregions = 0;
	args = big_env(2000000, true);
	map(0x10000, bin_x, sizeof(bin_x));
	map(0x20000, envp, sizeof(envp));
	arena_reset(&ar);
	line = RUN("execve", -E2BIG, 0x10000, 0x40000000, 0x20000);
	cr_expect(strstr(line, "\"A=1\", \"A=1\", ...], [])"), "...%s", line + strlen(line) - 100);
	cr_expect_lt(harness_ev.args[1].n, 2000000);
	cr_expect_leq(ar.total, DEC_MAX_BYTES + 4096, "total %zu n %u", ar.total,
		      harness_ev.args[1].n);
	free(args);
}
