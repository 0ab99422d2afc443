/* A target for -p: N extra threads and the leader all block reading stdin; the first one to
 * read a byte exits the process with that byte's value as status.
 *   tp_attach N
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static void wait_byte(void)
{
	unsigned char c;

	for (;;) {
		long n = syscall(SYS_read, 0, &c, 1);
		if (n == 1)
			syscall(SYS_exit_group, c);
		if (n == 0)
			syscall(SYS_exit_group, 100);
		/* EINTR and restarts around attach/detach: read again. */
	}
}

static void *thread_main(void *arg)
{
	(void)arg;
	wait_byte();
	return NULL;
}

int main(int argc, char **argv)
{
	int count = argc > 1 ? atoi(argv[1]) : 0;

	for (int i = 0; i < count; i++) {
		pthread_t t;

		errno = pthread_create(&t, NULL, thread_main, NULL);
		if (errno) {
			perror("pthread_create");
			return 1;
		}
	}
	wait_byte();
	return 0;
}
