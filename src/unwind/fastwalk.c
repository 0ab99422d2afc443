/*
 * The fast stack walk of the libdw backend.  dwfl_getthread_frames evaluates
 * the CFI of every frame again at every walk (a malloc'd row and a DWARF
 * expression per register), which is most of what -k costs.  Here the row of
 * each address is asked of libdw once and kept, when it is simple, as a few
 * (kind, offset) rules; a walk is then additions and loads from one read of
 * the stack.  The rules mirror libdwfl's handle_cfi step for step (the same
 * CFI, eh_frame before debug_frame, the same registers, the same activation
 * flags), so the frames are the ones libdw reports.  Anything else (an
 * expression, a signal frame, no CFI, an ABI without a DWARF table, memory
 * that cannot be read) makes the whole walk libdw's: correct, only slower.
 */
#include <dwarf.h>
#include <elf.h>
#include <elfutils/libdw.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "arch/abi.h"
#include "arch/regs.h"
#include "internal.h"
#include "util/xalloc.h"

enum {
	FW_PAGE = 4096,
	FW_PAGES = 4, /* the window: 16 KiB above sp holds the frames of most walks */
	FW_MIN_ROWS = 256,
	FW_MAX_ROWS = 1 << 14, /* beyond this the cache starts again */
	FW_MAX_NT_REGS = 64,
};

void fw_flush(struct fw_cache *c)
{
	if (c->rows)
		memset(c->rows, 0, c->cap * sizeof(*c->rows));
	c->used = 0;
}

void fw_free(struct fw_cache *c)
{
	free(c->rows);
	free(c->stack);
	memset(c, 0, sizeof(*c));
}

/* DW_OP_bregN / DW_OP_bregx: the register and the offset. */
static bool breg_of(const Dwarf_Op *op, unsigned nregs, uint8_t *reg, int64_t *off)
{
	uint64_t r;

	if (op->atom == DW_OP_bregx) {
		r = op->number;
		*off = (int64_t)op->number2;
	} else if (op->atom >= DW_OP_breg0 && op->atom <= DW_OP_breg31) {
		r = op->atom - DW_OP_breg0;
		*off = (int64_t)op->number;
	} else {
		return false;
	}
	*reg = (uint8_t)r;
	return r < nregs;
}

/*
 * One rule from the operations libdw's dwarf_frame_register returns: offset(N)
 * and val_offset(N) are DW_OP_call_frame_cfa [plus_uconst N] [stack_value],
 * register(R) is DW_OP_bregx R, and an expression gets the CFA pushed first
 * (left unused under a breg: i386's realigned main saves ebp at *(ebp)).  As
 * in libdw's expr_eval, a result is a location once the CFA was pushed,
 * unless DW_OP_stack_value follows.  False when the rule is none of these.
 */
static bool rule_of(const Dwarf_Op *ops, size_t nops, unsigned nregs, struct fw_rule *out)
{
	int64_t off = 0, add;
	bool cfa = false, deref = false;
	size_t i = 0;

	if (ops[0].atom == DW_OP_call_frame_cfa) {
		cfa = deref = true;
		i = 1;
	}
	if (i < nops && breg_of(&ops[i], nregs, &out->reg, &add)) {
		cfa = false;
		off = add;
		i++;
	} else if (!cfa) {
		return false;
	}
	if (i < nops && ops[i].atom == DW_OP_plus_uconst)
		off += (int64_t)ops[i++].number;
	if (i < nops && ops[i].atom == DW_OP_stack_value) {
		deref = false;
		i++;
	}
	if (i != nops || off != (int32_t)off)
		return false;
	out->off = (int32_t)off;
	if (cfa)
		out->kind = deref ? FW_AT_CFA : FW_VAL_CFA;
	else
		out->kind = deref ? FW_AT_REG : FW_REG;
	return true;
}

/* The CFA: register + offset (DW_CFA_def_cfa), or the word there (i386's realigned main). */
static bool cfa_of(Dwarf_Frame *fr, unsigned nregs, struct fw_row *row)
{
	Dwarf_Op *ops;
	size_t nops;
	int64_t off;

	if (dwarf_frame_cfa(fr, &ops, &nops) != 0 || nops < 1 || nops > 2)
		return false;
	if (!breg_of(&ops[0], nregs, &row->cfa_reg, &off) || off != (int32_t)off)
		return false;
	if (nops == 2 && ops[1].atom != DW_OP_deref)
		return false;
	row->cfa_off = (int32_t)off;
	row->cfa_deref = nops == 2;
	return true;
}

static bool row_of(Dwarf_Frame *fr, unsigned nregs, struct fw_row *row)
{
	Dwarf_Addr start, end;
	bool signal;
	int ra = dwarf_frame_info(fr, &start, &end, &signal);

	/* A signal frame makes libdw flag activations and adjust pcs: its walk. */
	if (ra < 0 || (unsigned)ra >= nregs || signal || !cfa_of(fr, nregs, row))
		return false;
	row->ra = (uint8_t)ra;
	for (unsigned i = 0; i < nregs; i++) {
		Dwarf_Op mem[3], *ops;
		size_t nops;
		if (dwarf_frame_register(fr, (int)i, mem, &ops, &nops) != 0)
			return false;
		if (nops == 0 && ops == mem)
			row->rule[i].kind = FW_UNDEF;
		else if (nops == 0 && !ops)
			row->rule[i].kind = FW_SAME;
		else if (nops == 0 || !rule_of(ops, nops, nregs, &row->rule[i]))
			return false;
	}
	return true;
}

/* Asks libdw for the row of key as __libdwfl_frame_unwind would find it. */
static void row_build(struct unwind_proc *up, uint64_t key, unsigned nregs, struct fw_row *row)
{
	Dwfl_Module *mod = dwfl_addrmodule(up->dwfl, key);
	Dwarf_Frame *fr = NULL;
	Dwarf_Addr bias;
	Dwarf_CFI *cfi;

	memset(row, 0, sizeof(*row));
	row->key = key;
	row->state = FW_COMPLEX;
	if (!mod)
		return;
	cfi = dwfl_module_eh_cfi(mod, &bias);
	if (!cfi || dwarf_cfi_addrframe(cfi, key - bias, &fr) != 0) {
		fr = NULL;
		cfi = dwfl_module_dwarf_cfi(mod, &bias);
		if (!cfi || dwarf_cfi_addrframe(cfi, key - bias, &fr) != 0)
			return;
	}
	if (row_of(fr, nregs, row))
		row->state = FW_SIMPLE;
	free(fr);
}

static struct fw_row *row_slot(struct fw_row *rows, size_t cap, uint64_t key)
{
	size_t i = uw_slot(key, cap);

	while (rows[i].state != FW_EMPTY && rows[i].key != key)
		i = (i + 1) & (cap - 1);
	return &rows[i];
}

/* Keeps the table at most half full: doubles it, or starts again at the limit. */
static void rows_make_room(struct fw_cache *c)
{
	struct fw_row *old = c->rows;
	size_t ocap = c->cap;

	if (c->rows && c->used < c->cap / 2)
		return;
	if (c->cap >= FW_MAX_ROWS) {
		fw_flush(c);
		return;
	}
	c->cap = c->cap ? c->cap * 2 : FW_MIN_ROWS;
	c->rows = xcalloc(c->cap, sizeof(*c->rows));
	for (size_t i = 0; i < ocap; i++)
		if (old[i].state != FW_EMPTY)
			*row_slot(c->rows, c->cap, old[i].key) = old[i];
	free(old);
}

/* The simple row of key, or NULL when libdw must unwind it. */
static const struct fw_row *row_get(struct unwind_proc *up, uint64_t key, unsigned nregs)
{
	struct fw_cache *c = &up->fw;
	struct fw_row *row;

	rows_make_room(c);
	row = row_slot(c->rows, c->cap, key);
	if (row->state == FW_EMPTY) {
		row_build(up, key, nregs, row);
		c->used++;
	}
	return row->state == FW_SIMPLE ? row : NULL;
}

/* The value of rule u of register i in the caller; false when libdw would leave it unset. */
static bool value_of(const struct fw_rule *u, unsigned i, const struct fw_regs *r, uint64_t cfa,
		     const struct tmem *m, unsigned word_size, uint64_t *v, bool *fault)
{
	uint64_t off = (uint64_t)(int64_t)u->off;
	unsigned from = u->kind == FW_SAME ? i : u->reg;

	if (u->kind == FW_UNDEF)
		return false;
	if (u->kind == FW_VAL_CFA) {
		*v = cfa + off;
		return true;
	}
	if (u->kind != FW_AT_CFA && !(r->valid >> from & 1))
		return false;
	if (u->kind == FW_SAME || u->kind == FW_REG) {
		*v = r->v[from] + (u->kind == FW_REG ? off : 0);
		return true;
	}
	uint64_t addr = (u->kind == FW_AT_CFA ? cfa : r->v[from]) + off;
	*fault = tmem_read_word(m, word_size, addr, v) < 0;
	return !*fault;
}

enum fw_step_result fw_step(const struct fw_row *row, struct fw_regs *r, const struct tmem *m,
			    unsigned word_size, uint64_t *pc)
{
	struct fw_regs out = {.n = r->n, .mask = r->mask};
	bool fault = false;
	uint64_t cfa, v;

	/* libdw ends the walk there (DWFL_FRAME_STATE_PC_UNDEFINED): _start, thread starts. */
	if (row->rule[row->ra].kind == FW_UNDEF)
		return FW_END;
	if (!(r->valid >> row->cfa_reg & 1))
		return FW_FAIL;
	cfa = r->v[row->cfa_reg] + (uint64_t)(int64_t)row->cfa_off;
	/*
	 * libdw 0.188 reads a 32-bit process's CFA word as 8 bytes, unmasked (an
	 * 8-byte read here gave its stacks on i386's realigned main), so its walk
	 * depends on the next word: leave such a walk to libdw.
	 */
	if (row->cfa_deref && (word_size == 4 || tmem_read_word(m, word_size, cfa, &cfa) < 0))
		return FW_FAIL;
	for (unsigned i = 0; i < r->n; i++) {
		if (!value_of(&row->rule[i], i, r, cfa, m, word_size, &v, &fault)) {
			/* Unset, as libdw leaves it; but a failed read makes the walk libdw's. */
			if (fault)
				return FW_FAIL;
			continue;
		}
		out.v[i] = v & r->mask;
		out.valid |= 1u << i;
	}
	if (!(out.valid >> row->ra & 1))
		return FW_FAIL;
	*pc = out.v[row->ra];
	*r = out;
	return *pc ? FW_NEXT : FW_END;
}

/* Stack memory: a window read at once, one iovec a page (a failing page ends the read). */
struct fw_stack {
	pid_t tid;
	uint64_t base;
	size_t len;
	unsigned char *buf;
};

static ssize_t stack_read(void *ctx, uint64_t addr, void *buf, size_t n)
{
	struct fw_stack *s = ctx;
	struct iovec local = {buf, n}, remote = {(void *)(uintptr_t)addr, n};
	ssize_t got;

	if (addr >= s->base && addr - s->base <= s->len && n <= s->len - (addr - s->base)) {
		memcpy(buf, s->buf + (addr - s->base), n);
		return (ssize_t)n;
	}
	/* Outside the window: the word alone. */
	got = process_vm_readv(s->tid, &local, 1, &remote, 1, 0);
	return got < 0 ? -errno : got;
}

static const struct tmem_ops stack_ops = {.read = stack_read};

static void stack_fill(struct fw_stack *s, uint64_t sp)
{
	struct iovec local[FW_PAGES], remote[FW_PAGES];
	ssize_t got;

	s->base = sp & ~(uint64_t)(FW_PAGE - 1);
	for (unsigned i = 0; i < FW_PAGES; i++) {
		local[i] = (struct iovec){s->buf + i * FW_PAGE, FW_PAGE};
		remote[i] = (struct iovec){(void *)(uintptr_t)(s->base + i * FW_PAGE), FW_PAGE};
	}
	got = process_vm_readv(s->tid, local, FW_PAGES, remote, FW_PAGES, 0);
	s->len = got > 0 ? (size_t)got : 0;
}

/* The thread's registers as libdw's initial frame has them (its ebl initreg). */
static const struct reg_layout *regs_of(const struct unwind_proc *up, pid_t tid, struct fw_regs *r,
					uint64_t *pc)
{
	uint64_t buf[FW_MAX_NT_REGS], vals[FW_MAX_NT_REGS];
	struct iovec iov = {buf, sizeof(buf)};
	const struct ptrc_abi *abi;
	const struct reg_layout *l;

	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &iov) != 0)
		return NULL;
	abi = abi_by_regset_size(iov.iov_len);
	l = abi ? abi->regs : NULL;
	/* The ABI must be the one libdw unwinds with (up->sp_regno comes from the executable). */
	if (!l || !l->ndwarf || l->ndwarf > FW_MAX_REGS || l->nregs > FW_MAX_NT_REGS ||
	    abi->dwarf_sp != up->sp_regno || (unsigned)abi->dwarf_sp >= l->ndwarf ||
	    regs_parse(l, buf, iov.iov_len, vals) < 0)
		return NULL;
	r->n = l->ndwarf;
	r->mask = l->word_size == 4 ? 0xffffffffu : ~(uint64_t)0;
	r->valid = (1u << r->n) - 1;
	for (unsigned i = 0; i < r->n; i++)
		r->v[i] = vals[l->dwarf[i]] & r->mask;
	*pc = vals[l->pc] & r->mask;
	return l;
}

int uw_fast_walk(struct unwind_proc *up, pid_t tid, struct uw_walk *w)
{
	struct fw_stack st = {.tid = tid};
	struct tmem m = {&stack_ops, &st};
	const struct reg_layout *l;
	struct fw_regs r;
	uint64_t pc;
	unsigned sp = (unsigned)up->sp_regno;

	if (up->no_fast || !up->attached || !(l = regs_of(up, tid, &r, &pc)))
		return 0;
	if (!up->fw.stack)
		up->fw.stack = xmalloc(FW_PAGES * FW_PAGE);
	st.buf = up->fw.stack;
	stack_fill(&st, r.v[sp]);
	for (size_t i = 0;; i++) {
		/* libdw looks a return address up at pc - 1, inside the call. */
		const struct fw_row *row = row_get(up, i ? pc - 1 : pc, r.n);
		if (!row)
			break;
		/* Every frame but the first is a return address: no signal frame gets here. */
		if (!uw_walk_push(w, pc, r.valid >> sp & 1 ? r.v[sp] : 0, i == 0))
			return 1;
		enum fw_step_result s = fw_step(row, &r, &m, l->word_size, &pc);
		if (s == FW_END)
			return 1;
		if (s == FW_FAIL)
			break;
	}
	w->n = 0;
	w->stop = UNWIND_STOP_END;
	w->msg = NULL;
	return 0;
}
