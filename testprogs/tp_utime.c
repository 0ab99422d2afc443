/* File times: utimensat with dates, UTIME_NOW and UTIME_OMIT, utimes and futimesat with
 * timevals.
 *   tp_utime basic    the calls on a file of their own under /tmp
 */
#include "expect.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pid_t me;
/* One name in every run: strace_compare compares two runs' lines byte for byte. */
static const char path[] = "/tmp/ptrc-tp_utime.file";

/* The date strace comments a time with, in the tracer's time zone: digits of fraction. */
static const char *date(long sec, long frac, int digits)
{
	static char buf[4][80];
	static unsigned n;
	char *b = buf[n++ % 4], day[40], zone[8];
	time_t t = sec;
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(day, sizeof(day), "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	if (frac)
		snprintf(b, sizeof(buf[0]), "%s.%0*ld%s", day, digits, frac, zone);
	else
		snprintf(b, sizeof(buf[0]), "%s%s", day, zone);
	return b;
}

/* Old utimensat and utimes take timespecs and timevals of longs, on every ABI. */
static void run_utimensat(void)
{
	static long ts[4] = {1577836800, 5, 0, UTIME_OMIT};
	static long now[4] = {0, UTIME_NOW, 1, UTIME_NOW};

	long n = syscall(SYS_utimensat, AT_FDCWD, path, ts, 0);
	xp_line(me,
		"utimensat(AT_FDCWD, \"%s\", [{tv_sec=1577836800, tv_nsec=5} /* %s */, "
		"UTIME_OMIT], "
		"0) = %s",
		path, date(1577836800, 5, 9), xp_res(n));
	n = syscall(SYS_utimensat, AT_FDCWD, path, now, AT_SYMLINK_NOFOLLOW);
	xp_line(me, "utimensat(AT_FDCWD, \"%s\", [UTIME_NOW, UTIME_NOW], AT_SYMLINK_NOFOLLOW) = %s",
		path, xp_res(n));
	n = syscall(SYS_utimensat, AT_FDCWD, path, NULL, 0);
	xp_line(me, "utimensat(AT_FDCWD, \"%s\", NULL, 0) = %s", path, xp_res(n));
	n = syscall(SYS_utimensat, AT_FDCWD, path, (void *)0xdeadbeef, 0);
	xp_line(me, "utimensat(AT_FDCWD, \"%s\", 0xdeadbeef, 0) = %s", path, xp_res(n));
}

/* aarch64 has neither utimes nor futimesat. */
static void run_utimes(void)
{
#ifdef SYS_utimes
	static long tv[4] = {1577836800, 5, 1577836801, 0};

	long n = syscall(SYS_utimes, path, tv);
	xp_line(me,
		"utimes(\"%s\", [{tv_sec=1577836800, tv_usec=5} /* %s */, {tv_sec=1577836801, "
		"tv_usec=0} /* %s */]) = %s",
		path, date(1577836800, 5, 6), date(1577836801, 0, 6), xp_res(n));
#ifdef SYS_futimesat
	n = syscall(SYS_futimesat, AT_FDCWD, path, NULL);
	xp_line(me, "futimesat(AT_FDCWD, \"%s\", NULL) = %s", path, xp_res(n));
#endif
#endif
}

static int run_basic(void)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

	if (fd < 0)
		return 1;
	close(fd);
	run_utimensat();
	run_utimes();
	unlink(path);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_utime", argc, argv, modes);
}
