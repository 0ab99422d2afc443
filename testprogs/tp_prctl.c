/* prctl(2) option by option, with real and wild arguments: each option's own arguments only;
 * and x86's arch_prctl(2).
 *   tp_prctl basic     run with the default -s 32
 *   tp_prctl trunc     run with -s 4: names cut at -s
 *   tp_prctl raw       run with -X raw
 *   tp_prctl verbose   run with -X verbose
 * Results that depend on the machine (privileges, the CPU, the kernel's options) are stated
 * as the call returned them.
 */
#include "expect.h"

#if defined(__x86_64__) || defined(__i386__)
#include <asm/prctl.h>
#endif

#include <errno.h>
#include <linux/capability.h>
#include <linux/prctl.h>
#include <linux/seccomp.h>
#include <linux/securebits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t me;

static long pr(unsigned long opt, unsigned long a, unsigned long b, unsigned long c,
	       unsigned long d)
{
	return syscall(SYS_prctl, opt, a, b, c, d);
}

/* A word with bits above the low 32 where the ABI has them: 0xdeadbeef00000002. */
static unsigned long wild(unsigned long low)
{
	return sizeof(long) == 8 ? (unsigned long)(0xdeadbeef00000000ULL | low) : low;
}

/* strace's names for a flags result, "0x10 (SECBIT_KEEP_CAPS)", when a name covers a bit. */
static const char *flags_res(long n, const unsigned long *bits, const char *const *names,
			     unsigned count)
{
	static char b[512];
	size_t len;
	bool any = false;

	if (n == -1)
		return xp_result(n, true);
	len = (size_t)snprintf(b, sizeof(b), n ? "%#lx" : "0", (unsigned long)n);
	for (unsigned i = 0; i < count; i++) {
		bool set = bits[i] ? (n & bits[i]) == bits[i] : n == 0;
		if (!set)
			continue;
		len += (size_t)snprintf(b + len, sizeof(b) - len, "%s%s", any ? "|" : " (",
					names[i]);
		any = true;
	}
	unsigned long known = 0;
	for (unsigned i = 0; i < count; i++)
		known |= bits[i];
	if (any && (n & ~known))
		len += (size_t)snprintf(b + len, sizeof(b) - len, "|%#lx", n & ~known);
	if (any)
		snprintf(b + len, sizeof(b) - len, ")");
	return b;
}

static const char *dumpable_res(long n)
{
	static const char *const names[] = {"SUID_DUMP_DISABLE", "SUID_DUMP_USER",
					    "SUID_DUMP_ROOT"};
	static char b[64];

	if (n < 0 || n > 2)
		return xp_result(n, true);
	snprintf(b, sizeof(b), "%ld (%s)", n, names[n]);
	return b;
}

/* Names: in at most 15 bytes, out at most 16; a name that runs into an unmapped page before
 * its NUL is an address. */
static void names(void)
{
	char buf[16];
	long n;
	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	munmap(page + 4096, 4096);
	n = pr(PR_SET_NAME, (unsigned long)"tp-prctl", 0, 0, 0);
	xp_line(me, "prctl(PR_SET_NAME, \"tp-prctl\") = %s", xp_result(n, true));
	n = pr(PR_GET_NAME, (unsigned long)buf, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_NAME, \"tp-prctl\") = %s", xp_result(n, true));
	n = pr(PR_SET_NAME, (unsigned long)"0123456789abcdefghij", 0, 0, 0);
	xp_line(me, "prctl(PR_SET_NAME, \"0123456789abcde\"...) = %s", xp_result(n, true));
	n = pr(PR_GET_NAME, (unsigned long)buf, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_NAME, \"0123456789abcde\") = %s", xp_result(n, true));
	memcpy(page + 4096 - 4, "abcd", 4);
	n = pr(PR_SET_NAME, (unsigned long)(page + 4096 - 4), 0, 0, 0);
	xp_line(me, "prctl(PR_SET_NAME, %p) = %s", (void *)(page + 4096 - 4), xp_result(n, true));
	n = pr(PR_GET_NAME, (unsigned long)(page + 4096 - 8), 0, 0, 0);
	xp_line(me, "prctl(PR_GET_NAME, %p) = %s", (void *)(page + 4096 - 8), xp_result(n, true));
	munmap(page, 4096);
}

static void signals_and_outputs(void)
{
	int sig = -1, reaper = -1, tsc = -1;
	unsigned long tid_addr = 0;
	long n;

	n = pr(PR_SET_PDEATHSIG, SIGUSR1, 7, 8, 9);
	xp_line(me, "prctl(PR_SET_PDEATHSIG, SIGUSR1) = %s", xp_result(n, true));
	n = pr(PR_GET_PDEATHSIG, (unsigned long)&sig, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_PDEATHSIG, [%s]) = %s", xp_signame(sig), xp_result(n, true));
	n = pr(PR_SET_PDEATHSIG, 65, 0, 0, 0);
	xp_line(me, "prctl(PR_SET_PDEATHSIG, 65) = %s", xp_result(n, true));
	n = pr(PR_SET_PDEATHSIG, 0, 0, 0, 0);
	xp_line(me, "prctl(PR_SET_PDEATHSIG, 0) = %s", xp_result(n, true));
	n = pr(PR_GET_PDEATHSIG, (unsigned long)&sig, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_PDEATHSIG, [%d]) = %s", sig, xp_result(n, true));
	n = pr(PR_GET_PDEATHSIG, 0, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_PDEATHSIG, NULL) = %s", xp_result(n, true));
	n = pr(PR_GET_CHILD_SUBREAPER, (unsigned long)&reaper, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_CHILD_SUBREAPER, [%u]) = %s", (unsigned)reaper,
		xp_result(n, true));
	n = pr(PR_GET_TID_ADDRESS, (unsigned long)&tid_addr, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_TID_ADDRESS, [%#lx]) = %s", tid_addr, xp_result(n, true));
	n = pr(PR_GET_TSC, (unsigned long)&tsc, 0, 0, 0);
	if (n == 0 && tsc == PR_TSC_ENABLE)
		xp_line(me, "prctl(PR_GET_TSC, [PR_TSC_ENABLE]) = 0");
	n = pr(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
	xp_line(me, "prctl(PR_SET_TSC, PR_TSC_ENABLE) = %s", xp_result(n, true));
}

static void capabilities_and_results(void)
{
	static const unsigned long secbits[] = {SECBIT_NOROOT,
						SECBIT_NOROOT_LOCKED,
						SECBIT_NO_SETUID_FIXUP,
						SECBIT_NO_SETUID_FIXUP_LOCKED,
						SECBIT_KEEP_CAPS,
						SECBIT_KEEP_CAPS_LOCKED,
						SECBIT_NO_CAP_AMBIENT_RAISE,
						SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED};
	static const char *const secnames[] = {"SECBIT_NOROOT",
					       "SECBIT_NOROOT_LOCKED",
					       "SECBIT_NO_SETUID_FIXUP",
					       "SECBIT_NO_SETUID_FIXUP_LOCKED",
					       "SECBIT_KEEP_CAPS",
					       "SECBIT_KEEP_CAPS_LOCKED",
					       "SECBIT_NO_CAP_AMBIENT_RAISE",
					       "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED"};
	/* Indexed by PR_MCE_KILL_LATE, _EARLY, _DEFAULT (0, 1, 2). */
	static const char *const mcenames[] = {"PR_MCE_KILL_LATE", "PR_MCE_KILL_EARLY",
					       "PR_MCE_KILL_DEFAULT"};
	long n;

	n = pr(PR_CAPBSET_READ, CAP_NET_RAW, 1, 2, 3);
	xp_line(me, "prctl(PR_CAPBSET_READ, CAP_NET_RAW) = %s", xp_result(n, true));
	n = pr(PR_CAPBSET_READ, wild(63), 0, 0, 0);
	xp_line(me, "prctl(PR_CAPBSET_READ, %#lx /* CAP_??? */) = %s", wild(63),
		xp_result(n, true));
	n = pr(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0);
	xp_line(me, "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0) = %s",
		xp_result(n, true));
	n = pr(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0);
	xp_line(me, "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0) = %s",
		xp_result(n, true));
	n = pr(PR_CAP_AMBIENT, 9, 1, 2, 3);
	xp_line(me, "prctl(PR_CAP_AMBIENT, 0x9 /* PR_CAP_AMBIENT_??? */, 0x1, 0x2, 0x3) = %s",
		xp_result(n, true));
	n = pr(PR_GET_DUMPABLE, 0, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_DUMPABLE) = %s", dumpable_res(n));
	n = pr(PR_SET_DUMPABLE, 3, 0, 0, 0);
	xp_line(me, "prctl(PR_SET_DUMPABLE, 0x3 /* SUID_DUMP_??? */) = %s", xp_result(n, true));
	n = pr(PR_MCE_KILL_GET, 0, 0, 0, 0);
	if (n >= 0 && n <= 2)
		xp_line(me, "prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = %ld (%s)", n, mcenames[n]);
	n = pr(PR_MCE_KILL, PR_MCE_KILL_SET, 7, 1, 2);
	xp_line(me, "prctl(PR_MCE_KILL, PR_MCE_KILL_SET, 0x7 /* PR_MCE_KILL_??? */, 0x1, 0x2) = %s",
		xp_result(n, true));
	n = pr(PR_GET_SECUREBITS, 0, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_SECUREBITS) = %s", flags_res(n, secbits, secnames, 8));
	n = pr(PR_GET_TIMERSLACK, 0, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_TIMERSLACK) = %s", xp_result(n, true));
	n = pr(PR_SET_TIMERSLACK, (unsigned long)-1L, 0, 0, 0);
	xp_line(me, "prctl(PR_SET_TIMERSLACK, %s) = %s", sizeof(long) == 8 ? "-1" : "4294967295",
		xp_result(n, true));
	n = pr(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) = %s", xp_result(n, true));
}

static void speculation(void)
{
	static const unsigned long bits[] = {PR_SPEC_NOT_AFFECTED,  PR_SPEC_PRCTL,
					     PR_SPEC_ENABLE,	    PR_SPEC_DISABLE,
					     PR_SPEC_FORCE_DISABLE, PR_SPEC_DISABLE_NOEXEC};
	static const char *const names[] = {"PR_SPEC_NOT_AFFECTED",  "PR_SPEC_PRCTL",
					    "PR_SPEC_ENABLE",	     "PR_SPEC_DISABLE",
					    "PR_SPEC_FORCE_DISABLE", "PR_SPEC_DISABLE_NOEXEC"};
	long n;

	n = pr(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = %s",
		flags_res(n, bits, names, 6));
	n = pr(PR_SET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH, 0x40, 1, 2);
	xp_line(me,
		"prctl(PR_SET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH, 0x40 /* PR_SPEC_??? */) = %s",
		xp_result(n, true));
	n = pr(PR_SET_SPECULATION_CTRL, 7, PR_SPEC_ENABLE, 1, 2);
	xp_line(me, "prctl(PR_SET_SPECULATION_CTRL, 0x7 /* PR_SPEC_??? */, 0x2) = %s",
		xp_result(n, true));
}

/* Options with sub-options, and the words made of fields (arm64's, refused here). */
static void sub_options(void)
{
	uint64_t cookie = 0;
	long n;

	n = pr(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, 0, 1, 2);
	xp_line(me, "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL) = %s", xp_result(n, true));
	n = pr(PR_SET_SECCOMP, wild(9), 0x10, 1, 2);
	xp_line(me, "prctl(PR_SET_SECCOMP, %#lx /* SECCOMP_MODE_??? */, 0x10, 0x1, 0x2) = %s",
		wild(9), xp_result(n, true));
	n = pr(PR_SET_MM, wild(PR_SET_MM_END_CODE), 0, 0, 0);
	xp_line(me, "prctl(PR_SET_MM, PR_SET_MM_END_CODE, 0, 0, 0) = %s", xp_result(n, true));
	n = pr(PR_SET_MM, 99, 1, 2, 3);
	xp_line(me, "prctl(PR_SET_MM, 0x63 /* PR_SET_MM_??? */, 0x1, 0x2, 0x3) = %s",
		xp_result(n, true));
	n = pr(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, PR_SCHED_CORE_SCOPE_THREAD,
	       (unsigned long)&cookie);
	if (n == 0)
		xp_line(me,
			"prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0 /* PIDTYPE_PID */, [%#llx]) "
			"= 0",
			(unsigned long long)cookie);
	else
		xp_line(me,
			"prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0 /* PIDTYPE_PID */, %p) = %s",
			(void *)&cookie, xp_result(n, true));
	n = pr(PR_SET_VMA, 7, 0, 0, 0);
	xp_line(me, "prctl(PR_SET_VMA, 0x7 /* PR_SET_VMA_??? */, 0, 0, 0) = %s",
		xp_result(n, true));
	n = pr(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
	xp_line(me, "prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, NULL) = %s",
		xp_result(n, true));
	n = pr(PR_SET_UNALIGN, 7, 0, 0, 0);
	xp_line(me, "prctl(PR_SET_UNALIGN, PR_UNALIGN_NOPRINT|PR_UNALIGN_SIGBUS|0x4) = %s",
		xp_result(n, true));
	n = pr(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC | PR_SVE_VL_INHERIT | 0x20, 0, 0, 0);
	xp_line(me, "prctl(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0x20) = %s",
		xp_result(n, true));
	n = pr(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_ASYNC | (5UL << 3), 0, 0,
	       0);
	xp_line(me,
		"prctl(PR_SET_TAGGED_ADDR_CTRL, "
		"PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|0x5<<PR_MTE_TAG_SHIFT, 0, 0, 0) = %s",
		xp_result(n, true));
	n = pr(PR_PAC_RESET_KEYS, 0x21, 0, 0, 0);
	xp_line(me, "prctl(PR_PAC_RESET_KEYS, PR_PAC_APIAKEY|0x20, 0, 0, 0) = %s",
		xp_result(n, true));
	n = pr(PR_SET_SECUREBITS, wild(0x400), 0, 0, 0);
	xp_line(me, "prctl(PR_SET_SECUREBITS, %#lx /* SECBIT_??? */) = %s", wild(0x400),
		xp_result(n, true));
	n = pr(0x11, wild(2), 3, 4, 5);
	xp_line(me, "prctl(0x11 /* PR_??? */, %#lx, 0x3, 0x4, 0x5) = %s", wild(2),
		xp_result(n, true));
}

/* x86's arch_prctl: the output word at exit, ARCH_GET_CPUID without an argument. */
static void arch(void)
{
#ifdef ARCH_GET_FS
	unsigned long fs = 0;
	long n;

	n = syscall(SYS_arch_prctl, ARCH_GET_FS, &fs);
	if (n == 0)
		xp_line(me, "arch_prctl(ARCH_GET_FS, [%#lx]) = 0", fs);
	else
		xp_line(me, "arch_prctl(ARCH_GET_FS, %p) = %s", (void *)&fs, xp_result(n, true));
	n = syscall(SYS_arch_prctl, ARCH_GET_GS, 0);
	xp_line(me, "arch_prctl(ARCH_GET_GS, NULL) = %s", xp_result(n, true));
	n = syscall(SYS_arch_prctl, ARCH_GET_CPUID, 0x1234);
	xp_line(me, "arch_prctl(ARCH_GET_CPUID) = %s", xp_result(n, true));
	n = syscall(SYS_arch_prctl, ARCH_SET_GS, wild(0xbadc0ded));
	xp_line(me, "arch_prctl(ARCH_SET_GS, %#lx) = %s", wild(0xbadc0ded), xp_result(n, true));
	n = syscall(SYS_arch_prctl, 0x1099, 0);
	xp_line(me, "arch_prctl(0x1099 /* ARCH_??? */, 0) = %s", xp_result(n, true));
#endif
}

static int run_basic(void)
{
	arch();
	names();
	signals_and_outputs();
	capabilities_and_results();
	speculation();
	sub_options();
	return 0;
}

static int run_trunc(void)
{
	char buf[16];
	long n;

	n = pr(PR_SET_NAME, (unsigned long)"abcdef", 0, 0, 0);
	xp_line(me, "prctl(PR_SET_NAME, \"abcd\"...) = %s", xp_result(n, true));
	n = pr(PR_GET_NAME, (unsigned long)buf, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_NAME, \"abcd\"...) = %s", xp_result(n, true));
	n = pr(PR_SET_NAME, (unsigned long)"abcd", 0, 0, 0);
	xp_line(me, "prctl(PR_SET_NAME, \"abcd\") = %s", xp_result(n, true));
	n = pr(PR_GET_NAME, (unsigned long)buf, 0, 0, 0);
	xp_line(me, "prctl(PR_GET_NAME, \"abcd\") = %s", xp_result(n, true));
	return 0;
}

/* The same calls under -X raw and -X verbose: each column is what strace prints. */
static int run_styles(int verbose)
{
	long n;

	n = pr(PR_SET_DUMPABLE, 1, 0, 0, 0);
	xp_line(me, "prctl(%s, %s) = %s", verbose ? "0x4 /* PR_SET_DUMPABLE */" : "0x4",
		verbose ? "0x1 /* SUID_DUMP_USER */" : "0x1", xp_result(n, true));
	n = pr(PR_GET_DUMPABLE, 0, 0, 0, 0);
	xp_line(me, "prctl(%s) = %s", verbose ? "0x3 /* PR_GET_DUMPABLE */" : "0x3",
		dumpable_res(n));
	n = pr(PR_CAPBSET_READ, CAP_NET_RAW, 0, 0, 0);
	xp_line(me, "prctl(%s, %s) = %s", verbose ? "0x17 /* PR_CAPBSET_READ */" : "0x17",
		verbose ? "0xd /* CAP_NET_RAW */" : "0xd", xp_result(n, true));
	n = pr(PR_SET_PTRACER, (unsigned long)-1L, 0, 0, 0);
	xp_line(me, "prctl(%s, %s) = %s",
		verbose ? "0x59616d61 /* PR_SET_PTRACER */" : "0x59616d61",
		verbose ? "-1 /* PR_SET_PTRACER_ANY */" : "-1", xp_result(n, true));
	n = pr(PR_SET_TAGGED_ADDR_CTRL, 0, 1, 2, 3);
	xp_line(me, "prctl(%s, %s, 0x1, 0x2, 0x3) = %s",
		verbose ? "0x37 /* PR_SET_TAGGED_ADDR_CTRL */" : "0x37",
		verbose ? "0 /* !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE */" : "0",
		xp_result(n, true));
	n = pr(PR_SET_SECCOMP, 9, 0, 0, 0);
	xp_line(me, "prctl(%s, %s, 0, 0, 0) = %s", verbose ? "0x16 /* PR_SET_SECCOMP */" : "0x16",
		verbose ? "0x9 /* SECCOMP_MODE_??? */" : "0x9", xp_result(n, true));
	n = pr(0x11, 0, 0, 0, 0);
	xp_line(me, "prctl(%s, 0, 0, 0, 0) = %s", verbose ? "0x11 /* PR_??? */" : "0x11",
		xp_result(n, true));
#ifdef ARCH_GET_FS
	n = syscall(SYS_arch_prctl, 0, 0);
	xp_line(me, "arch_prctl(%s, 0) = %s", verbose ? "0 /* ARCH_??? */" : "0",
		xp_result(n, true));
	n = syscall(SYS_arch_prctl, ARCH_SET_GS, wild(0xbadc0ded));
	xp_line(me, "arch_prctl(%s, %#lx) = %s", verbose ? "0x1001 /* ARCH_SET_GS */" : "0x1001",
		wild(0xbadc0ded), xp_result(n, true));
#endif
	return 0;
}

static int run_raw(void)
{
	return run_styles(0);
}

static int run_verbose(void)
{
	return run_styles(1);
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic},
					       {"trunc", run_trunc},
					       {"raw", run_raw},
					       {"verbose", run_verbose},
					       {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_prctl", argc, argv, modes);
}
