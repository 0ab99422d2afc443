/* Calls for the output and filter options (-y, -z/-Z, -P, -c, -n, -e signal=, -E).
 * Usage: tp_opts DIR — works in DIR, states the lines for the default options and for -y. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "expect.h"

static void on_usr1(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)ctx;
	xp_siginfo_line(xp_gettid(), si);
}

int main(int argc, char **argv)
{
	char path[PATH_MAX], missing[PATH_MAX], cwd[PATH_MAX];
	pid_t me = getpid();

	if (argc < 2)
		return 2;
	xp_init();
	snprintf(path, sizeof(path), "%s/data", argv[1]);
	snprintf(missing, sizeof(missing), "%s/missing", argv[1]);
	if (!getcwd(cwd, sizeof(cwd)))
		return 2;

	long fd = syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	xp_line(me, "openat(AT_FDCWD, \"%s\", O_WRONLY|O_CREAT|O_TRUNC, 0600) = %ld", path, fd);
	xp_info(me, "y_openat",
		"openat(AT_FDCWD<%s>, \"%s\", O_WRONLY|O_CREAT|O_TRUNC, 0600) = %ld<%s>", cwd, path,
		fd, path);
	long n = syscall(SYS_write, fd, "abc", 3);
	xp_line(me, "write(%ld, \"abc\", 3) = %ld", fd, n);
	xp_info(me, "y_write", "write(%ld<%s>, \"abc\", 3) = %ld", fd, path, n);
	/* An unbound UDP socket, in no table yet: -yy names it by its protocol (strace's). */
	long s = syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0);
	struct stat st;
	xp_line(me, "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = %ld", s);
	if (s >= 0 && fstat((int)s, &st) == 0)
		xp_info(me, "yy_socket", "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = %ld<UDP:[%lu]>",
			s, (unsigned long)st.st_ino);
	close((int)s);
	/* Descriptors inside poll and select sets: -P matches them (strace 6.1 does). */
	struct pollfd pfd = {.fd = (int)fd, .events = POLLOUT};
	struct timespec zero = {0, 0};
	n = syscall(SYS_ppoll, &pfd, 1, &zero, NULL, 0);
	xp_line(me,
		"ppoll([{fd=%ld, events=POLLOUT}], 1, {tv_sec=0, tv_nsec=0}, NULL, 0) = %ld "
		"([{fd=%ld, revents=POLLOUT}], left {tv_sec=0, tv_nsec=0})",
		fd, n, fd);
	fd_set out;
	FD_ZERO(&out);
	FD_SET((int)fd, &out);
	n = syscall(SYS_pselect6, fd + 1, NULL, &out, NULL, &zero, NULL);
	xp_line(me,
		"pselect6(%ld, NULL, [%ld], NULL, {tv_sec=0, tv_nsec=0}, NULL) = %ld "
		"(out [%ld], left {tv_sec=0, tv_nsec=0})",
		fd + 1, fd, n, fd);
	syscall(SYS_close, fd);
	xp_line(me, "close(%ld) = 0", fd);

	long bad = syscall(SYS_openat, AT_FDCWD, missing, O_RDONLY);
	xp_line(me, "openat(AT_FDCWD, \"%s\", O_RDONLY) = %ld ENOENT (No such file or directory)",
		missing, bad);
	long ppid = 0;
	int ppid_errno = 0;
	for (int i = 0; i < 5; i++) {
		errno = 0;
		ppid = syscall(SYS_getppid);
		ppid_errno = errno;
	}
	xp_info(me, "pid", "%d", (int)me);
	xp_info(me, "getppid_nr", "%d", SYS_getppid);
	xp_info(me, "getppid", "%ld", ppid);
	/* A denied call fails with EPERM, not merely -1 (ENOSYS would be a dead tracer). */
	xp_info(me, "getppid_errno", "%s", ppid_errno ? strerrorname_np(ppid_errno) : "0");
	xp_info(me, "env", "%s", getenv("PTRC_TEST_VAR") ? getenv("PTRC_TEST_VAR") : "(unset)");

	struct sigaction sa = {.sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO};
	sigaction(SIGUSR1, &sa, NULL);
	syscall(SYS_kill, me, SIGUSR1);
	xp_flush();
	return 0;
}
