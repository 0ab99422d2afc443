/*
 * x86_64's struct user as PTRACE_PEEKUSER addresses it, named as strace 6.1 names it: the
 * registers of <sys/reg.h> from R15 to SS as 8*NAME (strace names none past SS: FS_BASE..GS
 * are 8*SS+8.. to it), then the fields of <sys/user.h>.  Offsets from the headers, so only
 * an x86_64 build machine has the table; elsewhere it is NULL and offsets print as numbers.
 */
#include "../../src/event/value.h"
#include "../regset.h"
#include "x86.h"

#if defined(__x86_64__)
#include <stddef.h>
#include <sys/reg.h>
#include <sys/user.h>

#define W(r)                                                                                       \
	{                                                                                          \
		8 * (r), USEROFF_WORD, 8, #r                                                       \
	}
#define U(f)                                                                                       \
	{                                                                                          \
		offsetof(struct user, f), USEROFF_FIELD, 0, #f                                     \
	}

static const struct user_area_field fields[] = {
	W(R15),	    W(R14),	  W(R13),	 W(R12),
	W(RBP),	    W(RBX),	  W(R11),	 W(R10),
	W(R9),	    W(R8),	  W(RAX),	 W(RCX),
	W(RDX),	    W(RSI),	  W(RDI),	 W(ORIG_RAX),
	W(RIP),	    W(CS),	  W(EFLAGS),	 W(RSP),
	W(SS),	    U(u_fpvalid), U(i387),	 U(u_tsize),
	U(u_dsize), U(u_ssize),	  U(start_code), U(start_stack),
	U(signal),  U(reserved),  U(u_ar0),	 U(u_fpstate),
	U(magic),   U(u_comm),	  U(u_debugreg), {sizeof(struct user), USEROFF_END, 0, NULL},
};

const struct user_area user_area_x86_64 = {fields, sizeof(fields) / sizeof(fields[0])};
#endif
