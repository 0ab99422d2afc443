#include <elf.h>
#include <linux/audit.h>

#include "../abi.h"
#include "../generic/generic.h"
#include "gen/systab_x86_64.h" /* from <asm/unistd.h> of x86, on any build machine */

#include "../regs.h"
#include "x86.h"

extern const struct systab systab_x86_64;
extern const struct abi_layouts layouts_x86_64;

/* A 64-bit x86 process can also make i386 (int $0x80) and x32 calls. */
static const char *const seccomp_arches[] = {"SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32",
					     NULL};

const struct ptrc_abi abi_x86_64 = {
	.id = ABI_X86_64,
	.name = "x86_64",
	.audit_arch = AUDIT_ARCH_X86_64,
	.elf_machine = EM_X86_64,
	.elf_class = ELFCLASS64,
	.word_size = 8,
	.systab = &systab_x86_64,
	/* x32 syscalls carry this bit; ptrc decodes them with the 64-bit table. */
	.nr_mask = PTRC_X86_64_X32_SYSCALL_BIT,
	.wide = abi_wide_lp64,
	.layouts = &layouts_x86_64,
	.regs = &reg_layout_x86_64,
	.dwarf_sp = 7, /* rsp */
	.insn_access = x86_insn_access,
	.ptrace_requests = X86_64_PTRACE_REQUESTS,
	.regsets = {&regset_x86_64_prstatus, &regset_x86_64_fpregs},
	.regset_requests = X86_REGSET_REQUESTS,
	.user_area = X86_64_USER_AREA,
	.seccomp_arches = seccomp_arches,
};
