/* Many tasks alive at once, for the tracer's peak RSS (bench/rss.sh).
 *   rss_work threads N   N threads alive together, each makes 20 getppid calls
 *   rss_work procs N     N processes, 50 alive at a time, each makes 20 getppid calls */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_barrier_t all_started;

static void calls(void)
{
	for (int i = 0; i < 20; i++)
		getppid();
}

static void *thread_main(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&all_started);
	calls();
	return NULL;
}

static int threads(int n)
{
	pthread_t *t = calloc((size_t)n, sizeof(*t));

	if (!t || pthread_barrier_init(&all_started, NULL, (unsigned)n + 1))
		return 1;
	for (int i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, thread_main, NULL))
			return 1;
	pthread_barrier_wait(&all_started); /* every thread is alive here */
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	free(t);
	return 0;
}

static int procs(int n)
{
	for (int started = 0, alive = 0; started < n || alive;) {
		if (started < n && alive < 50) {
			pid_t pid = fork();
			if (pid < 0)
				return 1;
			if (!pid) {
				calls();
				_exit(0);
			}
			started++, alive++;
		} else if (wait(NULL) > 0) {
			alive--;
		} else {
			return 1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	int n = argc > 2 ? atoi(argv[2]) : 0;

	if (argc != 3 || n <= 0) {
		fprintf(stderr, "usage: rss_work threads|procs N\n");
		return 2;
	}
	return strcmp(argv[1], "threads") ? procs(n) : threads(n);
}
