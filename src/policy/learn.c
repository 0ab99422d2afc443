/*
 * Learning: record the calls of a run, then write the smallest readable
 * policy that allows them: plain syscalls by group, file syscalls with
 * generalised path globs (open split by read/write access), programs
 * exec'd, socket families, and connect/bind/send destinations.
 */
#include "learn.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../util/xalloc.h"

#define SEP "\x1f"

struct policy_learn {
	char **recs; /* "kind" SEP "name" [SEP field...], unique */
	unsigned n, cap;
	unsigned *slots; /* open addressing: index + 1, or 0 */
	unsigned nslots;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void rehash(struct policy_learn *l)
{
	free(l->slots);
	l->nslots = l->nslots ? l->nslots * 2 : 256;
	l->slots = xcalloc(l->nslots, sizeof(*l->slots));
	for (unsigned i = 0; i < l->n; i++) {
		uint64_t h = hash(l->recs[i]) & (l->nslots - 1);
		while (l->slots[h])
			h = (h + 1) & (l->nslots - 1);
		l->slots[h] = i + 1;
	}
}

static void add_rec(struct policy_learn *l, const char *rec)
{
	if ((l->n + 1) * 2 > l->nslots)
		rehash(l);
	uint64_t h = hash(rec) & (l->nslots - 1);
	for (; l->slots[h]; h = (h + 1) & (l->nslots - 1))
		if (!strcmp(l->recs[l->slots[h] - 1], rec))
			return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->recs = xrealloc(l->recs, l->cap * sizeof(*l->recs));
	}
	l->recs[l->n] = xstrdup(rec);
	l->slots[h] = ++l->n;
}

struct policy_learn *policy_learn_new(void)
{
	return xcalloc(1, sizeof(struct policy_learn));
}

void policy_learn_free(struct policy_learn *l)
{
	if (!l)
		return;
	for (unsigned i = 0; i < l->n; i++)
		free(l->recs[i]);
	free(l->recs);
	free(l->slots);
	free(l);
}

static void rec(struct policy_learn *l, char kind, const char *name, const char *a, const char *b)
{
	struct strbuf sb = {0};

	strbuf_addf(&sb, "%c" SEP "%s", kind, name);
	if (a)
		strbuf_addf(&sb, SEP "%s", a);
	if (b)
		strbuf_addf(&sb, SEP "%s", b);
	add_rec(l, sb.buf);
	strbuf_free(&sb);
}

/* A value a record can hold and a policy line can state: no SEP, one line. */
static bool one_field(const char *s)
{
	return s && s[0] && !strpbrk(s, "\n" SEP);
}

/* A path the generated policy can state: absolute, one field. */
static bool usable(const char *p)
{
	return one_field(p) && p[0] == '/';
}

/* A family as a number the parser reads back as that family; false when it has none. */
static bool family_text(int fam, char *buf, size_t len)
{
	snprintf(buf, len, "%d", fam);
	return fam >= 0 && policy_family_parse(buf) == fam;
}

static void add_dest(struct policy_learn *l, const char *name, const struct policy_input *in)
{
	const struct policy_sockaddr *sa = &in->sa;
	char addr[INET6_ADDRSTRLEN], buf[64];

	if (!in->has_sa || !in->sa_read) {
		rec(l, 'u', name, NULL, NULL);
	} else if (sa->family == AF_UNSPEC) {
		rec(l, 'a', name, "none", NULL);
	} else if (sa->family == AF_UNIX) {
		/* A relative socket path has no addr= spelling: the rule names the family. */
		if (one_field(sa->path) && (sa->path[0] == '/' || sa->path[0] == '@'))
			rec(l, 'a', name, "unix", sa->path);
		else
			rec(l, 'a', name, "fam", "1");
	} else if (sa->family == AF_INET || sa->family == AF_INET6) {
		inet_ntop(sa->family, sa->addr, addr, sizeof(addr));
		snprintf(buf, sizeof(buf), "%s" SEP "%05u", addr, sa->port);
		rec(l, 'a', name, "ip", buf);
	} else if (family_text(sa->family, buf, sizeof(buf))) {
		rec(l, 'a', name, "fam", buf);
	} else {
		rec(l, 'u', name, NULL, NULL);
	}
}

void policy_learn_add(struct policy_learn *l, const char *name, const struct policy_input *in)
{
	const struct sc_info *si = sc_info_find(name);
	char buf[32];

	if (!si || !in) {
		rec(l, 'n', name, NULL, NULL);
		return;
	}
	switch (si->kind) {
	case SCK_FILE:
	case SCK_OPEN:
		if (in->fd_only) { /* any rule naming the call allows it (match.c) */
			rec(l, 'd', name, NULL, NULL);
			break;
		}
		for (unsigned i = 0; i < in->npaths; i++) {
			const char *acc = si->kind == SCK_FILE		     ? "-"
					  : in->access & POLICY_ACCESS_WRITE ? "write"
									     : "read";
			if (usable(in->path[i]))
				rec(l, 'p', name, acc, in->path[i]);
			else
				rec(l, 'u', name, NULL, NULL);
		}
		break;
	case SCK_EXEC:
		if (in->npaths && usable(in->path[0]))
			rec(l, 'x', name, in->path[0], NULL);
		else
			rec(l, 'u', name, NULL, NULL);
		break;
	case SCK_SOCKET:
		if (family_text(in->family, buf, sizeof(buf)))
			rec(l, 'f', name, buf, NULL);
		else
			rec(l, 'u', name, NULL, NULL);
		break;
	case SCK_NET:
		add_dest(l, name, in);
		break;
	default:
		rec(l, 'n', name, NULL, NULL);
		break;
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void policy_learn_write(const struct policy_learn *l, struct strbuf *out, const char *comment,
			const struct policy_vars *vars)
{
	char **recs = xcalloc(l->n + 1, sizeof(*recs));

	memcpy(recs, l->recs, l->n * sizeof(*recs));
	qsort(recs, l->n, sizeof(*recs), cmp_str);
	strbuf_adds(out, "# Learned by ptrc --learn: allows what the run did, with paths\n"
			 "# generalised to directories, random names to globs, the checkout,\n"
			 "# home and temporary directory to ${CWD}, ${HOME} and ${TMPDIR}.\n"
			 "# Review before committing.\n");
	if (comment)
		strbuf_addf(out, "# %s\n", comment);
	strbuf_adds(out, "default deny\n");
	learn_write_rules(recs, l->n, vars, out);
	free(recs);
}

/* Whether text holds line (len bytes) as a whole line, spaces around it aside. */
static bool has_line(const char *text, const char *line, size_t len)
{
	for (const char *s = text; *s;) {
		const char *e = strchrnul(s, '\n');
		const char *a = s, *b = e;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
			b--;
		if ((size_t)(b - a) == len && !memcmp(a, line, len))
			return true;
		s = *e ? e + 1 : e;
	}
	return false;
}

unsigned policy_learn_merge(const char *old, const char *learned, struct strbuf *out)
{
	unsigned added = 0;

	strbuf_adds(out, old);
	for (const char *s = learned; *s;) {
		const char *e = strchrnul(s, '\n');
		size_t n = (size_t)(e - s);
		if (n > 6 && !strncmp(s, "allow ", 6) && !has_line(old, s, n)) {
			if (!added++) {
				if (out->len && out->buf[out->len - 1] != '\n')
					strbuf_addc(out, '\n');
				strbuf_adds(out,
					    "\n# Added by ptrc --learn: what another run needed\n");
			}
			strbuf_addn(out, s, n);
			strbuf_addc(out, '\n');
		}
		s = *e ? e + 1 : e;
	}
	return added;
}
