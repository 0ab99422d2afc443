/* The launch's steps (launch.c), shared by the launch as ptrc's child and by -D (daemon.c). */
#ifndef PTRC_CORE_LAUNCH_H
#define PTRC_CORE_LAUNCH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct tracer;

/* -u: the identity the command runs as; looked up before forking. */
struct run_as {
	bool set;
	uid_t uid;
	gid_t gid;
	char name[256]; /* the account's name, for its supplementary groups */
};

/*
 * Finds the command as a shell does and looks -u's user up, saying why not:
 * 0, or the exit status to give up with (127, 126, 1).
 */
int launch_prepare(struct tracer *t, char **argv, char *path, size_t len, struct run_as *ra);
/* fork() without glibc's fork code; the child's pid, 0 in the child, or -1 (errno). */
pid_t launch_fork(void);
/* In the process that becomes the command, once traced: -E, -u, Landlock, seccomp, exec. */
_Noreturn void launch_exec(const char *path, char **argv, const struct tracer *t,
			   const struct run_as *ra);

#endif
