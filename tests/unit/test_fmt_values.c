/* Text formatting of values: strings, flags, sets, notes. */
#include <criterion/criterion.h>
#include <fcntl.h>

#include "out/fmt_text.h"
#include "sys/flags.h"

static struct strbuf sb;
static struct arena ar;

static const char *show(const struct val *v, uint8_t xflag)
{
	struct text_opts o = {.xflag = xflag};

	strbuf_reset(&sb);
	text_val(&sb, v, &o);
	return sb.buf;
}

static const char *str(const char *s, size_t n, bool trunc, uint8_t xflag)
{
	struct val v;

	val_str(&v, &ar, s, (uint32_t)n, trunc);
	return show(&v, xflag);
}

Test(fmt_values, string_escapes)
{
	cr_expect_str_eq(str("a\1\tb\n", 5, false, 0), "\"a\\1\\tb\\n\"");
	cr_expect_str_eq(str("\"\\", 2, false, 0), "\"\\\"\\\\\"");
	/* An octal escape followed by a digit keeps three digits. */
	cr_expect_str_eq(str("\0"
			     "1",
			     2, false, 0),
			 "\"\\0001\"");
	cr_expect_str_eq(str("\x80z", 2, false, 0), "\"\\200z\"");
}

Test(fmt_values, truncation_and_hex)
{
	cr_expect_str_eq(str("abcde", 5, true, 0), "\"abcde\"...");
	cr_expect_str_eq(str("a\1b\n", 4, false, 1), "\"\\x61\\x01\\x62\\x0a\"");
	cr_expect_str_eq(str("ab", 2, false, 1), "\"ab\"");
	cr_expect_str_eq(str("ab", 2, false, 2), "\"\\x61\\x62\"");
	struct val v;
	val_str(&v, &ar, "\"a", 2, false);
	v.flags |= VALF_HEXSTR;
	cr_expect_str_eq(show(&v, 0), "\"\\x22\\x61\"");
}

Test(fmt_values, flags_zero_and_leftovers)
{
	struct val v;

	val_flags(&v, 0, &xl_prot);
	cr_expect_str_eq(show(&v, 0), "PROT_NONE");
	val_flags(&v, 0, &xl_msg_flags);
	cr_expect_str_eq(show(&v, 0), "0");
	val_flags(&v, 0x3 | 0x100000000ULL, &xl_prot);
	cr_expect_str_eq(show(&v, 0), "PROT_READ|PROT_WRITE|0x100000000");
	/* strace 6.1: fcntl(0, 0x3039 / * F_??? * /, ...), lseek's 0x7 / * SEEK_??? * /. */
	val_enum(&v, 12345, &xl_fcntl_cmds);
	cr_expect_str_eq(show(&v, 0), "0x3039 /* F_??? */");
	struct text_opts verbose = {.xstyle = CONST_VERBOSE};
	strbuf_reset(&sb);
	text_val(&sb, &v, &verbose);
	cr_expect_str_eq(sb.buf, "0x3039 /* F_??? */", "-X verbose: one comment");
}

Test(fmt_values, sigsets)
{
	struct val v;
	uint8_t none[8] = {0}, full[8], two[8] = {0};

	memset(full, 0xff, sizeof(full));
	two[0] = 0x02 | 0x80; /* SIGINT, SIGTERM's byte below */
	two[1] = 0x40;	      /* SIGTERM (15) */
	two[0] = 0x02;
	val_sigset(&v, &ar, none, 8);
	cr_expect_str_eq(show(&v, 0), "[]");
	val_sigset(&v, &ar, full, 8);
	cr_expect_str_eq(show(&v, 0), "~[]");
	val_sigset(&v, &ar, two, 8);
	cr_expect_str_eq(show(&v, 0), "[INT TERM]");
}

Test(fmt_values, note_and_bare_struct)
{
	struct val v, *note;

	val_hex(&v, 0x8000);
	note = val_note(&v, &ar);
	struct field *f = val_struct(note, &ar, 1);
	(void)f;
	note->flags |= VALF_BARE | VALF_LABELS;
	val_flags(val_field(note, &ar, 0, "flags"), O_CLOEXEC, &xl_open_flags);
	cr_expect_str_eq(show(&v, 0), "0x8000 (flags O_CLOEXEC)");
}

Test(fmt_values, spaced_array_and_comment)
{
	struct val v, inner;
	struct val *items = val_array(&v, &ar, 2);

	v.flags |= VALF_SPACED;
	val_int(&items[0], 0);
	val_int(&items[1], 5);
	cr_expect_str_eq(show(&v, 0), "[0 5]");
	val_ptr(&inner, 0x7ffd1000);
	v = inner;
	val_count(val_comment(&v, &ar), 37, "var", "vars");
	cr_expect_str_eq(show(&v, 0), "0x7ffd1000 /* 37 vars */");
	val_ptr(&v, 0x7ffd1000);
	val_count(val_comment(&v, &ar), 1, "var", "vars");
	cr_expect_str_eq(show(&v, 0), "0x7ffd1000 /* 1 var */");
}

/* An array that ran into memory ptrc could not read: strace's "... / * address * /". */
Test(fmt_values, array_ending_at_unreadable_memory)
{
	struct val v;
	struct val *items = val_array(&v, &ar, 2);

	val_int(&items[0], 7);
	val_unread(&items[1], 0x7f0010);
	cr_expect_str_eq(show(&v, 0), "[7, ... /* 0x7f0010 */]");
}

static const char *styled(const struct val *v, uint8_t xstyle)
{
	struct text_opts o = {.xstyle = xstyle};

	strbuf_reset(&sb);
	text_val(&sb, v, &o);
	return sb.buf;
}

/* An array shown with its indexes: each a constant in decimal, named by its table, as
 * strace 6.1 prints io_uring's worker counts in every -X style. */
Test(fmt_values, indexed_array_names_its_indexes)
{
	struct val v;
	struct val *items = val_array(&v, &ar, 3);

	val_uint(&items[0], 4);
	val_uint(&items[1], 8);
	val_uint(&items[2], 9);
	val_index_by(&v, &xl_io_wq_types);
	cr_assert_eq(v.kind, VAL_INDEXED);
	cr_expect_str_eq(show(&v, 0),
			 "[[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8, [2 /* IO_WQ_??? */]=9]");
	cr_expect_str_eq(styled(&v, CONST_RAW), "[[0]=4, [1]=8, [2]=9]");
	cr_expect_str_eq(styled(&v, CONST_VERBOSE),
			 "[[0 /* IO_WQ_BOUND */]=4, [1 /* IO_WQ_UNBOUND */]=8, "
			 "[2 /* IO_WQ_??? */]=9]");
	v.flags |= VALF_TRUNC;
	cr_expect_str_eq(show(&v, 0),
			 "[[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8, [2 /* IO_WQ_??? */]=9, ...]");
	v.n = 0;
	cr_expect_str_eq(show(&v, 0), "[...]");
	v.flags = 0;
	v.n = 2;
	val_unread(&items[1], 0x7f0010);
	cr_expect_str_eq(show(&v, 0), "[[IO_WQ_BOUND]=4, ... /* 0x7f0010 */]");
	v.idx.tab = NULL; /* no names: the numbers alone */
	cr_expect_str_eq(show(&v, 0), "[[0]=4, ... /* 0x7f0010 */]");
	cr_expect_str_eq(styled(&v, CONST_VERBOSE), "[[0]=4, ... /* 0x7f0010 */]");
	val_ptr(&v, 0x1000); /* an array that could not be read stays its address */
	val_index_by(&v, &xl_io_wq_types);
	cr_expect_str_eq(show(&v, 0), "0x1000");
}

/* strace's counts of an environment with no NULL before unreadable memory, or past the bound. */
Test(fmt_values, count_endings)
{
	struct val v;

	val_ptr(&v, 0x7ffd1000);
	val_count_ended(val_comment(&v, &ar), 2, "var", "vars", VAL_COUNT_UNTERMINATED);
	cr_expect_str_eq(show(&v, 0), "0x7ffd1000 /* 2 vars, unterminated */");
	val_ptr(&v, 0x7ffd1000);
	val_count_ended(val_comment(&v, &ar), 2097152, "var", "vars", VAL_COUNT_CUT);
	cr_expect_str_eq(show(&v, 0), "0x7ffd1000 /* 2097152 vars, ... */");
}

/* -X raw prints each constant as strace 6.1 does: a named one's number in hex, socket's type
 * as its parts, a file mode in octal, other ORs as one number. */
Test(fmt_values, raw_numbers_as_strace_prints_them)
{
	struct text_opts raw = {.xstyle = CONST_RAW};
	struct val v, *it;

	val_enum(&v, 0x1002, &xl_arch_prctl);
	strbuf_reset(&sb);
	text_val(&sb, &v, &raw);
	cr_expect_str_eq(sb.buf, "0x1002");
	val_enum(&v, 0, &xl_arch_prctl);
	strbuf_reset(&sb);
	text_val(&sb, &v, &raw);
	cr_expect_str_eq(sb.buf, "0");

	it = val_or(&v, &ar, 2);
	v.raw = VAL_RAW_PARTS;
	val_enum(&it[0], 2, &xl_socket_types);
	val_flags(&it[1], O_CLOEXEC, &xl_open_flags);
	strbuf_reset(&sb);
	text_val(&sb, &v, &raw);
	cr_expect_str_eq(sb.buf, "0x2|0x80000");
	struct text_opts verbose_parts = {.xstyle = CONST_VERBOSE};
	strbuf_reset(&sb);
	text_val(&sb, &v, &verbose_parts);
	cr_expect_str_eq(sb.buf, "0x2 /* SOCK_DGRAM */|0x80000 /* O_CLOEXEC */",
			 "strace 6.1 comments each part");

	it = val_or(&v, &ar, 2);
	v.raw = VAL_RAW_OCTAL;
	val_enum(&it[0], 0100000, &xl_file_types);
	val_oct(&it[1], 0644);
	strbuf_reset(&sb);
	text_val(&sb, &v, &raw);
	cr_expect_str_eq(sb.buf, "0100644");

	it = val_or(&v, &ar, 2);
	val_enum(&it[0], 1, &xl_file_types);
	val_flags(&it[1], O_CLOEXEC, &xl_open_flags);
	strbuf_reset(&sb);
	text_val(&sb, &v, &raw);
	cr_expect_str_eq(sb.buf, "0x80001");
}
