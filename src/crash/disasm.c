#include <capstone/capstone.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "disasm.h"
#include "arch/abi.h"
#include "arch/regs.h"

enum { MAX_BACK = 4096, SYNC_BACK = 64, MAX_INSN = 15 };

/*
 * Capstone is loaded by the first crash report, not at start: relocating its
 * tables made 3.2 MB of ptrc's resident memory (issue 11), which a run with no
 * crash never needs.  The functions this file calls, looked up by name.
 */
static struct {
	cs_err (*open)(cs_arch, cs_mode, csh *);
	cs_err (*option)(csh, cs_opt_type, size_t);
	cs_insn *(*malloc)(csh);
	bool (*disasm_iter)(csh, const uint8_t **, size_t *, uint64_t *, cs_insn *);
	void (*free)(cs_insn *, size_t);
	cs_err (*close)(csh *);
} cs;

/* Loads it once; false when it cannot be (the report then has no code section). */
static bool cs_load(void)
{
	static int state; /* 0: not tried, 1: loaded, -1: failed */
	void *h;

	if (state)
		return state > 0;
	state = -1;
	if (!(h = dlopen(PTRC_CAPSTONE_SONAME, RTLD_NOW | RTLD_LOCAL)))
		return false;
	/* POSIX's way from dlsym's object pointer to a function pointer. */
	if (!(*(void **)&cs.open = dlsym(h, "cs_open")) ||
	    !(*(void **)&cs.option = dlsym(h, "cs_option")) ||
	    !(*(void **)&cs.malloc = dlsym(h, "cs_malloc")) ||
	    !(*(void **)&cs.disasm_iter = dlsym(h, "cs_disasm_iter")) ||
	    !(*(void **)&cs.free = dlsym(h, "cs_free")) ||
	    !(*(void **)&cs.close = dlsym(h, "cs_close")))
		return false;
	state = 1;
	return true;
}

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
static uint64_t sync_start(csh h, const uint8_t *code, uint64_t base, uint64_t pc)
{
	for (uint64_t s = base; s < pc; s++) {
		const uint8_t *p = code + (s - base);
		size_t size = (size_t)(pc - s);
		uint64_t a = s;
		cs_insn *insn = cs.malloc(h);
		while (a < pc && cs.disasm_iter(h, &p, &size, &a, insn))
			;
		cs.free(insn, 1);
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
static void decode(csh h, const struct ptrc_abi *abi, const uint8_t *code, size_t len,
		   uint64_t start, uint64_t pc, unsigned before, unsigned after, struct arena *ar,
		   struct crash_disasm *out)
{
	cs_insn *insn = cs.malloc(h);
	const uint8_t *p = code;
	size_t size = len;
	uint64_t a = start;
	unsigned cap = before + 1 + after, from_pc = 0;

	out->insns = arena_zalloc(ar, (cap + 1) * sizeof(*out->insns));
	while (from_pc <= after && cs.disasm_iter(h, &p, &size, &a, insn)) {
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
	cs.free(insn, 1);
}

int crash_disasm(const struct tmem *m, const struct ptrc_abi *abi, uint64_t pc, uint64_t func_start,
		 unsigned before, unsigned after, struct arena *ar, struct crash_disasm *out)
{
	const struct reg_layout *l = abi->regs;
	uint8_t code[MAX_BACK + 32 * MAX_INSN];
	csh h;
	int ret = 0;

	memset(out, 0, sizeof(*out));
	if (!l)
		return -ENOTSUP;
	if (after > 30)
		after = 30;
	if (!cs_load() || cs.open((cs_arch)l->cs_arch, (cs_mode)l->cs_mode, &h) != CS_ERR_OK)
		return -ENOTSUP;
	cs.option(h, CS_OPT_DETAIL, CS_OPT_ON);
	uint64_t base = func_start && func_start <= pc && pc - func_start <= MAX_BACK
				? func_start
				: (pc > SYNC_BACK ? pc - SYNC_BACK : 0);
	size_t len = read_code(m, &base, pc, code, ((size_t)after + 1) * MAX_INSN);
	if (len <= pc - base) {
		ret = -EFAULT;
		goto out_close;
	}
	uint64_t start = base == func_start ? base : sync_start(h, code, base, pc);
	decode(h, abi, code + (start - base), len - (size_t)(start - base), start, pc, before,
	       after, ar, out);
out_close:
	cs.close(&h);
	return ret;
}
