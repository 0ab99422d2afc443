/*
 * -X raw and -X verbose: a constant as its number, with its names in a comment, each in
 * the way strace prints that kind of value (val.raw).
 */
#include "fmt_int.h"
#include "fmt_text.h"

#include <fcntl.h>
#include <inttypes.h>
#include <string.h>

#include "../sys/xlat.h"

static bool const_number(const struct val *v, struct strbuf *sb);

/* An OR of constants as -X raw prints it (val.raw says which of strace's ways). */
static bool or_number(const struct val *v, struct strbuf *sb)
{
	uint64_t bits = 0;

	for (uint32_t i = 0; i < v->n; i++) {
		const struct val *it = &v->items[i];
		if ((it->kind == VAL_OCT && v->raw == VAL_RAW_OCTAL) || it->kind == VAL_HEX)
			bits |= it->u;
		else if (it->kind == VAL_FLAGS || it->kind == VAL_ENUM)
			bits |= it->fl.bits;
		else if (it->kind == VAL_SHIFT)
			bits |= it->shift.x << it->n;
		else
			return false;
	}
	if (v->raw == VAL_RAW_PARTS) {
		for (uint32_t i = 0; i < v->n; i++) {
			if (i)
				strbuf_addc(sb, '|');
			const_number(&v->items[i], sb);
		}
	} else if (v->raw == VAL_RAW_OCTAL) {
		strbuf_addf(sb, "%#" PRIo64, bits);
	} else {
		strbuf_add_hex(sb, bits);
	}
	return true;
}

/* htons(9)'s "\x00\x09", inet_addr("127.0.0.1")'s "\x7f\x00\x00\x01": the bytes in
 * network order, as strace shows a socket address's under -X raw. */
static bool net_bytes(const struct val *v, struct strbuf *sb)
{
	const struct text_opts hex = {.xflag = 2}; /* every byte as \x.. */
	const struct val *f = NULL;
	char word[8];

	for (uint32_t i = 0; i < v->n && !f; i++)
		if (v->fields[i].v->kind == VAL_UINT || v->fields[i].v->kind == VAL_IPADDR)
			f = v->fields[i].v;
	if (!f || (f->kind == VAL_UINT && v->call.num > sizeof(word)))
		return false;
	if (f->kind == VAL_IPADDR) {
		text_quote(sb, f->bytes, f->n, false, &hex);
		return true;
	}
	for (uint64_t i = 0; i < v->call.num; i++) /* most significant byte first */
		word[i] = (char)(f->u >> (8 * (v->call.num - 1 - i)));
	text_quote(sb, word, v->call.num, false, &hex);
	return true;
}

/* The number behind a named constant, and whether v is one. */
static bool const_number(const struct val *v, struct strbuf *sb)
{
	uint64_t bits = 0;

	switch (v->kind) {
	case VAL_FLAGS:
		bits = v->fl.bits;
		break;
	case VAL_OR:
		return or_number(v, sb);
	case VAL_ALTS: /* one number: the last reading's (a named constant) */
		return v->n && const_number(&v->items[v->n - 1], sb);
	case VAL_SHIFT: /* shmget's 21<<26: only a field in decimal is one */
		if (!(v->flags & VALF_NUM))
			return false;
		strbuf_addf(sb, "%" PRIu64 "<<%u", v->shift.x, v->n);
		return true;
	case VAL_ENUM:
		/* strace prints a named constant's number in hex under -X raw (0x1002, 0x2). */
		if (v->raw == VAL_RAW_DECIMAL)
			strbuf_add_i64(sb, (int64_t)v->fl.bits);
		else
			strbuf_add_hex(sb, v->fl.bits);
		return true;
	case VAL_SIG:
	case VAL_ERRNO:
		strbuf_addf(sb, "%" PRId64, v->i);
		return true;
	case VAL_USEROFF: /* 8*RAX is 0x50 under -X raw, and 8*R15 NULL: an address's number */
		if (v->uo.off)
			strbuf_add_hex(sb, v->uo.off);
		else
			strbuf_adds(sb, "NULL");
		return true;
	case VAL_RLIM: /* 8192*1024 and RLIM64_INFINITY are 8388608 and 18446744073709551615 */
		strbuf_add_u64(sb, v->u);
		return true;
	case VAL_IFINDEX: /* if_nametoindex("lo") is 1 under -X raw */
		strbuf_add_u64(sb, v->ifx.num);
		return true;
	case VAL_CALL: /* an encoded constant: ioctl's _IOC(...) is 0x3e03 under -X raw,
			  quotactl's QCMD(...) 2147483904 (VALF_NUM) */
		if (v->raw == VAL_RAW_NETBYTES)
			return net_bytes(v, sb);
		if (v->raw != VAL_RAW_NUMBER)
			return false;
		if (v->flags & VALF_NUM)
			strbuf_add_u64(sb, v->call.num);
		else
			strbuf_add_hex(sb, v->call.num);
		return true;
	case VAL_FD:
		if (!(v->flags & VALF_DIRFD) || v->fd.num != AT_FDCWD)
			return false;
		strbuf_addf(sb, "%" PRId64, v->fd.num);
		return true;
	default:
		return false;
	}
	strbuf_addf(sb, bits ? "%#" PRIx64 : "%" PRIu64, bits);
	return true;
}

/* The style a constant prints in: the -X one, unless the value says otherwise (val.raw). */
static uint8_t const_style(const struct val *v, const struct text_opts *o)
{
	if (v->raw == VAL_RAW_NAMES)
		return CONST_ABBREV;
	if (v->raw == VAL_RAW_VERBOSE && o->xstyle == CONST_ABBREV)
		return CONST_VERBOSE;
	return o->xstyle;
}

/* -X raw and -X verbose: constants as numbers, with their names in a comment. */
bool text_const_styled(struct strbuf *sb, const struct val *v, const struct text_opts *in)
{
	struct strbuf num = {0}, name = {0};
	struct text_opts styled = *in, abbrev = *in;
	const struct text_opts *o = &styled;

	styled.xstyle = const_style(v, in);
	if (v->raw == VAL_RAW_GLUED && in->xstyle != CONST_RAW)
		return false; /* as it is without -X: 0x40000644, no comment */
	if (v->raw == VAL_RAW_NAMES && in->xstyle != CONST_ABBREV) {
		text_val(sb, v, &styled);
		return true;
	}
	if (o->xstyle == CONST_ABBREV || !const_number(v, &num)) {
		strbuf_free(&num);
		return false;
	}
	/* Parts shown apart are commented apart: 0x1 / * SOCK_STREAM * /|0x80000 / * ... * /. */
	if (o->xstyle == CONST_VERBOSE && v->kind == VAL_OR && v->raw == VAL_RAW_PARTS) {
		for (uint32_t i = 0; i < v->n; i++) {
			if (i)
				strbuf_addc(sb, '|');
			text_const_styled(sb, &v->items[i], o);
		}
		strbuf_free(&num);
		return true;
	}
	strbuf_adds(sb, num.buf);
	if (o->xstyle == CONST_VERBOSE) {
		struct val plain = *v; /* its names, whatever its own style says */
		if (plain.raw >= VAL_RAW_NAMES)
			plain.raw = VAL_RAW_MERGED;
		/* inet_pton(AF_INET6, "::1") in the comment: without the field it fills */
		if (v->raw == VAL_RAW_NETBYTES && v->n && v->fields[v->n - 1].v->kind == VAL_SYM)
			plain.n--;
		abbrev.xstyle = CONST_ABBREV;
		text_val(&name, &plain, &abbrev);
		/*
		 * A value no name covers reads the same both ways: no comment; an unknown
		 * one is already its number and comment (0x3039 / * F_??? * /); flags
		 * that print nothing when 0 have no name at all (found by fuzz_decode).
		 */
		bool named = name.len > 0;
		if (v->kind == VAL_SHIFT) /* 21<<26 / * SHM_HUGE_SHIFT * / */
			strbuf_addf(sb, " /* %s */", v->shift.name);
		else if (named && !strncmp(name.buf, num.buf, num.len) &&
			 !strncmp(name.buf + num.len, " /* ", 4))
			strbuf_adds(sb, name.buf + num.len);
		else if (named && strcmp(name.buf, num.buf))
			strbuf_addf(sb, " /* %s */", name.buf);
	}
	strbuf_free(&num);
	strbuf_free(&name);
	return true;
}
