#include "arena.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	max_align_t data[];
};

enum { ARENA_CHUNK = 16384 };

static struct arena_chunk *chunk_new(size_t min, struct arena_chunk *next)
{
	size_t size = min > ARENA_CHUNK ? min : ARENA_CHUNK;
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

void arena_reset(struct arena *a)
{
	struct arena_chunk *c = a->head;

	if (!c)
		return;
	while (c->next) {
		struct arena_chunk *next = c->next;

		free(c);
		c = next;
	}
	a->head = c;
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
