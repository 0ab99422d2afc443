#include <elf.h>
#include <linux/audit.h>

#include "../abi.h"
#include "../generic/generic.h"
#include "gen/systab_x86_64.h" /* from <asm/unistd.h> of x86, on any build machine */

extern const struct systab systab_x86_64;

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
};
