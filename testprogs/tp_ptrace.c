/* ptrace(2)'s requests on pids that are no tracee of ours (-1, 0): each fails the same way in
 * every run, and shows its request's name and its data as strace 6.1 does.
 *   tp_ptrace errors    the requests, and a request no header names (a long)
 *   tp_ptrace child     requests on a child of ours that is our tracee (PTRACE_TRACEME,
 *                       stopped by its SIGSTOP): GETREGSET and SETREGSET's NT_* note and
 *                       iovec (GETREGSET's iov_len is value-result: 4096 => 832), the
 *                       siginfo of GETSIGINFO and SETSIGINFO, GETEVENTMSG's [0], and x86's
 *                       own requests (named for an x86 tracee only), GETSIGMASK, and
 *                       GET_SYSCALL_INFO at a signal stop (whole, and cut to 8 bytes) and
 *                       at getppid's entry and exit
 */
#include "expect.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t me;
static unsigned long msg_word; /* where the PEEK requests put the word they read */

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

/* The regsets: NT_PRSTATUS and NT_FPREGSET, whose registers strace decodes, are left out. */
static void regsets(pid_t c)
{
	static char buf[4096];
	struct iovec io = {buf, sizeof(buf)};
	long n = pt(PTRACE_GETREGSET, c, NT_X86_XSTATE, (unsigned long)&io);
	/* The length the kernel wrote, when it differs from the one given: a CPU whose XSAVE
	 * area fills the whole buffer (AVX-512) leaves it as it was, and strace shows none. */
	char got[32] = "";
	if (n == 0 && io.iov_len != sizeof(buf))
		snprintf(got, sizeof(got), " => %zu", io.iov_len);
	xp_line(me,
		"ptrace(PTRACE_GETREGSET, %d, NT_X86_XSTATE, {iov_base=%p, iov_len=%zu%s}) = %s", c,
		(void *)buf, sizeof(buf), got, xp_res(n));
	n = pt(PTRACE_SETREGSET, c, NT_X86_XSTATE, (unsigned long)&io);
	xp_line(me, "ptrace(PTRACE_SETREGSET, %d, NT_X86_XSTATE, {iov_base=%p, iov_len=%zu}) = %s",
		c, (void *)buf, io.iov_len, xp_res(n));
	n = pt(PTRACE_GETREGSET, c, NT_ARM_TLS, (unsigned long)&io);
	xp_line(me, "ptrace(PTRACE_GETREGSET, %d, NT_ARM_TLS, {iov_base=%p, iov_len=%zu}) = %s", c,
		(void *)buf, io.iov_len, xp_res(n));
	n = pt(PTRACE_GETREGSET, c, 0x4242, (unsigned long)&io);
	xp_line(me,
		"ptrace(PTRACE_GETREGSET, %d, 0x4242 /* NT_??? */, {iov_base=%p, iov_len=%zu}) = "
		"%s",
		c, (void *)buf, io.iov_len, xp_res(n));
	n = pt(PTRACE_GETREGSET, c, NT_X86_XSTATE, 8);
	xp_line(me, "ptrace(PTRACE_GETREGSET, %d, NT_X86_XSTATE, 0x8) = %s", c, xp_res(n));
}

/* A word PEEK* read, as strace shows it: a pointer. */
static __attribute__((unused)) const char *word_str(char *buf, unsigned long w)
{
	snprintf(buf, 24, w ? "%#lx" : "NULL", w);
	return buf;
}

/* PEEKUSER's places in struct user, named for an x86_64 tracee as strace names them.  x86_64
 * only: strace 6.1 names an i386 tracee's offsets by x86_64's struct user (8*R12 for EAX's),
 * where ptrc shows the number (tests/unit/test_sys_ptrace_regs.c), and <sys/user.h> has no
 * struct user on arm64. */
static void user_offsets(pid_t c)
{
#if defined(__x86_64__)
	unsigned long ax = offsetof(struct user, regs.rax),
		      dr7 = offsetof(struct user, u_debugreg) + 7 * sizeof(long),
		      past = sizeof(struct user) + sizeof(long);
	char w[24];
	const char *ax_s = "8*RAX", *dr7_s = "offsetof(struct user, u_debugreg)+56";
	long n = pt(PTRACE_PEEKUSER, c, ax, (unsigned long)&msg_word);
	xp_line(me, "ptrace(PTRACE_PEEKUSER, %d, %s, [%s]) = %s", c, ax_s, word_str(w, msg_word),
		xp_res(n));
	n = pt(PTRACE_PEEKUSER, c, dr7, (unsigned long)&msg_word);
	xp_line(me, "ptrace(PTRACE_PEEKUSER, %d, %s, [%s]) = %s", c, dr7_s, word_str(w, msg_word),
		xp_res(n));
	/* Past glibc's struct user: a number.  The kernel may still read there (its own struct
	 * user is larger on some kernels), so what it wrote is stated as it came. */
	char data[32];
	msg_word = 0;
	n = pt(PTRACE_PEEKUSER, c, past, (unsigned long)&msg_word);
	if (n == 0)
		snprintf(data, sizeof(data), "[%s]", word_str(w, msg_word));
	else
		snprintf(data, sizeof(data), "%p", (void *)&msg_word);
	xp_line(me, "ptrace(PTRACE_PEEKUSER, %d, %#lx, %s) = %s", c, past, data, xp_res(n));
#else
	(void)c;
#endif
}

static void siginfos(pid_t c)
{
	siginfo_t si;
	unsigned uid = (unsigned)getuid();
	long n = pt(PTRACE_GETSIGINFO, c, 0, (unsigned long)&si);
	xp_line(me,
		"ptrace(PTRACE_GETSIGINFO, %d, NULL, {si_signo=SIGSTOP, si_code=SI_TKILL, "
		"si_pid=%d, si_uid=%u}) = %s",
		c, c, uid, xp_res(n));
	n = pt(PTRACE_SETSIGINFO, c, 0, (unsigned long)&si);
	xp_line(me,
		"ptrace(PTRACE_SETSIGINFO, %d, NULL, {si_signo=SIGSTOP, si_code=SI_TKILL, "
		"si_pid=%d, si_uid=%u}) = %s",
		c, c, uid, xp_res(n));
	n = pt(PTRACE_GETSIGINFO, c, 0, 8);
	xp_line(me, "ptrace(PTRACE_GETSIGINFO, %d, NULL, 0x8) = %s", c, xp_res(n));
	/* The words PEEKDATA reads are pointers to strace: 0 is NULL.  Ours, at the same
	 * addresses in the forked child. */
	static long word = 0x1234, zero;
	n = pt(PTRACE_PEEKDATA, c, (unsigned long)&word, (unsigned long)&msg_word);
	xp_line(me, "ptrace(PTRACE_PEEKDATA, %d, %p, [%#lx]) = %s", c, (void *)&word,
		(unsigned long)msg_word, xp_res(n));
	n = pt(PTRACE_PEEKDATA, c, (unsigned long)&zero, (unsigned long)&msg_word);
	xp_line(me, "ptrace(PTRACE_PEEKDATA, %d, %p, [NULL]) = %s", c, (void *)&zero, xp_res(n));
	user_offsets(c);
	unsigned long msg = 7;
	n = pt(PTRACE_GETEVENTMSG, c, 0, (unsigned long)&msg);
	xp_line(me, "ptrace(PTRACE_GETEVENTMSG, %d, NULL, [%lu]) = %s", c, msg, xp_res(n));
}

#if defined(__x86_64__)
#define AUDIT_ARCH_NAME "AUDIT_ARCH_X86_64"
#elif defined(__i386__)
#define AUDIT_ARCH_NAME "AUDIT_ARCH_I386"
#else
#define AUDIT_ARCH_NAME "AUDIT_ARCH_AARCH64"
#endif

/* A number as strace prints a hex field: 0, else 0x1f. */
static const char *hex(char *buf, unsigned long long x)
{
	snprintf(buf, 24, x ? "%#llx" : "0", x);
	return buf;
}

/* The struct's head: op, arch, instruction and stack pointers (of the size the kernel wrote). */
static const char *info_head(char *out, size_t size, const struct __ptrace_syscall_info *si,
			     const char *op)
{
	char ip[24], sp[24];

	snprintf(out, size, "op=%s, arch=%s, instruction_pointer=%s, stack_pointer=%s", op,
		 AUDIT_ARCH_NAME, hex(ip, si->instruction_pointer), hex(sp, si->stack_pointer));
	return out;
}

/* GET_SYSCALL_INFO at the child's signal stop, then at getppid's entry and exit. */
static void syscall_infos(pid_t c)
{
	struct __ptrace_syscall_info si;
	char head[160], a[6][24];
	int st;
	long n = pt(PTRACE_GET_SYSCALL_INFO, c, sizeof(si), (unsigned long)&si);
	xp_line(me, "ptrace(PTRACE_GET_SYSCALL_INFO, %d, %zu, {%s}) = %s", c, sizeof(si),
		info_head(head, sizeof(head), &si, "PTRACE_SYSCALL_INFO_NONE"), xp_res(n));
	n = pt(PTRACE_GET_SYSCALL_INFO, c, 8, (unsigned long)&si);
	xp_line(me,
		"ptrace(PTRACE_GET_SYSCALL_INFO, %d, 8, {op=PTRACE_SYSCALL_INFO_NONE, arch=%s}) = "
		"%s",
		c, AUDIT_ARCH_NAME, xp_res(n));
	n = pt(PTRACE_GET_SYSCALL_INFO, c, sizeof(si), 8);
	xp_line(me, "ptrace(PTRACE_GET_SYSCALL_INFO, %d, %zu, 0x8) = %s", c, sizeof(si), xp_res(n));
	n = pt(PTRACE_GETSIGMASK, c, 8, (unsigned long)&si);
	xp_line(me, "ptrace(PTRACE_GETSIGMASK, %d, 8, []) = %s", c, xp_res(n));

	/* Syscall stops show as such (op ENTRY, EXIT) with TRACESYSGOOD only. */
	n = pt(PTRACE_SETOPTIONS, c, 0, PTRACE_O_TRACESYSGOOD);
	xp_line(me, "ptrace(PTRACE_SETOPTIONS, %d, NULL, PTRACE_O_TRACESYSGOOD) = %s", c,
		xp_res(n));
	pt(PTRACE_SYSCALL, c, 0, 0); /* to getppid's entry */
	if (waitpid(c, &st, 0) != c)
		return;
	xp_line(me, "ptrace(PTRACE_SYSCALL, %d, NULL, 0) = 0", c);
	n = pt(PTRACE_GET_SYSCALL_INFO, c, sizeof(si), (unsigned long)&si);
	for (int i = 0; i < 6; i++)
		hex(a[i], si.entry.args[i]);
	xp_line(me,
		"ptrace(PTRACE_GET_SYSCALL_INFO, %d, %zu, {%s, entry={nr=__NR_getppid, args=[%s, "
		"%s, "
		"%s, %s, %s, %s]}}) = %s",
		c, sizeof(si), info_head(head, sizeof(head), &si, "PTRACE_SYSCALL_INFO_ENTRY"),
		a[0], a[1], a[2], a[3], a[4], a[5], xp_res(n));
	pt(PTRACE_SYSCALL, c, 0, 0); /* to its exit */
	if (waitpid(c, &st, 0) != c)
		return;
	xp_line(me, "ptrace(PTRACE_SYSCALL, %d, NULL, 0) = 0", c);
	n = pt(PTRACE_GET_SYSCALL_INFO, c, sizeof(si), (unsigned long)&si);
	xp_line(me,
		"ptrace(PTRACE_GET_SYSCALL_INFO, %d, %zu, {%s, exit={rval=%d, is_error=0}}) = %s",
		c, sizeof(si), info_head(head, sizeof(head), &si, "PTRACE_SYSCALL_INFO_EXIT"), me,
		xp_res(n));
}

/* x86's own requests, on pid -1: each fails with ESRCH. */
static void x86_requests(void)
{
#if defined(__x86_64__) || defined(__i386__)
	long n = pt(PTRACE_SYSEMU, -1, 0, SIGUSR1);
	xp_line(me, "ptrace(PTRACE_SYSEMU, -1, NULL, SIGUSR1) = %s", xp_res(n));
	n = pt(PTRACE_SYSEMU_SINGLESTEP, -1, 0, 0);
	xp_line(me, "ptrace(PTRACE_SYSEMU_SINGLESTEP, -1, NULL, 0) = %s", xp_res(n));
	n = pt(PTRACE_SINGLEBLOCK, -1, 0, SIGTERM);
	xp_line(me, "ptrace(PTRACE_SINGLEBLOCK, -1, NULL, SIGTERM) = %s", xp_res(n));
	n = pt(PTRACE_GETFPXREGS, -1, 0, 8);
	xp_line(me, "ptrace(PTRACE_GETFPXREGS, -1, NULL, 0x8) = %s", xp_res(n));
	n = pt(PTRACE_GET_THREAD_AREA, -1, 12, 8);
	xp_line(me, "ptrace(PTRACE_GET_THREAD_AREA, -1, 0xc, 0x8) = %s", xp_res(n));
#endif
}

static int run_child(void)
{
	pid_t c = fork();
	int st;

	if (c == 0) {
		pt(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		syscall(SYS_getppid, 1, 2, 3, 4, 5, 6); /* args=[0x1, ..., 0x6] */
		_exit(0);
	}
	if (c < 0 || waitpid(c, &st, 0) != c || !WIFSTOPPED(st))
		return 1;
	regsets(c);
	siginfos(c);
	x86_requests();
	syscall_infos(c);
	kill(c, SIGKILL);
	waitpid(c, &st, 0);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"errors", run_errors}, {"child", run_child}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_ptrace", argc, argv, modes);
}
