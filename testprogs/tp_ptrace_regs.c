/* ptrace(2)'s register sets, as strace 6.1 prints them, on a child of ours that is our tracee
 * (PTRACE_TRACEME, stopped at the exec of this program's "idle" mode: fresh registers, the
 * same in every run under setarch -R, so tests/integration/strace_compare.py can compare):
 *   tp_ptrace_regs child   GETREGSET's NT_PRSTATUS and NT_PRFPREG sets, whole, cut to a shorter
 *                          length, and in a longer one (iov_len=N => the set's size);
 *                          SETREGSET's past its size (", ..."); x86's GETREGS, SETREGS,
 *                          GETFPREGS and SETFPREGS, which print pid and data alone; a bad
 *                          address and a failed GET, whose data stays an address.
 * Only an x86 tracee's sets are known to ptrc: elsewhere the mode states nothing.
 */
#include "expect.h"

#include <elf.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

static pid_t me;

#if defined(__x86_64__) || defined(__i386__)
static long pt(unsigned long req, long pid, unsigned long addr, unsigned long data)
{
	return syscall(SYS_ptrace, req, pid, addr, data);
}

/* Appends "name=0x1f" (0 as 0), with ", " before all but the first. */
static void field(char *out, size_t size, const char *name, unsigned long long x)
{
	size_t len = strlen(out);

	snprintf(out + len, size - len, x ? "%s%s=%#llx" : "%s%s=0", len > 1 ? ", " : "", name, x);
}

/* Appends "name=[0x1, 0, ...]": the first n of count items, 32 at most (strace's -s). */
static void items(char *out, size_t size, const char *name, const unsigned *a, unsigned n,
		  unsigned count)
{
	size_t len = strlen(out);

	len += (size_t)snprintf(out + len, size - len, ", %s=[", name);
	for (unsigned i = 0; i < n && i < 32; i++)
		len += (size_t)snprintf(out + len, size - len, a[i] ? "%s%#x" : "%s0",
					i ? ", " : "", a[i]);
	snprintf(out + len, size - len, "%s]", n > 32 && count > 32 ? ", ..." : "");
}

/* The register lists, kept out of clang-format: it re-wraps them on every run. */
/* clang-format off */
#if defined(__x86_64__)
#define GPRS(X) \
	X(r15) X(r14) X(r13) X(r12) X(rbp) X(rbx) X(r11) X(r10) X(r9) X(r8) X(rax) X(rcx) \
	X(rdx) X(rsi) X(rdi) X(orig_rax) X(rip) X(cs) X(eflags) X(rsp) X(ss) X(fs_base) \
	X(gs_base) X(ds) X(es) X(fs) X(gs)
#define WORD 8
#else
#define GPRS(X) \
	X(ebx) X(ecx) X(edx) X(esi) X(edi) X(ebp) X(eax) X(xds) X(xes) X(xfs) X(xgs) \
	X(orig_eax) X(eip) X(xcs) X(eflags) X(esp) X(xss)
#define WORD 4
#endif
/* clang-format on */

/* The general-purpose registers in the first len bytes: the fields wholly inside. */
static const char *gprs(char *out, size_t size, const struct user_regs_struct *r, size_t len)
{
	size_t off = 0;

	snprintf(out, size, "{");
#define ONE(n)                                                                                     \
	if ((off += WORD) <= len)                                                                  \
		field(out, size, #n, (unsigned long)r->n);
	GPRS(ONE)
#undef ONE
	strncat(out, len > sizeof(*r) ? ", ...}" : "}", size - strlen(out) - 1);
	return out;
}

/* The floating-point set in the first len bytes (the whole set, or its scalars and part of
 * the first array). */
static const char *fpregs(char *out, size_t size, const struct user_fpregs_struct *f, size_t len)
{
	snprintf(out, size, "{");
#if defined(__x86_64__)
	field(out, size, "cwd", f->cwd);
	field(out, size, "swd", f->swd);
	field(out, size, "ftw", f->ftw);
	field(out, size, "fop", f->fop);
	field(out, size, "rip", f->rip);
	field(out, size, "rdp", f->rdp);
	field(out, size, "mxcsr", f->mxcsr);
	field(out, size, "mxcr_mask", f->mxcr_mask);
	size_t head = offsetof(struct user_fpregs_struct, st_space);
	items(out, size, "st_space", f->st_space, (unsigned)((len - head) / 4), 32);
	if (len >= sizeof(*f)) {
		items(out, size, "xmm_space", f->xmm_space, 64, 64);
		items(out, size, "padding", f->padding, 24, 24);
	}
#else
	field(out, size, "cwd", (unsigned long)f->cwd);
	field(out, size, "swd", (unsigned long)f->swd);
	field(out, size, "twd", (unsigned long)f->twd);
	field(out, size, "fip", (unsigned long)f->fip);
	field(out, size, "fcs", (unsigned long)f->fcs);
	field(out, size, "foo", (unsigned long)f->foo);
	field(out, size, "fos", (unsigned long)f->fos);
	size_t head = offsetof(struct user_fpregs_struct, st_space);
	items(out, size, "st_space", (const unsigned *)f->st_space, (unsigned)((len - head) / 4),
	      20);
#endif
	strncat(out, "}", size - strlen(out) - 1);
	return out;
}

static void regsets(pid_t c)
{
	static struct user_regs_struct r;
	static char set[2048];
	struct iovec io = {&r, sizeof(r)};
	long n = pt(PTRACE_GETREGSET, c, NT_PRSTATUS, (unsigned long)&io);
	xp_line(me, "ptrace(PTRACE_GETREGSET, %d, NT_PRSTATUS, {iov_base=%s, iov_len=%zu}) = %s", c,
		gprs(set, sizeof(set), &r, sizeof(r)), sizeof(r), xp_res(n));
	io.iov_len = 16;
	n = pt(PTRACE_GETREGSET, c, NT_PRSTATUS, (unsigned long)&io);
	xp_line(me, "ptrace(PTRACE_GETREGSET, %d, NT_PRSTATUS, {iov_base=%s, iov_len=16}) = %s", c,
		gprs(set, sizeof(set), &r, 16), xp_res(n));
	static char room[sizeof(r) + 64];
	io = (struct iovec){room, sizeof(room)};
	n = pt(PTRACE_GETREGSET, c, NT_PRSTATUS, (unsigned long)&io);
	xp_line(me,
		"ptrace(PTRACE_GETREGSET, %d, NT_PRSTATUS, {iov_base=%s, iov_len=%zu => %zu}) = %s",
		c, gprs(set, sizeof(set), (struct user_regs_struct *)room, sizeof(r)), sizeof(room),
		io.iov_len, xp_res(n));
	io.iov_len = sizeof(room);
	n = pt(PTRACE_SETREGSET, -1, NT_PRSTATUS, (unsigned long)&io);
	xp_line(me, "ptrace(PTRACE_SETREGSET, -1, NT_PRSTATUS, {iov_base=%s, iov_len=%zu}) = %s",
		gprs(set, sizeof(set), (struct user_regs_struct *)room, sizeof(room)), io.iov_len,
		xp_res(n));

	static struct user_fpregs_struct f;
	io = (struct iovec){&f, 40};
	n = pt(PTRACE_GETREGSET, c, NT_PRFPREG, (unsigned long)&io);
	xp_line(me, "ptrace(PTRACE_GETREGSET, %d, NT_FPREGSET, {iov_base=%s, iov_len=40}) = %s", c,
		fpregs(set, sizeof(set), &f, 40), xp_res(n));
}

/* x86's requests that copy a whole set: pid and data alone. */
static void whole_sets(pid_t c)
{
	static struct user_regs_struct r;
	static struct user_fpregs_struct f;
	static char set[2048];
	long n = pt(PTRACE_GETREGS, c, 0, (unsigned long)&r);
	xp_line(me, "ptrace(PTRACE_GETREGS, %d, %s) = %s", c, gprs(set, sizeof(set), &r, sizeof(r)),
		xp_res(n));
	n = pt(PTRACE_SETREGS, c, 0, (unsigned long)&r);
	xp_line(me, "ptrace(PTRACE_SETREGS, %d, %s) = %s", c, gprs(set, sizeof(set), &r, sizeof(r)),
		xp_res(n));
	n = pt(PTRACE_GETFPREGS, c, 0, (unsigned long)&f);
	xp_line(me, "ptrace(PTRACE_GETFPREGS, %d, %s) = %s", c,
		fpregs(set, sizeof(set), &f, sizeof(f)), xp_res(n));
	n = pt(PTRACE_SETFPREGS, c, 0, (unsigned long)&f);
	xp_line(me, "ptrace(PTRACE_SETFPREGS, %d, %s) = %s", c,
		fpregs(set, sizeof(set), &f, sizeof(f)), xp_res(n));
	n = pt(PTRACE_GETREGS, c, 0, 8);
	xp_line(me, "ptrace(PTRACE_GETREGS, %d, 0x8) = %s", c, xp_res(n));
	n = pt(PTRACE_SETFPREGS, c, 0, 8);
	xp_line(me, "ptrace(PTRACE_SETFPREGS, %d, 0x8) = %s", c, xp_res(n));
	n = pt(PTRACE_GETREGS, -1, 0, (unsigned long)&r);
	xp_line(me, "ptrace(PTRACE_GETREGS, -1, %p) = %s", (void *)&r, xp_res(n));
}
#endif

static int run_child(void)
{
	pid_t c = fork();
	int st;

	if (c == 0) {
		char *argv[] = {"tp_ptrace_regs", "idle", NULL};
		syscall(SYS_ptrace, PTRACE_TRACEME, 0, 0, 0);
		execv("/proc/self/exe", argv);
		_exit(1);
	}
	if (c < 0 || waitpid(c, &st, 0) != c || !WIFSTOPPED(st))
		return 1;
#if defined(__x86_64__) || defined(__i386__)
	regsets(c);
	whole_sets(c);
#endif
	kill(c, SIGKILL);
	waitpid(c, &st, 0);
	return 0;
}

static int run_idle(void)
{
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"child", run_child}, {"idle", run_idle}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_ptrace_regs", argc, argv, modes);
}
