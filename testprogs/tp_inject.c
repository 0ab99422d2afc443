/* Syscall tampering (-e inject=, -e fault=): each mode makes its calls and checks, from the
 * results it got, that the tampering the test asked for happened; it states the lines.
 *   tp_inject retval    -e trace=getppid -e inject=getppid:retval=42:when=2+2
 *   tp_inject error     -e trace=chdir -e inject=chdir:error=ENOENT:when=3
 *   tp_inject fault     -e trace=getppid -e fault=getppid:when=1..2
 *   tp_inject signal    -e trace=getppid -e inject=getppid:signal=SIGUSR1:when=2
 *   tp_inject syscall   -e trace=getppid -e inject=getppid:syscall=gettid:retval=7:when=1
 *   tp_inject delay     -e trace=getppid -e inject=getppid:delay_exit=50ms:when=1
 *   tp_inject poke      -e trace=write,recvfrom,pwrite64 -e
 * inject=write:poke_enter=@arg2=4a4b:when=1..3 -e inject=recvfrom:poke_exit=@arg2=5859 -e
 * inject=pwrite64:poke_enter=@arg2=5a:retval=2 (not read: the dynamic loader's reads would be poked
 * too) tp_inject threads   -f -e trace=getppid -e inject=getppid:retval=42:when=1 tp_inject spawn
 * -f -b execve: a child execs "tp_inject untraced", which exits 0 only when nothing traces it any
 * more (TracerPid 0); spawn exits with the child's status A mode exits 3 when a result is not the
 * one the tampering gives (not tampered with).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "expect.h"

static int bad;
static long parent; /* from /proc: a getppid() would count as an invocation */

/* getppid(), stated as the trace must show it: injected or the real parent. */
static void ppid_call(pid_t me, long want_injected)
{
	long got = syscall(SYS_getppid);

	if (want_injected) {
		bad |= got != want_injected;
		xp_line(me, "getppid() = %ld (INJECTED)", want_injected);
	} else {
		bad |= got != parent;
		xp_line(me, "getppid() = %ld", parent);
	}
}

static int run_retval(void)
{
	pid_t me = xp_gettid();

	for (int i = 1; i <= 4; i++)
		ppid_call(me, i % 2 == 0 ? 42 : 0);
	return bad ? 3 : 0;
}

static int run_error(void)
{
	pid_t me = xp_gettid();

	for (int i = 1; i <= 4; i++) {
		long got = syscall(SYS_chdir, "/");
		if (i == 3) {
			bad |= !(got == -1 && errno == ENOENT);
			xp_line(me,
				"chdir(\"/\") = -1 ENOENT (No such file or directory) (INJECTED)");
		} else {
			bad |= got != 0;
			xp_line(me, "chdir(\"/\") = 0");
		}
	}
	return bad ? 3 : 0;
}

static int run_fault(void)
{
	pid_t me = xp_gettid();

	for (int i = 1; i <= 3; i++) {
		long got = syscall(SYS_getppid);
		if (i <= 2) {
			bad |= !(got == -1 && errno == ENOSYS);
			xp_line(me, "getppid() = -1 ENOSYS (Function not implemented) (INJECTED)");
		} else {
			bad |= got != parent;
			xp_line(me, "getppid() = %ld", parent);
		}
	}
	return bad ? 3 : 0;
}

static int run_signal(void)
{
	pid_t me = xp_gettid();

	xp_catch(SIGUSR1);
	ppid_call(me, 0);
	bad |= xp_nsig != 0;
	ppid_call(me, 0);
	/* Sent as the call's exit stop is left: delivered before the next instruction. */
	bad |= xp_nsig != 1 || xp_siginfos[0].si_code != SI_KERNEL;
	/* The kernel's own signal (SI_KERNEL): strace shows no sender. */
	xp_exact(me, "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---");
	ppid_call(me, 0);
	return bad ? 3 : 0;
}

static int run_syscall(void)
{
	pid_t me = xp_gettid();

	ppid_call(me, 7);
	ppid_call(me, 0);
	return bad ? 3 : 0;
}

static int run_delay(void)
{
	pid_t me = xp_gettid();
	long got = syscall(SYS_getppid);

	bad |= got != parent;
	xp_line(me, "getppid() = %ld (DELAYED)", parent);
	ppid_call(me, 0);
	return bad ? 3 : 0;
}

/* Read-only: poke_enter= writes through the page's protection, as strace's does. */
static const char rodata[] = "world";

/*
 * The pokes took effect where the kernel and the program see them: the socket holds
 * the bytes poked at write's entry, the buffer the ones poked at recvfrom's exit.
 */
static int run_poke(void)
{
	pid_t me = xp_gettid();
	char buf[16] = "hello", got[16] = {0}, mine[4] = "abc";
	int p[2], fd = open("/dev/null", O_WRONLY);

	if (fd < 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, p) < 0)
		return 2;
	bad |= syscall(SYS_write, p[1], buf, 5) != 5;
	xp_line(me, "write(%d, \"JKllo\", 5) = 5 (INJECTED: args)", p[1]);
	bad |= syscall(SYS_write, p[1], rodata, 5) != 5;
	xp_line(me, "write(%d, \"JKrld\", 5) = 5 (INJECTED: args)", p[1]);
	/* Nowhere to poke: said on stderr, and the call goes on untouched, unmarked. */
	bad |= syscall(SYS_write, p[1], NULL, 0) != 0;
	xp_line(me, "write(%d, NULL, 0) = 0", p[1]);
	bad |= syscall(SYS_recvfrom, p[0], got, 10, 0, NULL, NULL) != 10 ||
	       memcmp(got, "XYlloJKrld", 10);
	xp_line(me, "recvfrom(%d, \"XYlloJKrld\", 10, 0, NULL, NULL) = 10 (INJECTED: args)", p[0]);
	/* With retval= the call does not run, yet the poked bytes are in the program's buffer. */
	/* A long long: two words on i386, where the offset takes two registers. */
	bad |= syscall(SYS_pwrite64, fd, mine, 3, 0LL) != 2 || memcmp(mine, "Zbc", 3);
	xp_line(me, "pwrite64(%d, \"Zbc\", 3, 0) = 2 (INJECTED: args, retval)", fd);
	return bad ? 3 : 0;
}

static void *thread_main(void *arg)
{
	pid_t me = xp_gettid();

	(void)arg;
	/* Invocations are counted per thread: this thread's first call is tampered with too. */
	ppid_call(me, 42);
	ppid_call(me, 0);
	return NULL;
}

static int run_untraced(void)
{
	return xp_status_field("TracerPid: %ld") == 0 ? 0 : 3;
}

static char *self;

static int run_spawn(void)
{
	int status;
	pid_t child = fork();

	if (child == 0) {
		execl(self, self, "untraced", (char *)NULL);
		_exit(127);
	}
	if (child < 0 || waitpid(child, &status, 0) != child || !WIFEXITED(status))
		return 2;
	return WEXITSTATUS(status);
}

static int run_threads(void)
{
	pid_t me = xp_gettid();
	pthread_t t;

	ppid_call(me, 42);
	ppid_call(me, 0);
	if (pthread_create(&t, NULL, thread_main, NULL) || pthread_join(t, NULL))
		return 2;
	return bad ? 3 : 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"retval", run_retval},
		{"error", run_error},
		{"fault", run_fault},
		{"signal", run_signal},
		{"syscall", run_syscall},
		{"delay", run_delay},
		{"threads", run_threads},
		{"spawn", run_spawn},
		{"poke", run_poke},
		{"untraced", run_untraced},
		{NULL, NULL},
	};
	xp_init();
	self = argv[0];
	parent = xp_status_field("PPid: %ld");
	xp_main("tp_inject", argc, argv, modes);
}
