/*
 * prctl(2), option by option, as strace 6.1 prints it: only the arguments the option reads,
 * each in its own form (a capability, a signal, a sub-option and what it takes), the
 * outputs at exit, and the results strace names.  One table row per option; an option no
 * row has prints as 0x11 / * PR_??? * / with four hex arguments.  And x86's arch_prctl(2).
 */
#if __has_include(<asm/prctl.h>) /* x86 only: arch_prctl exists only there */
#include <asm/prctl.h>
#endif
#include <linux/cn_proc.h>
#include <linux/prctl.h>
#include <linux/seccomp.h>
#include <stdint.h>
#include <string.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"
#include "signame.h"

/* The kernel's TASK_COMM_LEN, which <linux/cn_proc.h> exports as the size of a comm. */
enum { COMM_LEN = sizeof(((struct proc_event *)0)->event_data.comm.comm) };

/* How one argument prints.  Plain kinds read a long (kernel unsigned long) unless "32". */
enum pr_kind {
	PK_HEX,	     /* a word in hex: what an option does not read, or reads as bits */
	PK_UDEC,     /* unsigned long, decimal */
	PK_LDEC,     /* long, decimal (a 32-bit ABI's zero-extended, as strace shows it) */
	PK_PTR,	     /* an address */
	PK_STR,	     /* a string, cut at -s */
	PK_ENUM,     /* one value of tab */
	PK_FLAGS,    /* bits of tab */
	PK_ENUM32,   /* an int, one value of tab */
	PK_FLAGS32,  /* an int, bits of tab */
	PK_SCOPE,    /* an int, one value of tab, with its number: 0x1 / * PIDTYPE_TGID * / */
	PK_SIG,	     /* a signal when the number is one, else unsigned decimal */
	PK_PTRACER,  /* a pid, or PR_SET_PTRACER_ANY */
	PK_CORE_PID, /* PR_SCHED_CORE's id: a pid (-Y names it) when the scope is a task's */
	PK_COMM,     /* a task's name, as the kernel reads it */
	PK_VL,	     /* a vector length word: its flags (tab) | its length */
	PK_TAGGED,   /* the tagged address control word */
	PK_FPROG,    /* a struct sock_fprog */
	PK_OUT,	     /* from here on, outputs: an address at entry, the value at exit */
	PK_OUT_SIG,  /* [SIGKILL] */
	PK_OUT_UINT, /* [4294967294] */
	PK_OUT_ENUM, /* [PR_TSC_ENABLE]: an int of tab */
	PK_OUT_FLAGS,
	PK_OUT_WORD, /* [0x7f...]: a pointer */
	PK_OUT_U64,  /* [0x1234]: a 64-bit cookie in hex */
	PK_OUT_COMM, /* "name" */
};

struct pr_arg {
	uint8_t kind;
	const struct xlat *tab;
};

/* How the result prints: unsigned decimal unless the row says otherwise. */
enum pr_ret {
	PR_RET_UINT,
	PR_RET_NAME,   /* = 1 (SUID_DUMP_USER): the name of tab, in every -X style */
	PR_RET_FLAGS,  /* = 0x10 (SECBIT_KEEP_CAPS): hex, and tab's names but under -X raw */
	PR_RET_VL,     /* = 0x20010 (PR_SVE_VL_INHERIT|0x10) when flags (tab) are set */
	PR_RET_TAGGED, /* = 0x3 (PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC) */
};

/* What a sub-option takes: the arguments after the option, the sub-option's included. */
struct pr_sub {
	uint64_t sub;
	uint8_t nargs;
	struct pr_arg rest[3];
};

struct pr_opt {
	uint32_t opt;
	uint8_t nargs; /* arguments after the option */
	uint8_t ret;
	const struct xlat *ret_tab;
	struct pr_arg args[4];
	/* args[0] is a sub-option: what each takes; another one takes args[1..]. */
	const struct pr_sub *subs;
	uint8_t nsubs;
};

#define H                                                                                          \
	{                                                                                          \
		PK_HEX, NULL                                                                       \
	}
#define U                                                                                          \
	{                                                                                          \
		PK_UDEC, NULL                                                                      \
	}
#define P                                                                                          \
	{                                                                                          \
		PK_PTR, NULL                                                                       \
	}
#define E(t)                                                                                       \
	{                                                                                          \
		PK_ENUM, &xl_##t                                                                   \
	}
#define E32(t)                                                                                     \
	{                                                                                          \
		PK_ENUM32, &xl_##t                                                                 \
	}
#define F(t)                                                                                       \
	{                                                                                          \
		PK_FLAGS, &xl_##t                                                                  \
	}
#define F32(t)                                                                                     \
	{                                                                                          \
		PK_FLAGS32, &xl_##t                                                                \
	}
#define K(kind)                                                                                    \
	{                                                                                          \
		kind, NULL                                                                         \
	}
#define KT(kind, t)                                                                                \
	{                                                                                          \
		kind, &xl_##t                                                                      \
	}
#define SUBS(list) list, sizeof(list) / sizeof(list[0])

static const struct pr_sub mce_kill_subs[] = {{PR_MCE_KILL_SET, 4, {E(mce_kill_policy), H, H}}};
static const struct pr_sub cap_ambient_subs[] = {
	{PR_CAP_AMBIENT_IS_SET, 4, {E(caps), H, H}},
	{PR_CAP_AMBIENT_RAISE, 4, {E(caps), H, H}},
	{PR_CAP_AMBIENT_LOWER, 4, {E(caps), H, H}},
};
static const struct pr_sub seccomp_subs[] = {
	{SECCOMP_MODE_STRICT, 1, {H}},
	{SECCOMP_MODE_FILTER, 2, {K(PK_FPROG)}},
};
static const struct pr_sub spec_set_subs[] = {
	{PR_SPEC_STORE_BYPASS, 2, {E(spec_set)}},
	{PR_SPEC_INDIRECT_BRANCH, 2, {E(spec_set)}},
	{PR_SPEC_L1D_FLUSH, 2, {E(spec_set)}},
};
static const struct pr_sub sched_core_subs[] = {
	{PR_SCHED_CORE_GET, 4, {K(PK_CORE_PID), KT(PK_SCOPE, sched_core_scope), K(PK_OUT_U64)}}};
static const struct pr_sub set_vma_subs[] = {{PR_SET_VMA_ANON_NAME, 4, {P, U, K(PK_STR)}}};

static const struct pr_opt pr_opts[] = {
	{PR_SET_PDEATHSIG, 1, 0, NULL, {K(PK_SIG)}, NULL, 0},
	{PR_GET_PDEATHSIG, 1, 0, NULL, {K(PK_OUT_SIG)}, NULL, 0},
	{PR_GET_DUMPABLE, 0, PR_RET_NAME, &xl_dumpable, {H}, NULL, 0},
	{PR_SET_DUMPABLE, 1, 0, NULL, {E(dumpable)}, NULL, 0},
	{PR_GET_UNALIGN, 1, 0, NULL, {KT(PK_OUT_FLAGS, pr_unalign)}, NULL, 0},
	{PR_SET_UNALIGN, 1, 0, NULL, {F32(pr_unalign)}, NULL, 0},
	{PR_GET_KEEPCAPS, 0, 0, NULL, {H}, NULL, 0},
	{PR_SET_KEEPCAPS, 1, 0, NULL, {U}, NULL, 0},
	{PR_GET_FPEMU, 1, 0, NULL, {K(PK_OUT_UINT)}, NULL, 0},
	{PR_SET_FPEMU, 1, 0, NULL, {U}, NULL, 0},
	{PR_GET_FPEXC, 1, 0, NULL, {K(PK_OUT_UINT)}, NULL, 0},
	{PR_SET_FPEXC, 1, 0, NULL, {U}, NULL, 0},
	{PR_GET_TIMING, 0, 0, NULL, {H}, NULL, 0},
	{PR_SET_TIMING, 1, 0, NULL, {U}, NULL, 0},
	{PR_SET_NAME, 1, 0, NULL, {K(PK_COMM)}, NULL, 0},
	{PR_GET_NAME, 1, 0, NULL, {K(PK_OUT_COMM)}, NULL, 0},
	{PR_GET_ENDIAN, 1, 0, NULL, {K(PK_OUT_UINT)}, NULL, 0},
	{PR_SET_ENDIAN, 1, 0, NULL, {U}, NULL, 0},
	{PR_GET_SECCOMP, 0, 0, NULL, {H}, NULL, 0},
	{PR_SET_SECCOMP, 4, 0, NULL, {E(seccomp_mode), H, H, H}, SUBS(seccomp_subs)},
	{PR_CAPBSET_READ, 1, 0, NULL, {E(caps)}, NULL, 0},
	{PR_CAPBSET_DROP, 1, 0, NULL, {E(caps)}, NULL, 0},
	{PR_GET_TSC, 1, 0, NULL, {KT(PK_OUT_ENUM, pr_tsc)}, NULL, 0},
	{PR_SET_TSC, 1, 0, NULL, {E32(pr_tsc)}, NULL, 0},
	{PR_GET_SECUREBITS, 0, PR_RET_FLAGS, &xl_secbits, {H}, NULL, 0},
	{PR_SET_SECUREBITS, 1, 0, NULL, {F(secbits)}, NULL, 0},
	{PR_SET_TIMERSLACK, 1, 0, NULL, {K(PK_LDEC)}, NULL, 0},
	{PR_GET_TIMERSLACK, 0, 0, NULL, {H}, NULL, 0},
	{PR_TASK_PERF_EVENTS_DISABLE, 0, 0, NULL, {H}, NULL, 0},
	{PR_TASK_PERF_EVENTS_ENABLE, 0, 0, NULL, {H}, NULL, 0},
	{PR_MCE_KILL, 4, 0, NULL, {E(mce_kill), H, H, H}, SUBS(mce_kill_subs)},
	{PR_MCE_KILL_GET, 4, PR_RET_NAME, &xl_mce_kill_policy, {H, H, H, H}, NULL, 0},
	{PR_SET_MM, 4, 0, NULL, {E32(pr_set_mm), H, H, H}, NULL, 0},
	{PR_SET_PTRACER, 1, 0, NULL, {K(PK_PTRACER)}, NULL, 0},
	{PR_SET_CHILD_SUBREAPER, 1, 0, NULL, {U}, NULL, 0},
	{PR_GET_CHILD_SUBREAPER, 1, 0, NULL, {K(PK_OUT_UINT)}, NULL, 0},
	{PR_SET_NO_NEW_PRIVS, 4, 0, NULL, {U, H, H, H}, NULL, 0},
	{PR_GET_NO_NEW_PRIVS, 4, 0, NULL, {H, H, H, H}, NULL, 0},
	{PR_GET_TID_ADDRESS, 1, 0, NULL, {K(PK_OUT_WORD)}, NULL, 0},
	{PR_SET_THP_DISABLE, 4, 0, NULL, {U, H, H, H}, NULL, 0},
	{PR_GET_THP_DISABLE, 4, 0, NULL, {H, H, H, H}, NULL, 0},
	{PR_MPX_ENABLE_MANAGEMENT, 4, 0, NULL, {H, H, H, H}, NULL, 0},
	{PR_MPX_DISABLE_MANAGEMENT, 4, 0, NULL, {H, H, H, H}, NULL, 0},
	{PR_SET_FP_MODE, 1, 0, NULL, {F32(pr_fp_mode)}, NULL, 0},
	{PR_GET_FP_MODE, 0, PR_RET_FLAGS, &xl_pr_fp_mode, {H}, NULL, 0},
	{PR_CAP_AMBIENT, 4, 0, NULL, {E(cap_ambient), H, H, H}, SUBS(cap_ambient_subs)},
	{PR_SVE_SET_VL, 1, PR_RET_VL, &xl_sve_vl_flags, {KT(PK_VL, sve_vl_flags)}, NULL, 0},
	{PR_SVE_GET_VL, 0, PR_RET_VL, &xl_sve_vl_flags, {H}, NULL, 0},
	{PR_GET_SPECULATION_CTRL, 1, PR_RET_FLAGS, &xl_spec_ctrl, {E(spec_which)}, NULL, 0},
	{PR_SET_SPECULATION_CTRL, 2, 0, NULL, {E(spec_which), H}, SUBS(spec_set_subs)},
	{PR_PAC_RESET_KEYS, 4, 0, NULL, {F(pac_keys), H, H, H}, NULL, 0},
	{PR_SET_TAGGED_ADDR_CTRL, 4, 0, NULL, {K(PK_TAGGED), H, H, H}, NULL, 0},
	{PR_GET_TAGGED_ADDR_CTRL, 4, PR_RET_TAGGED, NULL, {H, H, H, H}, NULL, 0},
	{PR_SET_IO_FLUSHER, 4, 0, NULL, {U, H, H, H}, NULL, 0},
	{PR_GET_IO_FLUSHER, 4, 0, NULL, {H, H, H, H}, NULL, 0},
	{PR_SET_SYSCALL_USER_DISPATCH, 4, 0, NULL, {E(sys_dispatch), H, H, P}, NULL, 0},
	{PR_PAC_SET_ENABLED_KEYS,
	 4,
	 0,
	 NULL,
	 {F(pac_enabled_keys), F(pac_enabled_keys), H, H},
	 NULL,
	 0},
	{PR_PAC_GET_ENABLED_KEYS, 4, PR_RET_FLAGS, &xl_pac_enabled_keys, {H, H, H, H}, NULL, 0},
	{PR_SCHED_CORE,
	 4,
	 0,
	 NULL,
	 {E32(sched_core), K(PK_CORE_PID), KT(PK_SCOPE, sched_core_scope), P},
	 SUBS(sched_core_subs)},
	{PR_SME_SET_VL, 1, PR_RET_VL, &xl_sme_vl_flags, {KT(PK_VL, sme_vl_flags)}, NULL, 0},
	{PR_SME_GET_VL, 0, PR_RET_VL, &xl_sme_vl_flags, {H}, NULL, 0},
	{PR_SET_VMA, 4, 0, NULL, {E(pr_set_vma), H, H, H}, SUBS(set_vma_subs)},
};

/* An option no row has: its number and strace's comment, then four words in hex. */
static const struct pr_opt pr_unknown = {0, 4, 0, NULL, {H, H, H, H}, NULL, 0};

static const struct pr_opt *pr_find(uint32_t opt)
{
	for (size_t i = 0; i < sizeof(pr_opts) / sizeof(pr_opts[0]); i++)
		if (pr_opts[i].opt == opt)
			return &pr_opts[i];
	return &pr_unknown;
}

/*
 * A task's name, read as strace reads one: min(-s + 1, limit) bytes.  A NUL among them
 * ends a whole string; none, and what shows is cut ("0123456789abcde"...); memory that ends
 * first, before any NUL, shows the address.
 */
static void dec_comm(struct dctx *d, struct val *v, uint64_t addr, unsigned limit)
{
	char buf[COMM_LEN + 1];
	unsigned s = d->opt->strsize;
	size_t n = s < limit ? s + 1 : limit;
	bool complete;
	ssize_t len = addr ? tmem_read_str(d->mem, addr, buf, n, &complete) : -1;

	if (len < 0 || (!complete && (size_t)len < n)) {
		val_ptr(v, addr);
		return;
	}
	if ((size_t)len < n)
		val_str(v, d->ar, buf, (uint32_t)len, false);
	else
		val_str(v, d->ar, buf, (uint32_t)(s < n ? s : n), true);
	v->flags |= VALF_CSTRING;
}

/* PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0x20, or the length alone: 0x20. */
static uint64_t vl_mask(const struct xlat *tab)
{
	return tab == &xl_sme_vl_flags ? PR_SME_VL_LEN_MASK : PR_SVE_VL_LEN_MASK;
}

static void dec_vl(struct dctx *d, struct val *v, uint64_t w, const struct xlat *tab)
{
	uint64_t mask = vl_mask(tab);

	if (!(w & ~mask)) {
		val_hex(v, w);
		v->flags |= VALF_NUM;
		return;
	}
	struct val *items = val_or(v, d->ar, 2);
	val_flags(&items[0], w & ~mask, tab);
	val_hex(&items[1], w & mask);
	items[1].flags |= VALF_NUM;
}

/* PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC|0x5<<PR_MTE_TAG_SHIFT, and bits beyond in hex. */
static void dec_tagged(struct dctx *d, struct val *v, uint64_t w)
{
	uint64_t tag = (w & PR_MTE_TAG_MASK) >> PR_MTE_TAG_SHIFT;
	uint64_t rest = w & ~(uint64_t)(PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_MASK | PR_MTE_TAG_MASK);
	struct val *items = val_or(v, d->ar, 2 + (tag != 0) + (rest != 0));
	unsigned i = 2;

	val_enum(&items[0], w & PR_TAGGED_ADDR_ENABLE, &xl_tagged_addr);
	val_enum(&items[1], w & PR_MTE_TCF_MASK, &xl_mte_tcf);
	if (tag)
		val_shift(&items[i++], tag, PR_MTE_TAG_SHIFT, "PR_MTE_TAG_SHIFT");
	if (rest)
		val_hex(&items[i], rest);
}

/* {len=4, filter=0x7ffd...}: a u16 and a pointer, aligned to the word. */
static void dec_fprog(struct dctx *d, struct val *v, uint64_t addr)
{
	unsigned ws = d->abi->word_size;
	uint8_t buf[16];
	uint16_t len;
	uint64_t filter = 0;

	if (!dec_fetch(d, v, addr, buf, 2 * ws))
		return;
	memcpy(&len, buf, sizeof(len));
	memcpy(&filter, buf + ws, ws);
	st_init(v, d->ar, 2);
	val_uint(st_add(v, d->ar, "len"), len);
	val_ptr(st_add(v, d->ar, "filter"), filter);
}

/* The kinds that are more than a number and a table. */
static void pr_arg_special(struct dctx *d, struct sc_event *ev, unsigned i, const struct pr_arg *a)
{
	struct val *v = &ev->args[i];
	uint64_t w = arg_word(d, ev, i);
	char buf[32];

	switch (a->kind) {
	case PK_SCOPE:
		val_enum(v, (uint32_t)w, a->tab);
		v->raw = VAL_RAW_VERBOSE;
		break;
	case PK_SIG:
		if (signame((int64_t)w, buf, sizeof(buf)) && w <= INT32_MAX)
			val_sig(v, (int64_t)w);
		else
			val_uint(v, w);
		break;
	case PK_PTRACER:
		if (arg_int(ev, i) == -1) {
			val_enum(v, (uint64_t)arg_int(ev, i), &xl_pr_ptracer);
			v->raw = VAL_RAW_DECIMAL;
		} else {
			val_pid(v, arg_int(ev, i));
		}
		break;
	case PK_CORE_PID: /* strace -Y names a thread's or a thread group's, not a group's */
		if ((uint32_t)ev->raw[i + 1] == PR_SCHED_CORE_SCOPE_THREAD ||
		    (uint32_t)ev->raw[i + 1] == PR_SCHED_CORE_SCOPE_THREAD_GROUP)
			val_pid(v, arg_int(ev, i));
		else
			val_int(v, arg_int(ev, i));
		break;
	case PK_COMM:
		dec_comm(d, v, w, COMM_LEN - 1);
		break;
	case PK_VL:
		dec_vl(d, v, w, a->tab);
		break;
	case PK_TAGGED:
		dec_tagged(d, v, w);
		break;
	case PK_FPROG:
		dec_fprog(d, v, w);
		break;
	default: /* outputs: an address until the exit */
		val_ptr(v, w);
		break;
	}
}

/* Argument i (1 to 4) at entry. */
static void pr_arg(struct dctx *d, struct sc_event *ev, unsigned i, const struct pr_arg *a)
{
	struct val *v = &ev->args[i];
	uint64_t w = arg_word(d, ev, i);

	switch (a->kind) {
	case PK_HEX:
		val_hex(v, w);
		break;
	case PK_UDEC:
		val_uint(v, w);
		break;
	case PK_LDEC:
		/* strace's long is 64-bit: a 32-bit ABI's -1 prints as 4294967295. */
		val_int(v, (int64_t)w);
		break;
	case PK_PTR:
		val_ptr(v, w);
		break;
	case PK_STR:
		decode_cstr(d, v, w, d->opt->strsize);
		break;
	case PK_ENUM:
	case PK_ENUM32:
		val_enum(v, a->kind == PK_ENUM ? w : (uint32_t)w, a->tab);
		break;
	case PK_FLAGS:
	case PK_FLAGS32:
		val_flags(v, a->kind == PK_FLAGS ? w : (uint32_t)w, a->tab);
		break;
	default:
		pr_arg_special(d, ev, i, a);
		break;
	}
}

/* An int the kernel wrote at addr, as kind says: [SIGKILL], [4294967294], [PR_TSC_ENABLE]. */
static void pr_out_int(struct dctx *d, struct val *v, uint64_t addr, const struct pr_arg *a)
{
	int32_t x;

	if (!dec_fetch(d, v, addr, &x, sizeof(x)))
		return;
	struct val *item = val_array(v, d->ar, 1);
	if (a->kind == PK_OUT_SIG)
		val_sig(item, x);
	else if (a->kind == PK_OUT_ENUM)
		val_enum(item, (uint32_t)x, a->tab);
	else if (a->kind == PK_OUT_FLAGS)
		val_flags(item, (uint32_t)x, a->tab);
	else
		val_uint(item, (uint32_t)x);
}

/* Argument i at the exit of a call that succeeded. */
static void pr_out(struct dctx *d, struct sc_event *ev, unsigned i, const struct pr_arg *a)
{
	struct val *v = &ev->args[i];
	uint64_t addr = arg_word(d, ev, i);
	uint64_t w;

	switch (a->kind) {
	case PK_OUT_COMM:
		dec_comm(d, v, addr, COMM_LEN);
		break;
	case PK_OUT_WORD:
		if (!addr || read_word(d, addr, &w) < 0)
			val_ptr(v, addr);
		else
			val_ptr(val_array(v, d->ar, 1), w);
		break;
	case PK_OUT_U64:
		if (dec_fetch(d, v, addr, &w, sizeof(w)))
			val_hex(val_array(v, d->ar, 1), w);
		break;
	default:
		pr_out_int(d, v, addr, a);
		break;
	}
}

/* The kinds of the arguments the option (and its sub-option) reads: args[1..n]. */
static unsigned pr_kinds(const struct pr_opt *o, const struct sc_event *ev, struct pr_arg k[5])
{
	unsigned n = o->nargs;

	for (unsigned i = 0; i < 4; i++)
		k[i + 1] = o->args[i];
	for (unsigned i = 0; i < o->nsubs; i++) {
		if (o->subs[i].sub != ev->args[1].fl.bits)
			continue;
		n = o->subs[i].nargs;
		for (unsigned j = 0; j < 3; j++)
			k[j + 2] = o->subs[i].rest[j];
		break;
	}
	return n;
}

static void pr_entry(struct dctx *d, struct sc_event *ev, const struct pr_opt *o)
{
	struct pr_arg k[5];
	unsigned n;

	if (o->nargs)
		pr_arg(d, ev, 1, &o->args[0]);
	n = pr_kinds(o, ev, k);
	ev->nargs = (uint8_t)(n + 1);
	ev->split = ev->nargs;
	for (unsigned i = 1; i <= n; i++) {
		if (i > 1)
			pr_arg(d, ev, i, &k[i]);
		if (k[i].kind >= PK_OUT && ev->split == ev->nargs)
			ev->split = (uint8_t)i;
	}
}

/* The result, as the row says; ret is the ABI's word. */
static void pr_result(struct dctx *d, struct sc_event *ev, const struct pr_opt *o, uint64_t ret)
{
	struct val *note = &ev->ret_note;
	const char *name;

	if (o->ret == PR_RET_NAME && (name = xlat_name(o->ret_tab, ret)))
		val_sym(note, name);
	if (o->ret == PR_RET_UINT || o->ret == PR_RET_NAME)
		return;
	val_hex(&ev->retv, ret);
	ev->retv.flags |= VALF_NUM;
	if (o->ret == PR_RET_FLAGS && xlat_names_any(o->ret_tab, ret))
		val_flags(note, ret, o->ret_tab);
	else if (o->ret == PR_RET_TAGGED)
		dec_tagged(d, note, ret);
	else if (o->ret == PR_RET_VL && (ret & ~vl_mask(o->ret_tab)))
		dec_vl(d, note, ret, o->ret_tab);
	else
		return;
	note->raw = VAL_RAW_NAMES;
}

void dec_prctl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	const struct pr_opt *o = pr_find((uint32_t)ev->raw[0]);
	struct pr_arg k[5];

	if (!exiting) {
		pr_entry(d, ev, o);
		return;
	}
	if (!dec_ok(ev))
		return;
	pr_kinds(o, ev, k);
	for (unsigned i = ev->split; i < ev->nargs; i++)
		pr_out(d, ev, i, &k[i]);
	/* strace 6.1 reads the result of PR_GET_SPECULATION_CTRL for a control it does not
	 * know as PR_GET_DUMPABLE's: = 0 (SUID_DUMP_DISABLE). */
	if (o->opt == PR_GET_SPECULATION_CTRL && !xlat_name(&xl_spec_which, ev->args[1].fl.bits))
		o = pr_find(PR_GET_DUMPABLE);
	pr_result(d, ev, o, d->abi->word_size == 4 ? (uint32_t)ev->ret : (uint64_t)ev->ret);
}

/* What an arch_prctl code does with its argument: nothing, or write a word or a mask there. */
enum arch_arg { ARCH_ARG_IN, ARCH_ARG_NONE, ARCH_ARG_OUT_PTR, ARCH_ARG_OUT_MASK };

static enum arch_arg arch_arg(uint32_t code)
{
	switch (code) {
#ifdef ARCH_GET_FS
	case ARCH_GET_CPUID:
		return ARCH_ARG_NONE;
	case ARCH_GET_FS:
	case ARCH_GET_GS:
		return ARCH_ARG_OUT_PTR;
#endif
#ifdef ARCH_GET_XCOMP_SUPP
	case ARCH_GET_XCOMP_SUPP:
	case ARCH_GET_XCOMP_PERM:
	case ARCH_GET_XCOMP_GUEST_PERM:
		return ARCH_ARG_OUT_MASK;
#endif
	default:
		return ARCH_ARG_IN;
	}
}

/*
 * arch_prctl(ARCH_GET_FS, [0x7f...]), arch_prctl(ARCH_GET_CPUID).  strace also names the
 * xfeatures of the ARCH_*_XCOMP_* codes, whose names are the kernel's (asm/fpu/types.h) and
 * no UAPI header's: they show as numbers here.
 */
void dec_arch_prctl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	enum arch_arg kind = arch_arg((uint32_t)ev->raw[0]);
	uint64_t addr = arg_word(d, ev, 1), w;
	struct val *v = &ev->args[1];

	if (!exiting) {
		if (kind == ARCH_ARG_NONE)
			ev->nargs = ev->split = 1;
		if (kind == ARCH_ARG_OUT_PTR || kind == ARCH_ARG_OUT_MASK) {
			val_ptr(v, addr);
			ev->split = 1;
		}
		return;
	}
	if (!dec_ok(ev))
		return;
	if (kind == ARCH_ARG_OUT_PTR && addr && read_word(d, addr, &w) == 0)
		val_ptr(val_array(v, d->ar, 1), w);
	else if (kind == ARCH_ARG_OUT_MASK && dec_fetch(d, v, addr, &w, sizeof(w)))
		val_hex(val_array(v, d->ar, 1), w);
}
