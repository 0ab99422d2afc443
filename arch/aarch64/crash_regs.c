/*
 * aarch64 general-purpose registers in the NT_PRSTATUS set (the kernel's
 * struct user_pt_regs: x0-x30, sp, pc, pstate, each 64 bits).  The offsets
 * are checked against <asm/ptrace.h> on an aarch64 host, and against the
 * arm64 cross headers by tests/unit/test_arch_aarch64.c on any host.
 */
#include <capstone/capstone.h>

#include "../regs.h"

#if defined(__aarch64__)
#include <asm/ptrace.h>
#include <stddef.h>
_Static_assert(offsetof(struct user_pt_regs, sp) == 31 * 8, "user_pt_regs.sp");
_Static_assert(offsetof(struct user_pt_regs, pc) == 32 * 8, "user_pt_regs.pc");
_Static_assert(offsetof(struct user_pt_regs, pstate) == 33 * 8, "user_pt_regs.pstate");
_Static_assert(sizeof(struct user_pt_regs) == 34 * 8, "user_pt_regs size");
#endif

/* Word indexes in struct user_pt_regs: regs[31], then sp, pc, pstate. */
enum { X0 = 0, SP = 31, PC = 32, PSTATE = 33, NWORDS = 34 };

#define R(name, idx)                                                                               \
	{                                                                                          \
		name, (idx)*8, 8                                                                   \
	}
#define X(n) R("x" #n, X0 + (n))

static const struct reg_desc regs_aarch64[] = {
	R("pc", PC), R("sp", SP),
	X(0),	     X(1),
	X(2),	     X(3),
	X(4),	     X(5),
	X(6),	     X(7),
	X(8),	     X(9),
	X(10),	     X(11),
	X(12),	     X(13),
	X(14),	     X(15),
	X(16),	     X(17),
	X(18),	     X(19),
	X(20),	     X(21),
	X(22),	     X(23),
	X(24),	     X(25),
	X(26),	     X(27),
	X(28),	     X(29),
	X(30),	     R("pstate", PSTATE),
};

const struct reg_layout reg_layout_aarch64 = {
	.abi = "aarch64",
	.regset_size = NWORDS * 8,
	.regs = regs_aarch64,
	.nregs = sizeof(regs_aarch64) / sizeof(regs_aarch64[0]),
	.pc = 0,
	.sp = 1,
	.word_size = 8,
	.cs_arch = CS_ARCH_ARM64,
	.cs_mode = CS_MODE_LITTLE_ENDIAN,
};
