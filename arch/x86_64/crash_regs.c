/* x86_64 general-purpose registers in the NT_PRSTATUS set (struct user_regs_struct). */
#include <capstone/capstone.h>
#include <stddef.h>
#include <sys/user.h>

#include "crash/regs.h"

#define R(name)                                                                                    \
	{                                                                                          \
#name, offsetof(struct user_regs_struct, name), 8                                  \
	}

static const struct reg_desc regs_x86_64[] = {
	R(rip), R(rsp), R(rbp), R(rax), R(rbx), R(rcx), R(rdx),	    R(rsi),	R(rdi),
	R(r8),	R(r9),	R(r10), R(r11), R(r12), R(r13), R(r14),	    R(r15),	R(eflags),
	R(cs),	R(ss),	R(ds),	R(es),	R(fs),	R(gs),	R(fs_base), R(gs_base), R(orig_rax),
};

const struct reg_layout reg_layout_x86_64 = {
	.abi = "x86_64",
	.regset_size = sizeof(struct user_regs_struct),
	.regs = regs_x86_64,
	.nregs = sizeof(regs_x86_64) / sizeof(regs_x86_64[0]),
	.pc = 0,
	.sp = 1,
	.word_size = 8,
	.cs_arch = CS_ARCH_X86,
	.cs_mode = CS_MODE_64,
};
