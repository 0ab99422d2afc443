/*
 * x86_64 general-purpose registers in the NT_PRSTATUS set (struct user_regs_struct).
 * Word indexes, so that any build machine has them; checked against <sys/user.h> on x86_64.
 */
#include <capstone/capstone.h>

#include "../regs.h"

/* The order of struct user_regs_struct (the kernel's pt_regs as ptrace shows it). */
enum {
	R15,
	R14,
	R13,
	R12,
	RBP,
	RBX,
	R11,
	R10,
	R9,
	R8,
	RAX,
	RCX,
	RDX,
	RSI,
	RDI,
	ORIG_RAX,
	RIP,
	CS,
	EFLAGS,
	RSP,
	SS,
	FS_BASE,
	GS_BASE,
	DS,
	ES,
	FS,
	GS,
	NWORDS
};

#if defined(__x86_64__)
#include <stddef.h>
#include <sys/user.h>
#define CHECK(name, idx) _Static_assert(offsetof(struct user_regs_struct, name) == (idx)*8, #name);
CHECK(r15, R15)
CHECK(rbp, RBP)
CHECK(rax, RAX)
CHECK(orig_rax, ORIG_RAX)
CHECK(rip, RIP)
CHECK(rsp, RSP)
CHECK(fs_base, FS_BASE)
CHECK(gs, GS)
_Static_assert(sizeof(struct user_regs_struct) == NWORDS * 8, "user_regs_struct size");
#endif

#define R(name, idx)                                                                               \
	{                                                                                          \
		name, (idx)*8, 8                                                                   \
	}

static const struct reg_desc regs_x86_64[] = {
	R("rip", RIP),	       R("rsp", RSP),	      R("rbp", RBP),
	R("rax", RAX),	       R("rbx", RBX),	      R("rcx", RCX),
	R("rdx", RDX),	       R("rsi", RSI),	      R("rdi", RDI),
	R("r8", R8),	       R("r9", R9),	      R("r10", R10),
	R("r11", R11),	       R("r12", R12),	      R("r13", R13),
	R("r14", R14),	       R("r15", R15),	      R("eflags", EFLAGS),
	R("cs", CS),	       R("ss", SS),	      R("ds", DS),
	R("es", ES),	       R("fs", FS),	      R("gs", GS),
	R("fs_base", FS_BASE), R("gs_base", GS_BASE), R("orig_rax", ORIG_RAX),
};

/* The psABI's DWARF numbers 0..16: rax rdx rcx rbx rsi rdi rbp rsp r8..r15 rip (indexes above). */
static const uint8_t dwarf_x86_64[] = {3, 6, 5, 4, 7, 8, 2, 1, 9, 10, 11, 12, 13, 14, 15, 16, 0};

const struct reg_layout reg_layout_x86_64 = {
	.abi = "x86_64",
	.regset_size = NWORDS * 8,
	.regs = regs_x86_64,
	.nregs = sizeof(regs_x86_64) / sizeof(regs_x86_64[0]),
	.pc = 0,
	.sp = 1,
	.word_size = 8,
	.cs_arch = CS_ARCH_X86,
	.cs_mode = CS_MODE_64,
	.dwarf = dwarf_x86_64,
	.ndwarf = sizeof(dwarf_x86_64),
};
