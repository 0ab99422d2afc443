/* futex_waitv on words whose values differ from the expected ones (it returns at once), with
 * wild pointers and unknown flags.
 *   tp_futexv basic   every address static, the same in every run under setarch -R
 */
#include "expect.h"

#include <errno.h>
#include <linux/futex.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pid_t me;
static uint32_t words[2] = {1, 2};
static struct futex_waitv waiters[3];
/* struct __kernel_timespec: 64-bit on every ABI. */
static struct {
	int64_t sec, nsec;
} zero;

static int run_basic(void)
{
	waiters[0] =
		(struct futex_waitv){.val = 0, .uaddr = (uintptr_t)&words[0], .flags = FUTEX_32};
	waiters[1] = (struct futex_waitv){
		.val = 5, .uaddr = (uintptr_t)&words[1], .flags = FUTEX_32 | FUTEX_PRIVATE_FLAG};
	waiters[2] = (struct futex_waitv){.val = 1, .uaddr = 0xdeadbeef, .flags = 0x77};
	long n = syscall(SYS_futex_waitv, waiters, 2, 0, &zero, CLOCK_MONOTONIC);
	xp_line(me,
		"futex_waitv([{val=0, uaddr=%p, flags=FUTEX_32}, {val=0x5, uaddr=%p, "
		"flags=FUTEX_32|FUTEX_PRIVATE_FLAG}], 2, 0, {tv_sec=0, tv_nsec=0}, "
		"CLOCK_MONOTONIC) = %s",
		(void *)&words[0], (void *)&words[1], xp_res(n));
	n = syscall(SYS_futex_waitv, waiters, 3, 0, &zero, CLOCK_MONOTONIC);
	xp_line(me,
		"futex_waitv([{val=0, uaddr=%p, flags=FUTEX_32}, {val=0x5, uaddr=%p, "
		"flags=FUTEX_32|FUTEX_PRIVATE_FLAG}, {val=0x1, uaddr=0xdeadbeef, "
		"flags=FUTEX_32|0x75}], 3, 0, {tv_sec=0, tv_nsec=0}, CLOCK_MONOTONIC) = %s",
		(void *)&words[0], (void *)&words[1], xp_res(n));
	n = syscall(SYS_futex_waitv, waiters, 1, 0, NULL, CLOCK_REALTIME);
	xp_line(me,
		"futex_waitv([{val=0, uaddr=%p, flags=FUTEX_32}], 1, 0, NULL, CLOCK_REALTIME) = %s",
		(void *)&words[0], xp_res(n));
	n = syscall(SYS_futex_waitv, (void *)0xdeadbeef, 1, 0, NULL, CLOCK_REALTIME);
	xp_line(me, "futex_waitv(0xdeadbeef, 1, 0, NULL, CLOCK_REALTIME) = %s", xp_res(n));
	n = syscall(SYS_futex_waitv, NULL, 0, 1, (void *)0xdeadbeef, 99);
	xp_line(me, "futex_waitv(NULL, 0, 0x1, 0xdeadbeef, 0x63 /* CLOCK_??? */) = %s", xp_res(n));
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_futexv", argc, argv, modes);
}
