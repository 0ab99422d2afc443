/*
 * The caches of symbolized addresses: open-addressing hash tables from a
 * key to a run of frames in a pool.  A process's is keyed by the address
 * looked up and flushed whenever its module list is reported again; the
 * shared one (symshare.c) uses the same table with its own key.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util/xalloc.h"

enum { SYM_MAX_ENTRIES = 1 << 16 }; /* beyond this many addresses the cache starts again */

void symcache_init(struct symcache *c)
{
	memset(c, 0, sizeof(*c));
}

void symcache_flush(struct symcache *c)
{
	if (c->entries)
		memset(c->entries, 0, c->cap * sizeof(*c->entries));
	c->used = 0;
	c->npool = 0;
	arena_reset(&c->strings);
}

void symcache_free(struct symcache *c)
{
	free(c->entries);
	free(c->pool);
	arena_free(&c->strings);
	memset(c, 0, sizeof(*c));
}

const char *sym_keep(struct symcache *c, const char *s)
{
	return s ? arena_strndup(&c->strings, s, strlen(s)) : NULL;
}

static struct sym_entry *find_slot(struct sym_entry *v, size_t cap, uint64_t key)
{
	size_t i = uw_slot(key, cap);

	while (v[i].n && v[i].key != key)
		i = (i + 1) & (cap - 1);
	return &v[i];
}

static void grow(struct symcache *c)
{
	size_t ncap = c->cap ? c->cap * 2 : 256;
	struct sym_entry *nv = xcalloc(ncap, sizeof(*nv));

	for (size_t i = 0; i < c->cap; i++)
		if (c->entries[i].n)
			*find_slot(nv, ncap, c->entries[i].key) = c->entries[i];
	free(c->entries);
	c->entries = nv;
	c->cap = ncap;
}

static uint32_t pool_add(struct symcache *c, const struct sym_frame *f, size_t n)
{
	if (c->npool + n > c->cappool) {
		size_t ncap = (c->cappool ? c->cappool * 2 : 256) + n;
		c->pool = xrealloc(c->pool, ncap * sizeof(*c->pool));
		c->cappool = ncap;
	}
	memcpy(&c->pool[c->npool], f, n * sizeof(*f));
	c->npool += n;
	return (uint32_t)(c->npool - n);
}

const struct sym_entry *symcache_find(const struct symcache *c, uint64_t key)
{
	if (!c->cap)
		return NULL;
	const struct sym_entry *e = find_slot(c->entries, c->cap, key);
	return e->n ? e : NULL;
}

void symcache_make_room(struct symcache *c)
{
	if (c->used >= SYM_MAX_ENTRIES)
		symcache_flush(c);
}

const struct sym_entry *symcache_put(struct symcache *c, uint64_t key, const struct sym_frame *f,
				     size_t n)
{
	if ((c->used + 1) * 2 > c->cap)
		grow(c);
	struct sym_entry *e = find_slot(c->entries, c->cap, key);
	e->key = key;
	e->first = pool_add(c, f, n);
	e->n = (uint32_t)n;
	c->used++;
	return e;
}

void sym_frames_keep(struct symcache *c, struct sym_frame *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		f[i].module = sym_keep(c, f[i].module);
		f[i].func = sym_keep(c, f[i].func);
		f[i].file = sym_keep(c, f[i].file);
		f[i].inlined_into = sym_keep(c, f[i].inlined_into);
	}
}

const struct sym_entry *symcache_get(struct unwind_proc *up, uint64_t key)
{
	struct sym_frame tmp[SYM_MAX_INLINE];
	const struct sym_entry *e = symcache_find(&up->cache, key);

	if (e)
		return e;
	symcache_make_room(&up->cache); /* before sym_resolve keeps strings in it */
	int n = sym_resolve(up, key, tmp, SYM_MAX_INLINE);
	return n > 0 ? symcache_put(&up->cache, key, tmp, (size_t)n) : NULL;
}
