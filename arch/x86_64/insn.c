/* The memory access of an x86 instruction, from capstone's x86 detail (both x86 ABIs). */
#include <capstone/capstone.h>

#include "x86.h"

static bool in_group(const cs_insn *insn, uint8_t group)
{
	for (uint8_t i = 0; i < insn->detail->groups_count; i++)
		if (insn->detail->groups[i] == group)
			return true;
	return false;
}

enum abi_mem_access x86_insn_access(const cs_insn *insn)
{
	const cs_x86 *x = &insn->detail->x86;
	bool read = false;

	/* A call pushes its return address, a push its operand: both write the stack. */
	if (in_group(insn, X86_GRP_CALL) || insn->id == X86_INS_PUSH)
		return ABI_ACCESS_WRITE;
	for (unsigned i = 0; i < x->op_count; i++) {
		if (x->operands[i].type != X86_OP_MEM)
			continue;
		if (x->operands[i].access & CS_AC_WRITE)
			return ABI_ACCESS_WRITE;
		read = true;
	}
	if (insn->id == X86_INS_POP || insn->id == X86_INS_RET)
		read = true;
	return read ? ABI_ACCESS_READ : ABI_ACCESS_UNKNOWN;
}
