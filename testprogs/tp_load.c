/*
 * A long, wide run for memory checks: CALLS getppid() calls in all, spread
 * over PROCS processes, at most 16 alive at once, each with one thread.
 *   tp_load CALLS PROCS
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long per_task;

static void *calls(void *arg)
{
	for (long i = 0; i < per_task; i++)
		syscall(SYS_getppid);
	return arg;
}

static void child(void)
{
	pthread_t th;

	if (pthread_create(&th, NULL, calls, NULL) != 0)
		_exit(2);
	calls(NULL);
	pthread_join(th, NULL);
	_exit(0);
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	long total = atol(argv[1]), procs = atol(argv[2]);
	int alive = 0, status, failed = 0;

	if (procs <= 0 || total < 0)
		return 2;
	per_task = total / procs / 2;
	for (long p = 0; p < procs; p++) {
		if (alive == 16) {
			wait(&status);
			failed |= !WIFEXITED(status) || WEXITSTATUS(status);
			alive--;
		}
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0)
			child();
		alive++;
	}
	while (alive-- > 0) {
		wait(&status);
		failed |= !WIFEXITED(status) || WEXITSTATUS(status);
	}
	return failed;
}
