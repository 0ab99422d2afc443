/* A growable byte buffer; the caller owns sb->buf until strbuf_free(). */
#ifndef PTRC_UTIL_STRBUF_H
#define PTRC_UTIL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf {
	char *buf; /* always NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
};

/* Room for extra more bytes and the NUL. */
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_addn(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
__attribute__((format(printf, 2, 3))) void strbuf_addf(struct strbuf *sb, const char *fmt, ...);
/* Spaces up to column col (nothing when past it). */
void strbuf_pad(struct strbuf *sb, size_t col);
void strbuf_reset(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);

/*
 * Numbers without printf: a traced call's line holds several, and vsnprintf
 * was 40% of ptrc's instructions per call (issue 11).  Each prints what the
 * printf conversion in its comment does.
 */
void strbuf_add_u64(struct strbuf *sb, uint64_t v);	/* %llu */
void strbuf_add_i64(struct strbuf *sb, int64_t v);	/* %lld */
void strbuf_add_hex(struct strbuf *sb, uint64_t v);	/* %#llx: "0x1f", and "0" for 0 */
void strbuf_add_xdigits(struct strbuf *sb, uint64_t v); /* %llx: "1f" */
/* %*lld (width > 0: right-aligned) or %-*lld (width < 0: left-aligned). */
void strbuf_add_i64_width(struct strbuf *sb, int64_t v, int width);
/* %0*llu: at least width digits, zeros first. */
void strbuf_add_u64_zeros(struct strbuf *sb, uint64_t v, unsigned width);

static inline void strbuf_addc(struct strbuf *sb, char c)
{
	if (sb->len + 2 > sb->cap)
		strbuf_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

#endif
