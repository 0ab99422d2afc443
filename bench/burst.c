/* A job that computes between its calls: where a tracer that polls for stops could take CPU
 * time the tracees want.
 *   burst US N THREADS
 * Each of THREADS threads makes N getppid calls, computing (a clock_gettime loop) US
 * microseconds before each. */
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define MAX_THREADS 64

static long us, n;

static long ns_between(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000000000L + (b->tv_nsec - a->tv_nsec);
}

static void *run(void *arg)
{
	for (long i = 0; i < n; i++) {
		struct timespec s, e;

		clock_gettime(CLOCK_MONOTONIC, &s);
		do
			clock_gettime(CLOCK_MONOTONIC, &e);
		while (ns_between(&s, &e) < us * 1000);
		syscall(SYS_getppid);
	}
	return arg;
}

int main(int argc, char **argv)
{
	pthread_t t[MAX_THREADS];
	int threads;

	if (argc != 4 || (threads = atoi(argv[3])) < 1 || threads > MAX_THREADS)
		return 2;
	us = atol(argv[1]);
	n = atol(argv[2]);
	for (int i = 0; i < threads; i++)
		if (pthread_create(&t[i], NULL, run, NULL))
			return 1;
	for (int i = 0; i < threads; i++)
		pthread_join(t[i], NULL);
	return 0;
}
