/* strbuf's number formatting matches the printf conversions it replaces, at every edge. */
#include <criterion/criterion.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "util/strbuf.h"

static const uint64_t values[] = {
	0,
	1,
	9,
	10,
	99,
	100,
	12345,
	0x7f,
	0x80,
	0xff,
	0x1000,
	0xdeadbeef,
	0x7fffffff,
	0x80000000,
	0xffffffff,
	0x100000000ULL,
	0x7fffffffffffffffULL,
	0x8000000000000000ULL,
	0xfffffffffffffffeULL,
	0xffffffffffffffffULL,
};

#define N (sizeof(values) / sizeof(values[0]))

/* Each value after a prefix, so that appending (not overwriting) is checked too. */
#define CHECK(call, fmt, ...)                                                                      \
	do {                                                                                       \
		struct strbuf sb = {0};                                                            \
		char want[64];                                                                     \
		strbuf_adds(&sb, "<");                                                             \
		call;                                                                              \
		snprintf(want, sizeof(want), "<" fmt, __VA_ARGS__);                                \
		cr_expect_str_eq(sb.buf, want);                                                    \
		cr_expect_eq(sb.len, strlen(want));                                                \
		strbuf_free(&sb);                                                                  \
	} while (0)

Test(strbuf, unsigned_signed_and_hex_as_printf)
{
	for (size_t i = 0; i < N; i++) {
		uint64_t v = values[i];
		CHECK(strbuf_add_u64(&sb, v), "%" PRIu64, v);
		CHECK(strbuf_add_i64(&sb, (int64_t)v), "%" PRId64, (int64_t)v);
		CHECK(strbuf_add_i64(&sb, -(int64_t)(v >> 1)), "%" PRId64, -(int64_t)(v >> 1));
		CHECK(strbuf_add_hex(&sb, v), "%#" PRIx64, v);
		CHECK(strbuf_add_xdigits(&sb, v), "%" PRIx64, v);
	}
}

Test(strbuf, widths_and_zeros_as_printf)
{
	static const int widths[] = {-6, -5, -1, 0, 1, 4, 5, 6, 20};

	for (size_t i = 0; i < N; i++)
		for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
			int64_t v = (int64_t)values[i];
			CHECK(strbuf_add_i64_width(&sb, v, widths[w]), "%*" PRId64, widths[w], v);
			if (widths[w] >= 0)
				CHECK(strbuf_add_u64_zeros(&sb, values[i], (unsigned)widths[w]),
				      "%0*" PRIu64, widths[w], values[i]);
		}
}

Test(strbuf, pad_to_a_column)
{
	struct strbuf sb = {0};

	strbuf_adds(&sb, "ab");
	strbuf_pad(&sb, 6);
	cr_expect_str_eq(sb.buf, "ab    ");
	strbuf_pad(&sb, 3);
	cr_expect_str_eq(sb.buf, "ab    ", "a column already passed adds nothing");
	for (int i = 0; i < 300; i++)
		strbuf_addc(&sb, 'x');
	cr_expect_eq(sb.len, 306);
	cr_expect_eq(sb.buf[306], '\0');
	strbuf_free(&sb);
}
