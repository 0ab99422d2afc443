#include "arena.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	max_align_t data[];
};

/*
 * Every task has an arena, and most calls need a few hundred bytes of it: the
 * first chunk is small and the next ones double up to ARENA_CHUNK (a chunk of
 * 16 KiB for each of 300 threads was a third of ptrc's memory, issue 11).
 */
enum { ARENA_FIRST = 1024, ARENA_CHUNK = 16384 };

static struct arena_chunk *chunk_new(size_t min, struct arena_chunk *next)
{
	size_t size = next ? next->size * 2 : ARENA_FIRST;

	if (size > ARENA_CHUNK)
		size = ARENA_CHUNK;
	if (size < min)
		size = min;
	struct arena_chunk *c = xmalloc(sizeof(*c) + size);

	c->next = next;
	c->size = size;
	return c;
}

void *arena_alloc(struct arena *a, size_t size)
{
	size = (size + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1);
	if (!a->head || a->used + size > a->head->size) {
		a->head = chunk_new(size, a->head);
		a->used = 0;
	}
	void *p = (char *)a->head->data + a->used;
	a->used += size;
	a->total += size;
	return p;
}

void *arena_zalloc(struct arena *a, size_t size)
{
	return memset(arena_alloc(a, size), 0, size);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Keeps the largest chunk of at most ARENA_CHUNK bytes (a huge one is freed). */
void arena_reset(struct arena *a)
{
	struct arena_chunk *keep = NULL;

	for (struct arena_chunk *c = a->head; c; c = c->next)
		if (c->size <= ARENA_CHUNK && (!keep || c->size > keep->size))
			keep = c;
	for (struct arena_chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		if (c != keep)
			free(c);
	}
	if (keep)
		keep->next = NULL;
	a->head = keep;
	a->used = 0;
	a->total = 0;
}

void arena_free(struct arena *a)
{
	arena_reset(a);
	free(a->head);
	a->head = NULL;
	a->used = 0;
	a->total = 0;
}

bool arena_owns(const struct arena *a, const void *p)
{
	for (const struct arena_chunk *c = a->head; c; c = c->next) {
		const char *base = (const char *)c->data;
		if ((const char *)p >= base && (const char *)p < base + c->size)
			return true;
	}
	return false;
}
