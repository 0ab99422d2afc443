/* POSIX timers: timer_create with each kind of struct sigevent, timer_getoverrun,
 * timer_delete, and calls that fail (a nanosleep too).
 *   tp_timer basic   the timer ids are the process's first ones, 0, 1, 2...
 */
#include "expect.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pid_t me;

static long tcreate(clockid_t clk, struct sigevent *se, int *id)
{
	return syscall(SYS_timer_create, clk, se, id);
}

/* Each notification kind strace tells apart. */
static void run_kinds(struct sigevent *se, int *id)
{
	const char *val = "sigev_value={sival_int=4660, sival_ptr=0x1234}";

	memset(se, 0, sizeof(*se));
	se->sigev_notify = SIGEV_SIGNAL;
	se->sigev_signo = SIGALRM;
	se->sigev_value.sival_ptr = (void *)0x1234;
	long n = tcreate(CLOCK_MONOTONIC, se, id);
	xp_line(me,
		"timer_create(CLOCK_MONOTONIC, {%s, sigev_signo=SIGALRM, "
		"sigev_notify=SIGEV_SIGNAL}, [%d]) = %s",
		val, *id, xp_res(n));
	n = syscall(SYS_timer_getoverrun, *id);
	xp_line(me, "timer_getoverrun(%d) = %s", *id, xp_res(n));
	se->sigev_notify = SIGEV_THREAD_ID;
	se->_sigev_un._tid = me;
	n = tcreate(CLOCK_REALTIME, se, id);
	xp_line(me,
		"timer_create(CLOCK_REALTIME, {%s, sigev_signo=SIGALRM, "
		"sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=%d}, [%d]) = %s",
		val, me, *id, xp_res(n));
	se->sigev_notify = SIGEV_NONE;
	n = tcreate(CLOCK_REALTIME, se, id);
	xp_line(me,
		"timer_create(CLOCK_REALTIME, {%s, sigev_signo=%d, sigev_notify=SIGEV_NONE}, "
		"[%d]) = %s",
		val, SIGALRM, *id, xp_res(n));
	n = tcreate(CLOCK_BOOTTIME, NULL, id);
	xp_line(me, "timer_create(CLOCK_BOOTTIME, NULL, [%d]) = %s", *id, xp_res(n));
	n = syscall(SYS_timer_delete, *id);
	xp_line(me, "timer_delete(%d) = %s", *id, xp_res(n));
}

static void run_failures(struct sigevent *se, int *id)
{
	se->sigev_notify = 99;
	long n = tcreate(CLOCK_REALTIME, se, id);
	xp_line(me,
		"timer_create(CLOCK_REALTIME, {sigev_value={sival_int=4660, sival_ptr=0x1234}, "
		"sigev_signo=%d, sigev_notify=0x63 /* SIGEV_??? */}, %p) = %s",
		SIGALRM, (void *)id, xp_res(n));
	n = tcreate(CLOCK_REALTIME, (void *)0xdeadbeef, id);
	xp_line(me, "timer_create(CLOCK_REALTIME, 0xdeadbeef, %p) = %s", (void *)id, xp_res(n));
	n = tcreate(CLOCK_REALTIME, NULL, NULL);
	xp_line(me, "timer_create(CLOCK_REALTIME, NULL, NULL) = %s", xp_res(n));
	n = syscall(SYS_timer_delete, 12345);
	xp_line(me, "timer_delete(12345) = %s", xp_res(n));
	/* strace shows tv_nsec unsigned; the kernel writes no remaining time on EINVAL */
	static long bad[2] = {0, -1}, rem[2];
	n = syscall(SYS_nanosleep, bad, rem);
	xp_line(me, "nanosleep({tv_sec=0, tv_nsec=%lu}, %p) = %s", (unsigned long)bad[1],
		(void *)rem, xp_res(n));
}

static int run_basic(void)
{
	static struct sigevent se;
	static int id;

	run_kinds(&se, &id);
	run_failures(&se, &id);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_timer", argc, argv, modes);
}
