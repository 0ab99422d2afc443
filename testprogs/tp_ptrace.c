/* ptrace(2)'s requests on pids that are no tracee of ours (-1, 0): each fails the same way in
 * every run, and shows its request's name and its data as strace 6.1 does.
 *   tp_ptrace errors    the requests, and a request no header names (a long)
 */
#include "expect.h"

#include <errno.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t me;

static long pt(unsigned long req, long pid, unsigned long addr, unsigned long data)
{
	return syscall(SYS_ptrace, req, pid, addr, data);
}

static void resume_requests(void)
{
	long n = pt(PTRACE_CONT, -1, 0, SIGUSR1);
	xp_line(me, "ptrace(PTRACE_CONT, -1, NULL, SIGUSR1) = %s", xp_res(n));
	n = pt(PTRACE_SYSCALL, -1, 0, SIGTERM);
	xp_line(me, "ptrace(PTRACE_SYSCALL, -1, NULL, SIGTERM) = %s", xp_res(n));
	n = pt(PTRACE_DETACH, -1, 0, 0);
	xp_line(me, "ptrace(PTRACE_DETACH, -1, NULL, 0) = %s", xp_res(n));
	n = pt(PTRACE_SINGLESTEP, -1, 0, SIGKILL);
	xp_line(me, "ptrace(PTRACE_SINGLESTEP, -1, NULL, SIGKILL) = %s", xp_res(n));
	n = pt(PTRACE_KILL, -1, 0, 0);
	xp_line(me, "ptrace(PTRACE_KILL, -1) = %s", xp_res(n));
	n = pt(PTRACE_INTERRUPT, -1, 0, 0);
	xp_line(me, "ptrace(PTRACE_INTERRUPT, -1) = %s", xp_res(n));
	n = pt(PTRACE_LISTEN, -1, 0, 0);
	xp_line(me, "ptrace(PTRACE_LISTEN, -1) = %s", xp_res(n));
}

static int run_errors(void)
{
	long n = pt(PTRACE_PEEKDATA, 0, 0, 0x1000);
	xp_line(me, "ptrace(PTRACE_PEEKDATA, 0, NULL, 0x1000) = %s", xp_res(n));
	n = pt(PTRACE_GETEVENTMSG, -1, 0, 0x2000);
	xp_line(me, "ptrace(PTRACE_GETEVENTMSG, -1, NULL, 0x2000) = %s", xp_res(n));
	n = pt(PTRACE_SETOPTIONS, -1, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
	xp_line(me,
		"ptrace(PTRACE_SETOPTIONS, -1, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_EXITKILL) = %s",
		xp_res(n));
	n = pt(PTRACE_SEIZE, -1, 0, PTRACE_O_TRACEEXEC);
	xp_line(me, "ptrace(PTRACE_SEIZE, -1, NULL, PTRACE_O_TRACEEXEC) = %s", xp_res(n));
	resume_requests();
	n = pt((unsigned long)0xdeadbeeffffffeedULL, -1, 0, 0);
	xp_line(me, "ptrace(%s /* PTRACE_??? */, -1, NULL, NULL) = %s",
		sizeof(long) == 8 ? "0xdeadbeeffffffeed" : "0xfffffeed", xp_res(n));
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"errors", run_errors}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_ptrace", argc, argv, modes);
}
