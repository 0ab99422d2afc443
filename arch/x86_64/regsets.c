/*
 * x86_64's register sets as ptrace copies them: struct user_regs_struct (NT_PRSTATUS,
 * PTRACE_GETREGS) and struct user_fpregs_struct (NT_PRFPREG, PTRACE_GETFPREGS), in the
 * field order of <sys/user.h>; checked against it on an x86_64 build machine.
 */
#include "../regset.h"
#include "x86.h"

#define F(n, s, c)                                                                                 \
	{                                                                                          \
#n, s, c                                                                           \
	}

static const struct regset_field prstatus_x86_64[] = {
	F(r15, 8, 1),	   F(r14, 8, 1),     F(r13, 8, 1),     F(r12, 8, 1),	F(rbp, 8, 1),
	F(rbx, 8, 1),	   F(r11, 8, 1),     F(r10, 8, 1),     F(r9, 8, 1),	F(r8, 8, 1),
	F(rax, 8, 1),	   F(rcx, 8, 1),     F(rdx, 8, 1),     F(rsi, 8, 1),	F(rdi, 8, 1),
	F(orig_rax, 8, 1), F(rip, 8, 1),     F(cs, 8, 1),      F(eflags, 8, 1), F(rsp, 8, 1),
	F(ss, 8, 1),	   F(fs_base, 8, 1), F(gs_base, 8, 1), F(ds, 8, 1),	F(es, 8, 1),
	F(fs, 8, 1),	   F(gs, 8, 1),
};

static const struct regset_field fpregs_x86_64[] = {
	F(cwd, 2, 1),	    F(swd, 2, 1),	 F(ftw, 2, 1),	    F(fop, 2, 1),
	F(rip, 8, 1),	    F(rdp, 8, 1),	 F(mxcsr, 4, 1),    F(mxcr_mask, 4, 1),
	F(st_space, 4, 32), F(xmm_space, 4, 64), F(padding, 4, 24),
};

#define NFIELDS(a) (uint8_t)(sizeof(a) / sizeof((a)[0]))

const struct regset regset_x86_64_prstatus = {prstatus_x86_64, NFIELDS(prstatus_x86_64), 8, 216};
const struct regset regset_x86_64_fpregs = {fpregs_x86_64, NFIELDS(fpregs_x86_64), 8, 512};

#if defined(__x86_64__)
#include <stddef.h>
#include <sys/user.h>
_Static_assert(sizeof(struct user_regs_struct) == 216, "user_regs_struct");
_Static_assert(offsetof(struct user_regs_struct, gs) == 26 * 8, "user_regs_struct.gs");
_Static_assert(sizeof(struct user_fpregs_struct) == 512, "user_fpregs_struct");
_Static_assert(offsetof(struct user_fpregs_struct, st_space) == 32, "st_space");
_Static_assert(offsetof(struct user_fpregs_struct, padding) == 416, "padding");
#endif
