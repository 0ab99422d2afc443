/* A syscall storm, the worst case for a tracer.
 *   storm [getppid|write|open] [N] [THREADS]
 *   storm N                  (the old form: N getppid calls)
 * getppid: N getppid calls; write: N write(fd, buf, 1) to /dev/null; open: N openat and close
 * of /etc/hostname (a path a policy judges).  With THREADS > 1, each of THREADS threads makes
 * N calls (write: each on its own descriptor), and main only waits. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_THREADS 256

static long calls = 100000;
static enum { GETPPID, WRITE, OPEN } mode;

static void open_close(void)
{
	int fd = open("/etc/hostname", O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		perror("/etc/hostname");
		exit(1);
	}
	close(fd);
}

static void *storm(void *arg)
{
	char buf = 'x';
	int fd = -1;

	(void)arg;
	if (mode == WRITE) {
		fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
		if (fd < 0) {
			perror("/dev/null");
			exit(1);
		}
	}
	for (long i = 0; i < calls; i++) {
		if (mode == GETPPID) {
			syscall(SYS_getppid);
		} else if (mode == OPEN) {
			open_close();
		} else if (write(fd, &buf, 1) != 1) {
			perror("write");
			exit(1);
		}
	}
	if (fd >= 0)
		close(fd);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t tids[MAX_THREADS];
	int arg = 1, threads = 1;

	if (argc > arg && !strcmp(argv[arg], "write"))
		mode = WRITE, arg++;
	else if (argc > arg && !strcmp(argv[arg], "open"))
		mode = OPEN, arg++;
	else if (argc > arg && !strcmp(argv[arg], "getppid"))
		arg++;
	if (argc > arg)
		calls = atol(argv[arg++]);
	if (argc > arg)
		threads = atoi(argv[arg++]);
	if (calls < 0 || threads < 1 || threads > MAX_THREADS || argc > arg) {
		fprintf(stderr, "usage: storm [getppid|write|open] [N] [THREADS <= %d]\n",
			MAX_THREADS);
		return 2;
	}
	if (threads == 1) {
		storm(NULL);
		return 0;
	}
	for (int i = 0; i < threads; i++) {
		int err = pthread_create(&tids[i], NULL, storm, NULL);

		if (err) {
			fprintf(stderr, "pthread_create: %s\n", strerror(err));
			return 1;
		}
	}
	for (int i = 0; i < threads; i++)
		pthread_join(tids[i], NULL);
	return 0;
}
