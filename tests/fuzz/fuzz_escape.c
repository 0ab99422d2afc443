/*
 * The string escapers: strace's quoting (text_quote, VAL_STR in text_val)
 * and the JSON strings (json_str, json_cstr, json_bytes, VAL_STR in
 * json_val).  Beyond not crashing, each output must read back as exactly
 * the bytes that went in: text quoting is lossless, a JSON string loses only
 * invalid UTF-8 (one U+FFFD per byte), and {"hex":..} keeps every byte.
 *
 * Input: one byte of options (bits 0-1 -x level, bit 2 truncated, bit 3
 * binary, bits 4-6 VALF_ABSTRACT, VALF_HEXSTR, VALF_CSTRING), then the bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "out/fmt_text.h"
#include "out/json.h"

static int octal(int c)
{
	return c >= '0' && c <= '7' ? c - '0' : -1;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* One escape after the backslash at q[*i]; the byte, or -1 for one text_quote never writes. */
static int text_unescape(const char *q, size_t n, size_t *i)
{
	static const char simple[] = "\"\"\\\\t\tn\nv\vf\fr\r";
	char c = ++*i < n ? q[*i] : 0;

	for (const char *s = simple; *s; s += 2)
		if (c == s[0]) {
			++*i;
			return (unsigned char)s[1];
		}
	if (c == 'x' && *i + 2 < n && hexval(q[*i + 1]) >= 0 && hexval(q[*i + 2]) >= 0) {
		int v = hexval(q[*i + 1]) * 16 + hexval(q[*i + 2]);
		*i += 3;
		return v;
	}
	int v = 0, digits = 0;
	while (digits < 3 && *i < n && octal(q[*i]) >= 0) {
		v = v * 8 + octal(q[*i]);
		++*i, digits++;
	}
	return digits && v < 256 ? v : -1;
}

/* text_quote's output must be printable and unquote to exactly the input. */
static void check_text_quote(const char *s, size_t n, bool trunc, const struct text_opts *o)
{
	struct strbuf sb = {0};
	char *back = malloc(n + 1);
	size_t i = 1, k = 0;

	text_quote(&sb, s, n, trunc, o);
	fz_check_printable("text_quote", sb.buf, sb.len);
	if (sb.buf[0] != '"')
		fz_fail("text_quote: no opening quote: %s", sb.buf);
	while (i < sb.len && sb.buf[i] != '"') {
		int c = sb.buf[i] == '\\' ? text_unescape(sb.buf, sb.len, &i)
					  : (unsigned char)sb.buf[i++];
		if (c < 0 || k >= n)
			fz_fail("text_quote: does not read back at byte %zu: %s", i, sb.buf);
		back[k++] = (char)c;
	}
	const char *tail = trunc ? "\"..." : "\"";
	if (k != n || memcmp(back, s, n) || strcmp(sb.buf + i, tail))
		fz_fail("text_quote: reads back as other bytes: %s", sb.buf);
	free(back);
	strbuf_free(&sb);
}

static size_t put_utf8(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static unsigned hex4(const char *p)
{
	unsigned v = 0;

	for (int i = 0; i < 4; i++)
		v = v << 4 | (unsigned)hexval(p[i]);
	return v;
}

/*
 * The bytes a JSON string literal at q (already checked by fz_check_json)
 * stands for, into out (room for 4 bytes per byte of q); returns their count.
 */
static size_t json_unquote(const char *q, size_t n, char *out)
{
	static const char simple[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
	size_t k = 0;

	for (size_t i = 1; i + 1 < n; i++) {
		if (q[i] != '\\') {
			out[k++] = q[i];
			continue;
		}
		const char *s = simple;
		while (*s && s[0] != q[i + 1])
			s += 2;
		if (*s) {
			out[k++] = s[1];
			i++;
			continue;
		}
		unsigned cp = hex4(q + i + 2);
		i += 5;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			cp = 0x10000 + ((cp - 0xd800) << 10) + (hex4(q + i + 3) - 0xdc00);
			i += 6;
		}
		k += put_utf8(out + k, cp);
	}
	return k;
}

/* What json_str promises: the input with each byte of invalid UTF-8 as U+FFFD. */
static size_t utf8_repaired(const char *s, size_t n, char *out)
{
	size_t k = 0;

	for (size_t i = 0; i < n;) {
		size_t l = fz_utf8_seq((const unsigned char *)s + i, n - i);
		if (l) {
			memcpy(out + k, s + i, l);
			k += l, i += l;
		} else {
			k += put_utf8(out + k, 0xfffd);
			i++;
		}
	}
	return k;
}

static void check_json_str(const char *s, size_t n)
{
	struct strbuf sb = {0};
	char *back = malloc(4 * n + 4), *want = malloc(3 * n + 1);

	json_str(&sb, s, n);
	fz_check_json("json_str", sb.buf, sb.len);
	if (sb.buf[0] != '"')
		fz_fail("json_str: not a string: %s", sb.buf);
	size_t k = json_unquote(sb.buf, sb.len, back), w = utf8_repaired(s, n, want);
	if (k != w || memcmp(back, want, k))
		fz_fail("json_str: reads back as other bytes: %s", sb.buf);
	free(back);
	free(want);
	strbuf_free(&sb);
}

/* json_bytes: valid JSON always, and a {"hex":..} form that holds every byte in order. */
static void check_json_bytes(const char *s, size_t n, bool trunc, bool binary)
{
	static const char digits[] = "0123456789abcdef";
	struct strbuf sb = {0};

	json_bytes(&sb, s, n, trunc, binary);
	fz_check_json("json_bytes", sb.buf, sb.len);
	if (!strncmp(sb.buf, "{\"hex\":\"", 8)) {
		const char *h = sb.buf + 8;
		for (size_t i = 0; i < n; i++, h += 2)
			if (h[0] != digits[(unsigned char)s[i] >> 4] ||
			    h[1] != digits[(unsigned char)s[i] & 15])
				fz_fail("json_bytes: hex differs at byte %zu: %s", i, sb.buf);
		if (*h != '"')
			fz_fail("json_bytes: hex of another length: %s", sb.buf);
	} else if (binary) {
		fz_fail("json_bytes: binary bytes not as hex: %s", sb.buf);
	}
	if (trunc != (strstr(sb.buf, "\"truncated\":true") != NULL) && sb.buf[0] == '{')
		fz_fail("json_bytes: truncation lost: %s", sb.buf);
	strbuf_free(&sb);
}

/* The same bytes as a decoded string value, through both formatters. */
static void check_value(const char *s, size_t n, uint8_t opt, const struct text_opts *to)
{
	struct arena ar = {0};
	struct strbuf sb = {0};
	struct val v;

	val_str(&v, &ar, s, (uint32_t)n, opt & 4);
	if (opt & 0x10)
		v.flags |= VALF_ABSTRACT;
	if (opt & 0x20)
		v.flags |= VALF_HEXSTR;
	if (opt & 0x40)
		v.flags |= VALF_CSTRING;
	text_val(&sb, &v, to);
	fz_check_printable("text_val", sb.buf, sb.len);
	strbuf_reset(&sb);
	json_val(&sb, &v);
	fz_check_json("json_val", sb.buf, sb.len);
	strbuf_free(&sb);
	arena_free(&ar);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f = {data, size};
	uint8_t opt = fz_u8(&f);
	struct text_opts to = {.xflag = (uint8_t)((opt & 3) == 3 ? 2 : opt & 3)};
	size_t n;
	const char *s = (const char *)fz_bytes(&f, f.n, &n);
	bool trunc = opt & 4, binary = opt & 8;

	check_text_quote(s, n, trunc, &to);
	check_json_str(s, n);
	check_json_bytes(s, n, trunc, binary);
	check_value(s, n, opt, &to);

	/* json_cstr: the string up to its first NUL. */
	char *c = malloc(n + 1);
	struct strbuf sb = {0};
	memcpy(c, s, n);
	c[n] = '\0';
	json_cstr(&sb, c);
	fz_check_json("json_cstr", sb.buf, sb.len);
	strbuf_free(&sb);
	free(c);
	return 0;
}
