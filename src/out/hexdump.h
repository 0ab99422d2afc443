/* strace's -e read= / -e write= dump of a buffer (hexdump.c). */
#ifndef PTRC_OUT_HEXDUMP_H
#define PTRC_OUT_HEXDUMP_H

#include <stddef.h>
#include <stdint.h>

#include "../util/strbuf.h"

/* " | 00000  68 69 0a ...  hi.              |" lines of 16 bytes, each ending in '\n'. */
void text_hexdump(struct strbuf *sb, const uint8_t *b, size_t n);

#endif
