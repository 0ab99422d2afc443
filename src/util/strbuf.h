/* A growable byte buffer; the caller owns sb->buf until strbuf_free(). */
#ifndef PTRC_UTIL_STRBUF_H
#define PTRC_UTIL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf; /* always NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
};

void strbuf_addn(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
__attribute__((format(printf, 2, 3))) void strbuf_addf(struct strbuf *sb, const char *fmt, ...);
void strbuf_pad(struct strbuf *sb, size_t col);
void strbuf_reset(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);

#endif
