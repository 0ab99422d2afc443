/* Races a policy's exec check: in each of TRIES children a second thread rewrites the path
 * that execve was given, between the tracer's read of it and the kernel's, flipping it
 * between an allowed program and a denied one.  With --link LINK the path stays LINK, a
 * symlink, and the thread switches what it points at (a new symlink renamed over it): the
 * kernel may run DENIED and the tracer's second look find ALLOWED again.
 *   tp_race_exec [--link LINK] ALLOWED DENIED TRIES
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

static const char *progs[2], *link_path;
static char buf[4096];

static void *link_flipper(void *arg)
{
	char tmp[4200];

	(void)arg;
	snprintf(tmp, sizeof(tmp), "%s.%d", link_path, (int)getpid());
	for (unsigned i = 1;; i++) {
		unlink(tmp);
		if (symlink(progs[i & 1], tmp) || rename(tmp, link_path))
			_exit(3);
	}
	return NULL;
}

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

	strcpy(buf, link_path ? link_path : progs[0]);
	if (pthread_create(&th, NULL, link_path ? link_flipper : flipper, NULL))
		_exit(3);
	for (volatile int spin = 0; spin < 20000; spin++)
		;
	execve(buf, argv, environ);
	_exit(2);
}

int main(int argc, char **argv)
{
	unsigned runs = 0, leaked = 0;

	if (argc == 6 && !strcmp(argv[1], "--link")) {
		link_path = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc != 4) {
		fprintf(stderr, "usage: tp_race_exec [--link LINK] ALLOWED DENIED TRIES\n");
		return 2;
	}
	if (link_path) {
		unlink(link_path);
		if (symlink(argv[1], link_path)) {
			perror(link_path);
			return 2;
		}
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
		if (link_path) { /* the child's flipper may have died between its two calls */
			char tmp[4200];
			snprintf(tmp, sizeof(tmp), "%s.%d", link_path, (int)pid);
			unlink(tmp);
		}
	}
	printf("runs=%u leaked=%u\n", runs, leaked);
	return 0;
}
