/*
 * io_uring_setup(2) and io_uring_register(2) against a fake tracee memory.  Every expected
 * line is strace 6.1's for the same bytes (checked with testprogs/tp_uring_reg.c and programs
 * like it, x86_64 and -m32).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/io_uring.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "test_sys_harness.h"

TestSuite(sys_io_uring, .init = setup, .fini = teardown);

#define REG(ret, ...) RUN("io_uring_register", ret, __VA_ARGS__)

Test(sys_io_uring, setup_params_in_and_out)
{
	static struct io_uring_params p;

	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_CQSIZE | IORING_SETUP_ATTACH_WQ;
	p.wq_fd = 3;
	p.cq_entries = 16;
	p.sq_entries = 8;
	p.features = IORING_FEAT_NODROP | 0x40000;
	p.sq_off.array = 320;
	p.cq_off.cqes = 64;
	map(0x1000, &p, sizeof(p));
	cr_expect_str_eq(
		RUN("io_uring_setup", 4, 8, 0x1000),
		"io_uring_setup(8, {flags=IORING_SETUP_CQSIZE|IORING_SETUP_ATTACH_WQ, "
		"sq_thread_cpu=0, sq_thread_idle=0, wq_fd=3, sq_entries=8, cq_entries=16, "
		"features=IORING_FEAT_NODROP|0x40000, sq_off={head=0, tail=0, ring_mask=0, "
		"ring_entries=0, flags=0, dropped=0, array=320}, cq_off={head=0, tail=0, "
		"ring_mask=0, ring_entries=0, overflow=0, cqes=64, flags=0}}) = 4");
	cr_expect_str_eq(
		RUN("io_uring_setup", -EINVAL, 8, 0x1000),
		"io_uring_setup(8, {flags=IORING_SETUP_CQSIZE|IORING_SETUP_ATTACH_WQ, "
		"sq_thread_cpu=0, sq_thread_idle=0, wq_fd=3}) = -1 EINVAL (Invalid argument)");
	p.flags = 1u << 13; /* IORING_SETUP_DEFER_TASKRUN, which strace 6.1 does not name */
	p.resv[2] = 1;
	cr_expect_str_eq(RUN("io_uring_setup", -EINVAL, 2, 0x1000),
			 "io_uring_setup(2, {flags=0x2000 /* IORING_SETUP_??? */, sq_thread_cpu=0, "
			 "sq_thread_idle=0, resv=[0, 0, 0x1]}) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("io_uring_setup", -EFAULT, 2, 0x1001),
			 "io_uring_setup(2, 0x1001) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("io_uring_setup", -EFAULT, 2, 0),
			 "io_uring_setup(2, NULL) = -1 EFAULT (Bad address)");
}

Test(sys_io_uring, register_arrays_cut_and_wild)
{
	static const int32_t fds[3] = {0, 1, -1};
	static const uint32_t iov32[2] = {0x2000, 16};

	map(0x1000, fds, sizeof(fds));
	cr_expect_str_eq(REG(0, 3, IORING_REGISTER_FILES, 0x1000, 3),
			 "io_uring_register(3, IORING_REGISTER_FILES, [0, 1, -1], 3) = 0");
	cr_expect_str_eq(
		REG(-EINVAL, 3, IORING_REGISTER_FILES, 0x1000, 0xffffffff),
		"io_uring_register(3, IORING_REGISTER_FILES, [0, 1, -1, ... /* 0x100c */], "
		"4294967295) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(REG(-EFAULT, 3, IORING_REGISTER_EVENTFD, 0xdeadbeef, 1),
			 "io_uring_register(3, IORING_REGISTER_EVENTFD, 0xdeadbeef, 1) = -1 EFAULT "
			 "(Bad address)");
	cr_expect_str_eq(REG(-EINVAL, 3, 0x7f, 0x1000, 1),
			 "io_uring_register(3, 0x7f /* IORING_REGISTER_??? */, 0x1000, 1) = -1 "
			 "EINVAL (Invalid argument)");
	harness_abi = ABI_I386;
	map(0x3000, iov32, sizeof(iov32));
	cr_expect_str_eq(REG(0, 3, IORING_REGISTER_BUFFERS, 0x3000, 2),
			 "io_uring_register(3, IORING_REGISTER_BUFFERS, [{iov_base=0x2000, "
			 "iov_len=16}, ... /* 0x3008 */], 2) = 0");
	harness_abi = ABI_X86_64;
}

Test(sys_io_uring, probe_at_exit_and_restrictions)
{
	static struct {
		struct io_uring_probe p;
		struct io_uring_probe_op ops[2];
	} pr;
	static struct io_uring_restriction r[2];

	memset(&pr, 0, sizeof(pr));
	pr.p.last_op = 200;
	pr.p.ops_len = 2;
	pr.ops[0].flags = IO_URING_OP_SUPPORTED;
	pr.ops[1].op = IORING_OP_READV;
	map(0x1000, &pr, sizeof(pr));
	cr_expect_str_eq(
		REG(0, 3, IORING_REGISTER_PROBE, 0x1000, 2),
		"io_uring_register(3, IORING_REGISTER_PROBE, {last_op=200 /* IORING_OP_??? "
		"*/, ops_len=2, ops=[{op=IORING_OP_NOP, flags=IO_URING_OP_SUPPORTED}, "
		"{op=IORING_OP_READV, flags=0}]}, 2) = 0");
	cr_expect_str_eq(REG(-EINVAL, 3, IORING_REGISTER_PROBE, 0x1000, 3),
			 "io_uring_register(3, IORING_REGISTER_PROBE, 0x1000, 3) = -1 EINVAL "
			 "(Invalid argument)");
	r[0].opcode = IORING_RESTRICTION_SQE_FLAGS_REQUIRED;
	r[0].sqe_flags = IOSQE_ASYNC;
	r[1].opcode = 9;
	r[1].register_op = 2;
	map(0x2000, r, sizeof(r));
	cr_expect_str_eq(REG(-EBADFD, 3, IORING_REGISTER_RESTRICTIONS, 0x2000, 2),
			 "io_uring_register(3, IORING_REGISTER_RESTRICTIONS, "
			 "[{opcode=IORING_RESTRICTION_SQE_FLAGS_REQUIRED, sqe_flags=IOSQE_ASYNC}, "
			 "{opcode=0x9 /* IORING_RESTRICTION_??? */ /* op: 0x2 */}], 2) = -1 EBADFD "
			 "(File descriptor in bad state)");
}

/* IORING_REGISTER_IOWQ_MAX_WORKERS: the counts by worker kind at entry, the old ones the
 * kernel wrote back after " => " (the address when the call failed), strace 6.1's lines on
 * both ABIs (the same u32 array). */
Test(sys_io_uring, iowq_max_workers_in_and_out)
{
	static const uint32_t w[3] = {4, 8, 9};

	map(0x1000, w, sizeof(w));
	for (int abi = 0; abi < 2; abi++) {
		harness_abi = abi ? ABI_I386 : ABI_X86_64;
		cr_expect_str_eq(REG(0, 3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x1000, 2),
				 "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, "
				 "[[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8] => [[IO_WQ_BOUND]=4, "
				 "[IO_WQ_UNBOUND]=8], 2) = 0");
		cr_expect_str_eq(REG(-EINVAL, -1, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x1000, 2),
				 "io_uring_register(-1, IORING_REGISTER_IOWQ_MAX_WORKERS, "
				 "[[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8] => 0x1000, 2) = -1 EINVAL "
				 "(Invalid argument)");
		cr_expect_str_eq(REG(-EINVAL, 3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x1000, 3),
				 "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, "
				 "[[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8, [2 /* IO_WQ_??? */]=9] => "
				 "0x1000, 3) = -1 EINVAL (Invalid argument)");
		cr_expect_str_eq(
			REG(-EINVAL, 3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x1000, 0),
			"io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, [], 0) = -1 "
			"EINVAL (Invalid argument)");
	}
	harness_abi = ABI_X86_64;
}

/* What could not be read is not read back: NULL, a wild pointer, a cut array; -s cuts it. */
Test(sys_io_uring, iowq_max_workers_unreadable_and_cut)
{
	static const uint32_t w[3] = {4, 8, 9};

	map(0x1000, w, sizeof(w[0]));
	map(0x2000, w, sizeof(w));
	cr_expect_str_eq(REG(-EINVAL, 3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0, 2),
			 "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, NULL, 2) = -1 "
			 "EINVAL (Invalid argument)");
	cr_expect_str_eq(REG(-EFAULT, 3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x8, 2),
			 "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x8, 2) = -1 "
			 "EFAULT (Bad address)");
	cr_expect_str_eq(REG(-EFAULT, 3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0xdeadbeef, 2),
			 "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0xdeadbeef, 2) = "
			 "-1 EFAULT (Bad address)");
	cr_expect_str_eq(REG(-EFAULT, 3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x1000, 2),
			 "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=4, "
			 "... /* 0x1004 */], 2) = -1 EFAULT (Bad address)");
	opts.strsize = 2;
	cr_expect_str_eq(REG(-EINVAL, 3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x2000, 3),
			 "io_uring_register(3, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=4, "
			 "[IO_WQ_UNBOUND]=8, ...] => 0x2000, 3) = -1 EINVAL (Invalid argument)");
}

/* -X raw and -X verbose: the indexes in decimal, as the opcode is in hex. */
Test(sys_io_uring, iowq_max_workers_raw_and_verbose)
{
	static const uint32_t w[3] = {4, 8, 9};

	map(0x1000, w, sizeof(w));
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(REG(0, 3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x1000, 2),
			 "io_uring_register(3, 0x13, [[0]=4, [1]=8] => [[0]=4, [1]=8], 2) = 0");
	cr_expect_str_eq(REG(-EINVAL, 3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x1000, 3),
			 "io_uring_register(3, 0x13, [[0]=4, [1]=8, [2]=9] => 0x1000, 3) = -1 "
			 "EINVAL (Invalid argument)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(REG(-EINVAL, 3, IORING_REGISTER_IOWQ_MAX_WORKERS, 0x1000, 3),
			 "io_uring_register(3, 0x13 /* IORING_REGISTER_IOWQ_MAX_WORKERS */, [[0 /* "
			 "IO_WQ_BOUND */]=4, [1 /* IO_WQ_UNBOUND */]=8, [2 /* IO_WQ_??? */]=9] => "
			 "0x1000, 3) = -1 EINVAL (Invalid argument)");
}

/* Opcodes strace 6.1 shows as an address, with any argument; an unknown one in hex with its
 * argument count unsigned. */
Test(sys_io_uring, opcodes_shown_as_addresses)
{
	static const uint32_t w[4] = {1, 2, 3, 4};
	static const unsigned ops[] = {IORING_REGISTER_PERSONALITY, IORING_UNREGISTER_PERSONALITY,
				       IORING_REGISTER_ENABLE_RINGS, IORING_UNREGISTER_BUFFERS};
	static const char *const names[] = {
		"IORING_REGISTER_PERSONALITY", "IORING_UNREGISTER_PERSONALITY",
		"IORING_REGISTER_ENABLE_RINGS", "IORING_UNREGISTER_BUFFERS"};
	char want[256];

	map(0x1000, w, sizeof(w));
	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		snprintf(want, sizeof(want),
			 "io_uring_register(-1, %s, 0x1000, 1) = -1 EINVAL (Invalid argument)",
			 names[i]);
		cr_expect_str_eq(REG(-EINVAL, -1, ops[i], 0x1000, 1), want);
	}
	cr_expect_str_eq(REG(-EINVAL, -1, IORING_REGISTER_SYNC_CANCEL, 0x1000, 1),
			 "io_uring_register(-1, 0x18 /* IORING_REGISTER_??? */, 0x1000, 1) = -1 "
			 "EINVAL (Invalid argument)");
	cr_expect_str_eq(REG(-EINVAL, -1, IORING_REGISTER_FILE_ALLOC_RANGE, 0x1000, 1),
			 "io_uring_register(-1, 0x19 /* IORING_REGISTER_??? */, 0x1000, 1) = -1 "
			 "EINVAL (Invalid argument)");
	cr_expect_str_eq(REG(-EINVAL, -1, 0xbadc0ded, 0xdeadbeef, 0xfacefeed),
			 "io_uring_register(-1, 0xbadc0ded /* IORING_REGISTER_??? */, 0xdeadbeef, "
			 "4207869677) = -1 EINVAL (Invalid argument)");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(REG(-EINVAL, -1, 0xbadc0ded, 0, 0),
			 "io_uring_register(-1, 0xbadc0ded, NULL, 0) = -1 EINVAL (Invalid "
			 "argument)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		REG(-EINVAL, -1, 0xbadc0ded, 0, 0),
		"io_uring_register(-1, 0xbadc0ded /* IORING_REGISTER_??? */, NULL, 0) = -1 "
		"EINVAL (Invalid argument)");
}
