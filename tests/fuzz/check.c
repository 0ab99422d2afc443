/*
 * Checks of what a formatter wrote.  The JSON one is strict on purpose: every
 * ptrc line must parse in any reader, so a lone surrogate, a raw control byte
 * or invalid UTF-8 is a failure here even where a lenient parser would pass.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

enum { JSON_MAX_DEPTH = 256 };

void fz_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

struct jp {
	const unsigned char *p, *end;
	const char *err;
};

static bool jfail(struct jp *j, const char *err)
{
	if (!j->err)
		j->err = err;
	return false;
}

static int jpeek(const struct jp *j)
{
	return j->p < j->end ? *j->p : -1;
}

static void jws(struct jp *j)
{
	while (j->p < j->end && *j->p && strchr(" \t\n\r", *j->p))
		j->p++;
}

static bool jlit(struct jp *j, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n))
		return jfail(j, "bad literal");
	j->p += n;
	return true;
}

static bool jdigits(struct jp *j)
{
	const unsigned char *start = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > start || jfail(j, "digits expected");
}

static bool jnumber(struct jp *j)
{
	if (jpeek(j) == '-')
		j->p++;
	if (jpeek(j) == '0')
		j->p++;
	else if (!jdigits(j))
		return false;
	if (jpeek(j) == '.') {
		j->p++;
		if (!jdigits(j))
			return false;
	}
	if (jpeek(j) == 'e' || jpeek(j) == 'E') {
		j->p++;
		if (jpeek(j) == '+' || jpeek(j) == '-')
			j->p++;
		if (!jdigits(j))
			return false;
	}
	return true;
}

/* The UTF-8 sequence at s: its length, or 0 when it is not a valid one. */
size_t fz_utf8_seq(const unsigned char *s, size_t n)
{
	unsigned len = s[0] < 0x80		      ? 1
		       : s[0] >= 0xc2 && s[0] <= 0xdf ? 2
		       : s[0] >= 0xe0 && s[0] <= 0xef ? 3
		       : s[0] >= 0xf0 && s[0] <= 0xf4 ? 4
						      : 0;
	unsigned long cp = len == 1 ? s[0] : len ? s[0] & (0x3f >> (len - 1)) : 0;

	if (!len || len > n)
		return 0;
	for (unsigned i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	static const unsigned long min[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (cp < min[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

static unsigned hex4(const unsigned char *p)
{
	unsigned v = 0;

	for (int i = 0; i < 4; i++) {
		unsigned c = p[i];
		unsigned d = c >= '0' && c <= '9'   ? c - '0'
			     : c >= 'a' && c <= 'f' ? c - 'a' + 10
			     : c >= 'A' && c <= 'F' ? c - 'A' + 10
						    : 16;
		if (d == 16)
			return 0x10000;
		v = v << 4 | d;
	}
	return v;
}

/* At the u of \uXXXX; a surrogate only as the first half of a pair. */
static bool jescape_u(struct jp *j)
{
	if (j->end - j->p < 5)
		return jfail(j, "short \\u escape");
	unsigned u = hex4(j->p + 1);
	j->p += 5;
	if (u > 0xffff)
		return jfail(j, "bad \\u escape");
	if (u >= 0xdc00 && u <= 0xdfff)
		return jfail(j, "lone low surrogate");
	if (u < 0xd800 || u > 0xdbff)
		return true;
	if (j->end - j->p < 6 || j->p[0] != '\\' || j->p[1] != 'u')
		return jfail(j, "lone high surrogate");
	unsigned lo = hex4(j->p + 2);
	j->p += 6;
	return (lo >= 0xdc00 && lo <= 0xdfff) || jfail(j, "bad low surrogate");
}

static bool jstring(struct jp *j)
{
	j->p++; /* the opening quote */
	while (j->p < j->end && *j->p != '"') {
		if (*j->p < 0x20)
			return jfail(j, "raw control byte in a string");
		if (*j->p == '\\') {
			j->p++;
			if (jpeek(j) == 'u') {
				if (!jescape_u(j))
					return false;
				continue;
			}
			if (jpeek(j) < 0 || !strchr("\"\\/bfnrt", jpeek(j)) || !jpeek(j))
				return jfail(j, "bad escape");
			j->p++;
			continue;
		}
		size_t l = fz_utf8_seq(j->p, (size_t)(j->end - j->p));
		if (!l)
			return jfail(j, "invalid UTF-8");
		j->p += l;
	}
	if (j->p >= j->end)
		return jfail(j, "unterminated string");
	j->p++;
	return true;
}

static bool jvalue(struct jp *j, unsigned depth);

/* An object's or array's items, after the opening bracket. */
static bool jitems(struct jp *j, unsigned depth, int close, bool keys)
{
	jws(j);
	if (jpeek(j) == close) {
		j->p++;
		return true;
	}
	for (;;) {
		jws(j);
		if (keys) {
			if (jpeek(j) != '"' || !jstring(j))
				return jfail(j, "key expected");
			jws(j);
			if (jpeek(j) != ':')
				return jfail(j, "':' expected");
			j->p++;
		}
		if (!jvalue(j, depth + 1))
			return false;
		jws(j);
		int c = jpeek(j);
		j->p++;
		if (c == close)
			return true;
		if (c != ',')
			return jfail(j, "',' or a closing bracket expected");
	}
}

static bool jvalue(struct jp *j, unsigned depth)
{
	if (depth > JSON_MAX_DEPTH)
		return jfail(j, "nested too deep");
	jws(j);
	switch (jpeek(j)) {
	case '{':
		j->p++;
		return jitems(j, depth, '}', true);
	case '[':
		j->p++;
		return jitems(j, depth, ']', false);
	case '"':
		return jstring(j);
	case 't':
		return jlit(j, "true");
	case 'f':
		return jlit(j, "false");
	case 'n':
		return jlit(j, "null");
	default:
		return jnumber(j);
	}
}

void fz_check_json(const char *what, const char *s, size_t n)
{
	struct jp j = {(const unsigned char *)s, (const unsigned char *)s + n, NULL};

	if (jvalue(&j, 0)) {
		jws(&j);
		if (j.p != j.end)
			jfail(&j, "bytes after the value");
	}
	if (j.err)
		fz_fail("%s: invalid JSON (%s) at byte %zu of: %.*s", what, j.err,
			(size_t)(j.p - (const unsigned char *)s), (int)n, s);
}

void fz_check_json_line(const char *what, const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);

	/* JSON Lines: one line per value, so a newline may only end it. */
	if (!nl || nl != s + n - 1)
		fz_fail("%s: not one line ending with a newline: %.*s", what, (int)n, s);
	fz_check_json(what, s, n);
}

void fz_check_printable(const char *what, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			fz_fail("%s: byte 0x%02x at %zu of: %.*s", what, (unsigned char)s[i], i,
				(int)n, s);
}
