/* Writing learned records as policy rules. */
#include "learn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

enum { PER_LINE = 6 }; /* values per rule line */

struct recv {
	char kind;
	const char *name;
	const char *f[3];
	char *copy;
};

static void split(struct recv *r, const char *rec)
{
	char *save;

	memset(r, 0, sizeof(*r));
	r->copy = xstrdup(rec);
	r->kind = r->copy[0];
	strtok_r(r->copy, "\x1f", &save);
	r->name = strtok_r(NULL, "\x1f", &save);
	for (int i = 0; i < 3; i++)
		r->f[i] = strtok_r(NULL, "\x1f", &save);
}

/* A value as the parser reads it: quoted when it holds a separator (a CR ends a word too). */
static void add_value(struct strbuf *sb, const char *v)
{
	if (*v && !strpbrk(v, " \t\r,\"#=\\")) {
		strbuf_adds(sb, v);
		return;
	}
	strbuf_addc(sb, '"');
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			strbuf_addc(sb, '\\');
		strbuf_addc(sb, *v);
	}
	strbuf_addc(sb, '"');
}

/* "allow NAMES [extra] key=v1,v2..." split into lines of PER_LINE values. */
static void emit(struct strbuf *out, const char *names, const char *extra, const char *key,
		 const char *const *vals, unsigned n)
{
	for (unsigned i = 0; i < n || (i == 0 && n == 0); i += PER_LINE) {
		strbuf_addf(out, "allow %s", names);
		if (extra)
			strbuf_addf(out, " %s", extra);
		if (key && n) {
			strbuf_addf(out, " %s=", key);
			for (unsigned k = i; k < n && k < i + PER_LINE; k++) {
				if (k > i)
					strbuf_addc(out, ',');
				add_value(out, vals[k]);
			}
		}
		strbuf_addc(out, '\n');
		if (!n)
			break;
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool in_set(const char *const *set, unsigned n, const char *name)
{
	return bsearch(&name, set, n, sizeof(*set), cmp_str) != NULL;
}

static bool member(const struct policy_group *g, const char *name)
{
	for (const char *const *m = g->members; *m; m++)
		if (!strcmp(*m, name))
			return true;
	return false;
}

/* Plain syscalls, under the first group that has them. */
static void write_plain(struct strbuf *out, const char *const *plain, unsigned n)
{
	bool *done = xcalloc(n + 1, sizeof(*done));
	struct strbuf names = {0};

	for (const struct policy_group *g = policy_groups();; g++) {
		strbuf_reset(&names);
		for (unsigned i = 0; i < n; i++) {
			if (done[i] || (g->name && !member(g, plain[i])))
				continue;
			done[i] = true;
			if (names.len > 60) {
				emit(out, names.buf, NULL, NULL, NULL, 0);
				strbuf_reset(&names);
			}
			strbuf_addf(&names, "%s%s", names.len ? " " : "", plain[i]);
		}
		if (names.len) {
			strbuf_addf(out, "\n# %s\n", g->name ? g->name : "other");
			emit(out, names.buf, NULL, NULL, NULL, 0);
		}
		if (!g->name)
			break;
	}
	strbuf_free(&names);
	free(done);
}

struct path_rule {
	const char *name;
	const char *acc;
	char **globs;
	unsigned n;
	char *key; /* acc and globs, to group syscalls with the same paths */
};

static int cmp_path_rule(const void *a, const void *b)
{
	const struct path_rule *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->name, y->name);
}

static void path_rule_make(struct path_rule *pr, const struct recv *v, unsigned n,
			   const struct policy_vars *vars)
{
	const char **paths = xcalloc(n, sizeof(*paths));
	struct strbuf key = {0};

	for (unsigned i = 0; i < n; i++)
		paths[i] = v[i].f[1];
	pr->name = v[0].name;
	pr->acc = v[0].f[0];
	pr->n = learn_generalise(paths, n, &pr->globs);
	for (unsigned i = 0; i < pr->n; i++) {
		char *g = learn_with_vars(pr->globs[i], vars);
		free(pr->globs[i]);
		pr->globs[i] = g;
	}
	strbuf_adds(&key, pr->acc);
	for (unsigned i = 0; i < pr->n; i++)
		strbuf_addf(&key, "\n%s", pr->globs[i]);
	pr->key = key.buf;
	free(paths);
}

static void write_paths(struct strbuf *out, struct path_rule *pr, unsigned n)
{
	struct strbuf names = {0};
	char extra[32];

	qsort(pr, n, sizeof(*pr), cmp_path_rule);
	if (n)
		strbuf_adds(out, "\n# files\n");
	for (unsigned i = 0; i < n; i++) {
		strbuf_addf(&names, "%s%s", names.len ? " " : "", pr[i].name);
		if (i + 1 < n && !strcmp(pr[i].key, pr[i + 1].key))
			continue;
		bool acc = strcmp(pr[i].acc, "-");
		snprintf(extra, sizeof(extra), "access=%s", pr[i].acc);
		emit(out, names.buf, acc ? extra : NULL, "path", (const char *const *)pr[i].globs,
		     pr[i].n);
		strbuf_reset(&names);
	}
	strbuf_free(&names);
}

static unsigned run_len(const struct recv *v, unsigned i, unsigned n, bool by_field0)
{
	unsigned j = i + 1;
	while (j < n && v[j].kind == v[i].kind && !strcmp(v[j].name, v[i].name) &&
	       (!by_field0 || !strcmp(v[j].f[0], v[i].f[0])))
		j++;
	return j - i;
}

/* g with its leading ${CWD}, ${HOME} or ${TMPDIR}; g is freed. */
static char *with_vars(char *g, const struct policy_vars *vars)
{
	char *out = learn_with_vars(g, vars);

	free(g);
	return out;
}

/* A program or a socket path as a glob that matches it alone (malloc'd). */
static char *literal(const char *s)
{
	struct strbuf sb = {0};

	learn_glob_literal(&sb, s, strlen(s));
	return sb.buf ? sb.buf : xstrdup("");
}

static void free_all(char **v, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static bool in_path(const char *path, const char *dirs);

/* A program run: ${PATH}/NAME when it is in a $PATH directory (execvp tries each). */
static char *exec_glob(const char *prog, const struct policy_vars *vars)
{
	if (vars && in_path(prog, vars->path)) {
		struct strbuf g = {0};
		const char *base = strrchr(prog, '/') + 1;
		strbuf_adds(&g, "${PATH}/");
		learn_glob_literal(&g, base, strlen(base));
		return g.buf;
	}
	return with_vars(literal(prog), vars);
}

/* exec=, family=: one rule per syscall with every value seen. */
static void write_values(struct strbuf *out, const struct recv *v, unsigned n, const char *key,
			 const struct policy_vars *vars)
{
	char **vals = xcalloc(n, sizeof(*vals));
	for (unsigned i = 0; i < n; i++) {
		const char *fam = v[i].kind == 'f' ? policy_family_name(atoi(v[i].f[0])) : NULL;
		if (v[i].kind == 'f')
			vals[i] = xstrdup(fam ? fam : v[i].f[0]);
		else /* exec= is a glob */
			vals[i] = exec_glob(v[i].f[0], vars);
	}
	unsigned k = 0; /* ${PATH}/NAME once */
	for (unsigned i = 0; i < n; i++) {
		bool dup = false;
		for (unsigned j = 0; j < k && !dup; j++)
			dup = !strcmp(vals[j], vals[i]);
		if (dup)
			free(vals[i]);
		else
			vals[k++] = vals[i];
	}
	n = k;
	emit(out, v[0].name, NULL, key, (const char *const *)vals, n);
	free_all(vals, n);
}

/* Destinations: "none", unix paths, families, and each IP address with its ports. */
static void write_dests(struct strbuf *out, const struct recv *v, unsigned n,
			const struct policy_vars *vars)
{
	const char **vals = xcalloc(n + 1, sizeof(*vals));
	char extra[80];
	unsigned k = 0;

	for (unsigned i = 0; i < n; i++)
		if (!strcmp(v[i].f[0], "fam"))
			vals[k++] = policy_family_name(atoi(v[i].f[1])) ?: v[i].f[1];
	if (k)
		emit(out, v[0].name, NULL, "family", vals, k);
	k = 0;
	char **unix_globs = xcalloc(n + 1, sizeof(*unix_globs));
	unsigned nglobs = 0;
	for (unsigned i = 0; i < n; i++) {
		if (!strcmp(v[i].f[0], "none"))
			vals[k++] = "none";
		else if (!strcmp(v[i].f[0], "unix")) /* a glob: random names generalised */
			vals[k++] = unix_globs[nglobs++] =
				v[i].f[1][0] == '@' ? literal(v[i].f[1])
						    : with_vars(learn_path_glob(v[i].f[1]), vars);
	}
	if (k)
		emit(out, v[0].name, NULL, "addr", vals, k);
	free_all(unix_globs, nglobs);
	for (unsigned i = 0; i < n; i++) {
		if (strcmp(v[i].f[0], "ip"))
			continue;
		unsigned j = i;
		for (k = 0; j < n && !strcmp(v[j].f[0], "ip") && !strcmp(v[j].f[1], v[i].f[1]); j++)
			vals[k++] = v[j].f[2] + strspn(v[j].f[2], "0");
		for (unsigned m = 0; m < k; m++)
			vals[m] = *vals[m] ? vals[m] : "0";
		snprintf(extra, sizeof(extra), "addr=%s", v[i].f[1]);
		emit(out, v[0].name, extra, "port", vals, k);
		i = j - 1;
	}
	free(vals);
}

static void write_conditional(struct strbuf *out, const struct recv *v, unsigned n,
			      const struct policy_vars *vars)
{
	struct path_rule *pr = xcalloc(n + 1, sizeof(*pr));
	unsigned npr = 0, len;

	for (unsigned i = 0; i < n; i += len) {
		len = run_len(v, i, n, v[i].kind == 'p');
		if (v[i].kind == 'p')
			path_rule_make(&pr[npr++], &v[i], len, vars);
	}
	write_paths(out, pr, npr);
	for (unsigned i = 0; i < n; i += len) {
		len = run_len(v, i, n, false);
		if (i == 0 || v[i].kind != v[i - 1].kind)
			strbuf_addf(out, "%s",
				    v[i].kind == 'x'   ? "\n# programs\n"
				    : v[i].kind == 'f' ? "\n# sockets\n"
				    : v[i].kind == 'a' ? "\n# destinations\n"
						       : "");
		if (v[i].kind == 'x' || v[i].kind == 'f')
			write_values(out, &v[i], len, v[i].kind == 'x' ? "exec" : "family", vars);
		else if (v[i].kind == 'a')
			write_dests(out, &v[i], len, vars);
	}
	for (unsigned i = 0; i < npr; i++) {
		for (unsigned j = 0; j < pr[i].n; j++)
			free(pr[i].globs[j]);
		free(pr[i].globs);
		free(pr[i].key);
	}
	free(pr);
}

/* Whether path is NAME in one of $PATH's directories (a lookup of a program). */
static bool in_path(const char *path, const char *dirs)
{
	const char *slash = strrchr(path, '/');
	size_t dl = slash ? (size_t)(slash - path) : 0;

	for (const char *s = dirs; slash && s && *s;) {
		const char *e = strchrnul(s, ':');
		size_t n = (size_t)(e - s);
		while (n > 1 && s[n - 1] == '/')
			n--;
		if (n == dl && !strncmp(s, path, n) && s[0] == '/')
			return true;
		s = *e ? e + 1 : NULL;
	}
	return false;
}

/* A program looked up in $PATH: a metadata call (stat, access) on DIR/NAME. */
static bool is_lookup(const struct recv *v, const struct policy_vars *vars)
{
	const struct sc_info *si = sc_info_find(v->name);

	return v->kind == 'p' && !strcmp(v->f[0], "-") && si && sc_reads_only(si) && vars &&
	       in_path(v->f[1], vars->path);
}

/* Lookups of programs in $PATH as ${PATH}/NAME: the same job passes with another PATH. */
static void write_lookups(struct strbuf *out, const struct recv *v, unsigned n)
{
	struct strbuf names = {0};
	char **globs = xcalloc(n + 1, sizeof(*globs));
	unsigned k = 0;

	for (unsigned i = 0; i < n; i++) {
		bool seen = false;
		for (unsigned j = 0; j < i && !seen; j++)
			seen = !strcmp(v[j].name, v[i].name);
		if (!seen)
			strbuf_addf(&names, "%s%s", names.len ? " " : "", v[i].name);
		struct strbuf g = {0};
		const char *base = strrchr(v[i].f[1], '/') + 1;
		strbuf_adds(&g, "${PATH}/");
		learn_glob_literal(&g, base, strlen(base));
		for (unsigned j = 0; j < k && g.buf; j++)
			if (!strcmp(globs[j], g.buf))
				strbuf_free(&g);
		if (g.buf)
			globs[k++] = g.buf;
	}
	qsort(globs, k, sizeof(*globs), cmp_str);
	if (n) {
		strbuf_adds(out, "\n# programs looked up in PATH\n");
		emit(out, names.buf, NULL, "path", (const char *const *)globs, k);
	}
	free_all(globs, k);
	strbuf_free(&names);
}

/* Whether records v hold a path of the call name. */
static bool has_paths(const struct recv *v, unsigned n, const char *name)
{
	for (unsigned i = 0; i < n; i++)
		if (v[i].kind == 'p' && !strcmp(v[i].name, name))
			return true;
	return false;
}

void learn_write_rules(char **recs, unsigned n, const struct policy_vars *vars, struct strbuf *out)
{
	struct recv *v = xcalloc(n + 1, sizeof(*v));
	struct recv *cond = xcalloc(n + 1, sizeof(*cond));
	const char **plain = xcalloc(n + 1, sizeof(*plain));
	unsigned np = 0, k = 0;

	for (unsigned i = 0; i < n; i++)
		split(&v[i], recs[i]);
	for (unsigned i = 0; i < n; i++) {
		/* A call seen only on descriptors (AT_EMPTY_PATH) needs a rule naming it: its
		 * path rules do when it has some, else it is allowed as a whole. */
		bool lone_fd = v[i].kind == 'd' && !has_paths(v, n, v[i].name);
		if (v[i].kind == 'n' || v[i].kind == 'u' || lone_fd)
			plain[np++] = v[i].name;
		if (v[i].kind == 'u')
			strbuf_addf(out,
				    "# %s: arguments unreadable when learned, allowed as a whole\n",
				    v[i].name);
	}
	qsort(plain, np, sizeof(*plain), cmp_str);
	for (unsigned i = 0; i < np; i++)
		if (!k || strcmp(plain[k - 1], plain[i]))
			plain[k++] = plain[i];
	np = k;
	write_plain(out, plain, np);
	/* Conditional rules for what is not allowed as a whole; PATH lookups apart. */
	struct recv *lookups = xcalloc(n + 1, sizeof(*lookups));
	unsigned nl = 0;
	k = 0;
	for (unsigned i = 0; i < n; i++) {
		if (in_set(plain, np, v[i].name))
			continue;
		if (is_lookup(&v[i], vars))
			lookups[nl++] = v[i];
		else
			cond[k++] = v[i];
	}
	write_conditional(out, cond, k, vars);
	write_lookups(out, lookups, nl);
	free(lookups);
	for (unsigned i = 0; i < n; i++)
		free(v[i].copy);
	free(plain);
	free(cond);
	free(v);
}
