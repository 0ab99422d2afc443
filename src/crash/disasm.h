/*
 * Capstone disassembly around a pc, for crash reports.  Reads code through
 * struct tmem, so tests run on fake memory.  Pure apart from that.
 */
#ifndef PTRC_CRASH_DISASM_H
#define PTRC_CRASH_DISASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crash/maps.h"
#include "mem/tmem.h"
#include "util/arena.h"

struct ptrc_abi;

struct crash_insn {
	uint64_t addr;
	uint8_t size;
	uint8_t bytes[16];
	const char *text; /* "mov dword ptr [rax], 1" */
	bool is_pc;	  /* the faulting instruction */
};

struct crash_disasm {
	struct crash_insn *insns; /* in ar */
	size_t n;
	/* How the instruction at pc uses memory: a write (incl. push/call), a read... */
	enum fault_access access;
};

/*
 * Disassembles up to `before` instructions before pc, the one at pc, and
 * up to `after` instructions after it.
 * func_start, when not 0, is where the function containing pc begins: the
 * instructions before pc are decoded from there, exactly; otherwise from a
 * point before pc where decoding falls in step with pc.  Returns 0, or
 * -EFAULT when the code at pc is unreadable, -ENOTSUP without capstone
 * support for the ABI's instruction set.  The ABI's insn_access hook says how
 * the instruction at pc uses memory.
 */
int crash_disasm(const struct tmem *m, const struct ptrc_abi *abi, uint64_t pc, uint64_t func_start,
		 unsigned before, unsigned after, struct arena *ar, struct crash_disasm *out);

#endif
