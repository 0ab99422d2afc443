/* Signals: delivery lines, group stops, a task killed inside a blocking call.
 *   tp_signals deliver     SIGUSR1 by kill(), SIGUSR2 by tgkill(), a pending SIGCHLD
 *   tp_signals stopcont    stop a busy child with SIGSTOP, check it stays stopped,
 *                          continue it with SIGCONT, check it runs (exit status 1 if not)
 *   tp_signals killed      SIGKILL a child blocked in read()
 *   tp_signals catch       report what it inherited (SIGHUP, SIGINT, SIGPIPE ignored?
 *                          SIGUSR2 blocked?), state "ready", count the SIGTERM, SIGINT
 *                          and SIGUSR1 it gets until 300 ms after the first (or 20 s)
 *   tp_signals actions     SIG_IGN and SIG_DFL set and read back, a mask blocked and restored
 *                          (what -X raw and -X verbose print as numbers)
 */
#include "expect.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pid_t me;

static void die(const char *what)
{
	fprintf(stderr, "tp_signals: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int run_deliver(void)
{
	uint64_t set = 1ULL << (SIGCHLD - 1); /* the kernel's 8-byte sigset */
	pid_t child;
	long n;

	xp_catch(SIGUSR1);
	xp_catch(SIGUSR2);
	xp_catch(SIGCHLD);

	n = syscall(SYS_kill, me, SIGUSR1);
	xp_line(me, "kill(%d, SIGUSR1) = %ld", (int)me, n);
	if (xp_nsig != 1)
		die("SIGUSR1 not delivered");
	xp_siginfo_line(me, &xp_siginfos[0]);
	/* The handler returns through the frame's restorer: the mask it restores is empty. */
	xp_line(me, "rt_sigreturn({mask=[]}) = %ld", n);

	/* With SIGINT blocked, the frame's mask is [INT]: where it is depends on the ABI. */
	uint64_t intset = 1ULL << (SIGINT - 1);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &intset, NULL, 8);
	n = syscall(SYS_tgkill, me, me, SIGUSR2);
	xp_line(me, "tgkill(%d, %d, SIGUSR2) = %ld", (int)me, (int)me, n);
	if (xp_nsig != 2)
		die("SIGUSR2 not delivered");
	xp_siginfo_line(me, &xp_siginfos[1]);
	xp_line(me, "rt_sigreturn({mask=[INT]}) = %ld", n);
	syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &intset, NULL, 8);

	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
	child = fork();
	if (child < 0)
		die("fork");
	if (child == 0)
		syscall(SYS_exit_group, 3);
	n = syscall(SYS_wait4, child, NULL, 0, NULL);
	xp_line(me, "wait4(%d, NULL, 0, NULL) = %ld", (int)child, n);
	xp_line(child, "exit_group(3) = ?");
	xp_exact(child, "+++ exited with 3 +++");
	/* Reaped, so its SIGCHLD is pending; unblocking delivers it right away. */
	n = syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &set, NULL, 8);
	xp_line(me, "rt_sigprocmask(SIG_UNBLOCK, [CHLD], NULL, 8) = %ld", n);
	if (xp_nsig != 3)
		die("SIGCHLD not delivered");
	xp_siginfo_line(me, &xp_siginfos[2]);
	return 0;
}

static char proc_state(pid_t pid)
{
	char path[64], buf[512];
	FILE *f;
	char state = '?';

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return '?';
	if (fgets(buf, sizeof(buf), f)) {
		char *p = strrchr(buf, ')');
		if (p && p[1])
			state = p[2];
	}
	fclose(f);
	return state;
}

static void pause_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};

	nanosleep(&ts, NULL);
}

static int run_stopcont(void)
{
	volatile unsigned long *shared;
	unsigned long before;
	unsigned uid = getuid();
	sigset_t set;
	pid_t child;
	int i;

	shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED)
		die("mmap");
	/* Keep this process's SIGCHLDs out of the way. */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);

	child = fork();
	if (child < 0)
		die("fork");
	if (child == 0) {
		/* Busy without syscalls: nothing but the signals shows in its trace. */
		while (!shared[1])
			shared[0]++;
		syscall(SYS_exit_group, 0);
	}
	while (shared[0] == 0)
		;

	if (syscall(SYS_kill, child, SIGSTOP) != 0)
		die("kill SIGSTOP");
	for (i = 0; i < 60000 && !strchr("Tt", proc_state(child)); i++)
		pause_ms(1);
	if (!strchr("Tt", proc_state(child))) {
		fprintf(stderr, "tp_signals: child never stopped (state %c)\n", proc_state(child));
		kill(child, SIGKILL);
		return 1;
	}
	/* A tracer that resumed it (instead of PTRACE_LISTEN) lets it count on. */
	before = shared[0];
	for (i = 0; i < 5; i++) {
		pause_ms(40);
		if (shared[0] != before || !strchr("Tt", proc_state(child))) {
			fprintf(stderr, "tp_signals: stopped child runs again (state %c)\n",
				proc_state(child));
			kill(child, SIGKILL);
			return 1;
		}
	}
	if (syscall(SYS_kill, child, SIGCONT) != 0)
		die("kill SIGCONT");
	for (i = 0; i < 60000 && shared[0] == before; i++)
		pause_ms(1);
	if (shared[0] == before) {
		fprintf(stderr, "tp_signals: child did not continue (state %c)\n",
			proc_state(child));
		kill(child, SIGKILL);
		return 1;
	}
	shared[1] = 1;
	if (syscall(SYS_wait4, child, NULL, 0, NULL) != child)
		die("wait4");
	xp_line(me, "kill(%d, SIGSTOP) = 0", (int)child);
	xp_line(me, "kill(%d, SIGCONT) = 0", (int)child);
	xp_exact(child, "--- SIGSTOP {si_signo=SIGSTOP, si_code=SI_USER, si_pid=%d, si_uid=%u} ---",
		 (int)me, uid);
	xp_exact(child, "--- stopped by SIGSTOP ---");
	xp_exact(child, "--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=%d, si_uid=%u} ---",
		 (int)me, uid);
	xp_line(child, "exit_group(0) = ?");
	xp_exact(child, "+++ exited with 0 +++");
	return 0;
}

static int run_killed(void)
{
	int fds[2], status;
	pid_t child;
	char c;

	if (pipe(fds) != 0)
		die("pipe");
	child = fork();
	if (child < 0)
		die("fork");
	if (child == 0) {
		syscall(SYS_read, fds[0], &c, 1);
		syscall(SYS_exit_group, 1);
	}
	/* The child's read() line is open; this process's own calls are printed meanwhile. */
	if (xp_wait_task_state(child, child, "S", SYS_read) != 0)
		die("child never blocked in read");
	syscall(SYS_kill, child, SIGKILL);
	xp_line(me, "kill(%d, SIGKILL) = 0", (int)child);
	if (waitpid(child, &status, 0) != child)
		die("waitpid");
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
		fprintf(stderr, "tp_signals: child status %#x\n", status);
		return 1;
	}
	xp_exact(child, "read(%d,  <unfinished ...>", fds[0]);
	xp_exact(child, "<... read resumed> <unfinished ...>) = ?");
	xp_exact(child, "+++ killed by SIGKILL +++");
	return 0;
}

static volatile sig_atomic_t caught[NSIG];

static void count_caught(int sig)
{
	caught[sig]++;
}

static const char *disposition(int sig)
{
	struct sigaction sa;

	sigaction(sig, NULL, &sa);
	return sa.sa_handler == SIG_IGN ? "ignored" : "default";
}

/* What a signal to ptrc, to the group or from a terminal does to the command. */
static int run_catch(void)
{
	sigset_t mask;
	static const int counted[] = {SIGTERM, SIGINT, SIGUSR1};

	xp_info(me, "pid", "%d", (int)me);
	xp_info(me, "hup", "%s", disposition(SIGHUP));
	xp_info(me, "int", "%s", disposition(SIGINT));
	xp_info(me, "pipe", "%s", disposition(SIGPIPE));
	sigprocmask(SIG_SETMASK, NULL, &mask);
	xp_info(me, "usr2_blocked", "%s", sigismember(&mask, SIGUSR2) ? "yes" : "no");
	for (unsigned i = 0; i < 3; i++)
		signal(counted[i], count_caught);
	xp_info(me, "ready", "1");
	xp_flush();
	for (int i = 0; i < 2000 && !caught[SIGTERM] && !caught[SIGINT] && !caught[SIGUSR1]; i++)
		usleep(10000);
	/* A signal passed on twice arrives within this. */
	usleep(300000);
	xp_info(me, "term", "%d", (int)caught[SIGTERM]);
	xp_info(me, "intr", "%d", (int)caught[SIGINT]);
	xp_info(me, "usr1", "%d", (int)caught[SIGUSR1]);
	return 0;
}

/* The kernel's struct sigaction, the same words in each ABI ptrc knows; no SA_RESTORER, which
 * a handler of SIG_IGN or SIG_DFL never returns through. */
struct ksigaction {
	unsigned long handler, flags, restorer;
	uint64_t mask;
};

static int run_actions(void)
{
	struct ksigaction ign = {(unsigned long)SIG_IGN, 0, 0, 0}, dfl = {0}, old;
	uint64_t set = 1u << (SIGHUP - 1) | 1u << (SIGUSR2 - 1);
	long n;

	ign.mask = set;
	n = syscall(SYS_rt_sigaction, SIGUSR1, &ign, &old, 8);
	xp_line(me,
		"rt_sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=[HUP USR2], sa_flags=0}, "
		"{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = %s",
		xp_res(n));
	n = syscall(SYS_rt_sigaction, SIGUSR1, &dfl, &old, 8);
	xp_line(me,
		"rt_sigaction(SIGUSR1, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, "
		"{sa_handler=SIG_IGN, sa_mask=[HUP USR2], sa_flags=0}, 8) = %s",
		xp_res(n));
	n = syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
	xp_line(me, "rt_sigprocmask(SIG_BLOCK, [HUP USR2], NULL, 8) = %s", xp_res(n));
	n = syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &set, NULL, 8);
	xp_line(me, "rt_sigprocmask(SIG_UNBLOCK, [HUP USR2], NULL, 8) = %s", xp_res(n));
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"deliver", run_deliver}, {"stopcont", run_stopcont},
					       {"killed", run_killed},	 {"catch", run_catch},
					       {"actions", run_actions}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_signals", argc, argv, modes);
}
