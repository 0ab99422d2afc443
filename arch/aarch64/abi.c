#include <elf.h>
#include <linux/audit.h>

#include "../abi.h"
#include "../generic/generic.h"

#include "../regs.h"

extern const struct systab systab_aarch64;
extern const struct abi_layouts layouts_aarch64;
enum abi_mem_access aarch64_insn_access(const struct cs_insn *insn);

static const char *const seccomp_arches[] = {"SCMP_ARCH_AARCH64", NULL};

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
	.layouts = &layouts_aarch64,
	.regs = &reg_layout_aarch64,
	.dwarf_sp = 31, /* sp */
	.insn_access = aarch64_insn_access,
	.seccomp_arches = seccomp_arches,
};
