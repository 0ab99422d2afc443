/*
 * The i386 frame sizes of frame.h against the UAPI's own structs, where this
 * build can see x86's <asm/sigcontext.h>.  A file of its own: that header's
 * struct sigcontext clashes with glibc's <signal.h>.
 */
#include "frame.h"

#if defined(__x86_64__) || defined(__i386__)
#include <asm/sigcontext.h>
#include <stddef.h>

_Static_assert(sizeof(struct sigcontext_32) == I386_SIGCONTEXT_SIZE, "i386 struct sigcontext");
_Static_assert(offsetof(struct sigcontext_32, oldmask) == I386_SIGCONTEXT_OLDMASK,
	       "i386 sigcontext.oldmask");
_Static_assert(sizeof(struct _fpstate_32) == I386_FPSTATE_SIZE, "i386 struct _fpstate");
#endif
