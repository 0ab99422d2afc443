/*
 * prctl(2) option by option against a fake tracee memory, on x86_64 and i386.  Every
 * expected line is strace 6.1's for the same call (checked with a program that made it,
 * -e inject= for the options an x86 kernel refuses).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/capability.h>
#include <linux/prctl.h>
#include <linux/seccomp.h>
#include <linux/securebits.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>

#include "test_sys_harness.h"

TestSuite(sys_prctl, .init = setup, .fini = teardown);

#define PR(ret, ...) RUN("prctl", ret, __VA_ARGS__)
#define HI 0xdeadbeef00000000ULL

/* The three lines: sub-options and capabilities by name, only the arguments read. */
Test(sys_prctl, sub_options_and_capabilities)
{
	cr_expect_str_eq(
		PR(-EPERM, PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0),
		"prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0) = -1 EPERM "
		"(Operation not permitted)");
	cr_expect_str_eq(PR(1, PR_CAPBSET_READ, CAP_AUDIT_CONTROL, 7, 8, 9),
			 "prctl(PR_CAPBSET_READ, CAP_AUDIT_CONTROL) = 1");
	cr_expect_str_eq(PR(0, PR_MCE_KILL, PR_MCE_KILL_CLEAR, 0, 0, 0),
			 "prctl(PR_MCE_KILL, PR_MCE_KILL_CLEAR, 0, 0, 0) = 0");
	cr_expect_str_eq(PR(0, PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 1, 2),
			 "prctl(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0x1, 0x2) = 0");
	cr_expect_str_eq(PR(-EINVAL, PR_CAP_AMBIENT, HI | 2, HI | 13, 0, 0),
			 "prctl(PR_CAP_AMBIENT, 0xdeadbeef00000002 /* PR_CAP_AMBIENT_??? */, "
			 "0xdeadbeef0000000d, 0, 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(-EINVAL, PR_CAPBSET_DROP, HI | 21, 0, 0, 0),
			 "prctl(PR_CAPBSET_DROP, 0xdeadbeef00000015 /* CAP_??? */) = -1 EINVAL "
			 "(Invalid argument)");
}

/* An option is an int; one no row has shows its number and four words. */
Test(sys_prctl, unknown_options_and_option_width)
{
	cr_expect_str_eq(PR(-EINVAL, 0x11, HI | 2, 3, 4, 5),
			 "prctl(0x11 /* PR_??? */, 0xdeadbeef00000002, 0x3, 0x4, 0x5) = -1 EINVAL "
			 "(Invalid argument)");
	cr_expect_str_eq(PR(-EINVAL, 0, 0, 0, 0, 0),
			 "prctl(0 /* PR_??? */, 0, 0, 0, 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(0, 0x1234567800000000ULL | PR_CAPBSET_READ, CAP_CHOWN, 0, 0, 0),
			 "prctl(PR_CAPBSET_READ, CAP_CHOWN) = 0");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(PR(-EINVAL, 0x11, 0, 0, 0, 0),
			 "prctl(0x11, 0, 0, 0, 0) = -1 EINVAL (Invalid argument)");
}

Test(sys_prctl, argument_counts_and_kinds)
{
	cr_expect_str_eq(PR(0, PR_GET_KEEPCAPS, 1, 2, 3, 4), "prctl(PR_GET_KEEPCAPS) = 0");
	cr_expect_str_eq(PR(0, PR_TASK_PERF_EVENTS_DISABLE, 1, 2, 3, 4),
			 "prctl(PR_TASK_PERF_EVENTS_DISABLE) = 0");
	cr_expect_str_eq(PR(0, PR_SET_KEEPCAPS, HI | 2, 1, 2, 3),
			 "prctl(PR_SET_KEEPCAPS, 16045690981097406466) = 0");
	cr_expect_str_eq(PR(0, PR_SET_TIMERSLACK, (uint64_t)-1, 0, 0, 0),
			 "prctl(PR_SET_TIMERSLACK, -1) = 0");
	cr_expect_str_eq(PR(0, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0),
			 "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0");
	cr_expect_str_eq(
		PR(-EINVAL, PR_GET_THP_DISABLE, 1, 2, 3, 4),
		"prctl(PR_GET_THP_DISABLE, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(-EINVAL, PR_SET_MM, HI | PR_SET_MM_END_CODE, 3, 4, 5),
			 "prctl(PR_SET_MM, PR_SET_MM_END_CODE, 0x3, 0x4, 0x5) = -1 EINVAL (Invalid "
			 "argument)");
	cr_expect_str_eq(PR(-EINVAL, PR_SET_MM, 16, 3, 4, 5),
			 "prctl(PR_SET_MM, 0x10 /* PR_SET_MM_??? */, 0x3, 0x4, 0x5) = -1 EINVAL "
			 "(Invalid argument)");
	cr_expect_str_eq(PR(0, PR_SET_DUMPABLE, 0, 0, 0, 0),
			 "prctl(PR_SET_DUMPABLE, SUID_DUMP_DISABLE) = 0");
	cr_expect_str_eq(PR(-EINVAL, PR_SET_TSC, HI | 1, 0, 0, 0),
			 "prctl(PR_SET_TSC, PR_TSC_ENABLE) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(
		PR(-EINVAL, PR_SET_UNALIGN, 7, 0, 0, 0),
		"prctl(PR_SET_UNALIGN, PR_UNALIGN_NOPRINT|PR_UNALIGN_SIGBUS|0x4) = -1 EINVAL "
		"(Invalid argument)");
}

/* Bits no name covers, alone: strace's 0x400 / * SECBIT_??? * /, as an unknown enum. */
Test(sys_prctl, flags_without_a_name)
{
	cr_expect_str_eq(PR(0, PR_SET_SECUREBITS, 0x400, 0, 0, 0),
			 "prctl(PR_SET_SECUREBITS, 0x400 /* SECBIT_??? */) = 0");
	cr_expect_str_eq(
		PR(-EPERM, PR_SET_SECUREBITS, SECBIT_NOROOT_LOCKED | HI, 0, 0, 0),
		"prctl(PR_SET_SECUREBITS, SECBIT_NOROOT_LOCKED|0xdeadbeef00000000) = -1 EPERM "
		"(Operation not permitted)");
	cr_expect_str_eq(
		PR(-EINVAL, PR_PAC_SET_ENABLED_KEYS, 0x10, 0x1f, 0, 0),
		"prctl(PR_PAC_SET_ENABLED_KEYS, 0x10 /* PR_PAC_??? */, "
		"PR_PAC_APIAKEY|PR_PAC_APIBKEY|PR_PAC_APDAKEY|PR_PAC_APDBKEY|0x10, 0, 0) = -1 "
		"EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(-EINVAL, PR_PAC_RESET_KEYS, 0x10, 0, 0, 0),
			 "prctl(PR_PAC_RESET_KEYS, PR_PAC_APGAKEY, 0, 0, 0) = -1 EINVAL (Invalid "
			 "argument)");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(PR(0, PR_SET_SECUREBITS, 0x400, 0, 0, 0),
			 "prctl(0x1c /* PR_SET_SECUREBITS */, 0x400 /* SECBIT_??? */) = 0");
}

Test(sys_prctl, pdeathsig_in_and_out)
{
	static const int32_t sig = 40, neg = -2;
	map(0x1000, &sig, sizeof(sig));
	map(0x2000, &neg, sizeof(neg));
	cr_expect_str_eq(PR(0, PR_SET_PDEATHSIG, SIGKILL, 1, 2, 3),
			 "prctl(PR_SET_PDEATHSIG, SIGKILL) = 0");
	cr_expect_str_eq(PR(-EINVAL, PR_SET_PDEATHSIG, 65, 0, 0, 0),
			 "prctl(PR_SET_PDEATHSIG, 65) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(-EINVAL, PR_SET_PDEATHSIG, 0x100000009ULL, 0, 0, 0),
			 "prctl(PR_SET_PDEATHSIG, 4294967305) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(0, PR_GET_PDEATHSIG, 0x1000, 0, 0, 0),
			 "prctl(PR_GET_PDEATHSIG, [SIGRT_8]) = 0");
	cr_expect_str_eq(PR(0, PR_GET_PDEATHSIG, 0x2000, 0, 0, 0),
			 "prctl(PR_GET_PDEATHSIG, [-2]) = 0");
	cr_expect_str_eq(PR(-EFAULT, PR_GET_PDEATHSIG, 0x1000, 0, 0, 0),
			 "prctl(PR_GET_PDEATHSIG, 0x1000) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(PR(0, PR_GET_PDEATHSIG, 0x10, 0, 0, 0),
			 "prctl(PR_GET_PDEATHSIG, 0x10) = 0");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(PR(0, PR_GET_PDEATHSIG, 0x1000, 0, 0, 0),
			 "prctl(0x2 /* PR_GET_PDEATHSIG */, [40 /* SIGRT_8 */]) = 0");
}

/* The ints the kernel writes: unsigned, a flags word, an enum; the tid address a word. */
Test(sys_prctl, outputs_at_exit)
{
	static const int32_t m2 = -2, zero = 0;
	static const uint64_t tid_addr = 0x7f0000001a10, cookie = 0x1234, null = 0;
	map(0x1000, &m2, sizeof(m2));
	map(0x2000, &zero, sizeof(zero));
	map(0x3000, &tid_addr, sizeof(tid_addr));
	map(0x4000, &cookie, sizeof(cookie));
	map(0x5000, &null, sizeof(null));
	cr_expect_str_eq(PR(0, PR_GET_CHILD_SUBREAPER, 0x1000, 0, 0, 0),
			 "prctl(PR_GET_CHILD_SUBREAPER, [4294967294]) = 0");
	cr_expect_str_eq(PR(0, PR_GET_UNALIGN, 0x1000, 0, 0, 0),
			 "prctl(PR_GET_UNALIGN, [PR_UNALIGN_SIGBUS|0xfffffffc]) = 0");
	cr_expect_str_eq(PR(0, PR_GET_UNALIGN, 0x2000, 0, 0, 0), "prctl(PR_GET_UNALIGN, [0]) = 0");
	cr_expect_str_eq(PR(0, PR_GET_TSC, 0x1000, 0, 0, 0),
			 "prctl(PR_GET_TSC, [0xfffffffe /* PR_TSC_??? */]) = 0");
	cr_expect_str_eq(PR(0, PR_GET_TID_ADDRESS, 0x3000, 0, 0, 0),
			 "prctl(PR_GET_TID_ADDRESS, [0x7f0000001a10]) = 0");
	cr_expect_str_eq(PR(0, PR_GET_TID_ADDRESS, 0x5000, 0, 0, 0),
			 "prctl(PR_GET_TID_ADDRESS, [NULL]) = 0");
	cr_expect_str_eq(
		PR(0, PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0, 0x4000),
		"prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0 /* PIDTYPE_PID */, [0x1234]) = 0");
	cr_expect_str_eq(
		PR(-EINVAL, PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0, 0x4000),
		"prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0 /* PIDTYPE_PID */, 0x4000) = -1 "
		"EINVAL (Invalid argument)");
	cr_expect_str_eq(
		PR(-EINVAL, PR_SCHED_CORE, HI | 2, (uint64_t)-1, (uint64_t)-1, 0),
		"prctl(PR_SCHED_CORE, PR_SCHED_CORE_SHARE_TO, -1, 0xffffffff /* PIDTYPE_??? "
		"*/, NULL) = -1 EINVAL (Invalid argument)");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(PR(0, PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 5, 1, 0),
			 "prctl(0x3e, 0x1, 5, 0x1, NULL) = 0");
}

/* A task's name: at most 15 bytes in (a 15th without its NUL is cut), 16 out; a name that
 * runs into unreadable memory before its NUL shows the address. */
Test(sys_prctl, task_names)
{
	static const char shortname[] = "short", fifteen[] = "0123456789abcde", noterm[] = "xxxx";
	map(0x1000, shortname, sizeof(shortname));
	map(0x2000, fifteen, sizeof(fifteen));
	map(0x3000, noterm, 4);
	cr_expect_str_eq(PR(0, PR_SET_NAME, 0x1000, 0, 0, 0), "prctl(PR_SET_NAME, \"short\") = 0");
	cr_expect_str_eq(PR(0, PR_SET_NAME, 0x2000, 0, 0, 0),
			 "prctl(PR_SET_NAME, \"0123456789abcde\"...) = 0");
	cr_expect_str_eq(PR(0, PR_GET_NAME, 0x2000, 0, 0, 0),
			 "prctl(PR_GET_NAME, \"0123456789abcde\") = 0");
	cr_expect_str_eq(PR(-EFAULT, PR_SET_NAME, 0x3000, 0, 0, 0),
			 "prctl(PR_SET_NAME, 0x3000) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(PR(-EFAULT, PR_GET_NAME, 0x2000, 0, 0, 0),
			 "prctl(PR_GET_NAME, 0x2000) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(PR(-EFAULT, PR_SET_NAME, 0, 0, 0, 0),
			 "prctl(PR_SET_NAME, NULL) = -1 EFAULT (Bad address)");
	opts.strsize = 4;
	cr_expect_str_eq(PR(0, PR_SET_NAME, 0x1000, 0, 0, 0),
			 "prctl(PR_SET_NAME, \"shor\"...) = 0");
	cr_expect_str_eq(PR(0, PR_SET_NAME, 0x3000, 0, 0, 0), "prctl(PR_SET_NAME, 0x3000) = 0");
	cr_expect_str_eq(PR(0, PR_GET_NAME, 0x2000, 0, 0, 0),
			 "prctl(PR_GET_NAME, \"0123\"...) = 0");
	opts.strsize = 3;
	cr_expect_str_eq(PR(0, PR_SET_NAME, 0x3000, 0, 0, 0), "prctl(PR_SET_NAME, \"xxx\"...) = 0");
}

/* Results strace names: a name in every -X style, or flags in hex that -X raw leaves bare. */
Test(sys_prctl, results)
{
	cr_expect_str_eq(PR(1, PR_GET_DUMPABLE, 0, 0, 0, 0),
			 "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
	cr_expect_str_eq(PR(3, PR_GET_DUMPABLE, 0, 0, 0, 0), "prctl(PR_GET_DUMPABLE) = 3");
	cr_expect_str_eq(PR(2, PR_MCE_KILL_GET, 0, 0, 0, 0),
			 "prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = 2 (PR_MCE_KILL_DEFAULT)");
	cr_expect_str_eq(PR(0x10, PR_GET_SECUREBITS, 0, 0, 0, 0),
			 "prctl(PR_GET_SECUREBITS) = 0x10 (SECBIT_KEEP_CAPS)");
	cr_expect_str_eq(PR(0, PR_GET_SECUREBITS, 0, 0, 0, 0), "prctl(PR_GET_SECUREBITS) = 0");
	cr_expect_str_eq(PR(0x80000000, PR_GET_FP_MODE, 0, 0, 0, 0),
			 "prctl(PR_GET_FP_MODE) = 0x80000000");
	cr_expect_str_eq(PR(0, PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0),
			 "prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = 0 "
			 "(PR_SPEC_NOT_AFFECTED)");
	cr_expect_str_eq(PR(0, PR_GET_SPECULATION_CTRL, 0x100000001ULL, 0, 0, 0),
			 "prctl(PR_GET_SPECULATION_CTRL, 0x100000001 /* PR_SPEC_??? */) = 0 "
			 "(SUID_DUMP_DISABLE)");
	cr_expect_str_eq(PR((int64_t)(HI | 2), PR_GET_TIMERSLACK, 0, 0, 0, 0),
			 "prctl(PR_GET_TIMERSLACK) = 16045690981097406466");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(PR(1, PR_GET_DUMPABLE, 0, 0, 0, 0), "prctl(0x3) = 1 (SUID_DUMP_USER)");
	cr_expect_str_eq(PR(0x10, PR_GET_SECUREBITS, 0, 0, 0, 0), "prctl(0x1b) = 0x10");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		PR(0x3, PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0),
		"prctl(0x34 /* PR_GET_SPECULATION_CTRL */, 0 /* PR_SPEC_STORE_BYPASS */) = 0x3 "
		"(PR_SPEC_PRCTL|PR_SPEC_ENABLE)");
}

Test(sys_prctl, speculation_seccomp_vma)
{
	/* struct sock_fprog on x86_64: a u16, padding, the filter's address at byte 8. */
	static uint8_t prog[16] = {4, 0};
	uint64_t filter = 0x7f0000002000;
	memcpy(prog + 8, &filter, sizeof(filter));
	map(0x1000, prog, sizeof(prog));
	map(0x2000, "myname", 7);
	cr_expect_str_eq(
		PR(-EINVAL, PR_SET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH, 0x40, 1, 2),
		"prctl(PR_SET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH, 0x40 /* PR_SPEC_??? */) = -1 "
		"EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(-EINVAL, PR_SET_SPECULATION_CTRL, 5, PR_SPEC_ENABLE, 1, 2),
			 "prctl(PR_SET_SPECULATION_CTRL, 0x5 /* PR_SPEC_??? */, 0x2) = -1 EINVAL "
			 "(Invalid argument)");
	cr_expect_str_eq(
		PR(0, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, 0x1000, 1, 2),
		"prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=4, filter=0x7f0000002000}) = 0");
	cr_expect_str_eq(
		PR(-EFAULT, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, 0x10, 0, 0),
		"prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, 0x10) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(
		PR(-EINVAL, PR_SET_SECCOMP, SECCOMP_MODE_STRICT, 0x10, 1, 2),
		"prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(-EINVAL, PR_SET_SECCOMP, SECCOMP_MODE_DISABLED, 0x10, 1, 2),
			 "prctl(PR_SET_SECCOMP, SECCOMP_MODE_DISABLED, 0x10, 0x1, 0x2) = -1 EINVAL "
			 "(Invalid argument)");
	cr_expect_str_eq(
		PR(-EINVAL, PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x7f0000000000, 4096, 0x2000),
		"prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x7f0000000000, 4096, \"myname\") = -1 "
		"EINVAL (Invalid argument)");
	cr_expect_str_eq(
		PR(-EINVAL, PR_SET_VMA, 1, 0x7f0000000000, 4096, 0),
		"prctl(PR_SET_VMA, 0x1 /* PR_SET_VMA_??? */, 0x7f0000000000, 0x1000, 0) = -1 "
		"EINVAL (Invalid argument)");
}

/* The words made of fields: a vector length, the tagged address control, the tracer. */
Test(sys_prctl, composite_words)
{
	uint64_t tagged = PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_ASYNC | (5ULL << PR_MTE_TAG_SHIFT);
	cr_expect_str_eq(
		PR(-EINVAL, PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC | PR_SVE_VL_INHERIT | 32, 0, 0, 0),
		"prctl(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0x20) = -1 EINVAL "
		"(Invalid argument)");
	cr_expect_str_eq(PR(-EINVAL, PR_SVE_SET_VL, 16, 0, 0, 0),
			 "prctl(PR_SVE_SET_VL, 0x10) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(0x20000, PR_SME_GET_VL, 0, 0, 0, 0),
			 "prctl(PR_SME_GET_VL) = 0x20000 (PR_SME_VL_INHERIT|0)");
	cr_expect_str_eq(PR(3, PR_SVE_GET_VL, 0, 0, 0, 0), "prctl(PR_SVE_GET_VL) = 0x3");
	cr_expect_str_eq(PR(0x60003, PR_SME_SET_VL, 0x20, 0, 0, 0),
			 "prctl(PR_SME_SET_VL, 0x20) = 0x60003 "
			 "(PR_SME_SET_VL_ONEXEC|PR_SME_VL_INHERIT|0x3)");
	cr_expect_str_eq(
		PR(-EINVAL, PR_SET_TAGGED_ADDR_CTRL, tagged, 0, 0, 0),
		"prctl(PR_SET_TAGGED_ADDR_CTRL, "
		"PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_ASYNC|0x5<<PR_MTE_TAG_SHIFT, 0, 0, 0) = -1 "
		"EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(0x20000, PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0),
			 "prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0) = 0x20000 "
			 "(!PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE|0x4000<<PR_MTE_TAG_SHIFT)");
	cr_expect_str_eq(
		PR(-EINVAL, PR_SET_PTRACER, 0xffffffff, 0, 0, 0),
		"prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(-EINVAL, PR_SET_PTRACER, (uint64_t)-2, 0, 0, 0),
			 "prctl(PR_SET_PTRACER, -2) = -1 EINVAL (Invalid argument)");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(PR(-EINVAL, PR_SET_TAGGED_ADDR_CTRL, tagged, 0, 0, 0),
			 "prctl(0x37, 0x2d, 0, 0, 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(-EINVAL, PR_SET_PTRACER, (uint64_t)-1, 0, 0, 0),
			 "prctl(0x59616d61, -1) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(0x60003, PR_SVE_GET_VL, 0, 0, 0, 0), "prctl(0x33) = 0x60003");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(
		PR(-EINVAL, PR_SET_TAGGED_ADDR_CTRL, 0, 1, 2, 3),
		"prctl(0x37 /* PR_SET_TAGGED_ADDR_CTRL */, 0 /* "
		"!PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE */, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid "
		"argument)");
	cr_expect_str_eq(
		PR(-EINVAL, PR_SET_PTRACER, (uint64_t)-1, 0, 0, 0),
		"prctl(0x59616d61 /* PR_SET_PTRACER */, -1 /* PR_SET_PTRACER_ANY */) = -1 EINVAL "
		"(Invalid argument)");
	cr_expect_str_eq(
		PR(-EINVAL, PR_SVE_SET_VL, 0x60020, 0, 0, 0),
		"prctl(0x32 /* PR_SVE_SET_VL */, 0x60020 /* "
		"PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0x20 */) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(PR(0x60003, PR_SVE_GET_VL, 0, 0, 0, 0),
			 "prctl(0x33 /* PR_SVE_GET_VL */) = 0x60003 "
			 "(PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0x3)");
}

/* arch_prctl: an output word at exit (a pointer), ARCH_GET_CPUID without an argument. */
Test(sys_prctl, arch_prctl_codes)
{
	static const uint64_t fs = 0x7f0000001740, zero = 0;
	map(0x1000, &fs, sizeof(fs));
	map(0x2000, &zero, sizeof(zero));
	cr_expect_str_eq(RUN("arch_prctl", 0, 0x1003, 0x1000),
			 "arch_prctl(ARCH_GET_FS, [0x7f0000001740]) = 0");
	cr_expect_str_eq(RUN("arch_prctl", 0, 0x1004, 0x2000),
			 "arch_prctl(ARCH_GET_GS, [NULL]) = 0");
	cr_expect_str_eq(RUN("arch_prctl", -EFAULT, 0x1004, 0),
			 "arch_prctl(ARCH_GET_GS, NULL) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("arch_prctl", 0, 0x1022, 0x1000),
			 "arch_prctl(ARCH_GET_XCOMP_PERM, [0x7f0000001740]) = 0");
	cr_expect_str_eq(RUN("arch_prctl", 1, 0x1011, 0x1234), "arch_prctl(ARCH_GET_CPUID) = 1");
	cr_expect_str_eq(RUN("arch_prctl", -EPERM, 0xdeadbeef00001001ULL, 0xbadfaceddeadbeefULL),
			 "arch_prctl(ARCH_SET_GS, 0xbadfaceddeadbeef) = -1 EPERM (Operation not "
			 "permitted)");
	cr_expect_str_eq(RUN("arch_prctl", -EINVAL, 0, 0),
			 "arch_prctl(0 /* ARCH_??? */, 0) = -1 EINVAL (Invalid argument)");
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("arch_prctl", -EINVAL, 0, 0),
			 "arch_prctl(0, 0) = -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("arch_prctl", 1, 0x1011, 0), "arch_prctl(0x1011) = 1");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(RUN("arch_prctl", -EPERM, 0x1001, 0xbadfaceddeadbeefULL),
			 "arch_prctl(0x1001 /* ARCH_SET_GS */, 0xbadfaceddeadbeef) = -1 EPERM "
			 "(Operation not permitted)");
}

/* i386: words are 32 bits, the tid address and the fprog's pointer too. */
static void setup_i386(void)
{
	setup();
	harness_abi = ABI_I386;
}

Test(sys_prctl, i386_words, .init = setup_i386)
{
	static const uint8_t fprog[8] = {4, 0, 0, 0, 0x40, 0x30, 0x20, 0x10};
	static const uint32_t tid_addr[2] = {0xf7d01a10, 0xdeadbeef};
	map(0x1000, fprog, sizeof(fprog));
	map(0x2000, tid_addr, sizeof(tid_addr));
	cr_expect_str_eq(
		PR(0, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, 0x1000, 0, 0),
		"prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=4, filter=0x10203040}) = 0");
	cr_expect_str_eq(PR(0, PR_GET_TID_ADDRESS, 0x2000, 0, 0, 0),
			 "prctl(PR_GET_TID_ADDRESS, [0xf7d01a10]) = 0");
	cr_expect_str_eq(PR(0, PR_SET_TIMERSLACK, 0xffffffff, 0, 0, 0),
			 "prctl(PR_SET_TIMERSLACK, 4294967295) = 0");
	cr_expect_str_eq(PR(0xffffff00, PR_GET_TIMERSLACK, 0, 0, 0, 0),
			 "prctl(PR_GET_TIMERSLACK) = 4294967040");
	cr_expect_str_eq(PR(0x80000010, PR_GET_SECUREBITS, 0, 0, 0, 0),
			 "prctl(PR_GET_SECUREBITS) = 0x80000010 (SECBIT_KEEP_CAPS|0x80000000)");
	cr_expect_str_eq(
		PR(-EINVAL, PR_CAP_AMBIENT, HI | 2, 13, 0, 0),
		"prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0) = -1 EINVAL "
		"(Invalid argument)");
}
