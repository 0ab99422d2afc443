/*
 * x86's own ptrace(2) requests (<asm/ptrace-abi.h>), as strace 6.1 names them for an x86
 * tracee: dec_ptrace looks in the ABI's ptrace_requests before the generic table.  Only an
 * x86 host has these headers, and only an x86 ptrc traces x86 processes, so elsewhere (the
 * aarch64 build) the tables are NULL and the requests print as numbers.
 */
#include "../../src/sys/xlat.h"
#include "../regset.h"
#include "x86.h"

#if defined(__x86_64__) || defined(__i386__)
#include <asm/ptrace-abi.h>

#define X86_REQS                                                                                   \
	XLAT(PTRACE_GETREGS), XLAT(PTRACE_SETREGS), XLAT(PTRACE_GETFPREGS),                        \
		XLAT(PTRACE_SETFPREGS), XLAT(PTRACE_GETFPXREGS), XLAT(PTRACE_SETFPXREGS),          \
		XLAT(PTRACE_OLDSETOPTIONS), XLAT(PTRACE_GET_THREAD_AREA),                          \
		XLAT(PTRACE_SET_THREAD_AREA), XLAT(PTRACE_SYSEMU), XLAT(PTRACE_SYSEMU_SINGLESTEP), \
		XLAT(PTRACE_SINGLEBLOCK)

#ifdef PTRACE_ARCH_PRCTL
XLAT_TABLE(xl_ptrace_reqs_x86_64, XLAT_ENUM, X86_REQS, XLAT(PTRACE_ARCH_PRCTL));
#else
XLAT_TABLE(xl_ptrace_reqs_x86_64, XLAT_ENUM, X86_REQS);
#endif
/* The kernel's 32-bit ptrace has no PTRACE_ARCH_PRCTL (the header hides it from i386). */
XLAT_TABLE(xl_ptrace_reqs_i386, XLAT_ENUM, X86_REQS);

/* The requests that copy a whole register set, for both ABIs.  GETFPXREGS' struct, which
 * strace 6.1 leaves an address, is not one of them. */
const struct regset_request x86_regset_requests[] = {
	{PTRACE_GETREGS, REGSET_PRSTATUS, true},
	{PTRACE_SETREGS, REGSET_PRSTATUS, false},
	{PTRACE_GETFPREGS, REGSET_FPREGS, true},
	{PTRACE_SETFPREGS, REGSET_FPREGS, false},
	{0, 0, false},
};

#endif
