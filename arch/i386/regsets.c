/*
 * i386's register sets as ptrace copies them for a 32-bit tracee: the kernel's struct
 * user_regs_struct32 (NT_PRSTATUS, PTRACE_GETREGS: 17 words) and struct user_i387_ia32_struct
 * (NT_PRFPREG, PTRACE_GETFPREGS: 7 words and 20 of st_space), as i386's <sys/user.h> names
 * their fields.  tests/unit/test_arch_regset.c holds the sizes to the crash layout's, and
 * testprogs/tp_ptrace_regs.c (built -m32) to the kernel's.
 */
#include "../regset.h"
#include "../x86_64/x86.h"

#define F(n, s, c)                                                                                 \
	{                                                                                          \
#n, s, c                                                                           \
	}

static const struct regset_field prstatus_i386[] = {
	F(ebx, 4, 1), F(ecx, 4, 1), F(edx, 4, 1),    F(esi, 4, 1), F(edi, 4, 1), F(ebp, 4, 1),
	F(eax, 4, 1), F(xds, 4, 1), F(xes, 4, 1),    F(xfs, 4, 1), F(xgs, 4, 1), F(orig_eax, 4, 1),
	F(eip, 4, 1), F(xcs, 4, 1), F(eflags, 4, 1), F(esp, 4, 1), F(xss, 4, 1),
};

static const struct regset_field fpregs_i386[] = {
	F(cwd, 4, 1), F(swd, 4, 1), F(twd, 4, 1), F(fip, 4, 1),
	F(fcs, 4, 1), F(foo, 4, 1), F(fos, 4, 1), F(st_space, 4, 20),
};

#define NFIELDS(a) (uint8_t)(sizeof(a) / sizeof((a)[0]))

const struct regset regset_i386_prstatus = {prstatus_i386, NFIELDS(prstatus_i386), 4, 68};
const struct regset regset_i386_fpregs = {fpregs_i386, NFIELDS(fpregs_i386), 4, 108};
