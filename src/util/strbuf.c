#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void strbuf_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 256;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
}

void strbuf_addn(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_grow(sb, n);
	if (n) /* s may be NULL when there is nothing: an empty buffer's bytes */
		memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_addn(sb, s, strlen(s));
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char small[128];

	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		strbuf_addn(sb, small, (size_t)n);
		return;
	}
	strbuf_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void strbuf_pad(struct strbuf *sb, size_t col)
{
	if (sb->len >= col)
		return;
	strbuf_grow(sb, col - sb->len);
	memset(sb->buf + sb->len, ' ', col - sb->len);
	sb->len = col;
	sb->buf[sb->len] = '\0';
}

/* The digits of v in base, written backwards from end; returns where they start. */
static char *digits(char *end, uint64_t v, unsigned base)
{
	static const char hex[] = "0123456789abcdef";

	do {
		*--end = hex[v % base];
		v /= base;
	} while (v);
	return end;
}

void strbuf_add_u64(struct strbuf *sb, uint64_t v)
{
	char buf[24], *end = buf + sizeof(buf), *p = digits(end, v, 10);

	strbuf_addn(sb, p, (size_t)(end - p));
}

void strbuf_add_i64(struct strbuf *sb, int64_t v)
{
	char buf[24], *end = buf + sizeof(buf);
	/* The magnitude as unsigned: -INT64_MIN does not fit an int64_t. */
	char *p = digits(end, v < 0 ? -(uint64_t)v : (uint64_t)v, 10);

	if (v < 0)
		*--p = '-';
	strbuf_addn(sb, p, (size_t)(end - p));
}

void strbuf_add_hex(struct strbuf *sb, uint64_t v)
{
	char buf[24], *end = buf + sizeof(buf), *p = digits(end, v, 16);

	if (v) {
		*--p = 'x';
		*--p = '0';
	}
	strbuf_addn(sb, p, (size_t)(end - p));
}

void strbuf_add_xdigits(struct strbuf *sb, uint64_t v)
{
	char buf[24], *end = buf + sizeof(buf), *p = digits(end, v, 16);

	strbuf_addn(sb, p, (size_t)(end - p));
}

void strbuf_add_i64_width(struct strbuf *sb, int64_t v, int width)
{
	size_t start = sb->len;
	size_t w = (size_t)(width < 0 ? -(long)width : width);

	strbuf_add_i64(sb, v);
	size_t n = sb->len - start;
	if (n >= w)
		return;
	if (width < 0) {
		strbuf_pad(sb, start + w);
		return;
	}
	strbuf_grow(sb, w - n);
	memmove(sb->buf + start + (w - n), sb->buf + start, n + 1);
	memset(sb->buf + start, ' ', w - n);
	sb->len = start + w;
}

void strbuf_add_u64_zeros(struct strbuf *sb, uint64_t v, unsigned width)
{
	char buf[24], *end = buf + sizeof(buf), *p = digits(end, v, 10);

	for (size_t n = (size_t)(end - p); n < width; n++)
		strbuf_addc(sb, '0');
	strbuf_addn(sb, p, (size_t)(end - p));
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

void strbuf_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}
