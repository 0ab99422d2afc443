#include "fmt_text.h"
#include "fmt_int.h"

#include <fcntl.h>
#include <inttypes.h>
#include <string.h>

#include "../sys/signame.h"
#include "../sys/xlat.h"

static bool needs_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		/* NUL is not among the escapes (strchr would find the string's own). */
		if ((c < ' ' || c > 0x7e) && (!c || !strchr("\t\n\v\f\r", c)))
			return true;
	}
	return false;
}

void text_quote(struct strbuf *sb, const char *s, size_t n, bool trunc, const struct text_opts *o)
{
	bool hex = o->xflag >= 2 || (o->xflag == 1 && needs_hex(s, n));

	strbuf_addc(sb, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (hex) {
			strbuf_addf(sb, "\\x%02x", c);
			continue;
		}
		switch (c) {
		case '"':
			strbuf_adds(sb, "\\\"");
			continue;
		case '\\':
			strbuf_adds(sb, "\\\\");
			continue;
		case '\t':
			strbuf_adds(sb, "\\t");
			continue;
		case '\n':
			strbuf_adds(sb, "\\n");
			continue;
		case '\v':
			strbuf_adds(sb, "\\v");
			continue;
		case '\f':
			strbuf_adds(sb, "\\f");
			continue;
		case '\r':
			strbuf_adds(sb, "\\r");
			continue;
		default:
			break;
		}
		if (c >= ' ' && c <= 0x7e) {
			strbuf_addc(sb, (char)c);
			continue;
		}
		/* Shortest octal, unless an octal digit follows and would merge. */
		bool digit_next = i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7';
		if (digit_next || c >= 0100)
			strbuf_addf(sb, "\\%03o", c);
		else
			strbuf_addf(sb, "\\%o", c);
	}
	strbuf_addc(sb, '"');
	if (trunc)
		strbuf_adds(sb, "...");
}

/* The prefix every name of t shares, up to and with its last '_' ("SEEK_"); 0 when none. */
static size_t table_prefix(const struct xlat *t)
{
	size_t len = t->n ? strlen(t->ents[0].name) : 0;

	if (t->unknown)
		return strlen(t->unknown);
	for (unsigned i = 1; i < t->n && len; i++) {
		size_t k = 0;
		while (k < len && t->ents[i].name[k] == t->ents[0].name[k])
			k++;
		len = k;
	}
	while (len && t->ents[0].name[len - 1] != '_')
		len--;
	return len > 1 ? len : 0;
}

/* 0x400 / * SECBIT_??? * /: a value t does not name, with the prefix its names share. */
static void text_unknown(struct strbuf *sb, uint64_t x, const struct xlat *t, size_t pre)
{
	if (t->type == XLAT_ENUM_DEC)
		strbuf_add_i64(sb, (int64_t)x);
	else
		strbuf_add_hex(sb, x);
	strbuf_adds(sb, " /* ");
	if (t->unknown && strstr(t->unknown, "???")) /* the whole name: FS_???_FL */
		strbuf_adds(sb, t->unknown);
	else {
		strbuf_addn(sb, t->unknown ? t->unknown : t->ents[0].name, pre);
		strbuf_adds(sb, "???");
	}
	strbuf_adds(sb, " */");
}

static void text_flags(struct strbuf *sb, uint64_t bits, const struct xlat *tab)
{
	if (!tab) {
		strbuf_addf(sb, "%#" PRIx64, bits);
		return;
	}
	if (bits == 0) {
		const char *z = xlat_name(tab, 0);
		strbuf_adds(sb, z ? z : "0");
		return;
	}
	uint64_t left = bits;
	bool first = true;
	for (unsigned i = 0; i < tab->n; i++) {
		uint64_t f = tab->ents[i].val;
		if (f && (left & f) == f) {
			if (!first)
				strbuf_addc(sb, '|');
			if (tab->text_prefix)
				strbuf_adds(sb, tab->text_prefix);
			strbuf_adds(sb, tab->ents[i].name);
			if (tab->text_suffix)
				strbuf_adds(sb, tab->text_suffix);
			left &= ~f;
			first = false;
		}
	}
	size_t pre = first && tab->type == XLAT_BITS_DFLT ? table_prefix(tab) : 0;
	if (pre)
		text_unknown(sb, left, tab, pre);
	else if (left && first)
		strbuf_addf(sb, "%#" PRIx64, left);
	else if (left)
		strbuf_addf(sb, "|%#" PRIx64, left);
}

/*
 * A value the table does not name: a number in hex and strace's comment
 * naming the table (its unknown prefix, or SEEK_??? where its names share a
 * prefix), else the number (in hex with VALF_HEXFLAGS).
 */
static void text_enum(struct strbuf *sb, const struct val *v)
{
	const struct xlat *t = v->fl.tab;
	const char *n = t ? xlat_name(t, v->fl.bits) : NULL;
	size_t pre = t && !n ? table_prefix(t) : 0;

	if (n)
		strbuf_adds(sb, n);
	else if (pre)
		text_unknown(sb, v->fl.bits, t, pre);
	else if (v->flags & VALF_HEXFLAGS) {
		strbuf_add_hex(sb, v->fl.bits);
	} else {
		strbuf_add_u64(sb, v->fl.bits);
	}
}

/* A signal of a set: CHLD; -X raw 17, -X verbose 17 / * CHLD * / (a number without a name
 * alone). */
static void text_set_signal(struct strbuf *sb, unsigned sig, const struct text_opts *o)
{
	char buf[32];
	const char *n = signame(sig, buf, sizeof(buf));

	if (n && o->xstyle == CONST_ABBREV)
		strbuf_adds(sb, n + 3);
	else if (n && o->xstyle == CONST_VERBOSE)
		strbuf_addf(sb, "%u /* %s */", sig, n + 3);
	else
		strbuf_addf(sb, "%u", sig);
}

static void text_sigset(struct strbuf *sb, const struct val *v, const struct text_opts *o)
{
	unsigned nsig = v->set.nbytes * 8, set = 0;

	for (unsigned i = 0; i < nsig; i++)
		set += (v->set.mask[i / 8] >> (i % 8)) & 1;
	/* Mostly-full sets read better as their complement. */
	bool complement = set > nsig / 2;
	if (complement)
		strbuf_addc(sb, '~');
	strbuf_addc(sb, '[');
	bool first = true;
	for (unsigned i = 0; i < nsig; i++) {
		bool on = (v->set.mask[i / 8] >> (i % 8)) & 1;
		if (on == complement)
			continue;
		if (!first)
			strbuf_addc(sb, ' ');
		first = false;
		text_set_signal(sb, i + 1, o);
	}
	strbuf_addc(sb, ']');
}

/*
 * [[IO_WQ_BOUND]=4, [2 / * IO_WQ_??? * /]=9]: each item after its index, a constant that
 * strace prints in decimal in every -X style ([0]=4 under -X raw); the item that says where
 * reading stopped has none.
 */
static void text_index_items(struct strbuf *sb, const struct val *v, const struct text_opts *o)
{
	struct val ix;

	strbuf_addc(sb, '[');
	for (uint32_t i = 0; i < v->n; i++) {
		const struct val *it = &v->idx.items[i];
		if (i)
			strbuf_adds(sb, ", ");
		if (it->kind != VAL_UNREAD) {
			val_enum(&ix, i, v->idx.tab);
			ix.raw = VAL_RAW_DECIMAL;
			strbuf_addc(sb, '[');
			text_val(sb, &ix, o);
			strbuf_adds(sb, "]=");
		}
		text_val(sb, it, o);
	}
	if (v->flags & VALF_TRUNC)
		strbuf_adds(sb, v->n ? ", ..." : "...");
	strbuf_addc(sb, ']');
}

/* 8*RAX, offsetof(struct user, u_debugreg)+56, sizeof(struct user): as strace names the
 * places of PTRACE_PEEKUSER. */
static void text_useroff(struct strbuf *sb, const struct val *v)
{
	if (v->uo.form == USEROFF_WORD)
		strbuf_addf(sb, "%u*%s", v->uo.word, v->uo.name);
	else if (v->uo.form == USEROFF_FIELD)
		strbuf_addf(sb, "offsetof(struct user, %s)", v->uo.name);
	else
		strbuf_adds(sb, "sizeof(struct user)");
	if (v->uo.off > v->uo.start)
		strbuf_addf(sb, "+%" PRIu64, v->uo.off - v->uo.start);
}

static void text_struct(struct strbuf *sb, const struct val *v, const struct text_opts *o)
{
	bool bare = v->flags & VALF_BARE;

	if (!bare)
		strbuf_addc(sb, '{');
	for (uint32_t i = 0; i < v->n; i++) {
		if (i)
			strbuf_adds(sb, ", ");
		const struct val *f = v->fields[i].v;
		/* inet_pton(AF_INET6, "::1", &sin6_addr) names its field; its bytes do not */
		bool anon = f->kind == VAL_CALL && (f->flags & VALF_ANON) &&
			    (o->xstyle == CONST_ABBREV || f->raw != VAL_RAW_NETBYTES);
		if (v->fields[i].name && !anon)
			strbuf_addf(sb,
				    (v->flags & VALF_LABELS) ? "%s " : "%s=", v->fields[i].name);
		text_val(sb, f, o);
	}
	if (v->flags & (VALF_ABBREV | VALF_TRUNC))
		strbuf_adds(sb, v->n ? ", ..." : "...");
	if (!bare)
		strbuf_addc(sb, '}');
}

/* 0x1f; with a width, zero-padded as printf pads it (strace's %#08x, %08x). */
static void text_hex(struct strbuf *sb, const struct val *v)
{
	if (v->flags & VALF_NOPREFIX)
		strbuf_addf(sb, "%0*" PRIx64, (int)v->n, v->u);
	else if (v->n)
		strbuf_addf(sb, "%#0*" PRIx64, (int)v->n, v->u);
	else
		strbuf_add_hex(sb, v->u);
}

/* 3, AT_FDCWD, and -y's 3</etc/passwd>. */
static void text_fd(struct strbuf *sb, const struct val *v)
{
	if ((v->flags & VALF_DIRFD) && v->fd.num == AT_FDCWD)
		strbuf_adds(sb, "AT_FDCWD");
	else
		strbuf_add_i64(sb, v->fd.num);
	if (v->fd.path) {
		strbuf_addc(sb, '<');
		strbuf_adds(sb, v->fd.path);
		strbuf_addc(sb, '>');
	}
}

void text_comm(struct strbuf *sb, const char *comm)
{
	if (!comm)
		return;
	strbuf_addc(sb, '<');
	for (const char *c = comm; *c; c++) {
		unsigned char b = (unsigned char)*c;
		if (b >= 0x20 && b < 0x7f && b != '\\' && b != '>')
			strbuf_addc(sb, (char)b);
		else
			strbuf_addf(sb, "\\x%02x", b);
	}
	strbuf_addc(sb, '>');
}

/* -Y: "4242<make>". */
static void text_pid(struct strbuf *sb, const struct val *v)
{
	strbuf_add_i64(sb, v->pid.num);
	text_comm(sb, v->pid.comm);
	if (v->pid.ours) /* --pidns-translation, in another pid namespace */
		strbuf_addf(sb, " /* %" PRId64 " in ptrc's PID NS */", v->pid.ours);
}

/* Numbers, names and strings: the values that hold no other value. */
static void text_str(struct strbuf *sb, const struct val *v, const struct text_opts *o)
{
	struct text_opts so = *o;
	uint32_t n = v->n;
	bool trunc = v->flags & VALF_TRUNC;

	if (v->flags & VALF_ABSTRACT)
		strbuf_addc(sb, '@');
	if (v->flags & VALF_HEXSTR)
		so.xflag = 2;
	if (v->raw == VAL_STR_NULTERM && n && so.xflag) {
		so.xflag = 2; /* the NUL makes -x hex: every byte, then "..." */
		trunc = true;
	} else if (v->raw == VAL_STR_NULTERM && n) {
		n--;
	}
	text_quote(sb, v->bytes, n, trunc, &so);
}

static void text_scalar(struct strbuf *sb, const struct val *v, const struct text_opts *o)
{
	char buf[32];

	switch (v->kind) {
	case VAL_INT:
		strbuf_add_i64(sb, v->i);
		break;
	case VAL_FD:
		text_fd(sb, v);
		break;
	case VAL_PID:
		text_pid(sb, v);
		break;
	case VAL_UINT:
		strbuf_add_u64(sb, v->u);
		break;
	case VAL_HEX:
		text_hex(sb, v);
		break;
	case VAL_OCT:
		strbuf_addf(sb, "%#03" PRIo64, v->u);
		break;
	case VAL_PTR:
		if (v->u)
			strbuf_add_hex(sb, v->u);
		else
			strbuf_adds(sb, "NULL");
		break;
	case VAL_STR:
		text_str(sb, v, o);
		break;
	case VAL_FLAGS:
		if (v->fl.bits || !(v->flags & VALF_ZERO_EMPTY))
			text_flags(sb, v->fl.bits, v->fl.tab);
		break;
	case VAL_ENUM:
		text_enum(sb, v);
		break;
	case VAL_SIG:
		if (signame(v->i, buf, sizeof(buf)))
			strbuf_adds(sb, buf);
		else
			strbuf_add_i64(sb, v->i);
		break;
	case VAL_SYM:
		strbuf_adds(sb, v->text);
		break;
	default:
		text_expr(sb, v, o);
		break;
	}
}

static void text_items(struct strbuf *sb, const struct val *v, const char *sep,
		       const struct text_opts *o)
{
	for (uint32_t i = 0; i < v->n; i++) {
		if (i)
			strbuf_adds(sb, sep);
		text_val(sb, &v->items[i], o);
	}
}

/* A name standing for a value (VAL_RAW_STANDIN): the name, the value under -X raw, both
 * under -X verbose. */
static void text_standin(struct strbuf *sb, const struct val *v, const struct text_opts *o)
{
	struct text_opts abbrev = *o;

	abbrev.xstyle = CONST_ABBREV;
	if (o->xstyle == CONST_RAW) {
		text_val(sb, v->comment.v, o);
	} else if (o->xstyle == CONST_VERBOSE) {
		text_val(sb, v->comment.v, o);
		strbuf_adds(sb, " /* ");
		text_val(sb, v->comment.comment, &abbrev);
		strbuf_adds(sb, " */");
	} else {
		text_val(sb, v->comment.comment, &abbrev);
	}
}

/* " (names)" after a value; nothing for a note of names under -X raw (VAL_RAW_NAMES). */
static void text_note(struct strbuf *sb, const struct val *note, const struct text_opts *o)
{
	if (note->kind == VAL_NONE || (note->raw == VAL_RAW_NAMES && o->xstyle == CONST_RAW))
		return;
	strbuf_adds(sb, " (");
	text_val(sb, note, o);
	strbuf_addc(sb, ')');
}

void text_val(struct strbuf *sb, const struct val *v, const struct text_opts *o)
{
	if (text_const_styled(sb, v, o))
		return;
	switch (v->kind) {
	case VAL_NONE:
		break;
	case VAL_OR:
		text_items(sb, v, v->raw == VAL_RAW_GLUED && o->xstyle != CONST_RAW ? "" : "|", o);
		break;
	case VAL_ALTS:
		text_items(sb, v, " or ", o);
		break;
	case VAL_STRUCT:
		text_struct(sb, v, o);
		break;
	case VAL_ARRAY:
		strbuf_addc(sb, '[');
		text_items(sb, v, (v->flags & VALF_SPACED) ? " " : ", ", o);
		if (v->flags & VALF_TRUNC)
			strbuf_adds(sb, v->n ? ", ..." : "...");
		strbuf_addc(sb, ']');
		break;
	case VAL_INDEXED:
		text_index_items(sb, v, o);
		break;
	case VAL_USEROFF:
		text_useroff(sb, v);
		break;
	case VAL_SIGSET:
		text_sigset(sb, v, o);
		break;
	case VAL_CHANGE:
		text_val(sb, v->change.before, o);
		strbuf_adds(sb, " => ");
		text_val(sb, v->change.after, o);
		break;
	case VAL_COMMENT:
		if (v->raw == VAL_RAW_STANDIN) {
			text_standin(sb, v, o);
			break;
		}
		text_val(sb, v->comment.v, o);
		/* strace's -X raw leaves clock ticks' seconds out: tms_utime=15, si_stime=1 */
		if (v->comment.comment->kind == VAL_TICKS && o->xstyle == CONST_RAW)
			break;
		strbuf_adds(sb, " /* ");
		text_val(sb, v->comment.comment, o);
		strbuf_adds(sb, " */");
		break;
	case VAL_NOTE:
		text_val(sb, v->note.v, o);
		text_note(sb, v->note.note, o);
		break;
	case VAL_LSHIFT:
		text_val(sb, v->lshifted, o);
		strbuf_addf(sb, "<<%u", v->n);
		break;
	default:
		text_scalar(sb, v, o);
		break;
	}
}

void text_args(struct strbuf *sb, const struct sc_event *ev, unsigned from, unsigned to,
	       const struct text_opts *o)
{
	for (unsigned i = from; i < to; i++) {
		if (i > from)
			strbuf_adds(sb, ", ");
		text_val(sb, &ev->args[i], o);
	}
}

/* "= -1 ENOENT (No such file or directory)", the common failure, without printf. */
static void errno_line(struct strbuf *sb, const char *name, const char *text)
{
	strbuf_adds(sb, "= -1 ");
	strbuf_adds(sb, name);
	strbuf_adds(sb, " (");
	strbuf_adds(sb, text);
	strbuf_addc(sb, ')');
}

static void retval(struct strbuf *sb, const struct sc_event *ev, const struct text_opts *o);

/* The return value, then strace's marks of a tampered call: "= 42 (INJECTED)". */
void text_retval(struct strbuf *sb, const struct sc_event *ev, const struct text_opts *o)
{
	retval(sb, ev, o);
	/* strace's words: "args" for pokes, ", retval" when the result was injected too. */
	if (ev->exited && (ev->tampered & SC_POKED))
		strbuf_adds(sb, ev->tampered & SC_INJECTED ? " (INJECTED: args, retval)"
							   : " (INJECTED: args)");
	else if (ev->exited && (ev->tampered & SC_INJECTED))
		strbuf_adds(sb, " (INJECTED)");
	if (ev->exited && (ev->tampered & SC_DELAYED))
		strbuf_adds(sb, " (DELAYED)");
}

static void retval(struct strbuf *sb, const struct sc_event *ev, const struct text_opts *o)
{
	if (!ev->exited) {
		strbuf_adds(sb, "= ?");
		return;
	}
	if (ev->is_error) {
		int64_t err = -ev->ret;
		const char *name = errno_name(err);
		const char *text = errno_text(err);
		if (errno_is_restart(err))
			strbuf_addf(sb, "= ? %s (%s)", name, text);
		else if (name && text)
			errno_line(sb, name, text);
		else if (name)
			strbuf_addf(sb, "= -1 %s (Unknown error %" PRId64 ")", name, err);
		else
			strbuf_addf(sb, "= -1 (errno %" PRId64 ")", err);
		return;
	}
	strbuf_adds(sb, "= ");
	text_val(sb, &ev->retv, o);
	text_note(sb, &ev->ret_note, o);
}

void text_call(struct strbuf *sb, const struct sc_event *ev, const struct text_opts *o)
{
	strbuf_adds(sb, ev->name);
	strbuf_addc(sb, '(');
	text_args(sb, ev, 0, ev->nargs, o);
	strbuf_adds(sb, ") ");
	text_retval(sb, ev, o);
}
