/* The floor for a ptrace tracer: the least a tracer that follows every task must do, and nothing
 * more (it prints nothing and reads no registers).
 *   floor_tracer COMMAND [ARGS...]
 *     every syscall stops twice: the tracees are resumed with PTRACE_SYSCALL at every stop
 *   floor_tracer --seccomp COMMAND [ARGS...]
 *     the command gets a seccomp filter that traps only openat (SECCOMP_RET_TRACE); tracees run
 *     with PTRACE_CONT, and from a seccomp stop with PTRACE_SYSCALL to that call's exit stop:
 *     the floor for a trace filtered to openat
 *   floor_tracer --spin [--seccomp] COMMAND [ARGS...]
 *     waits for each stop by polling (waitpid WNOHANG and sched_yield, never blocking): the floor
 *     for a tracer that spins, as ptrc does by default (src/core/spin.h)
 * Follows forks, vforks, clones and execs (PTRACE_SEIZE of the launched command); signals are
 * passed on; a group stop is simply resumed (it does not hold).  Exits with the command's status
 * (128 + signal if it was killed). */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__x86_64__)
#define FLOOR_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define FLOOR_ARCH AUDIT_ARCH_AARCH64
#else
#error "floor_tracer: add this architecture's AUDIT_ARCH_ value"
#endif

static void die(const char *what)
{
	perror(what);
	exit(126);
}

/* openat stops, everything else runs; a call of another ABI (i386 on x86_64) stops too. */
static void install_filter(void)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, FLOOR_ARCH, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {.len = sizeof(code) / sizeof(code[0]), .filter = code};

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		die("PR_SET_NO_NEW_PRIVS");
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog))
		die("seccomp");
}

/* The child stops itself so the tracer can seize it, then gets its filter and execs. */
static pid_t launch(char **argv, int filtered)
{
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		raise(SIGSTOP);
		if (filtered)
			install_filter();
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	return pid;
}

static void seize(pid_t pid, int filtered)
{
	long opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |
		    PTRACE_O_TRACEVFORK | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;
	int status;

	if (filtered)
		opts |= PTRACE_O_TRACESECCOMP;
	if (waitpid(pid, &status, WUNTRACED) != pid || !WIFSTOPPED(status))
		die("waitpid (launch)");
	if (ptrace(PTRACE_SEIZE, pid, 0L, opts))
		die("PTRACE_SEIZE");
	/* The SIGCONT ends its stop: seen as a signal-delivery stop, passed on as any signal. */
	if (kill(pid, SIGCONT))
		die("kill");
}

/* How to resume a task from a stop, and with which signal. */
static void resume(pid_t pid, int status, int filtered)
{
	int sig = WSTOPSIG(status), event = status >> 16;
	enum __ptrace_request req = filtered ? PTRACE_CONT : PTRACE_SYSCALL;
	long inject = 0;

	if (event == PTRACE_EVENT_SECCOMP)
		req = PTRACE_SYSCALL; /* to this call's exit stop, then PTRACE_CONT again */
	else if (event == 0 && sig != (SIGTRAP | 0x80))
		inject = sig; /* a signal-delivery stop */
	/* Otherwise a syscall stop, a fork/clone/exec event, a new task's first stop or a group
	 * stop (PTRACE_EVENT_STOP): nothing to pass on. */
	if (ptrace(req, pid, 0L, inject) && errno != ESRCH)
		die("ptrace resume");
}

int main(int argc, char **argv)
{
	int arg = 1, filtered = 0, spin = 0, code = 0;
	pid_t root;

	if (argc > arg && !strcmp(argv[arg], "--spin")) {
		spin = 1;
		arg++;
	}
	if (argc > arg && !strcmp(argv[arg], "--seccomp")) {
		filtered = 1;
		arg++;
	}
	if (argc <= arg) {
		fprintf(stderr, "usage: floor_tracer [--spin] [--seccomp] COMMAND [ARGS...]\n");
		return 2;
	}
	root = launch(argv + arg, filtered);
	seize(root, filtered);
	for (;;) {
		int status;
		pid_t pid = waitpid(-1, &status, __WALL | (spin ? WNOHANG : 0));

		if (pid == 0) {
			sched_yield();
			continue;
		}

		if (pid < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ECHILD)
				break;
			die("waitpid");
		}
		if (WIFSTOPPED(status)) {
			resume(pid, status, filtered);
		} else if (pid == root) {
			code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		}
	}
	return code;
}
