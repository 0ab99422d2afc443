/*
 * The aarch64 ABI on any host: its generated syscall table against the arm64 kernel
 * headers (arch_aarch64_uapi.c, compiled apart with the aarch64 UAPI flags), its register
 * layout against a set recorded under a real arm64 kernel (tests/data/, recorded by
 * tests/arch/run-aarch64.sh --record), and names meaning the same on every ABI: classes
 * and policy verdicts.
 */
#include <criterion/criterion.h>
#include <stddef.h>
#include <elf.h>
#include <errno.h>
#include <linux/audit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/abi.h"
#include "arch/generic/generic.h"
#include "arch/layout.h"
#include "arch/regs.h"
#include "crash/disasm.h"
#include "policy/policy.h"
#include "sys/sysent.h"

#ifdef PTRC_HAVE_AARCH64_UAPI
#include "arch_aarch64_uapi.h"
#endif

static long nr_in(const struct ptrc_abi *abi, const char *name)
{
	for (unsigned i = 0; i < abi->systab->len; i++)
		if (!strcmp(abi->systab->entries[i].name, name))
			return abi->systab->entries[i].nr;
	return -1;
}

static void need_table(void)
{
#ifndef PTRC_HAVE_AARCH64_UAPI
	cr_skip_test("no aarch64 UAPI headers at build time (linux-libc-dev-arm64-cross)");
#endif
}

Test(arch_aarch64, abi_by_audit_arch)
{
	const struct ptrc_abi *a = abi_by_audit_arch(AUDIT_ARCH_AARCH64);

	cr_assert_not_null(a);
	cr_assert_eq(a, abi_by_id(ABI_AARCH64));
	cr_expect_str_eq(a->name, "aarch64");
	cr_expect_eq(a->elf_machine, EM_AARCH64);
	cr_expect_eq(a->elf_class, ELFCLASS64);
	cr_expect_eq(a->word_size, 8);
	cr_expect_eq(a->nr_mask, 0);
}

#ifdef PTRC_HAVE_AARCH64_UAPI
Test(arch_aarch64, table_matches_the_headers)
{
	const struct ptrc_abi *a = abi_by_id(ABI_AARCH64);

	cr_assert_gt(a->systab->len, 250);
	for (const struct a64_uapi_nr *u = a64_uapi_nrs; u->name; u++)
		cr_expect_eq(nr_in(a, u->name), u->nr, "%s: table %ld, <asm/unistd.h> %d", u->name,
			     nr_in(a, u->name), u->nr);
	/* Sorted by name, each name once. */
	for (unsigned i = 1; i < a->systab->len; i++)
		cr_expect_lt(strcmp(a->systab->entries[i - 1].name, a->systab->entries[i].name), 0);
}

Test(arch_aarch64, no_legacy_calls)
{
	const struct ptrc_abi *a = abi_by_id(ABI_AARCH64);
	static const char *const legacy[] = {"open",   "stat", "lstat", "fork",	  "vfork", "unlink",
					     "rename", "pipe", "poll",	"select", "dup2",  "mkdir"};

	cr_expect_null(a64_uapi_absent[0], "the headers define __NR_%s", a64_uapi_absent[0]);
	for (size_t i = 0; i < sizeof(legacy) / sizeof(legacy[0]); i++) {
		cr_expect_eq(nr_in(a, legacy[i]), -1, "aarch64 has no %s", legacy[i]);
		cr_expect_geq(nr_in(abi_by_id(ABI_X86_64), legacy[i]), 0, "x86_64 has %s",
			      legacy[i]);
	}
	/* Their replacements are there, with the classes of the legacy names. */
	cr_expect_geq(nr_in(a, "openat"), 0);
	cr_expect_geq(nr_in(a, "newfstatat"), 0);
	const struct sysent *open = sysent_by_name("open"), *openat = sysent_by_name("openat");
	cr_assert(open && openat);
	cr_expect_eq(open->classes, openat->classes);
	const struct sysent *e = NULL;
	cr_expect_str_eq(systab_lookup(a, (uint64_t)nr_in(a, "openat"), &e), "openat");
	cr_expect_eq(e, openat);
}

Test(arch_aarch64, register_layout_matches_the_headers)
{
	const struct reg_layout *l = &reg_layout_aarch64;

	cr_expect_eq(l->regset_size, a64_uapi_regs_size);
	cr_expect_eq(l->regs[l->pc].offset, a64_uapi_off_pc);
	cr_expect_eq(l->regs[l->sp].offset, a64_uapi_off_sp);
	for (size_t i = 0; i < l->nregs; i++) {
		if (!strcmp(l->regs[i].name, "pstate"))
			cr_expect_eq(l->regs[i].offset, a64_uapi_off_pstate);
		if (!strcmp(l->regs[i].name, "x8"))
			cr_expect_eq(l->regs[i].offset, a64_uapi_off_x8);
	}
}

/* The ABI's struct layouts are the arm64 headers', not x86's nor the host's. */
Test(arch_aarch64, struct_layouts_match_the_headers)
{
	const struct abi_layouts *l = abi_by_id(ABI_AARCH64)->layouts;

	cr_expect_eq(l->stat_size, a64_uapi_stat_size);
	cr_expect_eq(offsetof(struct generic_stat, st_size), a64_uapi_stat_off_size);
	cr_expect_eq(offsetof(struct generic_stat, st_blocks), a64_uapi_stat_off_blocks);
	cr_expect_eq(offsetof(struct generic_stat, st_mtime_sec), a64_uapi_stat_off_mtime);
	cr_expect_eq(l->statfs_size, a64_uapi_statfs_size);
	cr_expect_eq(offsetof(struct lp64_statfs, f_fsid), a64_uapi_statfs_off_fsid);
	cr_expect_eq(l->flock_size, a64_uapi_flock_size);
	cr_expect_eq(offsetof(struct lp64_flock, l_start), a64_uapi_flock_off_start);
	cr_expect_eq(l->siginfo_size, a64_uapi_siginfo_size);
	cr_expect_eq(l->epoll_event_size, a64_uapi_epoll_size);
	cr_expect_eq(l->epoll_data_off, a64_uapi_epoll_off_data);
	cr_expect_eq(l->rt_sigreturn_mask_off, a64_uapi_rt_sigframe_mask);
	cr_expect_eq(l->old_sigaction_size, 0, "arm64 has no sigaction(2)");
	cr_expect_null(l->fcntl_lk64);
}
#endif

static int index_of(const struct reg_layout *l, const char *name)
{
	for (size_t i = 0; i < l->nregs; i++)
		if (!strcmp(l->regs[i].name, name))
			return (int)i;
	return -1;
}

/* The recorded stop: "key value" lines; "wN" are the words of the NT_PRSTATUS set. */
struct recorded {
	uint64_t vals[16]; /* arch nr ip sp arg0..arg5 regset */
	uint64_t words[64];
	unsigned nwords;
};

static void load_recorded(struct recorded *r)
{
	static const char *const keys[] = {"arch", "nr",   "ip",   "sp",   "arg0",  "arg1",
					   "arg2", "arg3", "arg4", "arg5", "regset"};
	char path[512], key[32];
	unsigned long long v;

	snprintf(path, sizeof(path), "%s/tests/data/aarch64_prstatus_getpid.txt", PTRC_SOURCE_DIR);
	FILE *f = fopen(path, "re");
	cr_assert_not_null(f, "%s", path);
	memset(r, 0, sizeof(*r));
	while (fscanf(f, "%31s %lli", key, &v) == 2) {
		if (key[0] == 'w') {
			unsigned i = (unsigned)atoi(key + 1);
			cr_assert_lt(i, 64);
			r->words[i] = v;
			if (i + 1 > r->nwords)
				r->nwords = i + 1;
			continue;
		}
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			if (!strcmp(key, keys[k]))
				r->vals[k] = v;
	}
	fclose(f);
}

Test(arch_aarch64, registers_from_a_recorded_set)
{
	struct recorded r;
	uint64_t v[64];

	load_recorded(&r);
	cr_assert_eq(r.vals[0], AUDIT_ARCH_AARCH64);
	cr_assert_eq(r.vals[10], r.nwords * 8);
	const struct reg_layout *l = reg_layout_by_size(r.nwords * 8);
	cr_assert_eq(l, &reg_layout_aarch64);
	cr_assert_eq(regs_parse(l, r.words, r.nwords * 8, v), 0);
	/* What PTRACE_GET_SYSCALL_INFO said of the same stop. */
	cr_expect_eq(v[l->pc], r.vals[2]);
	cr_expect_eq(v[l->sp], r.vals[3]);
	cr_expect_eq(v[index_of(l, "x8")], r.vals[1], "x8 holds the syscall number");
	for (int i = 0; i < 6; i++) {
		char name[8];
		snprintf(name, sizeof(name), "x%d", i);
		cr_expect_eq(v[index_of(l, name)], r.vals[4 + i], "%s", name);
	}
	/* The kernel writes 0 into x7 at a syscall-entry stop. */
	cr_expect_eq(v[index_of(l, "x7")], 0);
	cr_expect_eq(l->word_size, 8);
	cr_expect_str_eq(l->abi, "aarch64");
	cr_expect_eq(regs_parse(l, r.words, 100, v), -EINVAL);
}

/* The same policy file gives the same verdicts on every ABI: rules name syscalls. */
Test(arch_aarch64, policy_verdicts_equal_across_abis)
{
	static const char text[] = "deny kill\n"
				   "allow @default @basic-io @process\n"
				   "deny @file-system\n"
				   "allow @network-io\n";
	struct policy *p = NULL;
	char err[256] = "";
	struct policy_verdict v, w;
	unsigned compared = 0;

	cr_assert_eq(policy_parse("x.policy", text, strlen(text), &p, err, sizeof(err)), 0, "%s",
		     err);
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		const struct ptrc_abi *abi = abi_by_id((enum abi_id)id);
		for (unsigned i = 0; i < abi->systab->len; i++) {
			const struct systab_raw *e = &abi->systab->entries[i];
			policy_check(p, abi, e->nr, NULL, &v);
			policy_check_name(p, e->name, NULL, &w);
			cr_assert_eq(v.action, w.action, "%s %s", abi->name, e->name);
			cr_assert_eq(v.rule, w.rule, "%s %s", abi->name, e->name);
			/* A name every ABI has gets that verdict on every ABI. */
			for (unsigned o = 0; o < ABI_COUNT; o++) {
				const struct ptrc_abi *other = abi_by_id((enum abi_id)o);
				long nr = nr_in(other, e->name);
				if (o == id || nr < 0)
					continue;
				policy_check(p, other, (uint64_t)nr, NULL, &w);
				cr_assert_eq(v.action, w.action, "%s: %s and %s differ", e->name,
					     abi->name, other->name);
				compared++;
			}
		}
	}
	cr_expect_gt(compared, 500);
	/* The legacy call on x86_64 and its replacement on aarch64 fall in the same group. */
	policy_check(p, abi_by_id(ABI_X86_64), (uint64_t)nr_in(abi_by_id(ABI_X86_64), "open"), NULL,
		     &v);
	cr_expect_eq(v.action, POLICY_DENY);
#ifdef PTRC_HAVE_AARCH64_UAPI
	const struct ptrc_abi *a = abi_by_id(ABI_AARCH64);
	policy_check(p, a, (uint64_t)nr_in(a, "openat"), NULL, &w);
	cr_expect_eq(w.action, POLICY_DENY);
	cr_expect_eq(w.rule, v.rule, "open and openat: the @file-system rule");
	policy_check(p, a, (uint64_t)nr_in(a, "clone"), NULL, &w);
	cr_expect_eq(w.action, POLICY_ALLOW);
#endif
	need_table();
	policy_free(p);
}

/* A crash's access kind comes from the ABI's decoder: an arm64 store writes, a load reads. */
Test(arch_aarch64, faulting_instruction_access)
{
	/* str w1, [x0]; ldr w0, [x0]; stp x29, x30, [sp, #-16]!; ldp x29, x30, [sp], #16; ret */
	static const uint8_t code[] = {0x01, 0x00, 0x00, 0xb9, 0x00, 0x00, 0x40, 0xb9, 0xfd, 0x7b,
				       0xbf, 0xa9, 0xfd, 0x7b, 0xc1, 0xa8, 0xc0, 0x03, 0x5f, 0xd6};
	const struct tmem_region r[] = {{0x400000, code, sizeof(code)}};
	static const enum fault_access want[] = {FAULT_ACCESS_WRITE, FAULT_ACCESS_READ,
						 FAULT_ACCESS_WRITE, FAULT_ACCESS_READ,
						 FAULT_ACCESS_UNKNOWN};
	struct tmem_fake fake;
	struct tmem mem;
	struct arena ar = {0};
	struct crash_disasm dis;

	tmem_fake_init(&fake, &mem, r, 1);
	for (unsigned i = 0; i < 5; i++) {
		uint64_t pc = 0x400000 + 4 * i;
		cr_assert_eq(
			crash_disasm(&mem, abi_by_id(ABI_AARCH64), pc, 0x400000, 2, 0, &ar, &dis),
			0);
		cr_expect_eq(dis.access, want[i], "instruction %u", i);
	}
	arena_free(&ar);
}
