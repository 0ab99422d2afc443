#include <elf.h>
#include <stddef.h>
#include <linux/audit.h>

#include "../abi.h"

#include "../regs.h"
#include "../x86_64/x86.h"

extern const struct systab systab_i386;
extern const struct abi_layouts layouts_i386;

/* 64-bit arguments in two registers, low half first (the kernel's compat wrappers). */
static const struct abi_wide_call wide_i386[] = {
	{"fadvise64", "0(12)34"},    {"fadvise64_64", "0(12)(34)5"},
	{"fallocate", "01(23)(45)"}, {"fanotify_mark", "01(23)45"},
	{"ftruncate64", "0(12)"},    {"lookup_dcookie", "(01)23"},
	{"pread64", "012(34)"},	     {"preadv", "012(34)"},
	{"preadv2", "012(34)5"},     {"pwrite64", "012(34)"},
	{"pwritev", "012(34)"},	     {"pwritev2", "012(34)5"},
	{"readahead", "0(12)3"},     {"sync_file_range", "0(12)(34)5"},
	{"truncate64", "0(12)"},     {NULL, NULL},
};

const struct ptrc_abi abi_i386 = {
	.id = ABI_I386,
	.name = "i386",
	.audit_arch = AUDIT_ARCH_I386,
	.elf_machine = EM_386,
	.elf_class = ELFCLASS32,
	.word_size = 4,
	.clone_backwards = true,
	.uid16 = true,
	.arg_block = true,
	.systab = &systab_i386,
	.wide = wide_i386,
	.layouts = &layouts_i386,
	.regs = &reg_layout_i386,
	.dwarf_sp = 4, /* esp */
	.insn_access = x86_insn_access,
	.ptrace_requests = I386_PTRACE_REQUESTS,
	.regsets = {&regset_i386_prstatus, &regset_i386_fpregs},
	.regset_requests = X86_REGSET_REQUESTS,
};
