/*
 * The same calls decoded for every ABI, from memory images built here byte
 * by byte at each ABI's own offsets (not from ptrc's wire structs): the
 * layouts that differ between the ABIs come from arch/, never from the host.
 * Expected lines are strace 6.1's.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>

#include "test_sys_harness.h"

TestSuite(sys_abis, .init = setup, .fini = teardown);

static void put32(uint8_t *b, size_t off, uint32_t v)
{
	memcpy(b + off, &v, sizeof(v));
}

static void put64(uint8_t *b, size_t off, uint64_t v)
{
	memcpy(b + off, &v, sizeof(v));
}

/* struct epoll_event: events at 0, data at 4 on x86 (packed), at 8 on arm64. */
static void epoll_for(enum abi_id id, unsigned size, unsigned data_off)
{
	static uint8_t ev[32];

	setup();
	harness_abi = id;
	memset(ev, 0xee, sizeof(ev));
	for (unsigned i = 0; i < 2; i++) {
		put32(ev, i * size, EPOLLIN);
		put64(ev, i * size + data_off, 0x100000007ULL + i);
	}
	map(0x1000, ev, sizeof(ev));
	cr_expect_str_eq(RUN("epoll_ctl", 0, 5, EPOLL_CTL_ADD, 3, 0x1000),
			 "epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN, data={u32=7, "
			 "u64=4294967303}}) = 0",
			 "%s", abi_by_id(id)->name);
	cr_expect_str_eq(RUN("epoll_pwait", 2, 5, 0x1000, 4, 0, 0, 8),
			 "epoll_pwait(5, [{events=EPOLLIN, data={u32=7, u64=4294967303}}, "
			 "{events=EPOLLIN, data={u32=8, u64=4294967304}}], 4, 0, NULL, 8) = 2",
			 "%s", abi_by_id(id)->name);
	teardown();
}

Test(sys_abis, epoll_event_layouts)
{
	epoll_for(ABI_X86_64, 12, 4);
	epoll_for(ABI_I386, 12, 4);
	epoll_for(ABI_AARCH64, 16, 8);
}

/* fstat's struct stat: x86_64's own (144 bytes), arm64's generic one (128). */
Test(sys_abis, stat_layouts)
{
	static uint8_t st[144];

	memset(st, 0, sizeof(st));
	put32(st, 24, S_IFREG | 0644); /* x86_64: dev, ino, nlink, then mode */
	put64(st, 48, 1234);	       /* st_size */
	map(0x1000, st, sizeof(st));
	cr_expect_str_eq(RUN("fstat", 0, 3, 0x1000),
			 "fstat(3, {st_mode=S_IFREG|0644, st_size=1234, ...}) = 0");

	static uint8_t gst[128];
	memset(gst, 0, sizeof(gst));
	put32(gst, 16, S_IFCHR | 0620); /* generic: dev, ino, then mode */
	put64(gst, 32, (136 << 8) | 2); /* st_rdev, in the kernel's new_encode_dev form */
	put64(gst, 48, 99);
	teardown();
	setup();
	harness_abi = ABI_AARCH64;
	map(0x1000, gst, sizeof(gst));
	cr_expect_str_eq(RUN("fstat", 0, 3, 0x1000),
			 "fstat(3, {st_mode=S_IFCHR|0620, st_rdev=makedev(0x88, 0x2), ...}) = 0");
}

/* rt_sigreturn's mask: at sp + 296 on x86_64 (ucontext), sp + 168 on arm64 (siginfo, ucontext). */
Test(sys_abis, rt_sigreturn_frames)
{
	static uint8_t frame[512];

	memset(frame, 0xff, sizeof(frame));
	uint64_t mask = 1ULL << (SIGINT - 1);
	put64(frame, 296, mask);
	map(0x8000, frame, sizeof(frame));
	stack_pointer = 0x8000;
	cr_expect_str_eq(RUN("rt_sigreturn", 0, 0), "rt_sigreturn({mask=[INT]}) = 0");

	teardown();
	setup();
	harness_abi = ABI_AARCH64;
	memset(frame, 0xff, sizeof(frame));
	put64(frame, 168, 1ULL << (SIGUSR1 - 1));
	map(0x8000, frame, sizeof(frame));
	stack_pointer = 0x8000;
	cr_expect_str_eq(RUN("rt_sigreturn", 0, 0), "rt_sigreturn({mask=[USR1]}) = 0");
}
