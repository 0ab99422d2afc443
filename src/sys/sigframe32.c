/*
 * i386 signal frames, from <asm/sigcontext.h> alone (its struct sigcontext
 * clashes with glibc's <signal.h>).  At the sigreturn syscall the restorer
 * has popped the return address and the signal number, so the stack pointer
 * is at the frame's sigcontext; at rt_sigreturn it has popped only the
 * return address, so it is at rt_sigframe.sig.
 */
#include <stddef.h>
#include <stdint.h>

/*
 * <asm/ldt.h> exists only in x86 UAPI headers: its presence says this build can
 * see the x86 signal frame layout.  Other hosts never meet an i386 tracee.
 */
#if __has_include(<asm/ldt.h>)
#include <asm/sigcontext.h>

/* struct sigframe_ia32: pretcode, sig, sc, fpstate_unused, extramask[1], retcode[8]. */
const unsigned i386_sigreturn_oldmask_off = offsetof(struct sigcontext_32, oldmask);
const unsigned i386_sigreturn_extramask_off =
	sizeof(struct sigcontext_32) + sizeof(struct _fpstate_32);

/* struct ucontext_ia32: uc_flags, uc_link, uc_stack (3 words), uc_mcontext, uc_sigmask. */
struct i386_ucontext {
	uint32_t uc_flags, uc_link;
	uint32_t ss_sp, ss_flags, ss_size;
	struct sigcontext_32 uc_mcontext;
	uint32_t uc_sigmask[2];
};

/* struct rt_sigframe_ia32: pretcode, sig, pinfo, puc, info (128 bytes), uc, retcode[8]. */
struct i386_rt_sigframe {
	uint32_t pretcode;
	int32_t sig;
	uint32_t pinfo, puc;
	uint8_t info[128];
	struct i386_ucontext uc;
};

_Static_assert(sizeof(struct sigcontext_32) == 88, "i386 struct sigcontext");

const unsigned i386_rt_sigreturn_mask_off =
	offsetof(struct i386_rt_sigframe, uc.uc_sigmask) - offsetof(struct i386_rt_sigframe, sig);
#else
const unsigned i386_sigreturn_oldmask_off = 0;
const unsigned i386_sigreturn_extramask_off = 0;
const unsigned i386_rt_sigreturn_mask_off = 0;
#endif
