/* What the harness's files share (harness.c, harness_expect.c); not for the tests. */
#ifndef PTRC_IT_HARNESS_INT_H
#define PTRC_IT_HARNESS_INT_H

#include <stddef.h>

struct it_buf {
	char *data;
	size_t len, cap;
};

/* calloc and strdup that abort when out of memory. */
void *it_xalloc(size_t size);
char *it_xstrdup(const char *s);
/* Appends printf-style text to b. */
__attribute__((format(printf, 2, 3))) void it_buf_add(struct it_buf *b, const char *fmt, ...);

/* "exited with 3", "killed by SIGKILL": a wait status in words (static storage). */
char *it_describe_status(int status);

#endif
