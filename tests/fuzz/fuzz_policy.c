/*
 * The policy parser (parse.c, parse_value.c, groups.c) and, on what it
 * accepts, everything that reads a parsed policy: the static verdicts, the
 * seccomp-bpf compiler, the OCI export, the matcher with inputs read from
 * fake tracee memory (input.c), and learning.  A policy learned from a call
 * must parse and must allow that call: ptrc --learn writes what it saw, and
 * the next run enforces it.
 *
 * Input: policy text up to the first NUL; after it one call: ABI, syscall
 * index, six registers, the directory relative paths resolve against, the
 * calling program, then tracee memory regions (fz_mem_build; anchors are
 * the six registers).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "policy/policy.h"
#include "sys/decode.h"
#include "sys/sysent.h"

struct call {
	const struct ptrc_abi *abi;
	struct sc_event ev;
	struct policy_input in;
	struct fz_mem mem;
	const char *base;
};

/* The call after the NUL, and its inputs as policy_hook_check() gathers them. */
static void read_call(struct call *c, struct fz *f, struct arena *ar)
{
	uint64_t regs[6], anchors[FZ_ANCHORS] = {0};

	c->abi = fz_abi(f);
	uint64_t nr = fz_sysno(f, c->abi);
	for (unsigned i = 0; i < 6; i++)
		anchors[i] = regs[i] = fz_u64(f);
	c->base = fz_cstr(f, ar);
	const char *exe = fz_cstr(f, ar);
	fz_mem_build(&c->mem, f, anchors, c->abi->word_size == 4 ? 0xffffffffu : UINT64_MAX);
	sys_call_start(&c->ev, c->abi, nr, regs, &c->mem.entry, ar);
	memset(&c->in, 0, sizeof(c->in));
	c->in.family = -1;
	if (c->ev.ent) {
		policy_input_read(&c->in, c->abi, c->ev.ent, c->ev.raw, &c->mem.entry, ar);
		for (unsigned i = 0; i < c->in.npaths; i++)
			if (policy_input_relative(&c->in, i) && c->base[0])
				policy_input_resolve(&c->in, i, c->base, ar);
	}
	c->in.exe = exe[0] ? exe : NULL;
}

static void judge(struct policy *p, const struct call *c, struct policy_verdict *v)
{
	if (c->ev.via)
		policy_check_name(p, c->ev.name, &c->in, v);
	else
		policy_check(p, c->abi, c->ev.nr, &c->in, v);
}

/* Everything that reads a parsed policy, on p and on the call. */
static void use_policy(struct policy *p, const struct call *c)
{
	struct policy_fams fams = {.n = 0};
	struct policy_bpf bpf = {0};
	struct policy_verdict v;
	struct strbuf sb = {0};

	policy_static_verdict(p, c->ev.name, &fams);
	if (fams.n > sizeof(fams.fam) / sizeof(fams.fam[0]))
		fz_fail("policy_static_verdict: %u families", fams.n);
	policy_needs_input(p, c->abi, c->ev.nr);
	judge(p, c, &v);
	if (v.rule && (v.rule < p->rules || v.rule >= p->rules + p->nrules))
		fz_fail("policy_check: a rule that is not the policy's");
	int rc = policy_bpf_compile(p, &bpf);
	if (rc < 0 && rc != -E2BIG)
		fz_fail("policy_bpf_compile: %d", rc);
	policy_bpf_free(&bpf);
	policy_oci_export(p, &sb);
	fz_check_json("policy_oci_export", sb.buf, sb.len);
	strbuf_free(&sb);
}

/*
 * What ptrc --learn writes for the call must parse, and must allow the call.
 * Like policy_hook_check(), only calls with a signature are learned.
 */
static void learn_round_trip(const struct call *c)
{
	struct policy_learn *l = policy_learn_new();
	struct strbuf sb = {0};
	struct policy *learned = NULL;
	struct policy_verdict v;
	char err[512];

	policy_learn_add(l, c->ev.name, &c->in);
	policy_learn_write(l, &sb, "fuzz", NULL);
	if (fz_show())
		fprintf(stderr, "%s path \"%s\" \"%s\" family %d, learned:\n%s", c->ev.name,
			c->in.path[0] ? c->in.path[0] : "", c->in.path[1] ? c->in.path[1] : "",
			c->in.family, sb.buf);
	if (policy_parse("learned", sb.buf, sb.len, &learned, err, sizeof(err)) < 0)
		fz_fail("the learned policy does not parse: %s\n%s", err, sb.buf);
	policy_check_name(learned, c->ev.name, &c->in, &v);
	if (v.action != POLICY_ALLOW)
		fz_fail("the learned policy denies the call it learned: %s path \"%s\" \"%s\" "
			"family %d sa family %d:\n%s",
			c->ev.name, c->in.path[0] ? c->in.path[0] : "",
			c->in.path[1] ? c->in.path[1] : "", c->in.family, c->in.sa.family, sb.buf);
	policy_free(learned);
	strbuf_free(&sb);
	policy_learn_free(l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	size_t tlen = nul ? (size_t)(nul - data) : size;
	struct fz f = {data + tlen, size - tlen};
	struct policy *p = NULL;
	struct arena ar = {0};
	struct call c;
	char err[512] = "";

	fz_u8(&f); /* the NUL */
	read_call(&c, &f, &ar);
	if (fz_show())
		fprintf(stderr, "%s: %s%s\n", c.abi->name, c.ev.name,
			c.ev.ent ? "" : " (no signature)");
	int rc = policy_parse("fuzz.policy", (const char *)data, tlen, &p, err, sizeof(err));
	if (rc == 0) {
		use_policy(p, &c);
		policy_free(p);
	} else if (rc != -EINVAL || p || strncmp(err, "fuzz.policy:", 12)) {
		fz_fail("policy_parse: %d with %p and \"%s\"", rc, (void *)p, err);
	}
	if (c.ev.ent)
		learn_round_trip(&c);
	arena_free(&ar);
	return 0;
}
