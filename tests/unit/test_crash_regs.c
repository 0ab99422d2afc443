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

#include "arch/abi.h"
#include "crash/lastsc.h"
#include "out/fmt_text.h"

static uint64_t nr_in(const struct ptrc_abi *abi, const char *name)
{
	for (unsigned i = 0; i < abi->systab->len; i++)
		if (!strcmp(abi->systab->entries[i].name, name))
			return abi->systab->entries[i].nr;
	cr_assert_fail("no %s", name);
	return 0;
}

/* Records a call as the event loop does: started from its registers, then its result. */
static void record(struct crash_ring *r, const struct tmem *mem, struct arena *ar, uint64_t nr,
		   const uint64_t regs[6], int ret_kind, int64_t ret)
{
	struct sc_event ev;

	sys_call_start(&ev, abi_by_id(ABI_X86_64), nr, regs, mem, ar);
	struct crash_sc *sc = crash_ring_enter(r, &ev);
	if (ret_kind)
		crash_ring_exit(sc, ret, ret_kind < 0);
}

/*
 * The ring keeps the last N calls, oldest first, and a report decodes them
 * with the trace's own decoders: an assert's message reads as the write of
 * that text, mmap returns an address, an error its name.
 */
Test(lastsc, ring_decodes_the_last_calls_as_the_trace_would)
{
	static const char msg[] = "a.out: x.c:3: main: Assertion `0' failed.\n";
	const struct tmem_region mr[] = {{0x5000, msg, sizeof(msg) - 1}};
	const struct ptrc_abi *abi = abi_by_id(ABI_X86_64);
	struct decode_opts opt = {.strsize = 32};
	struct tmem_fake fake;
	struct tmem mem;
	struct crash_ring r;
	struct arena ar = {0};
	struct sc_event *ev;
	struct strbuf sb = {0};

	tmem_fake_init(&fake, &mem, mr, 1);
	crash_ring_init(&r, 4);
	record(&r, &mem, &ar, nr_in(abi, "getpid"), (uint64_t[6]){0}, 1, 7);
	record(&r, &mem, &ar, nr_in(abi, "close"), (uint64_t[6]){9}, -1, -EBADF);
	record(&r, &mem, &ar, nr_in(abi, "mmap"), (uint64_t[6]){0, 4096, 3, 0x22, -1ULL, 0}, 1,
	       0x7f0000001000);
	record(&r, &mem, &ar, nr_in(abi, "write"), (uint64_t[6]){2, 0x5000, sizeof(msg) - 1}, 1,
	       (int64_t)sizeof(msg) - 1);
	record(&r, &mem, &ar, 0xbad, (uint64_t[6]){1, 2, 3, 4, 5, 6}, 0, 0);
	cr_assert_eq(crash_ring_decode(&r, &mem, &opt, &ar, &ev), 4);
	static const char *const want[] = {
		"close(9) = -1 EBADF (Bad file descriptor)",
		"mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = "
		"0x7f0000001000",
		"write(2, \"a.out: x.c:3: main: Assertion `0\"..., 42) = 42",
		"syscall_0xbad(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = ?",
	};
	for (unsigned i = 0; i < 4; i++) {
		strbuf_reset(&sb);
		text_call(&sb, &ev[i], &(struct text_opts){0});
		cr_expect_str_eq(sb.buf, want[i]);
	}
	crash_ring_free(&r);
	crash_ring_init(&r, 0);
	struct sc_event one;
	sys_call_start(&one, abi, nr_in(abi, "getpid"), (uint64_t[6]){0}, &mem, &ar);
	cr_expect_null(crash_ring_enter(&r, &one));
	cr_expect_eq(crash_ring_decode(&r, &mem, &opt, &ar, &ev), 0);
	strbuf_free(&sb);
	arena_free(&ar);
}
