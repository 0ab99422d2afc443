#include <elf.h>
#include <linux/audit.h>

#include "../abi.h"

extern const struct systab systab_i386;

const struct ptrc_abi abi_i386 = {
	.id = ABI_I386,
	.name = "i386",
	.audit_arch = AUDIT_ARCH_I386,
	.elf_machine = EM_386,
	.elf_class = ELFCLASS32,
	.word_size = 4,
	.clone_backwards = true,
	.systab = &systab_i386,
};
