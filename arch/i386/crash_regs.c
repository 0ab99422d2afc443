/*
 * i386 general-purpose registers in the NT_PRSTATUS set of a 32-bit tracee
 * (the kernel's struct user_regs_struct32: 17 32-bit words).
 */
#include <capstone/capstone.h>

#include "../regs.h"

enum {
	EBX,
	ECX,
	EDX,
	ESI,
	EDI,
	EBP,
	EAX,
	XDS,
	XES,
	XFS,
	XGS,
	ORIG_EAX,
	EIP,
	XCS,
	EFLAGS,
	ESP,
	XSS,
	NWORDS
};

#define R(name, idx)                                                                               \
	{                                                                                          \
		name, (idx)*4, 4                                                                   \
	}

static const struct reg_desc regs_i386[] = {
	R("eip", EIP),
	R("esp", ESP),
	R("ebp", EBP),
	R("eax", EAX),
	R("ebx", EBX),
	R("ecx", ECX),
	R("edx", EDX),
	R("esi", ESI),
	R("edi", EDI),
	R("eflags", EFLAGS),
	R("cs", XCS),
	R("ss", XSS),
	R("ds", XDS),
	R("es", XES),
	R("fs", XFS),
	R("gs", XGS),
	R("orig_eax", ORIG_EAX),
};

/* The psABI's DWARF numbers 0..8: eax ecx edx ebx esp ebp esi edi eip (indexes above). */
static const uint8_t dwarf_i386[] = {3, 5, 6, 4, 1, 2, 7, 8, 0};

const struct reg_layout reg_layout_i386 = {
	.abi = "i386",
	.regset_size = NWORDS * 4,
	.regs = regs_i386,
	.nregs = sizeof(regs_i386) / sizeof(regs_i386[0]),
	.pc = 0,
	.sp = 1,
	.word_size = 4,
	.cs_arch = CS_ARCH_X86,
	.cs_mode = CS_MODE_32,
	.dwarf = dwarf_i386,
	.ndwarf = sizeof(dwarf_i386),
};
