/*
 * One entry per ABI that ptrc can decode.  ABIs are static const data chosen
 * at every stop from the audit arch that PTRACE_GET_SYSCALL_INFO reports, so a
 * 64-bit ptrc decodes a 32-bit tracee and a 64-bit one in the same run.
 */
#ifndef PTRC_ARCH_ABI_H
#define PTRC_ARCH_ABI_H

#include <stdbool.h>
#include <stdint.h>

#include "systab.h"

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
	ABI_X86_64,
	ABI_I386,
	ABI_AARCH64,
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
	/* Calls whose arguments are not one register each, ending with a NULL name. */
	const struct abi_wide_call *wide;
};

/* Returns a static ABI, or NULL when ptrc does not know the audit arch. */
const struct ptrc_abi *abi_by_audit_arch(uint32_t audit_arch);
const struct ptrc_abi *abi_by_id(enum abi_id id);
/* The ABI of the machine ptrc itself runs on. */
const struct ptrc_abi *abi_host(void);

#endif
