#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int outfile_open(const char *path, bool append)
{
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
	int fd = open(path, flags | O_NOFOLLOW, 0666);
	struct stat st;

	if (fd >= 0)
		return fd;
	if (errno != ELOOP)
		return -errno;
	/*
	 * The last component is a link.  Follow it only if its owner could have
	 * written the target anyway: the user, or root (/dev/stderr is root's).
	 * In a sticky /tmp nobody else can replace a link that either owns.
	 */
	if (lstat(path, &st) < 0)
		return -errno;
	if (!S_ISLNK(st.st_mode) || (st.st_uid != 0 && st.st_uid != geteuid()))
		return -ELOOP;
	fd = open(path, flags, 0666);
	return fd < 0 ? -errno : fd;
}

const char *outfile_strerror(int rc)
{
	if (rc == -ELOOP)
		return "it is a symbolic link another user owns: not followed";
	return strerror(-rc);
}

int outfile_write_all(int fd, const char *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(fd, buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		done += (size_t)n;
	}
	return 0;
}

int outfile_put(const char *path, const char *buf, size_t len)
{
	int fd = outfile_open(path, false);
	int rc = fd;

	if (fd >= 0) {
		rc = outfile_write_all(fd, buf, len);
		if (close(fd) < 0 && rc == 0)
			rc = -errno;
	}
	return rc;
}

int outfile_pipe(const char *command)
{
	int fds[2];
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) < 0)
		return -errno;
	pid = fork();
	if (pid < 0) {
		int err = errno;
		close(fds[0]);
		close(fds[1]);
		return -err;
	}
	if (pid == 0) {
		/* The middle process exits at once; init adopts the command. */
		if (fork() != 0)
			_exit(0);
		dup2(fds[0], STDIN_FILENO);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	return fds[1];
}
