/* Which calls stop: under `ptrc -f -e trace=faccessat` (seccomp.c's filter) a call the trace
 * does not select runs without a ptrace stop, in every task the job makes.
 *   tp_filter ran|stopped   the main thread, a thread, a fork child, a vfork child and a
 *                           program exec'd after vfork each make CALLS getppid() calls and
 *                           count their own voluntary context switches (each ptrace stop is
 *                           one); faccessat("WHO: ran") or faccessat("WHO: stopped") says which,
 *                           and the word given says which the trace must show
 *   tp_filter exec WORD     (run by the vfork child) the same in a new program
 * A count, not a time: a task that stops at each call switches at least CALLS times; one
 * that runs freely switches a handful of times at most.
 */
#include "expect.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

enum { CALLS = 2000, FEW = CALLS / 4 };

static const char *want; /* "ran" or "stopped" */

/* CALLS getppid() calls, and whether this thread stopped for them; raw syscalls only. */
static const char *measure(void)
{
	struct rusage before, after;

	syscall(SYS_getrusage, RUSAGE_THREAD, &before);
	for (int i = 0; i < CALLS; i++)
		syscall(SYS_getppid);
	syscall(SYS_getrusage, RUSAGE_THREAD, &after);
	return after.ru_nvcsw - before.ru_nvcsw < FEW ? "ran" : "stopped";
}

/* The verdict as a call the trace shows; the expected line says what it must be. */
static void report(pid_t tid, const char *who, const char *got, char *buf, size_t len)
{
	snprintf(buf, len, "%s: %s", who, got);
	syscall(SYS_faccessat, AT_FDCWD, buf, F_OK);
	xp_line(tid,
		"faccessat(AT_FDCWD, \"%s: %s\", F_OK) = -1 ENOENT (No such file or directory)",
		who, want);
}

static void *thread_main(void *arg)
{
	char buf[64];

	(void)arg;
	report(xp_gettid(), "thread", measure(), buf, sizeof(buf));
	return NULL;
}

static int in_fork(void)
{
	char buf[64];
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		report(getpid(), "fork", measure(), buf, sizeof(buf));
		xp_flush();
		_exit(0);
	}
	return waitpid(pid, NULL, 0) == pid ? 0 : -1;
}

/* A vfork child shares the parent's memory: it measures, says, and execs the next stage,
 * which states the child's line. */
static int in_vfork(const char *self)
{
	static char buf[64];
	static const char *got;
	char *const argv[] = {(char *)self, "exec", (char *)want, NULL};
	pid_t pid = vfork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		got = measure();
		snprintf(buf, sizeof(buf), "vfork: %s", got);
		syscall(SYS_faccessat, AT_FDCWD, buf, F_OK);
		syscall(SYS_execve, self, argv, environ);
		_exit(127);
	}
	int status;
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status) ? 0
											    : -1;
}

int main(int argc, char **argv)
{
	char buf[64];
	pthread_t th;

	xp_init();
	if (argc == 3 && !strcmp(argv[1], "exec")) {
		want = argv[2];
		/* The vfork child's line, stated by the program it became (the same task). */
		xp_line(getpid(),
			"faccessat(AT_FDCWD, \"vfork: %s\", F_OK) = -1 ENOENT (No such file or "
			"directory)",
			want);
		report(getpid(), "exec", measure(), buf, sizeof(buf));
		xp_flush();
		return 0;
	}
	if (argc != 2 || (strcmp(argv[1], "ran") && strcmp(argv[1], "stopped"))) {
		fprintf(stderr, "usage: tp_filter ran|stopped\n");
		return 64;
	}
	want = argv[1];
	report(getpid(), "main", measure(), buf, sizeof(buf));
	if (pthread_create(&th, NULL, thread_main, NULL) || pthread_join(th, NULL) ||
	    in_fork() < 0 || in_vfork(argv[0]) < 0) {
		fprintf(stderr, "tp_filter: %s\n", strerror(errno));
		return 1;
	}
	xp_flush();
	return 0;
}
