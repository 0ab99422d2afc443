/* What the two x86 ABIs (x86_64 and i386) share: capstone's x86 decoding. */
#ifndef PTRC_ARCH_X86_H
#define PTRC_ARCH_X86_H

#include "../abi.h"

/* How an x86 instruction uses memory: a store, push or call writes; a load reads. */
enum abi_mem_access x86_insn_access(const struct cs_insn *insn);

#endif
