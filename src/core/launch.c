#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pwd.h>
#include <grp.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launch.h"
#include "out/json.h"
#include "policy_hook.h"
#include "landlock.h"
#include "seccomp.h"
#include "exit_status.h"
#include "signals.h"
#include "ptrace.h"
#include "tracer.h"

/* Exit statuses a shell uses for a command it cannot run. */

static int check_exec(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -errno;
	if (S_ISDIR(st.st_mode))
		return -EISDIR;
	if (access(path, X_OK) < 0)
		return -errno;
	return 0;
}

/* Finds cmd the way a shell does; 0, or the exit status to give up with. */
static int resolve(const char *cmd, char *out, size_t len)
{
	int rc;

	if (strchr(cmd, '/')) {
		snprintf(out, len, "%s", cmd);
		rc = check_exec(cmd);
		if (rc == 0)
			return 0;
		tracer_msg("%s: %s", cmd, strerror(-rc));
		return rc == -ENOENT || rc == -ENOTDIR ? PTRC_EXIT_NOT_FOUND : PTRC_EXIT_NOT_EXEC;
	}
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	int denied = 0;
	for (const char *p = path;; p++) {
		const char *end = strchrnul(p, ':');
		int dlen = (int)(end - p);
		snprintf(out, len, "%.*s%s%s", dlen, p, dlen ? "/" : "", cmd);
		rc = check_exec(out);
		if (rc == 0)
			return 0;
		if (rc == -EACCES && !denied)
			denied = 1;
		if (!*end)
			break;
		p = end;
	}
	if (denied) {
		tracer_msg("%s: %s", cmd, strerror(EACCES));
		return PTRC_EXIT_NOT_EXEC;
	}
	tracer_msg("%s: command not found", cmd);
	return PTRC_EXIT_NOT_FOUND;
}

/* -E VAR=VAL sets, -E VAR unsets, in the order given. */
static void apply_env(const struct config *cfg)
{
	for (size_t i = 0; i < cfg->nenv; i++) {
		if (strchr(cfg->env[i], '='))
			putenv(cfg->env[i]);
		else
			unsetenv(cfg->env[i]);
	}
}

static int lookup_user(const char *user, struct run_as *ra)
{
	struct passwd *pw = getpwnam(user);

	if (!pw) {
		char *end;
		unsigned long id = strtoul(user, &end, 10);
		if (!*user || *end || !(pw = getpwuid((uid_t)id))) {
			tracer_msg("unknown user '%s'", user);
			return -ENOENT;
		}
	}
	if (geteuid() != 0) {
		tracer_msg("-u %s: only root can run a command as another user", user);
		return -EPERM;
	}
	/* "-u 1000" gets user 1000's groups too: initgroups() wants the name. */
	if (strlen(pw->pw_name) >= sizeof(ra->name)) {
		tracer_msg("-u %s: the user's name is too long", user);
		return -ENAMETOOLONG;
	}
	ra->set = true;
	ra->uid = pw->pw_uid;
	ra->gid = pw->pw_gid;
	strcpy(ra->name, pw->pw_name);
	return 0;
}

static int become(const struct run_as *ra)
{
	if (!ra->set)
		return 0;
	if (initgroups(ra->name, ra->gid) < 0 || setgid(ra->gid) < 0 || setuid(ra->uid) < 0)
		return -errno;
	return 0;
}

_Noreturn void launch_exec(const char *path, char **argv, const struct tracer *t,
			   const struct run_as *ra)
{
	apply_env(t->cfg);
	int rc = become(ra);
	if (rc < 0) {
		fprintf(stderr, "ptrc: -u %s: %s\n", ra->name, strerror(-rc));
		_exit(PTRC_EXIT_NOT_EXEC);
	}
	rc = landlock_child(t);
	if (rc < 0) {
		fprintf(stderr, "ptrc: cannot restrict the command with Landlock: %s\n",
			strerror(-rc));
		_exit(PTRC_EXIT_NOT_EXEC);
	}
	rc = seccomp_child(t);
	if (rc < 0) {
		fprintf(stderr, "ptrc: cannot install the seccomp filter: %s\n", strerror(-rc));
		_exit(PTRC_EXIT_NOT_EXEC);
	}
	execv(path, argv);
	int err = errno;
	if (err == EACCES && t->ll.on)
		fprintf(stderr,
			"ptrc: %s: %s (Landlock: the kernel reads a program to run it, and the "
			"policy allows reading it nowhere)\n",
			argv[0], strerror(err));
	else
		fprintf(stderr, "ptrc: %s: %s\n", argv[0], strerror(err));
	_exit(err == ENOENT ? PTRC_EXIT_NOT_FOUND : PTRC_EXIT_NOT_EXEC);
}

static _Noreturn void child_exec(const char *path, char **argv, const struct tracer *t,
				 const struct run_as *ra)
{
	/* The command inherits what ptrc inherited, not ptrc's own handlers. */
	sig_restore_inherited();
	/*
	 * Stop at a known point until the parent has seized us, so the execve is
	 * traced.  (Interrupting a child that may still be inside fork()'s own
	 * code with PTRACE_INTERRUPT hung it on aarch64.)
	 */
	raise(SIGSTOP);
	launch_exec(path, argv, t, ra);
}

/* Seizes the child stopped in raise(SIGSTOP) and lets it go on. */
static int seize_child(struct tracer *t, pid_t pid)
{
	int status;

	while (waitpid(pid, &status, WUNTRACED) < 0)
		if (errno != EINTR)
			return -errno;
	if (!WIFSTOPPED(status))
		return -ECHILD; /* it died before stopping */
	if (pt(PTRACE_SEIZE, pid, NULL, (void *)(long)(t->ptrace_opts | PTRACE_O_EXITKILL)) < 0)
		return -errno;
	/* Its group stop ends; the stops that follow are hidden (TASK_HIDDEN). */
	return kill(pid, SIGCONT) < 0 ? -errno : 0;
}

int launch_prepare(struct tracer *t, char **argv, char *path, size_t len, struct run_as *ra)
{
	int rc = resolve(argv[0], path, len);

	if (rc)
		return rc;
	if (t->cfg->user && lookup_user(t->cfg->user, ra) < 0)
		return 1;
	fflush(NULL);
	return 0;
}

pid_t launch_fork(void)
{
	/*
	 * A bare clone, not fork(): in the arm64 qemu guest of tests/arch, glibc's
	 * fork() child code never returned (a plain dynamically linked program that
	 * forks hangs there too).  ptrc has one thread, so the child starts with no
	 * lock held.  With no stack and no pointers, the argument order
	 * (CLONE_BACKWARDS) does not matter.
	 */
	return (pid_t)syscall(SYS_clone, (long)SIGCHLD, 0L, 0L, 0L, 0L);
}

/* Returns 0, or a positive exit status when the command cannot be run. */
int tracer_launch(struct tracer *t, char **argv)
{
	char path[PATH_MAX];
	struct run_as ra = {0};

	int rc = launch_prepare(t, argv, path, sizeof(path), &ra);
	if (rc)
		return rc;
	pid_t pid = launch_fork();
	if (pid < 0) {
		tracer_msg("fork: %s", strerror(errno));
		return 1;
	}
	if (pid == 0)
		child_exec(path, argv, t, &ra);
	rc = seize_child(t, pid);
	if (rc < 0) {
		tracer_msg("ptrace(PTRACE_SEIZE, %d): %s", (int)pid, strerror(-rc));
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		return 1;
	}
	struct task *task = task_add(t, pid, pid);
	emit_task_start(t, task, JSON_START_LAUNCH, NULL);
	task->flags |= TASK_HIDDEN;
	t->child = pid;
	return 0;
}
