#include <elf.h>
#include <linux/audit.h>

#include "../abi.h"
#include "../generic/generic.h"

extern const struct systab systab_aarch64;

const struct ptrc_abi abi_aarch64 = {
	.id = ABI_AARCH64,
	.name = "aarch64",
	.audit_arch = AUDIT_ARCH_AARCH64,
	.elf_machine = EM_AARCH64,
	.elf_class = ELFCLASS64,
	.word_size = 8,
	.clone_backwards = true,
	.systab = &systab_aarch64,
	.wide = abi_wide_lp64,
};
