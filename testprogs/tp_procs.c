/* Processes: exit statuses, fork, vfork, execve, fatal signals.
 *   tp_procs exit N        exit_group(N)
 *   tp_procs signal N      kill itself with signal N
 *   tp_procs segv-self     crash with SIGSEGV, no core
 *   tp_procs fork          fork a child that exits 7; SIGCHLD delivered at a known point
 *   tp_procs vfork         vfork a child that exits 5, vfork a child that execs "hello"
 *   tp_procs segv          fork children that crash with and without a core dump
 *   tp_procs sleeper       state its pid, then block forever
 *   tp_procs hello ENVP N  (run by vfork) state its own execve line
 *   tp_procs untraced      children made with CLONE_UNTRACED by clone and clone3
 */
#include "expect.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static pid_t me;

static void sys_sigmask(int how, int sig)
{
	uint64_t set = 1ULL << (sig - 1); /* the kernel's 8-byte sigset on every ABI */

	syscall(SYS_rt_sigprocmask, how, &set, NULL, 8);
}

static int die(const char *what)
{
	fprintf(stderr, "tp_procs: %s: %s\n", what, strerror(errno));
	xp_flush();
	exit(1);
}

static int finish(int ret)
{
	xp_exit(me, ret);
}

static int run_signal(int sig)
{
	long n;

	/* A self-directed signal is delivered on the way out of kill(). */
	xp_line(me, "kill(%d, %s) = 0", (int)me, xp_signame(sig));
	xp_exact(me, "--- %s {si_signo=%s, si_code=SI_USER, si_pid=%d, si_uid=%u} ---",
		 xp_signame(sig), xp_signame(sig), (int)me, (unsigned)getuid());
	xp_exact(me, "+++ killed by %s +++", xp_signame(sig));
	xp_flush();
	n = syscall(SYS_kill, me, sig);
	fprintf(stderr, "tp_procs: still alive after signal %d (%ld)\n", sig, n);
	return 1;
}

static void segv_now(bool last_words)
{
	xp_exact(me, "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---");
	/* A child's end is stated by its parent, which knows whether a core was dumped. */
	if (last_words)
		xp_exact(me, "+++ killed by SIGSEGV +++");
	xp_flush();
	*(volatile int *)0 = 1;
}

static void no_core(void)
{
	struct rlimit rl = {0, 0};

	/* A zero limit stops file cores; not dumpable also stops "|program" core patterns. */
	setrlimit(RLIMIT_CORE, &rl);
	prctl(PR_SET_DUMPABLE, 0);
}

static int run_fork(void)
{
	pid_t child;
	long n;

	xp_catch(SIGCHLD);
	sys_sigmask(SIG_BLOCK, SIGCHLD);
	child = fork();
	if (child < 0)
		die("fork");
	if (child == 0) {
		me = getpid();
		n = syscall(SYS_getppid);
		xp_line(me, "getppid() = %ld", n);
		finish(7);
	}
	n = syscall(SYS_wait4, child, NULL, 0, NULL);
	xp_line(me, "wait4(%d, NULL, 0, NULL) = %ld", (int)child, n);
	/* The child is reaped, so its SIGCHLD is pending: it is delivered on the way out of
	 * the rt_sigprocmask call that unblocks it. */
	sys_sigmask(SIG_UNBLOCK, SIGCHLD);
	xp_line(me, "rt_sigprocmask(SIG_UNBLOCK, [CHLD], NULL, 8) = 0");
	if (xp_nsig != 1) {
		fprintf(stderr, "tp_procs: expected one SIGCHLD, got %d\n", (int)xp_nsig);
		return 1;
	}
	xp_siginfo_line(me, &xp_siginfos[0]);
	return 0;
}

/*
 * glibc's vfork() is the vfork syscall where the ABI has one; elsewhere (aarch64) it is
 * clone(CLONE_VM|CLONE_VFORK|SIGCHLD) on a stack whose address the program does not
 * know, so there the line is not stated.
 */
static void state_vfork(pid_t child)
{
#ifdef SYS_vfork
	xp_line(me, "vfork() = %d", (int)child);
#else
	(void)child;
#endif
}

static int run_vfork(void)
{
	char envp_str[32], nvars[16];
	char *args[] = {"tp_procs", "hello", envp_str, nvars, NULL};
	pid_t child;
	long n;

	child = vfork();
	if (child < 0)
		die("vfork");
	if (child == 0) {
		syscall(SYS_getppid);
		syscall(SYS_exit_group, 5);
	}
	state_vfork(child);
	xp_line(child, "getppid() = %d", (int)me);
	xp_line(child, "exit_group(5) = ?");
	xp_exact(child, "+++ exited with 5 +++");
	n = syscall(SYS_wait4, child, NULL, 0, NULL);
	xp_line(me, "wait4(%d, NULL, 0, NULL) = %ld", (int)child, n);
	xp_flush();

	/* The exec'd program states its own execve line: it gets the envp address in argv. */
	snprintf(envp_str, sizeof(envp_str), "%p", (void *)environ);
	snprintf(nvars, sizeof(nvars), "%d", xp_count_env(environ));
	child = vfork();
	if (child < 0)
		die("vfork");
	if (child == 0) {
		syscall(SYS_execve, "/proc/self/exe", args, environ);
		syscall(SYS_exit_group, 127);
	}
	state_vfork(child);
	n = syscall(SYS_wait4, child, NULL, 0, NULL);
	xp_line(me, "wait4(%d, NULL, 0, NULL) = %ld", (int)child, n);
	xp_exact(child, "+++ exited with 0 +++");
	return 0;
}

static int run_hello(int argc, char **argv)
{
	char buf[64];
	long n;

	if (argc < 4)
		return 2;
	/* Short argv strings: nothing here depends on -s. */
	xp_line(me,
		"execve(\"/proc/self/exe\", [\"%s\", \"hello\", \"%s\", \"%s\"], %s /* %s vars */) "
		"= 0",
		argv[0], argv[2], argv[3], argv[2], argv[3]);
	n = snprintf(buf, sizeof(buf), "hello from %d\n", (int)me);
	n = syscall(SYS_write, 1, buf, n);
	xp_line(me, "write(1, \"hello from %d\\n\", %ld) = %ld", (int)me, n, n);
	xp_line(me, "exit_group(0) = ?");
	xp_flush();
	syscall(SYS_exit_group, 0);
	return 0;
}

static void rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[512];

	while (d && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static int run_segv(void)
{
	char dir[] = "/tmp/ptrc-tp-core-XXXXXX";
	int status;
	pid_t child;

	if (!mkdtemp(dir))
		die("mkdtemp");
	for (int core = 0; core < 2; core++) {
		child = fork();
		if (child < 0)
			die("fork");
		if (child == 0) {
			me = getpid();
			if (core) {
				struct rlimit rl = {RLIM_INFINITY, RLIM_INFINITY};

				if (chdir(dir) != 0)
					die("chdir");
				setrlimit(RLIMIT_CORE, &rl);
			} else {
				no_core();
			}
			segv_now(false);
			_exit(1);
		}
		if (waitpid(child, &status, 0) != child)
			die("waitpid");
		if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGSEGV) {
			fprintf(stderr, "tp_procs: child status %#x\n", status);
			rm_tree(dir);
			return 1;
		}
		/* Only the parent knows whether a core was written (core_pattern decides). */
		xp_exact(child, "+++ killed by SIGSEGV%s +++",
			 WCOREDUMP(status) ? " (core dumped)" : "");
		if (core)
			xp_info(me, "core_dumped", "%d", WCOREDUMP(status) ? 1 : 0);
	}
	rm_tree(dir);
	return 0;
}

/*
 * A child made with CLONE_UNTRACED, by clone and by clone3: ptrc -f takes the
 * flag out, so the child is traced and its openat is in the trace.
 */
static int untraced_child(bool three, const char *path)
{
	struct clone_args ca = {.flags = CLONE_UNTRACED, .exit_signal = SIGCHLD};
	long pid;
	int status;

	xp_flush(); /* a raw clone runs no atfork handler: the child must not repeat ours */
	pid = three ? syscall(SYS_clone3, &ca, sizeof(ca))
		    : syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
	if (pid < 0)
		return die(three ? "clone3" : "clone");
	if (pid == 0) {
		pid_t self = (pid_t)syscall(SYS_getpid);
		long n = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);
		xp_line(self,
			"openat(AT_FDCWD, \"%s\", O_RDONLY) = %ld ENOENT (No such file or "
			"directory)",
			path, n);
		xp_flush();
		syscall(SYS_exit_group, 0);
	}
	return waitpid((pid_t)pid, &status, 0) == pid && WIFEXITED(status) ? 0 : 1;
}

int main(int argc, char **argv)
{
	xp_init();
	me = getpid();
	if (argc < 2) {
		fprintf(stderr, "usage: tp_procs MODE [ARGS]\n");
		return 2;
	}
	const char *mode = argv[1];
	if (!strcmp(mode, "exit") && argc > 2)
		return finish(atoi(argv[2]));
	if (!strcmp(mode, "signal") && argc > 2)
		return run_signal(atoi(argv[2]));
	if (!strcmp(mode, "segv-self")) {
		no_core();
		segv_now(true);
		return 1;
	}
	if (!strcmp(mode, "fork"))
		return finish(run_fork());
	if (!strcmp(mode, "vfork"))
		return finish(run_vfork());
	if (!strcmp(mode, "segv"))
		return finish(run_segv());
	if (!strcmp(mode, "hello"))
		return run_hello(argc, argv);
	if (!strcmp(mode, "untraced"))
		return finish(untraced_child(false, "/nonexistent/untraced-clone") |
			      untraced_child(true, "/nonexistent/untraced-clone3"));
	if (!strcmp(mode, "sleeper")) {
		int fds[2];
		char c;

		xp_info(me, "pid", "%d", (int)me);
		xp_flush();
		if (pipe(fds) != 0)
			die("pipe");
		for (;;)
			syscall(SYS_read, fds[0], &c, 1);
	}
	fprintf(stderr, "tp_procs: unknown mode %s\n", mode);
	return 2;
}
