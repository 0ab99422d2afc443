/* The policy text format (docs/policy.md): one rule per line, errors as file:line:col. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../sys/sysent.h"
#include "../util/xalloc.h"

/* A word of a line: a name list ("read,write") or a condition ("path=/a,/b"). */
struct word {
	unsigned col;
	char *key; /* before '=', NULL for names */
	char **vals;
	unsigned *cols;
	unsigned n;
};

struct parser {
	const char *file;
	unsigned line;
	const char *lstart;
	char *err;
	size_t errlen;
	struct policy *p;
	bool have_default;
	const struct policy_vars *vars;
	unsigned nerr; /* errors so far: each goes on a line of err */
};

__attribute__((format(printf, 3, 4))) static int fail(struct parser *ps, unsigned col,
						      const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* Every error of the file, one per line, as far as err holds whole lines. */
	size_t used = ps->nerr ? strlen(ps->err) : 0;
	int n = snprintf(ps->err + used, ps->errlen - used, "%s%s:%u:%u: %s", used ? "\n" : "",
			 ps->file, ps->line, col, msg);
	if (n < 0 || (size_t)n >= ps->errlen - used)
		ps->err[used] = '\0';
	ps->nerr++;
	return -EINVAL;
}

static unsigned col_of(const struct parser *ps, const char *at)
{
	return (unsigned)(at - ps->lstart) + 1;
}

static void word_free(struct word *w)
{
	for (unsigned i = 0; i < w->n; i++)
		free(w->vals[i]);
	free(w->vals);
	free(w->cols);
	free(w->key);
	memset(w, 0, sizeof(*w));
}

static int word_push(struct parser *ps, struct word *w, struct strbuf *cur, const char *at)
{
	if (!cur->len)
		return w->key ? fail(ps, col_of(ps, at), "empty value for '%s'", w->key)
			      : fail(ps, col_of(ps, at), "empty name");
	w->vals = xrealloc(w->vals, (w->n + 1) * sizeof(*w->vals));
	w->cols = xrealloc(w->cols, (w->n + 1) * sizeof(*w->cols));
	w->vals[w->n] = xstrdup(cur->buf);
	w->cols[w->n++] = col_of(ps, at);
	strbuf_reset(cur);
	return 0;
}

static bool word_end(char c)
{
	return c == ' ' || c == '\t' || c == '#' || c == '\r';
}

/* Reads the word at *pp; returns 1 with w filled, 0 at the end of the line, or -EINVAL. */
static int read_word(struct parser *ps, const char **pp, const char *end, struct word *w)
{
	const char *p = *pp, *vstart, *quote = NULL;
	struct strbuf cur = {0};
	int rc = 0;

	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	if (p == end || *p == '#')
		goto out;
	w->col = col_of(ps, p);
	for (vstart = p; p < end && (quote || !word_end(*p)); p++) {
		if (*p == '"') {
			quote = quote ? NULL : p;
		} else if (quote && *p == '\\' && p + 1 < end) {
			strbuf_addc(&cur, *++p);
		} else if (!quote && *p == '=' && !w->key && !w->n) {
			if (!cur.len) {
				rc = fail(ps, col_of(ps, p), "missing condition name before '='");
				goto out;
			}
			w->key = xstrdup(cur.buf);
			strbuf_reset(&cur);
			vstart = p + 1;
		} else if (!quote && *p == ',') {
			if ((rc = word_push(ps, w, &cur, vstart)) < 0)
				goto out;
			vstart = p + 1;
		} else {
			strbuf_addc(&cur, *p);
		}
	}
	if (quote) {
		rc = fail(ps, col_of(ps, quote), "unterminated quote");
		goto out;
	}
	rc = word_push(ps, w, &cur, vstart);
	if (rc == 0)
		rc = 1;
out:
	strbuf_free(&cur);
	*pp = p;
	return rc;
}

static int add_names(struct parser *ps, struct policy_rule *r, const struct word *w)
{
	for (unsigned i = 0; i < w->n; i++) {
		const char *n = w->vals[i];
		const char *const *members = NULL;
		unsigned count = 0;
		if (n[0] == '@') {
			const struct policy_group *g = policy_group_find(n);
			if (!g)
				return fail(ps, w->cols[i], "unknown group '%s'", n);
			members = g->members;
			while (members[count])
				count++;
		} else if (!strcmp(n, "*")) {
			members = policy_all_names(&count);
		} else if (!systab_name_known(n) && !sysent_by_name(n)) {
			/* A name with a signature but no number is a call carried by i386's
			 * socketcall or ipc (send, recv): judged by its name, so learned so. */
			return fail(ps, w->cols[i], "unknown syscall '%s'", n);
		} else {
			members = (const char *const *)&w->vals[i];
			count = 1;
			r->uring_named |= !strcmp(n, "io_uring_setup");
		}
		r->names = xrealloc(r->names, (r->nnames + count) * sizeof(*r->names));
		for (unsigned k = 0; k < count; k++)
			r->names[r->nnames++] = xstrdup(members[k]);
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void uniq_names(struct policy_rule *r)
{
	unsigned u = 0;

	qsort(r->names, r->nnames, sizeof(*r->names), cmp_str);
	for (unsigned i = 0; i < r->nnames; i++) {
		if (u && !strcmp(r->names[u - 1], r->names[i]))
			free(r->names[i]);
		else
			r->names[u++] = r->names[i];
	}
	r->nnames = u;
}

/* A condition must apply to every syscall named one by one, and to one syscall at least. */
static int check_applies(struct parser *ps, const struct policy_rule *r, enum policy_key key,
			 const struct word *names, unsigned nnames, unsigned col)
{
	bool any = false;

	for (unsigned i = 0; i < nnames; i++)
		for (unsigned k = 0; k < names[i].n; k++) {
			const char *n = names[i].vals[k];
			if (n[0] != '@' && strcmp(n, "*") && !sc_key_applies(key, n))
				return fail(ps, col, "condition '%s' does not apply to '%s'",
					    policy_key_name(key), n);
		}
	for (unsigned i = 0; i < r->nnames && !any; i++)
		any = sc_key_applies(key, r->names[i]);
	if (!any)
		return fail(ps, col, "condition '%s' applies to none of the rule's syscalls",
			    policy_key_name(key));
	return 0;
}

/* The first ${PATH} of v that no '\\' escapes, or NULL. */
static const char *path_var(const char *v)
{
	for (const char *s = v; *s; s++) {
		if (*s == '\\' && s[1])
			s++;
		else if (!strncmp(s, "${PATH}", 7))
			return s;
	}
	return NULL;
}

/* Adds v to x, with "${PATH}" in it made one value per absolute directory of $PATH. */
static void expand_value(struct word *x, const char *v, unsigned col, const char *path)
{
	const char *at = path_var(v);

	for (const char *s = path; at && s && *s;) {
		const char *e = strchrnul(s, ':');
		struct strbuf sb = {0};
		size_t n = (size_t)(e - s);
		while (n > 1 && s[n - 1] == '/')
			n--;
		if (s[0] == '/') {
			strbuf_addn(&sb, v, (size_t)(at - v));
			for (size_t i = 0; i < n; i++) {
				if (strchr("*?[]\\$", s[i]))
					strbuf_addc(&sb, '\\');
				strbuf_addc(&sb, s[i]);
			}
			strbuf_adds(&sb, at + strlen("${PATH}"));
			x->vals = xrealloc(x->vals, (x->n + 1) * sizeof(*x->vals));
			x->cols = xrealloc(x->cols, (x->n + 1) * sizeof(*x->cols));
			x->vals[x->n] = sb.buf;
			x->cols[x->n++] = col;
		}
		s = *e ? e + 1 : NULL;
	}
	if (at)
		return;
	x->vals = xrealloc(x->vals, (x->n + 1) * sizeof(*x->vals));
	x->cols = xrealloc(x->cols, (x->n + 1) * sizeof(*x->cols));
	x->vals[x->n] = xstrdup(v);
	x->cols[x->n++] = col;
}

/* A condition's values with each ${PATH} expanded; an error when there is no $PATH. */
static int expand_values(struct parser *ps, const struct word *w, struct word *x)
{
	const char *path = ps->vars ? ps->vars->path : NULL;

	memset(x, 0, sizeof(*x));
	for (unsigned i = 0; i < w->n; i++) {
		if (path_var(w->vals[i]) && !path)
			return fail(ps, w->cols[i], "${PATH} has no value here");
		expand_value(x, w->vals[i], w->cols[i], path);
	}
	if (!x->n)
		return fail(ps, w->col, "${PATH} has no absolute directory here");
	return 0;
}

static int add_cond(struct parser *ps, struct policy_rule *r, const struct word *w,
		    const struct word *names, unsigned nnames)
{
	char msg[200];
	int key = policy_key_parse(w->key);
	struct word x;

	if (key < 0)
		return fail(ps, w->col, "unknown condition '%s'", w->key);
	if (r->cond[key].n)
		return fail(ps, w->col, "duplicate condition '%s'", w->key);
	int rc = check_applies(ps, r, key, names, nnames, w->col);
	if (rc < 0)
		return rc;
	rc = expand_values(ps, w, &x);
	if (rc < 0)
		goto free_values;
	cond_alloc(&r->cond[key], key, x.n);
	r->cond[key].col = w->col;
	for (unsigned i = 0; i < x.n && rc == 0; i++)
		if (cond_set_value(&r->cond[key], key, i, x.vals[i], ps->vars, msg, sizeof(msg)) <
		    0)
			rc = fail(ps, x.cols[i], "%s", msg);
free_values:
	word_free(&x);
	return rc;
}

static void rule_free(struct policy_rule *r)
{
	for (unsigned i = 0; i < r->nnames; i++)
		free(r->names[i]);
	free(r->names);
	free(r->text);
	for (int k = 0; k < PK_COUNT; k++)
		cond_free(&r->cond[k]);
	memset(r, 0, sizeof(*r));
}

/* Builds a rule from the words after "allow"/"deny". */
/*
 * A deny rule with conditions is about calls that have them: "deny @file-system
 * path=/x" denies the group's calls with a path, not close().  (An allow rule's
 * condition that does not apply is ignored instead: fstat() acts on a file judged at
 * its open.)  exe= applies to every call.
 */
static unsigned deny_only_where_it_applies(struct policy_rule *r)
{
	unsigned want = 0, u = 0;

	for (int k = 0; k < PK_COUNT; k++)
		if (r->cond[k].n && k != PK_EXE)
			want |= 1u << k;
	for (unsigned i = 0; i < r->nnames; i++) {
		if ((rule_conds_for(r, r->names[i]) & want) == want)
			r->names[u++] = r->names[i];
		else
			free(r->names[i]);
	}
	return r->nnames = u;
}

static int build_rule(struct parser *ps, struct policy_rule *r, struct word *w, unsigned n)
{
	unsigned nnames = 0;
	int rc;

	while (nnames < n && !w[nnames].key)
		nnames++;
	for (unsigned i = 0; i < nnames; i++)
		if ((rc = add_names(ps, r, &w[i])) < 0)
			return rc;
	if (!r->nnames)
		return fail(ps, n ? w[0].col : 1, "rule names no syscall");
	uniq_names(r);
	for (unsigned i = nnames; i < n; i++) {
		if (!w[i].key)
			return fail(ps, w[i].col, "syscall name '%s' after a condition",
				    w[i].vals[0]);
		if ((rc = add_cond(ps, r, &w[i], w, nnames)) < 0)
			return rc;
	}
	if (r->action == POLICY_DENY && !deny_only_where_it_applies(r))
		return fail(ps, w[nnames].col,
			    "the conditions apply together to none of the "
			    "rule's syscalls");
	return 0;
}

static int line_default(struct parser *ps, struct word *w, unsigned n)
{
	if (n != 2 || w[1].key || w[1].n != 1 ||
	    (strcmp(w[1].vals[0], "allow") && strcmp(w[1].vals[0], "deny")))
		return fail(ps, n > 1 ? w[1].col : w[0].col,
			    "expected 'allow' or 'deny' after 'default'");
	if (ps->have_default)
		return fail(ps, w[0].col, "default given twice");
	ps->have_default = true;
	ps->p->dflt = strcmp(w[1].vals[0], "allow") ? POLICY_DENY : POLICY_ALLOW;
	return 0;
}

static char *trimmed(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	return strndup(s, (size_t)(e - s));
}

static int line_words(struct parser *ps, const char *end, struct word **out, unsigned *n,
		      const char **text_end)
{
	const char *p = ps->lstart;
	struct word *w = NULL;
	int rc;

	*n = 0;
	for (;;) {
		w = xrealloc(w, (*n + 1) * sizeof(*w));
		memset(&w[*n], 0, sizeof(*w));
		rc = read_word(ps, &p, end, &w[*n]);
		if (rc <= 0)
			break;
		(*n)++;
		*text_end = p;
	}
	word_free(&w[*n]);
	*out = w;
	return rc;
}

static int parse_line(struct parser *ps, const char *end)
{
	struct word *w;
	unsigned n;
	const char *text_end = ps->lstart;
	int rc = line_words(ps, end, &w, &n, &text_end);

	if (rc < 0 || n == 0)
		goto out;
	const char *verb = w[0].key ? "" : w[0].vals[0];
	if (!strcmp(verb, "default") && w[0].n == 1) {
		rc = line_default(ps, w, n);
	} else if ((!strcmp(verb, "allow") || !strcmp(verb, "deny")) && w[0].n == 1) {
		struct policy *p = ps->p;
		p->rules = xrealloc(p->rules, (p->nrules + 1) * sizeof(*p->rules));
		struct policy_rule *r = &p->rules[p->nrules];
		memset(r, 0, sizeof(*r));
		r->action = verb[0] == 'a' ? POLICY_ALLOW : POLICY_DENY;
		r->line = ps->line;
		rc = build_rule(ps, r, w + 1, n - 1);
		if (rc < 0) {
			rule_free(r);
			goto out;
		}
		r->text = trimmed(ps->lstart, text_end);
		p->nrules++;
	} else {
		rc = fail(ps, w[0].col, "expected 'allow', 'deny' or 'default', not '%s'",
			  w[0].key ? w[0].key : verb);
	}
out:
	for (unsigned i = 0; i < n; i++)
		word_free(&w[i]);
	free(w);
	return rc < 0 ? rc : 0;
}

static bool has_conditions(const struct policy *p)
{
	static const enum policy_key keys[] = {PK_PATH, PK_EXEC, PK_ADDR, PK_PORT, PK_FAMILY};

	for (unsigned i = 0; i < p->nrules; i++)
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			if (p->rules[i].cond[keys[k]].n)
				return true;
	return false;
}

/* Takes io_uring_setup out of r's names; true when it was there. */
static bool drop_name(struct policy_rule *r, const char *name)
{
	for (unsigned i = 0; i < r->nnames; i++)
		if (!strcmp(r->names[i], name)) {
			free(r->names[i]);
			memmove(&r->names[i], &r->names[i + 1],
				(r->nnames - i - 1) * sizeof(char *));
			r->nnames--;
			return true;
		}
	return false;
}

/* io_uring under path or network conditions: allowed only by name (policy.h). */
static void uring_rule(struct policy *p)
{
	if (!has_conditions(p))
		return;
	for (unsigned i = 0; i < p->nrules; i++) {
		struct policy_rule *r = &p->rules[i];
		if (r->action != POLICY_ALLOW)
			continue;
		if (r->uring_named && !p->uring_named)
			p->uring_named = r->line;
		else if (!r->uring_named && drop_name(r, "io_uring_setup") && !p->uring_dropped)
			p->uring_dropped = r->line;
	}
	if (p->dflt != POLICY_ALLOW || p->uring_named)
		return;
	p->rules = xrealloc(p->rules, (p->nrules + 1) * sizeof(*p->rules));
	struct policy_rule *r = &p->rules[p->nrules++];
	memset(r, 0, sizeof(*r));
	r->action = POLICY_DENY;
	r->text = xstrdup("deny io_uring_setup (io_uring under path or network rules)");
	r->names = xcalloc(1, sizeof(*r->names));
	r->names[r->nnames++] = xstrdup("io_uring_setup");
}

int policy_parse_vars(const char *file, const char *text, size_t len,
		      const struct policy_vars *vars, struct policy **out, char *err, size_t errlen)
{
	struct policy *p = xcalloc(1, sizeof(*p));
	struct parser ps = {.file = file, .err = err, .errlen = errlen, .p = p, .vars = vars};
	const char *end = text + len;

	if (errlen)
		err[0] = '\0';
	p->file = xstrdup(file);
	p->dflt = POLICY_DENY;
	for (const char *s = text; s < end;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl : end;
		ps.line++;
		ps.lstart = s;
		if (memchr(s, '\0', (size_t)(le - s)))
			fail(&ps, 1, "NUL byte in the policy");
		else
			parse_line(&ps, le);
		s = nl ? nl + 1 : end;
	}
	if (ps.nerr) {
		policy_free(p);
		return -EINVAL;
	}
	uring_rule(p);
	*out = p;
	return 0;
}

int policy_parse(const char *file, const char *text, size_t len, struct policy **out, char *err,
		 size_t errlen)
{
	return policy_parse_vars(file, text, len, NULL, out, err, errlen);
}

enum { POLICY_FILE_MAX = 1 << 20 };

int policy_load(const char *path, const struct policy_vars *vars, struct policy **out, char *err,
		size_t errlen)
{
	struct strbuf sb = {0};
	char buf[4096];
	ssize_t n;
	int rc, fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		rc = -errno;
		snprintf(err, errlen, "%s: %s", path, strerror(-rc));
		return rc;
	}
	/* A policy is a few kilobytes; /dev/zero or a log given by mistake is not one. */
	while ((n = read(fd, buf, sizeof(buf))) > 0 && sb.len <= POLICY_FILE_MAX)
		strbuf_addn(&sb, buf, (size_t)n);
	if (sb.len > POLICY_FILE_MAX) {
		rc = -EINVAL;
		snprintf(err, errlen, "%s: larger than %d MiB: not a policy file", path,
			 POLICY_FILE_MAX >> 20);
		goto out_close;
	}
	if (n < 0) {
		rc = -errno;
		snprintf(err, errlen, "%s: %s", path, strerror(-rc));
		goto out_close;
	}
	rc = policy_parse_vars(path, sb.buf ? sb.buf : "", sb.len, vars, out, err, errlen);
out_close:
	close(fd);
	strbuf_free(&sb);
	return rc;
}

void policy_free(struct policy *p)
{
	if (!p)
		return;
	for (unsigned i = 0; i < p->nrules; i++)
		rule_free(&p->rules[i]);
	for (unsigned i = 0; i < ABI_COUNT; i++)
		policy_index_free(p->idx[i]);
	free(p->rules);
	free(p->file);
	free(p);
}
