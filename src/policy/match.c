/* Matching calls against rules: the first rule that matches decides. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../sys/sysent.h"
#include "../util/xalloc.h"

/* Rules by syscall number of one ABI, in CSR form. */
struct policy_index {
	unsigned len;	    /* numbers 0 .. len-1 */
	const char **names; /* by number, NULL for unnamed */
	unsigned *start;    /* rules of nr: rules[start[nr] .. start[nr+1]) */
	unsigned *rules;    /* rule indexes, in policy order */
};

static bool class_match(const char **pp, char c)
{
	const char *p = *pp + 1;
	bool neg = *p == '!' || *p == '^', hit = false;

	if (neg)
		p++;
	for (bool first = true; *p && (first || *p != ']'); first = false, p++) {
		if (p[1] == '-' && p[2] && p[2] != ']') {
			hit |= c >= p[0] && c <= p[2];
			p += 2;
		} else {
			hit |= c == *p;
		}
	}
	*pp = *p ? p + 1 : p;
	return hit != neg && c != '/';
}

bool policy_glob_match(const char *p, const char *s)
{
	for (;;) {
		switch (*p) {
		case '\0':
			return *s == '\0';
		case '*':
			if (p[1] == '*') {
				p += 2;
				/* a double star then a slash also matches zero directories */
				if (*p == '/' && policy_glob_match(p + 1, s))
					return true;
				for (const char *t = s;; t++) {
					if (policy_glob_match(p, t))
						return true;
					if (!*t)
						return false;
				}
			}
			p++;
			for (const char *t = s;; t++) {
				if (policy_glob_match(p, t))
					return true;
				if (!*t || *t == '/')
					return false;
			}
		case '?':
			if (!*s || *s == '/')
				return false;
			p++, s++;
			break;
		case '[':
			if (!*s || !class_match(&p, *s))
				return false;
			s++;
			break;
		case '\\':
			if (p[1])
				p++;
			/* fall through */
		default:
			/* DIR then a final double star is the tree, DIR with it, as in Landlock. */
			if (*s == '\0' && !strcmp(p, "/**"))
				return true;
			if (*p != *s)
				return false;
			p++, s++;
			break;
		}
	}
}

static bool globs_any(const struct policy_cond *c, const char *s)
{
	for (unsigned i = 0; s && i < c->n; i++)
		if (policy_glob_match(c->globs[i], s))
			return true;
	return false;
}

static bool paths_match(const struct policy_cond *c, const struct policy_input *in)
{
	if (!in->npaths)
		return false;
	for (unsigned i = 0; i < in->npaths; i++)
		if (!globs_any(c, in->path[i]))
			return false;
	return true;
}

static bool net_match(const struct policy_net *n, const struct policy_sockaddr *sa)
{
	if (n->family != sa->family)
		return false;
	if (n->family == AF_UNSPEC)
		return true;
	if (n->family == AF_UNIX)
		return sa->path && policy_glob_match(n->glob, sa->path);
	unsigned full = n->prefix / 8, rest = n->prefix % 8;
	if (memcmp(n->addr, sa->addr, full))
		return false;
	if (!rest)
		return true;
	uint8_t mask = (uint8_t)(0xff << (8 - rest));
	return (n->addr[full] & mask) == (sa->addr[full] & mask);
}

static bool cond_match(const struct policy_cond *c, enum policy_key k, const char *name,
		       const struct policy_input *in)
{
	const struct policy_sockaddr *sa = &in->sa;
	bool dest = in->has_sa && in->sa_read;

	switch (k) {
	case PK_PATH:
		return paths_match(c, in);
	case PK_EXEC:
		return in->npaths && globs_any(c, in->path[0]);
	case PK_ACCESS:
		for (unsigned i = 0; i < c->n; i++)
			if (in->access &&
			    c->ints[i] == ((in->access & POLICY_ACCESS_WRITE) ? POLICY_ACCESS_WRITE
									      : POLICY_ACCESS_READ))
				return true;
		return false;
	case PK_FAMILY: {
		const struct sc_info *si = sc_info_find(name);
		int fam = si && si->kind == SCK_SOCKET ? in->family : dest ? sa->family : -1;
		for (unsigned i = 0; fam >= 0 && i < c->n; i++)
			if (c->ints[i] == fam)
				return true;
		return false;
	}
	case PK_ADDR:
		for (unsigned i = 0; dest && i < c->n; i++)
			if (net_match(&c->nets[i], sa))
				return true;
		return false;
	case PK_PORT:
		for (unsigned i = 0; dest && i < c->n; i++)
			if ((sa->family == AF_INET || sa->family == AF_INET6) &&
			    sa->port >= c->ports[i].lo && sa->port <= c->ports[i].hi)
				return true;
		return false;
	case PK_EXE:
		return globs_any(c, in->exe);
	case PK_COUNT:
		break;
	}
	return false;
}

unsigned rule_conds_for(const struct policy_rule *r, const char *name)
{
	unsigned bits = 0;

	for (int k = 0; k < PK_COUNT; k++)
		if (r->cond[k].n && sc_key_applies(k, name))
			bits |= 1u << k;
	return bits;
}

bool rule_matches(const struct policy_rule *r, const char *name, const struct policy_input *in)
{
	unsigned bits = rule_conds_for(r, name);

	/*
	 * A call on an open descriptor (an empty path with AT_EMPTY_PATH) names no
	 * path: its file was judged when it was opened.  An allow rule's path does
	 * not stop it, and a deny rule about paths is not about it.
	 */
	if (in && in->fd_only) {
		if (r->action == POLICY_DENY && (bits & (1u << PK_PATH)))
			return false;
		bits &= ~((1u << PK_PATH) | (1u << PK_ACCESS));
	}
	if (bits && !in)
		return false;
	for (int k = 0; k < PK_COUNT; k++)
		if ((bits & (1u << k)) && !cond_match(&r->cond[k], k, name, in))
			return false;
	return true;
}

static int cmp_name(const void *key, const void *elem)
{
	return strcmp(key, *(char *const *)elem);
}

static bool rule_names(const struct policy_rule *r, const char *name)
{
	return bsearch(name, r->names, r->nnames, sizeof(*r->names), cmp_name) != NULL;
}

static struct policy_index *index_build(const struct policy *p, const struct ptrc_abi *abi)
{
	const struct systab *t = abi->systab;
	struct policy_index *ix = xcalloc(1, sizeof(*ix));

	for (unsigned i = 0; i < t->len; i++)
		if (t->entries[i].nr + 1 > ix->len)
			ix->len = t->entries[i].nr + 1;
	ix->names = xcalloc(ix->len + 1, sizeof(*ix->names));
	ix->start = xcalloc(ix->len + 1, sizeof(*ix->start));
	for (unsigned i = 0; i < t->len; i++)
		ix->names[t->entries[i].nr] = t->entries[i].name;
	unsigned total = 0;
	for (unsigned nr = 0; nr < ix->len; nr++) {
		ix->start[nr] = total;
		for (unsigned r = 0; ix->names[nr] && r < p->nrules; r++)
			total += rule_names(&p->rules[r], ix->names[nr]);
	}
	ix->start[ix->len] = total;
	ix->rules = xcalloc(total + 1, sizeof(*ix->rules));
	for (unsigned nr = 0, k = 0; nr < ix->len; nr++)
		for (unsigned r = 0; ix->names[nr] && r < p->nrules; r++)
			if (rule_names(&p->rules[r], ix->names[nr]))
				ix->rules[k++] = r;
	return ix;
}

void policy_index_free(struct policy_index *ix)
{
	if (!ix)
		return;
	free(ix->names);
	free(ix->start);
	free(ix->rules);
	free(ix);
}

static struct policy_index *index_of(struct policy *p, const struct ptrc_abi *abi, uint64_t *nr)
{
	if (!p->idx[abi->id])
		p->idx[abi->id] = index_build(p, abi);
	*nr &= ~abi->nr_mask;
	return p->idx[abi->id];
}

/* exit, exit_group, sigreturn: whatever the rules say (TR_ENDS in syscalls.def). */
static bool always_allowed(const char *name)
{
	const struct sysent *e = sysent_by_name(name);

	return e && (e->traits & TR_ENDS);
}

void policy_check(struct policy *p, const struct ptrc_abi *abi, uint64_t nr,
		  const struct policy_input *in, struct policy_verdict *out)
{
	struct policy_index *ix = index_of(p, abi, &nr);

	out->action = p->dflt;
	out->rule = NULL;
	if (nr >= ix->len || !ix->names[nr])
		return;
	if (always_allowed(ix->names[nr])) {
		out->action = POLICY_ALLOW;
		return;
	}
	for (unsigned k = ix->start[nr]; k < ix->start[nr + 1]; k++) {
		const struct policy_rule *r = &p->rules[ix->rules[k]];
		if (rule_matches(r, ix->names[nr], in)) {
			out->action = r->action;
			out->rule = r;
			return;
		}
	}
}

void policy_check_name(const struct policy *p, const char *name, const struct policy_input *in,
		       struct policy_verdict *out)
{
	out->action = p->dflt;
	out->rule = NULL;
	if (always_allowed(name)) {
		out->action = POLICY_ALLOW;
		return;
	}
	for (unsigned i = 0; i < p->nrules; i++) {
		const struct policy_rule *r = &p->rules[i];
		if (rule_names(r, name) && rule_matches(r, name, in)) {
			out->action = r->action;
			out->rule = r;
			return;
		}
	}
}

bool policy_needs_input(struct policy *p, const struct ptrc_abi *abi, uint64_t nr)
{
	struct policy_index *ix = index_of(p, abi, &nr);

	if (nr >= ix->len || !ix->names[nr])
		return false;
	/* Rules are in file order and the first that matches decides: the arguments matter
	 * when a rule with conditions comes before any rule without. */
	if (ix->start[nr] == ix->start[nr + 1])
		return false; /* no rule names it: the default decides */
	return rule_conds_for(&p->rules[ix->rules[ix->start[nr]]], ix->names[nr]) != 0;
}

/* A rule that allows some socket families and looks at nothing else. */
static bool family_only(const struct policy_rule *r, const char *name, unsigned bits)
{
	const struct sc_info *si = sc_info_find(name);

	return r->action == POLICY_ALLOW && bits == (1u << PK_FAMILY) && si &&
	       si->kind == SCK_SOCKET;
}

enum policy_static policy_static_verdict(const struct policy *p, const char *name,
					 struct policy_fams *fams)
{
	bool collecting = false;

	fams->n = 0;
	if (always_allowed(name))
		return POLICY_S_ALLOW;
	for (unsigned i = 0; i < p->nrules; i++) {
		const struct policy_rule *r = &p->rules[i];
		if (!rule_names(r, name))
			continue;
		unsigned bits = rule_conds_for(r, name);
		if (!bits && !collecting)
			return r->action == POLICY_ALLOW ? POLICY_S_ALLOW : POLICY_S_DENY;
		const struct policy_cond *c = &r->cond[PK_FAMILY];
		if (!family_only(r, name, bits) || fams->n + c->n > 16)
			return collecting ? POLICY_S_FAMILY : POLICY_S_CHECK;
		for (unsigned k = 0; k < c->n; k++)
			fams->fam[fams->n++] = c->ints[k];
		collecting = true;
	}
	if (collecting)
		return POLICY_S_FAMILY;
	return p->dflt == POLICY_ALLOW ? POLICY_S_ALLOW : POLICY_S_DENY;
}
