#include <elf.h>
#include <asm/unistd.h>
#include <linux/audit.h>

#include "../abi.h"

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
	.nr_mask = __X32_SYSCALL_BIT,
};
