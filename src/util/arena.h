/*
 * A bump allocator for one event's decoded values.  Everything a decoder
 * allocates for an event lives until arena_reset(); callers never free
 * individual pointers.  Allocation failure aborts.
 */
#ifndef PTRC_UTIL_ARENA_H
#define PTRC_UTIL_ARENA_H

#include <stdbool.h>
#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t used;  /* bytes used in head */
	size_t total; /* bytes handed out since the last reset: what a decoder has kept */
};

void *arena_alloc(struct arena *a, size_t size);
void *arena_zalloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Whether p points into memory a allocated (tests: a value's text must not). */
bool arena_owns(const struct arena *a, const void *p);
/* Frees every chunk but the first, which is kept for reuse. */
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

#endif
