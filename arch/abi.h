/*
 * One entry per ABI that ptrc can decode.  ABIs are static const data chosen
 * at every stop from the audit arch that PTRACE_GET_SYSCALL_INFO reports, so a
 * 64-bit ptrc decodes a 32-bit tracee and a 64-bit one in the same run.
 */
#ifndef PTRC_ARCH_ABI_H
#define PTRC_ARCH_ABI_H

#include <stdbool.h>
#include <stdint.h>

#include "regset.h"
#include "systab.h"

struct abi_layouts;
struct reg_layout;
struct cs_insn;
struct xlat;

/* How an instruction uses memory, for a crash report's fault class. */
enum abi_mem_access {
	ABI_ACCESS_UNKNOWN,
	ABI_ACCESS_READ,
	ABI_ACCESS_WRITE, /* a store, a push, a call that pushes its return address */
};

/*
 * A call whose 64-bit arguments the ABI passes differently from one register
 * each: spec lists the registers of each logical argument in order; a digit
 * is a register, "(ab)" joins register a (low half) and b (high half).
 */
struct abi_wide_call {
	const char *name;
	const char *spec; /* "012(34)" */
};

enum abi_id {
#define ABI(name, NAME) ABI_##NAME,
#include "abis.def"
#undef ABI
	ABI_COUNT,
};

struct ptrc_abi {
	enum abi_id id;
	const char *name;
	uint32_t audit_arch;
	uint16_t elf_machine;
	uint8_t elf_class; /* ELFCLASS32 or ELFCLASS64 */
	uint8_t word_size; /* bytes in a long / pointer */
	const struct systab *systab;
	/* Syscall numbers with a bit the kernel masks off (x32), or 0. */
	uint64_t nr_mask;
	/* The kernel's CONFIG_CLONE_BACKWARDS: clone(flags, stack, ptid, tls, ctid). */
	bool clone_backwards;
	/* The legacy 16-bit uid calls (CONFIG_UID16): TR_UID16 calls take 16-bit ids. */
	bool uid16;
	/*
	 * The kernel's old select and mmap (sys_old_select, sys_old_mmap: x86's
	 * 32-bit table): a TR_ARGBLOCK call's one register points at its
	 * arguments, a word each.
	 */
	bool arg_block;
	/* Calls whose arguments are not one register each, ending with a NULL name. */
	const struct abi_wide_call *wide;
	/* The structs it lays out its own way (arch/layout.h). */
	const struct abi_layouts *layouts;
	/* Its NT_PRSTATUS register set, for crash reports (arch/regs.h). */
	const struct reg_layout *regs;
	/* DWARF's number for the stack pointer, or -1 when not known. */
	int dwarf_sp;
	/* What the instruction at a fault does with memory, from capstone's detail, or NULL. */
	enum abi_mem_access (*insn_access)(const struct cs_insn *insn);
	/*
	 * For a host ABI: the OCI seccomp names of every ABI a process on it can use,
	 * NULL-terminated ("SCMP_ARCH_X86_64", "SCMP_ARCH_X86"...); NULL otherwise.
	 */
	const char *const *seccomp_arches;
	/* Its own ptrace requests (x86's PTRACE_GETREGS...), looked up before the generic
	 * ones, or NULL where ptrc knows none. */
	const struct xlat *ptrace_requests;
	/* The register sets its ptrace copies, as strace prints them (arch/regset.h), by enum
	 * regset_kind, NULL where ptrc does not know one; and its own requests that copy a
	 * whole set (x86's PTRACE_GETREGS...), ending with a 0 request, or NULL. */
	const struct regset *regsets[REGSET_KINDS];
	const struct regset_request *regset_requests;
	/* Its struct user, for PTRACE_PEEKUSER's and POKEUSER's offsets, or NULL. */
	const struct user_area *user_area;
};

/* Returns a static ABI, or NULL when ptrc does not know the audit arch. */
const struct ptrc_abi *abi_by_audit_arch(uint32_t audit_arch);
const struct ptrc_abi *abi_by_id(enum abi_id id);
/* The ABI of the machine ptrc itself runs on. */
const struct ptrc_abi *abi_host(void);
/* The ABI of an ELF file's e_machine and EI_CLASS, or NULL. */
const struct ptrc_abi *abi_by_elf(uint16_t machine, uint8_t elf_class);

#endif
