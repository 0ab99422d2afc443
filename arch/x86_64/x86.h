/* What the two x86 ABIs (x86_64 and i386) share: capstone's x86 decoding. */
#ifndef PTRC_ARCH_X86_H
#define PTRC_ARCH_X86_H

#include "../abi.h"

/* How an x86 instruction uses memory: a store, push or call writes; a load reads. */
enum abi_mem_access x86_insn_access(const struct cs_insn *insn);

/* The register sets of each (regsets.c, ../i386/regsets.c). */
struct regset;
extern const struct regset regset_x86_64_prstatus, regset_x86_64_fpregs;
extern const struct regset regset_i386_prstatus, regset_i386_fpregs;

/* x86's own ptrace requests (ptrace.c), on an x86 host only: elsewhere NULL. */
#if defined(__x86_64__) || defined(__i386__)
struct xlat;
struct regset_request;
extern const struct xlat xl_ptrace_reqs_x86_64, xl_ptrace_reqs_i386;
extern const struct regset_request x86_regset_requests[];
#define X86_64_PTRACE_REQUESTS (&xl_ptrace_reqs_x86_64)
#define I386_PTRACE_REQUESTS (&xl_ptrace_reqs_i386)
#define X86_REGSET_REQUESTS x86_regset_requests
#else
#define X86_64_PTRACE_REQUESTS NULL
#define I386_PTRACE_REQUESTS NULL
#define X86_REGSET_REQUESTS NULL
#endif

/* x86_64's struct user (user_area.c), from an x86_64 build machine's headers only. */
#if defined(__x86_64__)
struct user_area;
extern const struct user_area user_area_x86_64;
#define X86_64_USER_AREA (&user_area_x86_64)
#else
#define X86_64_USER_AREA NULL
#endif

#endif
