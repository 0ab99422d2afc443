/*
 * Generalising learned paths into a few directory globs:
 *  - numeric components (/proc/1234) become '*';
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
		if (s[i] && strchr("*?[]\\", s[i]))
			strbuf_addc(sb, '\\');
		strbuf_addc(sb, s[i]);
	}
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
		if (all_digits(s + 1, n))
			strbuf_addc(&sb, '*');
		else
			learn_glob_literal(&sb, s + 1, n);
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
