/* io_uring_setup's params and io_uring_register's opcodes with real rings and wild
 * arguments, each line as strace 6.1 prints it.
 *   tp_uring_reg basic
 * What the kernel writes (features, ring offsets, the last opcode a probe knows) is stated
 * as it wrote it; ptrc decodes it by the names of <linux/io_uring.h> that strace names.
 */
#include "expect.h"

#include <errno.h>
#include <linux/io_uring.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define BAD ((void *)(uintptr_t)0xdeadbeef)

static pid_t me;

static long setup(unsigned n, void *p)
{
	return syscall(SYS_io_uring_setup, n, p);
}

static long reg(long fd, unsigned op, const void *arg, unsigned n)
{
	return syscall(SYS_io_uring_register, fd, op, arg, n);
}

/* The features strace names, then the bits it does not, in hex. */
static const char *features(unsigned f)
{
	static const struct {
		unsigned bit;
		const char *name;
	} n[] = {{IORING_FEAT_SINGLE_MMAP, "IORING_FEAT_SINGLE_MMAP"},
		 {IORING_FEAT_NODROP, "IORING_FEAT_NODROP"},
		 {IORING_FEAT_SUBMIT_STABLE, "IORING_FEAT_SUBMIT_STABLE"},
		 {IORING_FEAT_RW_CUR_POS, "IORING_FEAT_RW_CUR_POS"},
		 {IORING_FEAT_CUR_PERSONALITY, "IORING_FEAT_CUR_PERSONALITY"},
		 {IORING_FEAT_FAST_POLL, "IORING_FEAT_FAST_POLL"},
		 {IORING_FEAT_POLL_32BITS, "IORING_FEAT_POLL_32BITS"},
		 {IORING_FEAT_SQPOLL_NONFIXED, "IORING_FEAT_SQPOLL_NONFIXED"},
		 {IORING_FEAT_EXT_ARG, "IORING_FEAT_EXT_ARG"},
		 {IORING_FEAT_NATIVE_WORKERS, "IORING_FEAT_NATIVE_WORKERS"},
		 {IORING_FEAT_RSRC_TAGS, "IORING_FEAT_RSRC_TAGS"},
		 {IORING_FEAT_CQE_SKIP, "IORING_FEAT_CQE_SKIP"},
		 {IORING_FEAT_LINKED_FILE, "IORING_FEAT_LINKED_FILE"}};
	static char b[1024];
	size_t len = 0;

	b[0] = 0;
	for (unsigned i = 0; i < sizeof(n) / sizeof(n[0]); i++)
		if (f & n[i].bit) {
			len += (size_t)snprintf(b + len, sizeof(b) - len, "%s%s", len ? "|" : "",
						n[i].name);
			f &= ~n[i].bit;
		}
	if (f && len)
		snprintf(b + len, sizeof(b) - len, "|%#x", f);
	else if (f)
		snprintf(b, sizeof(b), "%#x /* IORING_FEAT_??? */", f);
	else if (!len)
		snprintf(b, sizeof(b), "0");
	return b;
}

/* sq_entries=..., cq_entries=..., features=..., sq_off={...}, cq_off={...}: what a
 * successful setup wrote. */
static const char *setup_out(const struct io_uring_params *p)
{
	static char b[2048];
	const struct io_sqring_offsets *s = &p->sq_off;
	const struct io_cqring_offsets *c = &p->cq_off;

	snprintf(b, sizeof(b),
		 "sq_entries=%u, cq_entries=%u, features=%s, sq_off={head=%u, tail=%u, "
		 "ring_mask=%u, ring_entries=%u, flags=%u, dropped=%u, array=%u}, cq_off={head=%u, "
		 "tail=%u, ring_mask=%u, ring_entries=%u, overflow=%u, cqes=%u, flags=%u}",
		 p->sq_entries, p->cq_entries, features(p->features), s->head, s->tail,
		 s->ring_mask, s->ring_entries, s->flags, s->dropped, s->array, c->head, c->tail,
		 c->ring_mask, c->ring_entries, c->overflow, c->cqes, c->flags);
	return b;
}

/* Rings made and wild params: returns the ring's fd. */
static int run_setup(void)
{
	struct io_uring_params p;
	long fd, r;

	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_CQSIZE;
	p.cq_entries = 16;
	fd = setup(8, &p);
	if (fd < 0) {
		xp_line(me,
			"io_uring_setup(8, {flags=IORING_SETUP_CQSIZE, sq_thread_cpu=0, "
			"sq_thread_idle=0}) = %s",
			xp_res(fd));
		return -1;
	}
	xp_line(me,
		"io_uring_setup(8, {flags=IORING_SETUP_CQSIZE, sq_thread_cpu=0, sq_thread_idle=0, "
		"%s}) = %ld",
		setup_out(&p), fd);
	r = setup(8, BAD);
	xp_line(me, "io_uring_setup(8, 0xdeadbeef) = %s", xp_res(r));
	r = setup(8, NULL);
	xp_line(me, "io_uring_setup(8, NULL) = %s", xp_res(r));
	memset(&p, 0, sizeof(p));
	p.flags = 0x80000000u;
	p.sq_thread_cpu = 3;
	p.sq_thread_idle = 5;
	p.resv[1] = 7;
	r = setup(4, &p);
	xp_line(me,
		"io_uring_setup(4, {flags=0x80000000 /* IORING_SETUP_??? */, sq_thread_cpu=0x3, "
		"sq_thread_idle=5, resv=[0, 0x7, 0]}) = %s",
		xp_res(r));
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_CLAMP | IORING_SETUP_SQE128 | 0x100000u;
	r = setup(2, &p);
	xp_line(me,
		"io_uring_setup(2, {flags=IORING_SETUP_CLAMP|IORING_SETUP_SQE128|0x100000, "
		"sq_thread_cpu=0, sq_thread_idle=0}) = %s",
		xp_res(r));
	return (int)fd;
}

/* A second ring attached to the first one's workers; one made disabled, for restrictions. */
static void run_attach(int fd, int *disabled, int *other)
{
	struct io_uring_params p;
	long r;

	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_ATTACH_WQ;
	p.wq_fd = (unsigned)fd;
	r = setup(2, &p);
	if (r < 0)
		xp_line(me,
			"io_uring_setup(2, {flags=IORING_SETUP_ATTACH_WQ, sq_thread_cpu=0, "
			"sq_thread_idle=0, wq_fd=%d}) = %s",
			fd, xp_res(r));
	else
		xp_line(me,
			"io_uring_setup(2, {flags=IORING_SETUP_ATTACH_WQ, sq_thread_cpu=0, "
			"sq_thread_idle=0, wq_fd=%d, %s}) = %ld",
			fd, setup_out(&p), r);
	*other = (int)r;
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_R_DISABLED;
	r = setup(2, &p);
	if (r < 0)
		xp_line(me,
			"io_uring_setup(2, {flags=IORING_SETUP_R_DISABLED, sq_thread_cpu=0, "
			"sq_thread_idle=0}) = %s",
			xp_res(r));
	else
		xp_line(me,
			"io_uring_setup(2, {flags=IORING_SETUP_R_DISABLED, sq_thread_cpu=0, "
			"sq_thread_idle=0, %s}) = %ld",
			setup_out(&p), r);
	*disabled = (int)r;
}

/* Buffers: an iovec array (addresses only), a wild one, one cut by an unmapped page. */
static void run_buffers(int fd, char *page_end)
{
	static char b1[16], b2[32];
	struct iovec iov[2] = {{b1, sizeof(b1)}, {b2, sizeof(b2)}};
	struct iovec *cut = (struct iovec *)(void *)(page_end - sizeof(struct iovec));
	long r;

	r = reg(fd, IORING_REGISTER_BUFFERS, iov, 2);
	xp_line(me,
		"io_uring_register(%d, IORING_REGISTER_BUFFERS, [{iov_base=%p, iov_len=16}, "
		"{iov_base=%p, iov_len=32}], 2) = %s",
		fd, (void *)b1, (void *)b2, xp_res(r));
	r = reg(fd, IORING_UNREGISTER_BUFFERS, NULL, 0);
	xp_line(me, "io_uring_register(%d, IORING_UNREGISTER_BUFFERS, NULL, 0) = %s", fd,
		xp_res(r));
	r = reg(fd, IORING_REGISTER_BUFFERS, BAD, 2);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_BUFFERS, 0xdeadbeef, 2) = %s", fd,
		xp_res(r));
	cut->iov_base = b1;
	cut->iov_len = 1;
	r = reg(-1, IORING_REGISTER_BUFFERS, cut, 2);
	xp_line(me,
		"io_uring_register(-1, IORING_REGISTER_BUFFERS, [{iov_base=%p, iov_len=1}, ... "
		"/* %p */], 2) = %s",
		(void *)b1, (void *)page_end, xp_res(r));
}

/* Files: an fd array (the first 32 of 40, then ...), an update, the eventfds. */
static void run_files(int fd)
{
	int fds[40], two = 2, efd = eventfd(0, 0);
	struct io_uring_files_update up = {.offset = 1, .fds = (uintptr_t)&two};
	char list[512];
	size_t len = 0;
	long r;

	for (int i = 0; i < 40; i++)
		fds[i] = i % 3 == 2 ? -1 : i % 3;
	for (int i = 0; i < 32; i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%d, ", fds[i]);
	r = reg(fd, IORING_REGISTER_FILES, fds, 3);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_FILES, [0, 1, -1], 3) = %s", fd,
		xp_res(r));
	r = reg(fd, IORING_REGISTER_FILES_UPDATE, &up, 1);
	xp_line(me,
		"io_uring_register(%d, IORING_REGISTER_FILES_UPDATE, {offset=1, fds=[2]}, 1) = %s",
		fd, xp_res(r));
	up.resv = 3;
	up.fds = (uintptr_t)BAD;
	r = reg(fd, IORING_REGISTER_FILES_UPDATE, &up, 2);
	xp_line(me,
		"io_uring_register(%d, IORING_REGISTER_FILES_UPDATE, {offset=1, resv=0x3, "
		"fds=0xdeadbeef}, 2) = %s",
		fd, xp_res(r));
	r = reg(fd, IORING_UNREGISTER_FILES, NULL, 0);
	xp_line(me, "io_uring_register(%d, IORING_UNREGISTER_FILES, NULL, 0) = %s", fd, xp_res(r));
	r = reg(-1, IORING_REGISTER_FILES, fds, 40);
	xp_line(me, "io_uring_register(-1, IORING_REGISTER_FILES, [%s...], 40) = %s", list,
		xp_res(r));
	r = reg(fd, IORING_REGISTER_FILES, BAD, 3);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_FILES, 0xdeadbeef, 3) = %s", fd,
		xp_res(r));
	r = reg(fd, IORING_REGISTER_EVENTFD_ASYNC, &efd, 1);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_EVENTFD_ASYNC, [%d], 1) = %s", fd, efd,
		xp_res(r));
	r = reg(fd, IORING_UNREGISTER_EVENTFD, NULL, 0);
	xp_line(me, "io_uring_register(%d, IORING_UNREGISTER_EVENTFD, NULL, 0) = %s", fd,
		xp_res(r));
	r = reg(fd, IORING_REGISTER_EVENTFD, BAD, 1);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_EVENTFD, 0xdeadbeef, 1) = %s", fd,
		xp_res(r));
	close(efd);
}

/* A probe's opcode: the first four by name, a later one in decimal with strace's comment. */
static const char *op_name(unsigned op)
{
	static const char *const n[] = {"IORING_OP_NOP", "IORING_OP_READV", "IORING_OP_WRITEV",
					"IORING_OP_FSYNC"};
	static char b[4][64];
	static unsigned next;
	char *o = b[next++ % 4];

	if (op < 4)
		return n[op];
	if (op < IORING_OP_LAST)
		snprintf(o, sizeof(b[0]), "%u", op); /* named by strace: not expected here */
	else
		snprintf(o, sizeof(b[0]), "%u /* IORING_OP_??? */", op);
	return o;
}

static const char *op_flags(unsigned f)
{
	return f == IO_URING_OP_SUPPORTED ? "IO_URING_OP_SUPPORTED"
	       : f == 0			  ? "0"
					  : "IO_URING_OP_SUPPORTED|0x2";
}

/* What the kernel knows: a probe of four ops, shown at exit; then a wild and a refused one. */
static void run_probe(int fd)
{
	struct {
		struct io_uring_probe p;
		struct io_uring_probe_op ops[4];
	} pr;
	char ops[1024];
	size_t len = 0;
	long r;

	memset(&pr, 0, sizeof(pr));
	r = reg(fd, IORING_REGISTER_PROBE, &pr, 4);
	for (unsigned i = 0; i < 4; i++)
		len += (size_t)snprintf(ops + len, sizeof(ops) - len, "%s{op=%s, flags=%s}",
					i ? ", " : "", op_name(pr.ops[i].op),
					op_flags(pr.ops[i].flags));
	xp_line(me,
		"io_uring_register(%d, IORING_REGISTER_PROBE, {last_op=%s, ops_len=%u, ops=[%s]}, "
		"4) = %s",
		fd, op_name(pr.p.last_op), pr.p.ops_len, ops, xp_res(r));
	r = reg(fd, IORING_REGISTER_PROBE, BAD, 4);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_PROBE, 0xdeadbeef, 4) = %s", fd,
		xp_res(r));
	memset(&pr, 0, sizeof(pr));
	pr.p.ops_len = 2;
	pr.p.last_op = 3;
	pr.p.resv = 1;
	pr.p.resv2[0] = 4;
	pr.ops[0].op = 1;
	pr.ops[0].flags = 3;
	pr.ops[1].op = 90;
	pr.ops[1].resv = 1;
	r = reg(-1, IORING_REGISTER_PROBE, &pr, 2);
	xp_line(me,
		"io_uring_register(-1, IORING_REGISTER_PROBE, {last_op=IORING_OP_FSYNC, ops_len=2, "
		"resv=0x1, resv2=[0x4, 0, 0], ops=[{op=IORING_OP_READV, "
		"flags=IO_URING_OP_SUPPORTED|0x2}, {op=90 /* IORING_OP_??? */, resv=0x1, "
		"flags=0}]}, 2) = %s",
		xp_res(r));
}

/* Restrictions of each kind and an unknown one, on the disabled ring, which then starts. */
static void run_restrict(int fd)
{
	struct io_uring_restriction r[4];
	long n;

	memset(r, 0, sizeof(r));
	r[0].opcode = IORING_RESTRICTION_REGISTER_OP;
	r[0].register_op = IORING_REGISTER_BUFFERS;
	r[1].opcode = IORING_RESTRICTION_SQE_OP;
	r[1].sqe_op = IORING_OP_READV;
	r[2].opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED;
	r[2].sqe_flags = IOSQE_FIXED_FILE | IOSQE_IO_LINK | IOSQE_CQE_SKIP_SUCCESS | 0x80;
	r[3].opcode = 77;
	r[3].sqe_op = 5;
	r[3].resv = 1;
	r[3].resv2[2] = 4;
	n = reg(fd, IORING_REGISTER_RESTRICTIONS, r, 3);
	xp_line(me,
		"io_uring_register(%d, IORING_REGISTER_RESTRICTIONS, "
		"[{opcode=IORING_RESTRICTION_REGISTER_OP, register_op=IORING_REGISTER_BUFFERS}, "
		"{opcode=IORING_RESTRICTION_SQE_OP, sqe_op=IORING_OP_READV}, "
		"{opcode=IORING_RESTRICTION_SQE_FLAGS_ALLOWED, "
		"sqe_flags=IOSQE_FIXED_FILE|IOSQE_IO_LINK|IOSQE_CQE_SKIP_SUCCESS|0x80}], 3) = %s",
		fd, xp_res(n));
	r[0].sqe_op = 0xc8;
	r[0].opcode = IORING_RESTRICTION_SQE_OP;
	n = reg(-1, IORING_REGISTER_RESTRICTIONS, r, 4);
	xp_line(me,
		"io_uring_register(-1, IORING_REGISTER_RESTRICTIONS, "
		"[{opcode=IORING_RESTRICTION_SQE_OP, sqe_op=0xc8 /* IORING_OP_??? */}, "
		"{opcode=IORING_RESTRICTION_SQE_OP, sqe_op=IORING_OP_READV}, "
		"{opcode=IORING_RESTRICTION_SQE_FLAGS_ALLOWED, "
		"sqe_flags=IOSQE_FIXED_FILE|IOSQE_IO_LINK|IOSQE_CQE_SKIP_SUCCESS|0x80}, "
		"{opcode=0x4d /* IORING_RESTRICTION_??? */ /* op: 0x5 */, resv=0x1, resv2=[0, 0, "
		"0x4]}], 4) = %s",
		xp_res(n));
	n = reg(fd, IORING_REGISTER_RESTRICTIONS, BAD, 3);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_RESTRICTIONS, 0xdeadbeef, 3) = %s", fd,
		xp_res(n));
	n = reg(fd, IORING_REGISTER_ENABLE_RINGS, NULL, 0);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_ENABLE_RINGS, NULL, 0) = %s", fd,
		xp_res(n));
}

/* A ring's fd registered (the kernel writes the slot it took) and let go by that slot. */
static void run_ring_fds(int fd, int other)
{
	struct io_uring_rsrc_update u[2];
	long r;

	memset(u, 0, sizeof(u));
	u[0].offset = -1U;
	u[0].data = (unsigned)other;
	r = reg(fd, IORING_REGISTER_RING_FDS, u, 1);
	xp_line(me,
		"io_uring_register(%d, IORING_REGISTER_RING_FDS, [{offset=-1, data=%d}], 1) = %s",
		fd, other, xp_res(r));
	unsigned slot = u[0].offset;
	r = reg(fd, IORING_UNREGISTER_RING_FDS, u, 1);
	xp_line(me,
		"io_uring_register(%d, IORING_UNREGISTER_RING_FDS, [{offset=%u, data=%#x}], 1) = "
		"%s",
		fd, slot, (unsigned)other, xp_res(r));
	u[0].offset = 7;
	u[0].resv = 5;
	r = reg(-1, IORING_REGISTER_RING_FDS, u, 1);
	xp_line(me,
		"io_uring_register(-1, IORING_REGISTER_RING_FDS, [{offset=7, resv=0x5, data=%d}], "
		"1) = %s",
		other, xp_res(r));
	r = reg(fd, IORING_UNREGISTER_RING_FDS, BAD, 2);
	xp_line(me, "io_uring_register(%d, IORING_UNREGISTER_RING_FDS, 0xdeadbeef, 2) = %s", fd,
		xp_res(r));
}

/* Personalities, the io-wq's CPUs, a provided-buffer ring, opcodes strace does not name
 * (shown as addresses whatever they point at). */
static void run_misc(int fd)
{
	unsigned char mask[8] = {3};
	struct io_uring_buf_reg br;
	long r;

	long id = reg(fd, IORING_REGISTER_PERSONALITY, NULL, 0);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_PERSONALITY, NULL, 0) = %s", fd,
		xp_res(id));
	r = reg(fd, IORING_UNREGISTER_PERSONALITY, NULL, (unsigned)id);
	xp_line(me, "io_uring_register(%d, IORING_UNREGISTER_PERSONALITY, NULL, %u) = %s", fd,
		(unsigned)id, xp_res(r));
	r = reg(-1, IORING_REGISTER_IOWQ_AFF, mask, 8);
	xp_line(me, "io_uring_register(-1, IORING_REGISTER_IOWQ_AFF, [0 1], 8) = %s", xp_res(r));
	r = reg(fd, IORING_REGISTER_IOWQ_AFF, BAD, 8);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_IOWQ_AFF, 0xdeadbeef, 8) = %s", fd,
		xp_res(r));
	r = reg(fd, IORING_UNREGISTER_IOWQ_AFF, NULL, 0);
	xp_line(me, "io_uring_register(%d, IORING_UNREGISTER_IOWQ_AFF, NULL, 0) = %s", fd,
		xp_res(r));
	memset(&br, 0, sizeof(br));
	br.ring_addr = 0x1000;
	br.ring_entries = 4;
	br.bgid = 1;
	br.pad = 2;
	br.resv[1] = 9;
	r = reg(-1, IORING_REGISTER_PBUF_RING, &br, 1);
	xp_line(me,
		"io_uring_register(-1, IORING_REGISTER_PBUF_RING, {ring_addr=0x1000, "
		"ring_entries=4, "
		"bgid=1, pad=0x2, resv=[0, 0x9, 0]}, 1) = %s",
		xp_res(r));
	memset(&br, 0, sizeof(br));
	br.bgid = 3;
	r = reg(fd, IORING_UNREGISTER_PBUF_RING, &br, 1);
	xp_line(me,
		"io_uring_register(%d, IORING_UNREGISTER_PBUF_RING, {ring_addr=NULL, "
		"ring_entries=0, "
		"bgid=3}, 1) = %s",
		fd, xp_res(r));
	r = reg(fd, IORING_REGISTER_PBUF_RING, BAD, 1);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_PBUF_RING, 0xdeadbeef, 1) = %s", fd,
		xp_res(r));
	r = reg(-1, IORING_REGISTER_SYNC_CANCEL, BAD, 1);
	xp_line(me, "io_uring_register(-1, %#x /* IORING_REGISTER_??? */, 0xdeadbeef, 1) = %s",
		IORING_REGISTER_SYNC_CANCEL, xp_res(r));
	r = reg(-1, 0xbadc0ded, BAD, 0xfacefeed); /* the count unsigned */
	xp_line(me,
		"io_uring_register(-1, 0xbadc0ded /* IORING_REGISTER_??? */, 0xdeadbeef, "
		"4207869677) = %s",
		xp_res(r));
}

/* [[IO_WQ_BOUND]=B, [IO_WQ_UNBOUND]=U]: the io-wq's worker counts as strace 6.1 shows them. */
static const char *workers(const uint32_t *w, unsigned n)
{
	static char b[2][128];
	static unsigned next;
	char *o = b[next++ % 2];

	snprintf(o, sizeof(b[0]), "[[IO_WQ_BOUND]=%u, [IO_WQ_UNBOUND]=%u%s]", w[0], w[1],
		 n > 2 ? ", [2 /* IO_WQ_??? */]=9" : "");
	return o;
}

/* The io-wq's worker limits: set, then set back to what the kernel wrote (the old ones),
 * which strace shows after " => " (the address when the call failed); arrays it could not
 * read whole are not shown again. */
static void run_workers(int fd, char *page_end)
{
	uint32_t w[3] = {4, 8, 9}, in[3];
	uint32_t *cut = (uint32_t *)(void *)(page_end - sizeof(uint32_t));
	char out[160];
	long r;

	for (int i = 0; i < 2; i++) {
		memcpy(in, w, sizeof(in));
		r = reg(fd, IORING_REGISTER_IOWQ_MAX_WORKERS, w, 2);
		if (r < 0)
			snprintf(out, sizeof(out), "%p", (void *)w);
		else
			snprintf(out, sizeof(out), "%s", workers(w, 2));
		xp_line(me,
			"io_uring_register(%d, IORING_REGISTER_IOWQ_MAX_WORKERS, %s => %s, 2) = %s",
			fd, workers(in, 2), out, xp_res(r));
	}
	r = reg(-1, IORING_REGISTER_IOWQ_MAX_WORKERS, w, 2);
	xp_line(me, "io_uring_register(-1, IORING_REGISTER_IOWQ_MAX_WORKERS, %s => %p, 2) = %s",
		workers(w, 2), (void *)w, xp_res(r));
	r = reg(fd, IORING_REGISTER_IOWQ_MAX_WORKERS, w, 3);
	xp_line(me, "io_uring_register(%d, IORING_REGISTER_IOWQ_MAX_WORKERS, %s => %p, 3) = %s", fd,
		workers(w, 3), (void *)w, xp_res(r));
	*cut = 5;
	const struct {
		const void *arg;
		unsigned n;
		const char *shown;
	} unread[] = {{cut, 0, "[]"}, {NULL, 2, "NULL"}, {BAD, 2, "0xdeadbeef"}};
	for (unsigned i = 0; i < 3; i++) {
		r = reg(fd, IORING_REGISTER_IOWQ_MAX_WORKERS, unread[i].arg, unread[i].n);
		xp_line(me, "io_uring_register(%d, IORING_REGISTER_IOWQ_MAX_WORKERS, %s, %u) = %s",
			fd, unread[i].shown, unread[i].n, xp_res(r));
	}
	r = reg(fd, IORING_REGISTER_IOWQ_MAX_WORKERS, cut, 2);
	xp_line(me,
		"io_uring_register(%d, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=5, ... /* "
		"%p */], 2) = %s",
		fd, (void *)page_end, xp_res(r));
}

/* Resource tables: files with tags, buffers, their updates; wild pointers inside them. */
static void run_rsrc(int fd)
{
	static char b1[16];
	int fds[3] = {0, 1, -1};
	uint64_t tags[3] = {5, 0, 7};
	struct iovec iov[1] = {{b1, sizeof(b1)}};
	struct io_uring_rsrc_register rr = {
		.nr = 3, .data = (uintptr_t)fds, .tags = (uintptr_t)tags};
	struct io_uring_rsrc_update2 u = {.offset = 1, .data = (uintptr_t)fds, .nr = 2};
	long r;

	r = reg(fd, IORING_REGISTER_FILES2, &rr, sizeof(rr));
	xp_line(me,
		"io_uring_register(%d, IORING_REGISTER_FILES2, {nr=3, flags=0, data=[0, 1, -1], "
		"tags=[0x5, 0, 0x7]}, 32) = %s",
		fd, xp_res(r));
	r = reg(fd, IORING_REGISTER_FILES_UPDATE2, &u, sizeof(u));
	xp_line(me,
		"io_uring_register(%d, IORING_REGISTER_FILES_UPDATE2, {offset=1, data=[0, 1], "
		"tags=NULL, nr=2}, 32) = %s",
		fd, xp_res(r));
	r = reg(fd, IORING_UNREGISTER_FILES, NULL, 0);
	xp_line(me, "io_uring_register(%d, IORING_UNREGISTER_FILES, NULL, 0) = %s", fd, xp_res(r));
	rr.flags = IORING_RSRC_REGISTER_SPARSE | 2;
	rr.resv2 = 9;
	rr.data = 0;
	r = reg(-1, IORING_REGISTER_FILES2, &rr, sizeof(rr));
	xp_line(me,
		"io_uring_register(-1, IORING_REGISTER_FILES2, {nr=3, "
		"flags=IORING_RSRC_REGISTER_SPARSE|0x2, resv2=0x9, data=NULL, tags=[0x5, 0, 0x7]}, "
		"32) = %s",
		xp_res(r));
	r = reg(-1, IORING_REGISTER_FILES2, &rr, 16);
	xp_line(me, "io_uring_register(-1, IORING_REGISTER_FILES2, %p, 16) = %s", (void *)&rr,
		xp_res(r));
	rr.flags = 0;
	rr.resv2 = 0;
	rr.nr = 1;
	rr.data = (uintptr_t)iov;
	rr.tags = (uintptr_t)BAD;
	r = reg(-1, IORING_REGISTER_BUFFERS2, &rr, sizeof(rr));
	xp_line(me,
		"io_uring_register(-1, IORING_REGISTER_BUFFERS2, {nr=1, flags=0, "
		"data=[{iov_base=%p, iov_len=16}], tags=0xdeadbeef}, 32) = %s",
		(void *)b1, xp_res(r));
	u.data = (uintptr_t)iov;
	u.tags = (uintptr_t)tags;
	u.nr = 1;
	u.resv = 3;
	u.resv2 = 4;
	r = reg(-1, IORING_REGISTER_BUFFERS_UPDATE, &u, sizeof(u));
	xp_line(me,
		"io_uring_register(-1, IORING_REGISTER_BUFFERS_UPDATE, {offset=1, resv=0x3, "
		"data=[{iov_base=%p, iov_len=16}], tags=[0x5], nr=1, resv2=0x4}, 32) = %s",
		(void *)b1, xp_res(r));
	r = reg(-1, IORING_REGISTER_BUFFERS_UPDATE, BAD, sizeof(u));
	xp_line(me, "io_uring_register(-1, IORING_REGISTER_BUFFERS_UPDATE, 0xdeadbeef, 32) = %s",
		xp_res(r));
}

static int run_basic(void)
{
	int disabled, other, fd = run_setup();
	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (fd < 0 || page == MAP_FAILED)
		return 1;
	munmap(page + 4096, 4096);
	run_attach(fd, &disabled, &other);
	run_buffers(fd, page + 4096);
	run_files(fd);
	run_probe(fd);
	if (disabled >= 0)
		run_restrict(disabled);
	if (other >= 0)
		run_ring_fds(fd, other);
	run_misc(fd);
	run_rsrc(fd);
	run_workers(fd, page + 4096);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_uring_reg", argc, argv, modes);
}
