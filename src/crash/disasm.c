#include <capstone/capstone.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "disasm.h"
#include "arch/abi.h"
#include "arch/regs.h"

enum { MAX_BACK = 4096, SYNC_BACK = 64, MAX_INSN = 15 };

/* The longest readable run at addr, up to max bytes (at least 1 is known to be readable). */
static size_t readable_len(const struct tmem *m, uint64_t addr, uint8_t *buf, size_t max)
{
	size_t lo = 1, hi = max;

	if (tmem_read(m, addr, buf, max) == 0)
		return max;
	while (lo + 1 < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tmem_read(m, addr, buf, mid) == 0)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Reads the code from *addr (moved up a page at a time while unreadable) to
 * pc + tail (cut at the end of pc's page when the next page is unreadable).
 * Returns the bytes read, 0 when pc itself is unreadable.
 */
static size_t read_code(const struct tmem *m, uint64_t *addr, uint64_t pc, uint8_t *buf,
			size_t tail)
{
	uint8_t probe;

	if (tmem_read(m, pc, &probe, 1) != 0)
		return 0;
	tail = readable_len(m, pc, buf, tail);
	while (*addr < pc && tmem_read(m, *addr, buf, (size_t)(pc - *addr)) != 0)
		*addr = (*addr | 0xfff) + 1 < pc ? (*addr | 0xfff) + 1 : pc;
	size_t len = (size_t)(pc - *addr) + tail;
	return tmem_read(m, *addr, buf, len) == 0 ? len : 0;
}

/* The first start in [pc - SYNC_BACK, pc) from which decoding lands exactly on pc. */
static uint64_t sync_start(csh cs, const uint8_t *code, uint64_t base, uint64_t pc)
{
	for (uint64_t s = base; s < pc; s++) {
		const uint8_t *p = code + (s - base);
		size_t size = (size_t)(pc - s);
		uint64_t a = s;
		cs_insn *insn = cs_malloc(cs);
		while (a < pc && cs_disasm_iter(cs, &p, &size, &a, insn))
			;
		cs_free(insn, 1);
		if (a == pc)
			return s;
	}
	return pc;
}

static enum fault_access insn_access(const struct ptrc_abi *abi, const cs_insn *insn)
{
	switch (abi && abi->insn_access ? abi->insn_access(insn) : ABI_ACCESS_UNKNOWN) {
	case ABI_ACCESS_READ:
		return FAULT_ACCESS_READ;
	case ABI_ACCESS_WRITE:
		return FAULT_ACCESS_WRITE;
	default:
		return FAULT_ACCESS_UNKNOWN;
	}
}

static void add_insn(const struct ptrc_abi *abi, const cs_insn *insn, uint64_t pc, struct arena *ar,
		     struct crash_disasm *out)
{
	struct crash_insn *ci = &out->insns[out->n++];
	char text[192];

	ci->addr = insn->address;
	ci->size = (uint8_t)insn->size;
	memcpy(ci->bytes, insn->bytes, insn->size < 16 ? insn->size : 16);
	snprintf(text, sizeof(text), "%s%s%s", insn->mnemonic, insn->op_str[0] ? " " : "",
		 insn->op_str);
	ci->text = arena_strndup(ar, text, strlen(text));
	ci->is_pc = insn->address == pc;
	if (ci->is_pc)
		out->access = insn_access(abi, insn);
}

/* Decodes from start; keeps the last `before` instructions before pc, pc's, and `after` more. */
static void decode(csh cs, const struct ptrc_abi *abi, const uint8_t *code, size_t len,
		   uint64_t start, uint64_t pc, unsigned before, unsigned after, struct arena *ar,
		   struct crash_disasm *out)
{
	cs_insn *insn = cs_malloc(cs);
	const uint8_t *p = code;
	size_t size = len;
	uint64_t a = start;
	unsigned cap = before + 1 + after, from_pc = 0;

	out->insns = arena_zalloc(ar, (cap + 1) * sizeof(*out->insns));
	while (from_pc <= after && cs_disasm_iter(cs, &p, &size, &a, insn)) {
		if (insn->address < pc && before == 0)
			continue;
		if (insn->address < pc && out->n == before) {
			memmove(out->insns, out->insns + 1, (before - 1) * sizeof(*out->insns));
			out->n--;
		}
		add_insn(abi, insn, pc, ar, out);
		if (insn->address >= pc)
			from_pc++;
	}
	cs_free(insn, 1);
}

int crash_disasm(const struct tmem *m, const struct ptrc_abi *abi, uint64_t pc, uint64_t func_start,
		 unsigned before, unsigned after, struct arena *ar, struct crash_disasm *out)
{
	const struct reg_layout *l = abi->regs;
	uint8_t code[MAX_BACK + 32 * MAX_INSN];
	csh cs;
	int ret = 0;

	memset(out, 0, sizeof(*out));
	if (!l)
		return -ENOTSUP;
	if (after > 30)
		after = 30;
	if (cs_open((cs_arch)l->cs_arch, (cs_mode)l->cs_mode, &cs) != CS_ERR_OK)
		return -ENOTSUP;
	cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
	uint64_t base = func_start && func_start <= pc && pc - func_start <= MAX_BACK
				? func_start
				: (pc > SYNC_BACK ? pc - SYNC_BACK : 0);
	size_t len = read_code(m, &base, pc, code, ((size_t)after + 1) * MAX_INSN);
	if (len <= pc - base) {
		ret = -EFAULT;
		goto out_close;
	}
	uint64_t start = base == func_start ? base : sync_start(cs, code, base, pc);
	decode(cs, abi, code + (start - base), len - (size_t)(start - base), start, pc, before,
	       after, ar, out);
out_close:
	cs_close(&cs);
	return ret;
}
