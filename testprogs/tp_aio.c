/* The kernel's native asynchronous I/O on a file of its own: io_setup, io_submit of a write,
 * of an iovec write, of an unknown opcode and of a wild array, io_getevents, io_cancel,
 * io_pgetevents, io_destroy.
 *   tp_aio basic   every buffer static, so that under setarch -R the lines are the same in
 *                  every run (strace_compare.py)
 */
#include "expect.h"

#include <errno.h>
#include <signal.h>
#include <linux/aio_abi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static pid_t me;

static char data[] = "hello aio";
static struct iocb cbs[3];
static struct iocb *ptrs[2];
static struct io_event events[4];
static struct iovec iov[2];
static struct timespec one_sec = {1, 0};
static aio_context_t ctx;

/* io_setup, a write, its event; an iovec write submitted with a NULL after it. */
static int run_writes(int fd)
{
	long n = syscall(SYS_io_setup, 4, &ctx);
	xp_line(me, "io_setup(4, [%#lx]) = %s", (unsigned long)ctx, xp_res(n));
	if (n < 0)
		return 1;
	cbs[0].aio_data = 0x1234;
	cbs[0].aio_lio_opcode = IOCB_CMD_PWRITE;
	cbs[0].aio_fildes = (uint32_t)fd;
	cbs[0].aio_buf = (uintptr_t)data;
	cbs[0].aio_nbytes = 9;
	ptrs[0] = &cbs[0];
	n = syscall(SYS_io_submit, ctx, 1, ptrs);
	xp_line(me,
		"io_submit(%#lx, 1, [{aio_data=0x1234, aio_lio_opcode=IOCB_CMD_PWRITE, "
		"aio_fildes=%d, aio_buf=\"hello aio\", aio_nbytes=9, aio_offset=0}]) = %s",
		(unsigned long)ctx, fd, xp_res(n));
	n = syscall(SYS_io_getevents, ctx, 1, 4, events, &one_sec);
	xp_line(me,
		"io_getevents(%#lx, 1, 4, [{data=0x1234, obj=%p, res=9, res2=0}], {tv_sec=1, "
		"tv_nsec=0}) = %s",
		(unsigned long)ctx, (void *)&cbs[0], xp_res(n));
	iov[0] = (struct iovec){data, 3};
	iov[1] = (struct iovec){data + 3, 2};
	cbs[1].aio_data = 2;
	cbs[1].aio_lio_opcode = IOCB_CMD_PWRITEV;
	cbs[1].aio_fildes = (uint32_t)fd;
	cbs[1].aio_buf = (uintptr_t)iov;
	cbs[1].aio_nbytes = 2;
	cbs[1].aio_offset = 9;
	ptrs[0] = &cbs[1];
	ptrs[1] = NULL;
	n = syscall(SYS_io_submit, ctx, 2, ptrs);
	xp_line(me,
		"io_submit(%#lx, 2, [{aio_data=0x2, aio_lio_opcode=IOCB_CMD_PWRITEV, "
		"aio_fildes=%d, "
		"aio_buf=[{iov_base=\"hel\", iov_len=3}, {iov_base=\"lo\", iov_len=2}], "
		"aio_offset=9}, NULL]) = %s",
		(unsigned long)ctx, fd, xp_res(n));
	n = syscall(SYS_io_getevents, ctx, 1, 1, events, NULL);
	xp_line(me, "io_getevents(%#lx, 1, 1, [{data=0x2, obj=%p, res=5, res2=0}], NULL) = %s",
		(unsigned long)ctx, (void *)&cbs[1], xp_res(n));
	return 0;
}

/* io_pgetevents with nothing to wait for: with a signal mask, and without. */
static void run_pgetevents(void)
{
	static sigset_t usr1;
	static struct {
		const sigset_t *mask;
		size_t size;
	} usig;

	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	usig.mask = &usr1;
	usig.size = 8;
	long n = syscall(SYS_io_pgetevents, ctx, 0, 4, events, &one_sec, &usig);
	xp_line(me,
		"io_pgetevents(%#lx, 0, 4, [], {tv_sec=1, tv_nsec=0}, {sigmask=[USR1], "
		"sigsetsize=8}) = %s",
		(unsigned long)ctx, xp_res(n));
	n = syscall(SYS_io_pgetevents, ctx, 0, 4, events, NULL, NULL);
	xp_line(me, "io_pgetevents(%#lx, 0, 4, [], NULL, NULL) = %s", (unsigned long)ctx,
		xp_res(n));
}

/* Calls that fail: an unknown opcode, wild pointers, a cancel of a finished request. */
static void run_failures(int fd)
{
	void *wild = (void *)0xdeadbeef;

	cbs[2].aio_lio_opcode = 77;
	cbs[2].aio_fildes = (uint32_t)fd;
	ptrs[0] = &cbs[2];
	long n = syscall(SYS_io_submit, ctx, 1, ptrs);
	xp_line(me,
		"io_submit(%#lx, 1, [{aio_data=0, aio_lio_opcode=77 /* IOCB_CMD_??? */, "
		"aio_fildes=%d}]) = %s",
		(unsigned long)ctx, fd, xp_res(n));
	n = syscall(SYS_io_submit, ctx, 1, wild);
	xp_line(me, "io_submit(%#lx, 1, 0xdeadbeef) = %s", (unsigned long)ctx, xp_res(n));
	n = syscall(SYS_io_cancel, ctx, &cbs[0], &events[3]);
	xp_line(me,
		"io_cancel(%#lx, {aio_data=0x1234, aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=%d}, "
		"%p) = %s",
		(unsigned long)ctx, fd, (void *)&events[3], xp_res(n));
	n = syscall(SYS_io_getevents, ctx, 0, 4, wild, wild);
	xp_line(me, "io_getevents(%#lx, 0, 4, 0xdeadbeef, 0xdeadbeef) = %s", (unsigned long)ctx,
		xp_res(n));
	run_pgetevents();
	n = syscall(SYS_io_destroy, ctx);
	xp_line(me, "io_destroy(%#lx) = %s", (unsigned long)ctx, xp_res(n));
	n = syscall(SYS_io_setup, 4, NULL);
	xp_line(me, "io_setup(4, NULL) = %s", xp_res(n));
	n = syscall(SYS_io_destroy, 0);
	xp_line(me, "io_destroy(NULL) = %s", xp_res(n));
}

static int run_basic(void)
{
	char path[] = "/tmp/tp_aio.XXXXXX";
	int fd = mkstemp(path);

	if (fd < 0)
		return 1;
	unlink(path);
	if (run_writes(fd))
		return 1;
	run_failures(fd);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_aio", argc, argv, modes);
}
