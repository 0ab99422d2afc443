/*
 * A target that never rests: N threads and the leader call getppid() without
 * pause, so a tracer attached to it always has a stop to handle.
 *   tp_busy N
 * It runs until killed.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static void *spin(void *arg)
{
	(void)arg;
	for (;;)
		syscall(SYS_getppid);
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 0;

	for (int i = 0; i < n; i++) {
		pthread_t t;
		int err = pthread_create(&t, NULL, spin, NULL);
		if (err) {
			fprintf(stderr, "tp_busy: pthread_create: %s\n", strerror(err));
			return 1;
		}
	}
	spin(NULL);
	return 0;
}
