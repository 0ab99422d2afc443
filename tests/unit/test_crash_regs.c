/* Register layouts and parsing per ABI, si_code names, and the "will it kill" decision. */
#include <criterion/criterion.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/user.h>

#include "arch/regs.h"
#include "crash/sigcode.h"

static int index_of(const struct reg_layout *l, const char *name)
{
	for (size_t i = 0; i < l->nregs; i++)
		if (!strcmp(l->regs[i].name, name))
			return (int)i;
	return -1;
}

Test(regs, x86_64_from_a_recorded_set)
{
	struct user_regs_struct r;
	uint64_t v[64];
	const struct reg_layout *l = reg_layout_by_size(sizeof(r));

	cr_assert_eq(l, &reg_layout_x86_64);
	memset(&r, 0, sizeof(r));
	r.rip = 0x555555555149;
	r.rsp = 0x7ffffffde000;
	r.rax = 0;
	r.r15 = 0x1515;
	r.eflags = 0x10246;
	cr_assert_eq(regs_parse(l, &r, sizeof(r), v), 0);
	cr_expect_eq(v[l->pc], 0x555555555149);
	cr_expect_eq(v[l->sp], 0x7ffffffde000);
	cr_expect_eq(v[index_of(l, "r15")], 0x1515);
	cr_expect_eq(v[index_of(l, "eflags")], 0x10246);
	cr_expect_str_eq(l->regs[0].name, "rip");
	/* All 16 general-purpose registers are there. */
	static const char *const gpr[] = {"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
					  "r8",	 "r9",	"r10", "r11", "r12", "r13", "r14", "r15"};
	for (size_t i = 0; i < 16; i++)
		cr_expect_geq(index_of(l, gpr[i]), 0, "no %s", gpr[i]);
	cr_expect_eq(regs_parse(l, &r, 100, v), -EINVAL);
}

Test(regs, i386_from_a_recorded_set)
{
	uint32_t words[17] = {0};
	uint64_t v[32];
	const struct reg_layout *l = reg_layout_by_size(sizeof(words));

	cr_assert_eq(l, &reg_layout_i386);
	words[12] = 0x8049000;	/* eip */
	words[15] = 0xffffd000; /* esp */
	words[6] = 0xdeadbeef;	/* eax */
	cr_assert_eq(regs_parse(l, words, sizeof(words), v), 0);
	cr_expect_eq(v[l->pc], 0x8049000);
	cr_expect_eq(v[l->sp], 0xffffd000);
	cr_expect_eq(v[index_of(l, "eax")], 0xdeadbeef);
	cr_expect_eq(l->word_size, 4);
	cr_expect_null(reg_layout_by_size(12));
}

Test(sigcode, names)
{
	cr_expect_str_eq(crash_code_name(SIGSEGV, SEGV_MAPERR), "SEGV_MAPERR");
	cr_expect_str_eq(crash_code_name(SIGSEGV, SEGV_ACCERR), "SEGV_ACCERR");
	cr_expect_str_eq(crash_code_name(SIGBUS, BUS_ADRALN), "BUS_ADRALN");
	cr_expect_str_eq(crash_code_name(SIGFPE, FPE_INTDIV), "FPE_INTDIV");
	cr_expect_str_eq(crash_code_name(SIGILL, ILL_ILLOPN), "ILL_ILLOPN");
	cr_expect_str_eq(crash_code_name(SIGABRT, SI_TKILL), "SI_TKILL");
	cr_expect_str_eq(crash_code_name(SIGSEGV, SI_KERNEL), "SI_KERNEL");
	cr_expect_null(crash_code_name(SIGSEGV, 99));
	cr_expect(crash_has_addr(SIGSEGV, SEGV_MAPERR));
	cr_expect(!crash_has_addr(SIGSEGV, SI_USER));
	cr_expect(!crash_has_addr(SIGABRT, SI_TKILL));
}

Test(sigcode, fatal_or_handled)
{
	uint64_t segv = 1ULL << (SIGSEGV - 1), abrt = 1ULL << (SIGABRT - 1);

	cr_expect(crash_is_fatal(SIGSEGV, SEGV_MAPERR, 0, 0, 0), "default action");
	cr_expect(!crash_is_fatal(SIGSEGV, SEGV_MAPERR, segv, 0, 0), "handled");
	cr_expect(crash_is_fatal(SIGSEGV, SEGV_MAPERR, segv, 0, segv),
		  "handled but blocked: forced");
	cr_expect(crash_is_fatal(SIGSEGV, SEGV_MAPERR, 0, segv, 0), "ignored fault: forced");
	cr_expect(!crash_is_fatal(SIGSEGV, SI_USER, 0, segv, 0), "ignored kill()");
	cr_expect(!crash_is_fatal(SIGABRT, SI_TKILL, abrt, 0, 0), "abort() with a handler");
	cr_expect(crash_is_fatal(SIGABRT, SI_TKILL, 0, 0, 0));
}

Test(sigcode, status_masks)
{
	const char *status = "Name:\tx\nSigQ:\t0/1\nSigPnd:\t0000000000000000\n"
			     "ShdPnd:\t0000000000000000\nSigBlk:\t0000000000000400\n"
			     "SigIgn:\t0000000000001000\nSigCgt:\t0000000180000400\n";
	uint64_t cgt, ign, blk;

	cr_assert_eq(crash_parse_sigmasks(status, &cgt, &ign, &blk), 0);
	cr_expect_eq(cgt, 0x180000400);
	cr_expect_eq(ign, 0x1000);
	cr_expect_eq(blk, 0x400);
	cr_expect_eq(crash_parse_sigmasks("Name:\tx\n", &cgt, &ign, &blk), -EINVAL);
}

#include "crash/lastsc.h"

Test(lastsc, ring_keeps_the_last_n_oldest_first)
{
	struct crash_ring r;
	struct arena ar = {0};
	const char **lines;
	uint64_t args[6] = {1, 2, 3, 4, 5, 6};

	crash_ring_init(&r, 3);
	for (int i = 0; i < 5; i++) {
		struct crash_sc *sc =
			crash_ring_enter(&r, i == 3 ? NULL : "read", 1000 + i, args, 3);
		if (i < 3)
			crash_ring_exit(sc, i, false);
		else if (i == 3)
			crash_ring_exit(sc, -2, true);
	}
	cr_assert_eq(crash_ring_lines(&r, &ar, &lines), 3);
	cr_expect_str_eq(lines[0], "read(0x1, 0x2, 0x3) = 2");
	cr_expect_str_eq(lines[1], "syscall_0x3eb(0x1, 0x2, 0x3) = -1 (errno 2)");
	cr_expect_str_eq(lines[2], "read(0x1, 0x2, 0x3) = ?");
	crash_ring_free(&r);
	crash_ring_init(&r, 0);
	cr_expect_null(crash_ring_enter(&r, "read", 0, args, 1));
	cr_expect_eq(crash_ring_lines(&r, &ar, &lines), 0);
	arena_free(&ar);
}
