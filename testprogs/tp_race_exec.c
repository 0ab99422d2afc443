/* Races a policy's exec check: in each of TRIES children a second thread rewrites the path
 * that execve was given, between the tracer's read of it and the kernel's, flipping it
 * between an allowed program and a denied one.
 *   tp_race_exec ALLOWED DENIED TRIES
 * ALLOWED must exit 0 and DENIED 1 (true and false).  Prints "runs=N leaked=L", L the
 * children that ran DENIED (exited 1); a child whose execve failed exits 2.  Exits 0.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *progs[2];
static char buf[4096];

static void *flipper(void *arg)
{
	(void)arg;
	for (unsigned i = 0;; i++) {
		/* one byte store at a time: the tracer and the kernel may see either */
		const char *src = progs[i & 1];
		for (size_t k = 0; k <= strlen(src); k++)
			((volatile char *)buf)[k] = src[k];
	}
	return NULL;
}

static void child(void)
{
	pthread_t th;
	char *argv[] = {buf, NULL};

	strcpy(buf, progs[0]);
	if (pthread_create(&th, NULL, flipper, NULL))
		_exit(3);
	for (volatile int spin = 0; spin < 20000; spin++)
		;
	execve(buf, argv, environ);
	_exit(2);
}

int main(int argc, char **argv)
{
	unsigned runs = 0, leaked = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: tp_race_exec ALLOWED DENIED TRIES\n");
		return 2;
	}
	progs[0] = argv[1];
	progs[1] = argv[2];
	for (long i = 0; i < atol(argv[3]); i++) {
		int status;
		pid_t pid = fork();
		if (pid == 0)
			child();
		if (pid < 0 || waitpid(pid, &status, 0) != pid)
			return 1;
		runs++;
		leaked += WIFEXITED(status) && WEXITSTATUS(status) == 1;
	}
	printf("runs=%u leaked=%u\n", runs, leaked);
	return 0;
}
