/* The seccomp-bpf compiler: run in a small BPF interpreter, then in the kernel. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "policy/policy.h"

/* Classic BPF, the subset seccomp accepts; aborts the test on anything else. */
static uint32_t bpf_run(const struct sock_filter *f, unsigned len, const struct seccomp_data *d)
{
	uint32_t a = 0;

	for (unsigned pc = 0, steps = 0; pc < len; pc++, steps++) {
		const struct sock_filter *i = &f[pc];
		cr_assert_lt(steps, 10000, "runaway program");
		switch (i->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			cr_assert(i->k % 4 == 0 && i->k + 4 <= sizeof(*d), "bad load %u", i->k);
			memcpy(&a, (const char *)d + i->k, 4);
			break;
		case BPF_JMP | BPF_JA:
			pc += i->k;
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
			pc += a == i->k ? i->jt : i->jf;
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			pc += a >= i->k ? i->jt : i->jf;
			break;
		case BPF_RET | BPF_K:
			return i->k;
		default:
			cr_assert_fail("unexpected opcode %#x at %u", i->code, pc);
		}
		cr_assert_lt(pc + 1, len + 1, "jump out of the program at %u", pc);
	}
	cr_assert_fail("fell off the end");
	return 0;
}

static struct policy *parse_ok(const char *text)
{
	struct policy *p = NULL;
	char err[256] = "";
	cr_assert_eq(policy_parse("t", text, strlen(text), &p, err, sizeof(err)), 0, "%s", err);
	return p;
}

static int nr_of(const struct ptrc_abi *abi, const char *name)
{
	for (unsigned i = 0; i < abi->systab->len; i++)
		if (!strcmp(abi->systab->entries[i].name, name))
			return (int)abi->systab->entries[i].nr;
	cr_assert_fail("no %s in %s", name, abi->name);
	return -1;
}

static uint32_t run_call(const struct policy_bpf *b, const struct ptrc_abi *abi, int nr,
			 uint64_t arg0)
{
	struct seccomp_data d = {.nr = nr, .arch = abi->audit_arch};
	d.args[0] = arg0;
	return bpf_run(b->insns, b->len, &d);
}

static const uint32_t TRACE_CHECK = SECCOMP_RET_TRACE | POLICY_BPF_CHECK;
static const uint32_t TRACE_DENY = SECCOMP_RET_TRACE | POLICY_BPF_DENY;
static const uint32_t TRACE_ARCH = SECCOMP_RET_TRACE | POLICY_BPF_ARCH;

/* Every syscall of every ABI gets the action its static verdict says. */
Test(policy_bpf, interpreter_every_number)
{
	struct policy *p = parse_ok("allow @default @basic-io @memory\n"
				    "deny write\n" /* @basic-io comes first: write stays allowed */
				    "deny kill\n"
				    "allow openat path=/usr/**\n"
				    "allow socket family=unix,inet\n");
	struct policy_bpf b;
	struct policy_fams f;

	cr_assert_eq(policy_bpf_compile(p, &b), 0);
	cr_assert_gt(b.len, 10);
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		const struct ptrc_abi *abi = abi_by_id((enum abi_id)id);
		for (unsigned i = 0; i < abi->systab->len; i++) {
			const struct systab_raw *e = &abi->systab->entries[i];
			enum policy_static s = policy_static_verdict(p, e->name, &f);
			uint32_t want = policy_is_multiplexer(e->name) ? TRACE_CHECK
					: s == POLICY_S_ALLOW	       ? SECCOMP_RET_ALLOW
					: s == POLICY_S_DENY	       ? TRACE_DENY
								       : TRACE_CHECK;
			if (s == POLICY_S_FAMILY)
				continue;
			cr_assert_eq(run_call(&b, abi, (int)e->nr, 0), want, "%s %s", abi->name,
				     e->name);
		}
		int sock = nr_of(abi, "socket");
		cr_assert_eq(run_call(&b, abi, sock, AF_UNIX), SECCOMP_RET_ALLOW);
		cr_assert_eq(run_call(&b, abi, sock, AF_INET), SECCOMP_RET_ALLOW);
		cr_assert_eq(run_call(&b, abi, sock, AF_INET6), TRACE_CHECK);
		cr_assert_eq(run_call(&b, abi, nr_of(abi, "read"), 0), SECCOMP_RET_ALLOW);
		cr_assert_eq(run_call(&b, abi, nr_of(abi, "kill"), 0), TRACE_DENY);
		cr_assert_eq(run_call(&b, abi, nr_of(abi, "openat"), 0), TRACE_CHECK);
		cr_assert_eq(run_call(&b, abi, 60000, 0), TRACE_DENY); /* unnamed: the default */
	}
	const struct ptrc_abi *x64 = abi_by_id(ABI_X86_64);
	cr_assert_eq(run_call(&b, x64, (int)(0x40000000 | 0), 0), TRACE_ARCH); /* x32 read */
	struct seccomp_data d = {.nr = 0, .arch = AUDIT_ARCH_PPC64LE};	       /* no ABI of ptrc */
	cr_assert_eq(bpf_run(b.insns, b.len, &d), TRACE_ARCH);
	policy_bpf_free(&b);
	policy_free(p);
}

Test(policy_bpf, default_allow)
{
	struct policy *p = parse_ok("default allow\ndeny ptrace\nallow openat path=/x\n");
	struct policy_bpf b;
	const struct ptrc_abi *abi = abi_by_id(ABI_I386);

	cr_assert_eq(policy_bpf_compile(p, &b), 0);
	cr_assert_eq(run_call(&b, abi, nr_of(abi, "ptrace"), 0), TRACE_DENY);
	cr_assert_eq(run_call(&b, abi, nr_of(abi, "openat"), 0), TRACE_CHECK);
	cr_assert_eq(run_call(&b, abi, nr_of(abi, "getpid"), 0), SECCOMP_RET_ALLOW);
	cr_assert_eq(run_call(&b, abi, 60000, 0), SECCOMP_RET_ALLOW);
	policy_bpf_free(&b);
	policy_free(p);
}

/*
 * The real kernel: a child installs the filter and, with no tracer, every
 * SECCOMP_RET_TRACE call fails with ENOSYS while allowed calls run.  The
 * child reports through its exit status which check failed.
 */
static int child_checks(void)
{
	if (syscall(SYS_getpid) <= 0)
		return 10;
	errno = 0;
	if (syscall(SYS_getppid) != -1 || errno != ENOSYS)
		return 11; /* not allowed: trapped */
	long fd = syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0)
		return 12;
	syscall(SYS_close, fd);
	errno = 0;
	if (syscall(SYS_socket, AF_INET, SOCK_STREAM, 0) != -1 || errno != ENOSYS)
		return 13;
	errno = 0;
	if (syscall(SYS_openat, AT_FDCWD, "/", 0) != -1 || errno != ENOSYS)
		return 14; /* needs a path check */
	return 0;
}

Test(policy_bpf, kernel_enforces)
{
	struct policy *p = parse_ok("allow exit exit_group getpid close write rt_sigreturn\n"
				    "allow socket family=unix\n"
				    "allow openat path=/tmp/**\n");
	struct policy_bpf b;

	cr_assert_eq(policy_bpf_compile(p, &b), 0);
	struct sock_fprog prog = {.len = (unsigned short)b.len, .filter = b.insns};
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
			syscall(SYS_exit_group, 2);
		if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
			syscall(SYS_exit_group, errno == EINVAL ? 3 : 4);
		syscall(SYS_exit_group, child_checks());
	}
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status), "child died: %#x", status);
	cr_assert_eq(WEXITSTATUS(status), 0, "child check %d failed", WEXITSTATUS(status));
	policy_bpf_free(&b);
	policy_free(p);
}

/* The trace's calls trap whatever the policy allows; without a policy the rest run. */
static bool want_openat(void *ctx, const struct ptrc_abi *abi, uint32_t nr, const char *name)
{
	(void)ctx;
	(void)abi;
	(void)nr;
	return name && !strcmp(name, "openat");
}

Test(policy_bpf, trace_traps_only_what_it_wants)
{
	const struct policy_bpf_trap trap = {want_openat, NULL};
	const uint32_t trace = SECCOMP_RET_TRACE | POLICY_BPF_TRACE;
	struct policy *p = parse_ok("deny kill\nallow *\n");
	struct policy_bpf b;

	cr_assert_eq(policy_bpf_compile_trap(NULL, &trap, &b), 0);
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		const struct ptrc_abi *abi = abi_by_id((enum abi_id)id);
		for (unsigned i = 0; i < abi->systab->len; i++) {
			const char *name = abi->systab->entries[i].name;
			uint32_t got = run_call(&b, abi, (int)abi->systab->entries[i].nr, 0);
			cr_expect_eq(got, strcmp(name, "openat") ? SECCOMP_RET_ALLOW : trace,
				     "%s %s: %#x", abi->name, name, got);
		}
		/* A number past the table: no name, not wanted. */
		cr_expect_eq(run_call(&b, abi, 4000, 0), SECCOMP_RET_ALLOW, "%s 4000", abi->name);
	}
	struct seccomp_data other = {.nr = 1, .arch = 0x12345678};
	cr_expect_eq(bpf_run(b.insns, b.len, &other), TRACE_ARCH);
	policy_bpf_free(&b);

	/* With a policy: its denial stays a denial, the trace's call traps as the trace's. */
	cr_assert_eq(policy_bpf_compile_trap(p, &trap, &b), 0);
	const struct ptrc_abi *x = abi_by_id(ABI_X86_64);
	cr_expect_eq(run_call(&b, x, nr_of(x, "kill"), 0), TRACE_DENY);
	cr_expect_eq(run_call(&b, x, nr_of(x, "openat"), 0), trace);
	cr_expect_eq(run_call(&b, x, nr_of(x, "write"), 0), SECCOMP_RET_ALLOW);
	policy_bpf_free(&b);
	policy_free(p);
}
