/*
 * Generalising learned paths into a few directory globs:
 *  - numeric components (/proc/1234) become '*', random-looking ones their prefix and
 *    '*' (/tmp/pymp-l4fqy9kw becomes /tmp/pymp-*);
 *  - a file becomes its directory's glob, DIR + "/" + "*";
 *  - three or more entries at or under one directory (not the root) become
 *    DIR + "/" + "**", the deepest such directory first, until nothing changes.
 */
#include "learn.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xalloc.h"

enum { COLLAPSE_AT = 3 };

struct entry {
	char *dir; /* escaped glob text, "" for the root */
	bool deep;
};

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return n > 0;
}

void learn_glob_literal(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] && strchr("*?[]\\$", s[i])) /* '$': no ${NAME} of the path's own */
			strbuf_addc(sb, '\\');
		strbuf_addc(sb, s[i]);
	}
}

static bool tail_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/*
 * How much of a component to keep before a '*' when the rest looks random, or n when it
 * does not: mkstemp's and mkdtemp's XXXXXX, Python's tempfile (tmpXXXXXXXX) and
 * multiprocessing (pymp-XXXXXXXX, listener-XXXXXXXX) names: after "tmp" or the last '-',
 * six or more letters, digits and '_' with a digit in them, or both cases.
 */
size_t learn_random_keep(const char *s, size_t n)
{
	const char *dash = memrchr(s, '-', n);
	size_t keep = dash ? (size_t)(dash - s) + 1 : n >= 3 && !memcmp(s, "tmp", 3) ? 3 : n;
	bool digit = false, lower = false, upper = false;

	if (n - keep < 6)
		return n;
	for (size_t i = keep; i < n; i++) {
		if (!tail_char(s[i]))
			return n;
		digit |= s[i] >= '0' && s[i] <= '9';
		lower |= s[i] >= 'a' && s[i] <= 'z';
		upper |= s[i] >= 'A' && s[i] <= 'Z';
	}
	return digit || (lower && upper) ? keep : n;
}

/* One component as a glob: '*' for a number, PREFIX* for a random name, else literal. */
static void add_component(struct strbuf *sb, const char *s, size_t n)
{
	size_t keep = learn_random_keep(s, n);

	if (all_digits(s, n)) {
		strbuf_addc(sb, '*');
	} else {
		learn_glob_literal(sb, s, keep);
		if (keep < n)
			strbuf_addc(sb, '*');
	}
}

char *learn_path_glob(const char *path)
{
	struct strbuf sb = {0};

	for (const char *s = path; *s;) {
		const char *e = strchrnul(s, '/');
		if (e > s)
			add_component(&sb, s, (size_t)(e - s));
		if (*e)
			strbuf_addc(&sb, '/');
		s = *e ? e + 1 : e;
	}
	return sb.buf ? sb.buf : xstrdup("");
}

/* The escaped, normalised directory of an absolute path ("" for the root). */
static char *dir_of(const char *path)
{
	struct strbuf sb = {0};
	const char *last = strrchr(path, '/');

	for (const char *s = path; s < last;) {
		const char *e = strchr(s + 1, '/');
		if (!e || e > last)
			e = last;
		size_t n = (size_t)(e - s - 1);
		if (n == 0) {
			s = e;
			continue;
		}
		strbuf_addc(&sb, '/');
		add_component(&sb, s + 1, n);
		s = e;
	}
	return sb.buf ? sb.buf : xstrdup("");
}

static bool at_or_under(const char *dir, const char *a)
{
	size_t n = strlen(a);
	return !strncmp(dir, a, n) && (dir[n] == '\0' || dir[n] == '/');
}

static unsigned depth(const char *dir)
{
	unsigned d = 0;
	for (; *dir; dir++)
		d += *dir == '/';
	return d;
}

static unsigned count_under(const struct entry *e, unsigned n, const char *a)
{
	unsigned c = 0;
	for (unsigned i = 0; i < n; i++)
		c += at_or_under(e[i].dir, a);
	return c;
}

/* The deepest directory with COLLAPSE_AT entries at or under it, or NULL. */
static char *collapse_target(const struct entry *e, unsigned n)
{
	char *best = NULL;
	unsigned best_depth = 0;

	for (unsigned i = 0; i < n; i++) {
		char *cand = xstrdup(e[i].dir);
		for (char *cut; depth(cand) >= 1; *cut = '\0') {
			unsigned d = depth(cand);
			if (d > best_depth && count_under(e, n, cand) >= COLLAPSE_AT) {
				free(best);
				best = xstrdup(cand);
				best_depth = d;
			}
			cut = strrchr(cand, '/');
		}
		free(cand);
	}
	return best;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->dir, ((const struct entry *)b)->dir);
}

static unsigned collapse(struct entry *e, unsigned n)
{
	char *a;

	while ((a = collapse_target(e, n))) {
		unsigned k = 0;
		for (unsigned i = 0; i < n; i++) {
			if (at_or_under(e[i].dir, a))
				free(e[i].dir);
			else
				e[k++] = e[i];
		}
		e[k++] = (struct entry){a, true};
		n = k;
	}
	return n;
}

unsigned learn_generalise(const char *const *paths, unsigned n, char ***globs)
{
	struct entry *e = xcalloc(n ? n : 1, sizeof(*e));
	unsigned k = 0;
	bool root = false;

	for (unsigned i = 0; i < n; i++) {
		if (!strcmp(paths[i], "/")) {
			root = true;
			continue;
		}
		e[k++] = (struct entry){dir_of(paths[i]), false};
	}
	qsort(e, k, sizeof(*e), cmp_entry);
	unsigned u = 0;
	for (unsigned i = 0; i < k; i++) {
		if (u && !strcmp(e[u - 1].dir, e[i].dir))
			free(e[i].dir);
		else
			e[u++] = e[i];
	}
	u = collapse(e, u);
	qsort(e, u, sizeof(*e), cmp_entry);
	char **out = xcalloc(u + 1, sizeof(*out));
	unsigned m = 0;
	if (root)
		out[m++] = xstrdup("/");
	for (unsigned i = 0; i < u; i++) {
		size_t len = strlen(e[i].dir);
		out[m] = xmalloc(len + 4);
		memcpy(out[m], e[i].dir, len);
		strcpy(out[m] + len, e[i].deep ? "/**" : "/*");
		m++;
		free(e[i].dir);
	}
	free(e);
	*globs = out;
	return m;
}

/* Replaces a leading value of vars by its ${NAME}, the longest value first (malloc'd). */
char *learn_with_vars(const char *glob, const struct policy_vars *vars)
{
	const char *names[] = {"CWD", "HOME", "TMPDIR"};
	const char *vals[] = {vars ? vars->cwd : NULL, vars ? vars->home : NULL,
			      vars ? vars->tmpdir : NULL};
	size_t best_len = 0;
	int best = -1;

	for (int i = 0; i < 3; i++) {
		struct strbuf esc = {0};
		if (!vals[i] || vals[i][0] != '/' || !vals[i][1])
			continue; /* the root stands for itself */
		learn_glob_literal(&esc, vals[i], strlen(vals[i]));
		size_t n = esc.len;
		if (esc.buf[n - 1] == '/')
			n--;
		if (n > best_len && !strncmp(glob, esc.buf, n) && (glob[n] == '/' || !glob[n])) {
			best = i;
			best_len = n;
		}
		strbuf_free(&esc);
	}
	if (best < 0)
		return xstrdup(glob);
	struct strbuf out = {0};
	strbuf_addf(&out, "${%s}%s", names[best], glob + best_len);
	return out.buf;
}
