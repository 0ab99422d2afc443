/* File and descriptor calls with known strings: escaping, truncation, errors, unknown numbers.
 *   tp_files basic   run with the default -s 32 and -a 40
 *   tp_files trunc   run with -s 5
 *   tp_files align   run with -a 20 (the harness aligns "=" lines to its -a value)
 *   tp_files xattr   set*xattr's flags on a path that does not exist and on fd -1
 *   tp_files times   utimensat's times (what shutil.copystat sets), sendfile to the end,
 *                    epoll_ctl's EPOLL_CTL_DEL
 */
#include "expect.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

static pid_t me;

static long sys_openat(const char *path, int flags, int mode)
{
	return syscall(SYS_openat, AT_FDCWD, path, flags, mode);
}

/* Removes path and states the line: unlink, or unlinkat where the ABI has no unlink (aarch64). */
static void sys_unlink(const char *path)
{
#ifdef SYS_unlink
	long n = syscall(SYS_unlink, path);
	xp_line(me, "unlink(\"%s\") = %ld", path, n);
#else
	long n = syscall(SYS_unlinkat, AT_FDCWD, path, 0);
	xp_line(me, "unlinkat(AT_FDCWD, \"%s\", 0) = %ld", path, n);
#endif
}

static void make_path(char *path, size_t size)
{
	snprintf(path, size, "/tmp/ptrc-tp-files-%d-with-a-rather-long-name.txt", (int)me);
}

static int run_basic(void)
{
	char path[128], buf[128];
	static const char esc[] = "a\1\tb\n\"\\\177\377\v\f\r\0"
				  "1";
	long fd, n;

	make_path(path, sizeof(path));

	n = syscall(SYS_getpid);
	xp_line(me, "getpid() = %ld", n);

	fd = sys_openat(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	xp_line(me, "openat(AT_FDCWD, \"%s\", O_WRONLY|O_CREAT|O_TRUNC, 0600) = %ld", path, fd);
	n = syscall(SYS_write, fd, "hello\n", 6);
	xp_line(me, "write(%ld, \"hello\\n\", 6) = %ld", fd, n);
	n = syscall(SYS_write, fd, esc, sizeof(esc) - 1);
	xp_line(me, "write(%ld, \"a\\1\\tb\\n\\\"\\\\\\177\\377\\v\\f\\r\\0001\", 14) = %ld", fd,
		n);
	n = syscall(SYS_close, fd);
	xp_line(me, "close(%ld) = %ld", fd, n);

	fd = sys_openat(path, O_RDONLY, 0);
	xp_line(me, "openat(AT_FDCWD, \"%s\", O_RDONLY) = %ld", path, fd);
	n = syscall(SYS_read, fd, buf, sizeof(buf));
	xp_line(me,
		"read(%ld, \"hello\\na\\1\\tb\\n\\\"\\\\\\177\\377\\v\\f\\r\\0001\", %zu) = %ld",
		fd, sizeof(buf), n);
	n = syscall(SYS_read, fd, buf, sizeof(buf));
	xp_line(me, "read(%ld, \"\", %zu) = %ld", fd, sizeof(buf), n);
	n = syscall(SYS_close, fd);
	xp_line(me, "close(%ld) = %ld", fd, n);

	/* Exactly -s bytes: no ellipsis; one more: ellipsis. */
	fd = sys_openat("/dev/null", O_WRONLY, 0);
	xp_line(me, "openat(AT_FDCWD, \"/dev/null\", O_WRONLY) = %ld", fd);
	memset(buf, 'x', sizeof(buf));
	n = syscall(SYS_write, fd, buf, 32);
	xp_line(me, "write(%ld, \"%.32s\", 32) = %ld", fd, buf, n);
	n = syscall(SYS_write, fd, buf, 33);
	xp_line(me, "write(%ld, \"%.32s\"..., 33) = %ld", fd, buf, n);
	n = syscall(SYS_close, fd);
	xp_line(me, "close(%ld) = %ld", fd, n);

	n = sys_openat("/nonexistent/ptrc-test", O_RDONLY, 0);
	xp_line(me,
		"openat(AT_FDCWD, \"/nonexistent/ptrc-test\", O_RDONLY) = %ld ENOENT (No such file "
		"or directory)",
		n);
	n = syscall(SYS_close, 1000);
	xp_line(me, "close(1000) = %ld EBADF (Bad file descriptor)", n);

	/* A number no table knows. */
	n = syscall(999, 1, 2, 3, 4, 5, 6);
	xp_line(me,
		"syscall_0x3e7(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = %ld ENOSYS (Function not "
		"implemented)",
		n);

	sys_unlink(path);
	return 0;
}

static int run_trunc(void)
{
	char path[128];
	long fd, n;

	make_path(path, sizeof(path));
	fd = sys_openat(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	/* Paths are not cut by -s. */
	xp_line(me, "openat(AT_FDCWD, \"%s\", O_WRONLY|O_CREAT|O_TRUNC, 0600) = %ld", path, fd);
	n = syscall(SYS_write, fd, "hello world", 11);
	xp_line(me, "write(%ld, \"hello\"..., 11) = %ld", fd, n);
	n = syscall(SYS_write, fd, "hello", 5);
	xp_line(me, "write(%ld, \"hello\", 5) = %ld", fd, n);
	n = syscall(SYS_write, fd, "\n\n\n\n\n\n", 6);
	xp_line(me, "write(%ld, \"\\n\\n\\n\\n\\n\"..., 6) = %ld", fd, n);
	n = syscall(SYS_close, fd);
	xp_line(me, "close(%ld) = %ld", fd, n);
	sys_unlink(path);
	return 0;
}

static int run_align(void)
{
	char path[128];
	long n;

	n = syscall(SYS_getpid);
	xp_exact(me, "getpid() = %ld", n);
	n = syscall(SYS_getppid);
	xp_exact(me, "getppid() = %ld", n);
	make_path(path, sizeof(path));
	n = sys_openat(path, O_RDONLY, 0);
	xp_exact(me, "openat(AT_FDCWD, \"%s\", O_RDONLY) = %ld ENOENT (No such file or directory)",
		 path, n);
	return 0;
}

/* XATTR_CREATE, XATTR_REPLACE, bits no name has and none. */
static int run_xattr(void)
{
	static const char path[] = "/nonexistent/ptrc";
	long n;

	n = syscall(SYS_setxattr, path, "user.ptrc", "abc", 3, XATTR_CREATE);
	xp_line(me, "setxattr(\"%s\", \"user.ptrc\", \"abc\", 3, XATTR_CREATE) = %s", path,
		xp_res(n));
	n = syscall(SYS_setxattr, path, "user.ptrc", "abc", 3, XATTR_REPLACE | 0x4);
	xp_line(me, "setxattr(\"%s\", \"user.ptrc\", \"abc\", 3, XATTR_REPLACE|0x4) = %s", path,
		xp_res(n));
	n = syscall(SYS_setxattr, path, "user.ptrc", "abc", 3, 0x8);
	xp_line(me, "setxattr(\"%s\", \"user.ptrc\", \"abc\", 3, 0x8 /* XATTR_??? */) = %s", path,
		xp_res(n));
	n = syscall(SYS_lsetxattr, path, "user.ptrc", "abc", 3, 0);
	xp_line(me, "lsetxattr(\"%s\", \"user.ptrc\", \"abc\", 3, 0) = %s", path, xp_res(n));
	n = syscall(SYS_lsetxattr, path, "user.ptrc", "abc", 3, XATTR_CREATE | XATTR_REPLACE);
	xp_line(me, "lsetxattr(\"%s\", \"user.ptrc\", \"abc\", 3, XATTR_CREATE|XATTR_REPLACE) = %s",
		path, xp_res(n));
	n = syscall(SYS_fsetxattr, -1, "user.ptrc", "abc", 3, XATTR_REPLACE);
	xp_line(me, "fsetxattr(-1, \"user.ptrc\", \"abc\", 3, XATTR_REPLACE) = %s", xp_res(n));
	/* a size of 0 asks for the length: strace shows the list's address */
	static char list[64];
	n = syscall(SYS_listxattr, "/", list, 0);
	xp_line(me, "listxattr(\"/\", %p, 0) = %s", (void *)list, xp_res(n));
	n = syscall(SYS_flistxattr, -1, NULL, 0);
	xp_line(me, "flistxattr(-1, NULL, 0) = %s", xp_res(n));
	return 0;
}

/* Times as words: a time32 timespec on i386, time64 elsewhere, as SYS_utimensat takes. */
static int run_times(void)
{
	static const long t[4] = {1, 2, 1700000000, 999999999},
			  now[4] = {0, UTIME_NOW, 0, UTIME_OMIT};
	char path[128];
	long fd, nul, ep, n, off = 0;
	struct epoll_event e = {EPOLLIN, {.u64 = 7}};

	make_path(path, sizeof(path));
	fd = sys_openat(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	xp_line(me, "openat(AT_FDCWD, \"%s\", O_RDWR|O_CREAT|O_TRUNC, 0600) = %ld", path, fd);
	n = syscall(SYS_write, fd, "ab", 2);
	xp_line(me, "write(%ld, \"ab\", 2) = %ld", fd, n);
	n = syscall(SYS_utimensat, AT_FDCWD, path, t, 0);
	xp_line(me,
		"utimensat(AT_FDCWD, \"%s\", [{tv_sec=1, tv_nsec=2} /* "
		"1970-01-01T00:00:01.000000002+0000 */, {tv_sec=1700000000, tv_nsec=999999999} "
		"/* 2023-11-14T22:13:20.999999999+0000 */], 0) = %s",
		path, xp_res(n));
	n = syscall(SYS_utimensat, fd, NULL, now, 0);
	xp_line(me, "utimensat(%ld, NULL, [UTIME_NOW, UTIME_OMIT], 0) = %s", fd, xp_res(n));
	n = syscall(SYS_utimensat, AT_FDCWD, path, NULL, AT_SYMLINK_NOFOLLOW);
	xp_line(me, "utimensat(AT_FDCWD, \"%s\", NULL, AT_SYMLINK_NOFOLLOW) = %s", path, xp_res(n));
	nul = sys_openat("/dev/null", O_WRONLY, 0);
	xp_line(me, "openat(AT_FDCWD, \"/dev/null\", O_WRONLY) = %ld", nul);
	n = syscall(SYS_sendfile, nul, fd, &off, 10);
	xp_line(me, "sendfile(%ld, %ld, [0] => [2], 10) = %ld", nul, fd, n);
	n = syscall(SYS_sendfile, nul, fd, &off, 10);
	xp_line(me, "sendfile(%ld, %ld, [2], 10) = %ld", nul, fd, n);
	ep = syscall(SYS_epoll_create1, 0);
	xp_line(me, "epoll_create1(0) = %ld", ep);
	n = syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, fd, &e);
	xp_line(me, "epoll_ctl(%ld, EPOLL_CTL_DEL, %ld, %p) = %s", ep, fd, (void *)&e, xp_res(n));
	n = syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, fd, &e);
	xp_line(me,
		"epoll_ctl(%ld, EPOLL_CTL_MOD, %ld, {events=EPOLLIN, data={u32=7, u64=7}}) = %s",
		ep, fd, xp_res(n));
	sys_unlink(path);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {"trunc", run_trunc},
					       {"align", run_align}, {"xattr", run_xattr},
					       {"times", run_times}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_files", argc, argv, modes);
}
