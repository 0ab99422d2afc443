/* i386 signal frame sizes (arch/x86/include/asm/sigframe.h), checked in sigframe.c. */
#ifndef PTRC_ARCH_I386_FRAME_H
#define PTRC_ARCH_I386_FRAME_H

enum {
	I386_SIGCONTEXT_SIZE = 88,
	I386_SIGCONTEXT_OLDMASK = 80,
	I386_FPSTATE_SIZE = 624,
};

#endif
