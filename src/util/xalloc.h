/* Allocation that aborts with a message instead of returning NULL. */
#ifndef PTRC_UTIL_XALLOC_H
#define PTRC_UTIL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

#endif
