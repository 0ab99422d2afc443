/*
 * The seccomp-bpf fast path: a classic BPF program that lets the kernel
 * allow what the policy allows whatever the arguments, and traps to ptrc
 * (SECCOMP_RET_TRACE) for everything else and for what the caller wants to
 * see (the trace's selection).  Without a policy, everything is allowed but
 * what the caller wants.  Per ABI, the syscall numbers fall into ranges of
 * equal action, searched as a balanced binary tree.
 */
#include "internal.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "../util/xalloc.h"

enum act { ACT_ALLOW, ACT_DENY, ACT_CHECK, ACT_FAM, ACT_ARCH, ACT_TRACE };

struct range {
	uint32_t lo; /* up to the next range's lo - 1, or UINT32_MAX */
	enum act act;
	struct policy_fams fams;
};

/* What the program is made from. */
struct bpf_in {
	const struct policy *p; /* NULL: every call allowed */
	const struct policy_bpf_trap *trap;
};

struct prog {
	struct sock_filter *f;
	unsigned len, cap;
};

static unsigned emit(struct prog *p, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	if (p->len == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->f = xrealloc(p->f, p->cap * sizeof(*p->f));
	}
	p->f[p->len] = (struct sock_filter)BPF_JUMP(code, k, jt, jf);
	return p->len++;
}

static uint32_t trace(enum policy_bpf_reason why)
{
	return SECCOMP_RET_TRACE | ((uint32_t)why & SECCOMP_RET_DATA);
}

/* The low 32 bits of argument 0: socket()'s int domain. */
static uint32_t arg0_low(void)
{
	size_t off = offsetof(struct seccomp_data, args[0]);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	off += 4;
#endif
	return (uint32_t)off;
}

static void emit_leaf(struct prog *p, const struct range *r)
{
	switch (r->act) {
	case ACT_ALLOW:
		emit(p, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW);
		break;
	case ACT_DENY:
		emit(p, BPF_RET | BPF_K, 0, 0, trace(POLICY_BPF_DENY));
		break;
	case ACT_CHECK:
		emit(p, BPF_RET | BPF_K, 0, 0, trace(POLICY_BPF_CHECK));
		break;
	case ACT_ARCH:
		emit(p, BPF_RET | BPF_K, 0, 0, trace(POLICY_BPF_ARCH));
		break;
	case ACT_TRACE:
		emit(p, BPF_RET | BPF_K, 0, 0, trace(POLICY_BPF_TRACE));
		break;
	case ACT_FAM:
		/* JEQ each family to the final RET ALLOW; else RET TRACE. */
		emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, arg0_low());
		for (unsigned i = 0; i < r->fams.n; i++)
			emit(p, BPF_JMP | BPF_JEQ | BPF_K, (uint8_t)(r->fams.n - i), 0,
			     (uint32_t)r->fams.fam[i]);
		emit(p, BPF_RET | BPF_K, 0, 0, trace(POLICY_BPF_CHECK));
		emit(p, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW);
		break;
	}
}

/* Ranges [a, b): the accumulator holds a number >= r[a].lo. */
static void emit_tree(struct prog *p, const struct range *r, unsigned a, unsigned b)
{
	if (b - a == 1) {
		emit_leaf(p, &r[a]);
		return;
	}
	unsigned m = a + (b - a) / 2;
	emit(p, BPF_JMP | BPF_JGE | BPF_K, 0, 1, r[m].lo);
	unsigned ja = emit(p, BPF_JMP | BPF_JA, 0, 0, 0);
	emit_tree(p, r, a, m);
	p->f[ja].k = p->len - (ja + 1);
	emit_tree(p, r, m, b);
}

static enum act policy_act(const struct policy *p, const char *name, struct policy_fams *fams)
{
	fams->n = 0;
	if (!p)
		return ACT_ALLOW;
	if (!name)
		return p->dflt == POLICY_ALLOW ? ACT_ALLOW : ACT_DENY;
	/* i386's multiplexers carry connect, semget...: ptrc decides on the call inside. */
	if (policy_is_multiplexer(name))
		return ACT_CHECK;
	switch (policy_static_verdict(p, name, fams)) {
	case POLICY_S_ALLOW:
		return ACT_ALLOW;
	case POLICY_S_DENY:
		return ACT_DENY;
	case POLICY_S_FAMILY:
		return ACT_FAM;
	case POLICY_S_CHECK:
		break;
	}
	return ACT_CHECK;
}

/* What the policy says, and a stop where it would let the call run but the caller wants it. */
static enum act act_of(const struct bpf_in *in, const struct ptrc_abi *abi, uint32_t nr,
		       const char *name, struct policy_fams *fams)
{
	enum act a = policy_act(in->p, name, fams);

	if ((a == ACT_ALLOW || a == ACT_FAM) && in->trap &&
	    in->trap->want(in->trap->ctx, abi, nr, name)) {
		fams->n = 0;
		return ACT_TRACE;
	}
	return a;
}

static void add_range(struct range **v, unsigned *n, uint32_t lo, enum act act,
		      const struct policy_fams *fams)
{
	struct range *last = *n ? &(*v)[*n - 1] : NULL;

	if (last && last->act == act &&
	    (act != ACT_FAM || !memcmp(&last->fams, fams, sizeof(*fams))))
		return;
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n] = (struct range){.lo = lo, .act = act, .fams = *fams};
	(*n)++;
}

/* The ranges of one ABI, from number 0 to UINT32_MAX. */
static struct range *abi_ranges(const struct bpf_in *in, const struct ptrc_abi *abi, unsigned *n)
{
	const struct systab *t = abi->systab;
	unsigned len = 0;
	struct range *v = NULL;
	struct policy_fams fams;

	for (unsigned i = 0; i < t->len; i++)
		if (t->entries[i].nr + 1 > len)
			len = t->entries[i].nr + 1;
	const char **names = xcalloc(len + 1, sizeof(*names));
	for (unsigned i = 0; i < t->len; i++)
		names[t->entries[i].nr] = t->entries[i].name;
	*n = 0;
	for (unsigned nr = 0; nr <= len; nr++) {
		enum act a = act_of(in, abi, nr, nr < len ? names[nr] : NULL, &fams);
		add_range(&v, n, nr, a, &fams);
	}
	fams.n = 0;
	/* x32 numbers (the masked bit) and anything above go to ptrc. */
	if (abi->nr_mask)
		add_range(&v, n, (uint32_t)abi->nr_mask, ACT_ARCH, &fams);
	free(names);
	return v;
}

static void emit_abi(struct prog *pr, const struct bpf_in *in, const struct ptrc_abi *abi)
{
	unsigned n;
	struct range *r = abi_ranges(in, abi, &n);

	emit(pr, BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, nr));
	emit_tree(pr, r, 0, n);
	free(r);
}

int policy_bpf_compile_trap(const struct policy *p, const struct policy_bpf_trap *trap,
			    struct policy_bpf *out)
{
	const struct bpf_in in = {p, trap};
	struct prog pr = {0};
	unsigned jumps[ABI_COUNT];

	emit(&pr, BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, arch));
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		emit(&pr, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, abi_by_id((enum abi_id)id)->audit_arch);
		jumps[id] = emit(&pr, BPF_JMP | BPF_JA, 0, 0, 0);
	}
	emit(&pr, BPF_RET | BPF_K, 0, 0, trace(POLICY_BPF_ARCH));
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		pr.f[jumps[id]].k = pr.len - (jumps[id] + 1);
		emit_abi(&pr, &in, abi_by_id((enum abi_id)id));
	}
	if (pr.len > BPF_MAXINSNS) {
		free(pr.f);
		return -E2BIG;
	}
	out->insns = pr.f;
	out->len = pr.len;
	return 0;
}

int policy_bpf_compile(const struct policy *p, struct policy_bpf *out)
{
	return policy_bpf_compile_trap(p, NULL, out);
}

void policy_bpf_free(struct policy_bpf *b)
{
	free(b->insns);
	b->insns = NULL;
	b->len = 0;
}
