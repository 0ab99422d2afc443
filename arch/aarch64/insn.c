/*
 * The memory access of an arm64 instruction.  Capstone 4's ARM64 operand
 * access bits are not reliable for memory operands (a store's [x0] is marked
 * read and write, so is a load with writeback), so the mnemonic decides:
 * every load is ld*, every store st*; the atomics that write (cas, swp and
 * the ld<op> read-modify-writes) count as writes.
 */
#include <capstone/capstone.h>
#include <string.h>

#include "../abi.h"

enum abi_mem_access aarch64_insn_access(const cs_insn *insn);

static bool has_mem_operand(const cs_insn *insn)
{
	const cs_arm64 *a = &insn->detail->arm64;

	for (uint8_t i = 0; i < a->op_count; i++)
		if (a->operands[i].type == ARM64_OP_MEM)
			return true;
	return false;
}

static bool prefixed(const char *s, const char *const *prefixes)
{
	for (; *prefixes; prefixes++)
		if (!strncmp(s, *prefixes, strlen(*prefixes)))
			return true;
	return false;
}

enum abi_mem_access aarch64_insn_access(const cs_insn *insn)
{
	static const char *const writes[] = {"st",     "cas",	 "swp",	   "ldadd",
					     "ldclr",  "ldeor",	 "ldset",  "ldsmax",
					     "ldsmin", "ldumax", "ldumin", NULL};
	static const char *const reads[] = {"ld", NULL};

	if (!has_mem_operand(insn))
		return ABI_ACCESS_UNKNOWN;
	if (prefixed(insn->mnemonic, writes))
		return ABI_ACCESS_WRITE;
	if (prefixed(insn->mnemonic, reads))
		return ABI_ACCESS_READ;
	return ABI_ACCESS_UNKNOWN;
}
