/* -e read= / -e write=: which buffers a call moved (src/sys/iodata.c) and strace's dump of
 * them (src/out/hexdump.c), on fake tracee memory. */
#include <criterion/criterion.h>
#include <errno.h>

#include "out/hexdump.h"
#include "sys/iodata.h"
#include "test_sys_harness.h"

TestSuite(sys_iodata, .init = setup, .fini = teardown);

Test(sys_iodata, hexdump_as_strace)
{
	static const char text[] = "hello world, this is a longer line of text!\n";
	struct strbuf sb = {0};

	text_hexdump(&sb, (const uint8_t *)text, sizeof(text) - 1);
	cr_expect_str_eq(
		sb.buf,
		" | 00000  68 65 6c 6c 6f 20 77 6f  72 6c 64 2c 20 74 68 69  hello world, "
		"thi |\n"
		" | 00010  73 20 69 73 20 61 20 6c  6f 6e 67 65 72 20 6c 69  s is a longer "
		"li |\n"
		" | 00020  6e 65 20 6f 66 20 74 65  78 74 21 0a              ne of text!.     "
		"|\n");
	strbuf_reset(&sb);
	text_hexdump(&sb, (const uint8_t *)"z", 1);
	cr_expect_str_eq(sb.buf,
			 " | 00000  7a                                                z     "
			 "           |\n");
	strbuf_free(&sb);
}

Test(sys_iodata, a_read_is_its_result_a_write_its_length)
{
	struct io_buf b[4];
	bool reads, vector;

	RUN("read", 5, 3, 0x1000, 4096);
	cr_assert_eq(sys_io_buffers(&harness_ev, &mem, b, 4, &reads, &vector), 1);
	cr_expect(reads && !vector);
	cr_expect_eq(b[0].addr, 0x1000);
	cr_expect_eq(b[0].len, 5, "what it read, not the buffer's size");
	cr_expect_eq(sys_io_fd(&harness_ev), 3);
	map(0x2000, "abcdef", 6);
	RUN("write", 4, 1, 0x2000, 6);
	cr_assert_eq(sys_io_buffers(&harness_ev, &mem, b, 4, &reads, &vector), 1);
	cr_expect(!reads && b[0].len == 4, "a short write: its result");
	RUN("write", -EBADF, 9, 0x2000, 6);
	cr_expect_eq(sys_io_buffers(&harness_ev, &mem, b, 4, &reads, &vector), 0, "failed");
}

Test(sys_iodata, vectors_and_msghdrs)
{
	static const uint64_t iov[4] = {0x3000, 5, 0x3100, 10};
	static const uint64_t msg[7] = {0, 0, 0x4000, 2, 0, 0, 0};
	static const uint64_t msg_iov[4] = {0x4100, 2, 0x4200, 1};
	struct io_buf b[4];
	bool reads, vector;

	map(0x2000, iov, sizeof(iov));
	RUN("readv", 12, 3, 0x2000, 2);
	cr_assert_eq(sys_io_buffers(&harness_ev, &mem, b, 4, &reads, &vector), 2);
	cr_expect(reads && vector);
	cr_expect(b[0].addr == 0x3000 && b[0].len == 5 && b[1].addr == 0x3100 && b[1].len == 7,
		  "the second buffer only as far as the result");
	map(0x5000, msg, sizeof(msg));
	map(0x4000, msg_iov, sizeof(msg_iov));
	RUN("sendmsg", 3, 4, 0x5000, 0);
	cr_assert_eq(sys_io_buffers(&harness_ev, &mem, b, 4, &reads, &vector), 2);
	cr_expect(!reads && vector && b[0].addr == 0x4100 && b[1].len == 1);
	RUN("readv", 12, 3, 0x9000, 2);
	cr_expect_eq(sys_io_buffers(&harness_ev, &mem, b, 4, &reads, &vector), -1,
		     "an unreadable iovec");
}
