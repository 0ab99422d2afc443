/* Decoded values as JSON (docs/json.md, "Values"). */
#include "json.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "../sys/flags.h"
#include "../sys/signame.h"
#include "../sys/xlat.h"
#include "fmt_text.h"
#include "../util/xalloc.h"

/* Length of the valid UTF-8 sequence at s[0..n), or 0 when it is not one. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len;
	uint32_t cp, min;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2, cp = c & 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3, cp = c & 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4, cp = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

static bool utf8_valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		size_t l = utf8_len(u + i, n - i);
		if (!l)
			return false;
		i += l;
	}
	return true;
}

static void add_escaped(struct strbuf *sb, unsigned char c)
{
	switch (c) {
	case '"':
		strbuf_adds(sb, "\\\"");
		break;
	case '\\':
		strbuf_adds(sb, "\\\\");
		break;
	case '\n':
		strbuf_adds(sb, "\\n");
		break;
	case '\t':
		strbuf_adds(sb, "\\t");
		break;
	case '\r':
		strbuf_adds(sb, "\\r");
		break;
	default:
		if (c < 0x20 || c == 0x7f)
			strbuf_addf(sb, "\\u%04x", c);
		else
			strbuf_addc(sb, (char)c);
		break;
	}
}

void json_str(struct strbuf *sb, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	strbuf_addc(sb, '"');
	for (size_t i = 0; i < n;) {
		size_t l = utf8_len(u + i, n - i);
		if (l == 1) {
			add_escaped(sb, u[i]);
		} else if (l > 1) {
			strbuf_addn(sb, s + i, l);
		} else {
			strbuf_adds(sb, "\\ufffd");
			l = 1;
		}
		i += l;
	}
	strbuf_addc(sb, '"');
}

void json_cstr(struct strbuf *sb, const char *s)
{
	if (s)
		json_str(sb, s, strlen(s));
	else
		strbuf_adds(sb, "null");
}

void json_bytes(struct strbuf *sb, const char *s, size_t n, bool trunc, bool binary)
{
	if (!binary && utf8_valid(s, n)) {
		if (!trunc) {
			json_str(sb, s, n);
			return;
		}
		strbuf_adds(sb, "{\"str\":");
		json_str(sb, s, n);
	} else {
		strbuf_adds(sb, "{\"hex\":\"");
		for (size_t i = 0; i < n; i++)
			strbuf_addf(sb, "%02x", (unsigned char)s[i]);
		strbuf_addc(sb, '"');
	}
	if (trunc)
		strbuf_adds(sb, ",\"truncated\":true");
	strbuf_addc(sb, '}');
}

void json_time(struct strbuf *sb, const struct timespec *ts)
{
	strbuf_addf(sb, "%lld.%06ld", (long long)ts->tv_sec, ts->tv_nsec / 1000);
}

static void sep(struct strbuf *sb, bool *first)
{
	if (!*first)
		strbuf_addc(sb, ',');
	*first = false;
}

/* Names of the set bits, then the leftovers in hex, as items of an open array. */
static void flag_items(struct strbuf *sb, uint64_t bits, const struct xlat *tab, bool *first)
{
	uint64_t left = bits;

	if (tab && bits == 0 && xlat_name(tab, 0)) {
		sep(sb, first);
		json_cstr(sb, xlat_name(tab, 0));
		return;
	}
	for (unsigned i = 0; tab && i < tab->n; i++) {
		uint64_t f = tab->ents[i].val;
		if (f && (left & f) == f) {
			sep(sb, first);
			json_cstr(sb, tab->ents[i].name);
			left &= ~f;
		}
	}
	if (left) {
		sep(sb, first);
		strbuf_addf(sb, "\"%#" PRIx64 "\"", left);
	}
}

static void json_enum(struct strbuf *sb, const struct val *v)
{
	const char *n = v->fl.tab ? xlat_name(v->fl.tab, v->fl.bits) : NULL;

	if (n)
		json_cstr(sb, n);
	else
		strbuf_addf(sb, "%" PRIu64, v->fl.bits);
}

/* An OR of parts: one array of every flag name, enum name and other value. */
static void json_or(struct strbuf *sb, const struct val *v)
{
	bool first = true;

	strbuf_addc(sb, '[');
	for (uint32_t i = 0; i < v->n; i++) {
		const struct val *it = &v->items[i];
		if (it->kind == VAL_FLAGS) {
			flag_items(sb, it->fl.bits, it->fl.tab, &first);
			continue;
		}
		sep(sb, &first);
		json_val(sb, it);
	}
	strbuf_addc(sb, ']');
}

static void json_sigset(struct strbuf *sb, const struct val *v)
{
	bool first = true;

	strbuf_addc(sb, '[');
	for (unsigned i = 0; i < v->set.nbytes * 8; i++) {
		if (!((v->set.mask[i / 8] >> (i % 8)) & 1))
			continue;
		sep(sb, &first);
		json_signame(sb, (int)i + 1);
	}
	strbuf_addc(sb, ']');
}

static void json_struct(struct strbuf *sb, const struct val *v)
{
	bool first = true;

	strbuf_addc(sb, '{');
	for (uint32_t i = 0; i < v->n; i++) {
		sep(sb, &first);
		if (v->fields[i].name)
			json_cstr(sb, v->fields[i].name);
		else
			strbuf_addf(sb, "\"_%u\"", (unsigned)i);
		strbuf_addc(sb, ':');
		json_val(sb, v->fields[i].v);
	}
	if (v->flags & (VALF_ABBREV | VALF_TRUNC)) {
		sep(sb, &first);
		strbuf_adds(sb, "\"...\":true");
	}
	strbuf_addc(sb, '}');
}

/* A descriptor: a number, or {"fd": 3, "path": "/etc/passwd"} with -y; AT_FDCWD by name. */
static void json_fd(struct strbuf *sb, const struct val *v)
{
	bool cwd = (v->flags & VALF_DIRFD) && v->fd.num == AT_FDCWD;

	if (!v->fd.path) {
		if (cwd)
			strbuf_adds(sb, "\"AT_FDCWD\"");
		else
			strbuf_addf(sb, "%" PRId64, v->fd.num);
		return;
	}
	strbuf_adds(sb, "{\"fd\":");
	if (cwd)
		strbuf_adds(sb, "\"AT_FDCWD\"");
	else
		strbuf_addf(sb, "%" PRId64, v->fd.num);
	strbuf_adds(sb, ",\"path\":");
	json_bytes(sb, v->fd.path, strlen(v->fd.path), false, false);
	strbuf_addc(sb, '}');
}

/* An abstract UNIX socket name: "@name", as ss and strace show it. */
static void json_abstract(struct strbuf *sb, const struct val *v)
{
	char *buf = xmalloc((size_t)v->n + 1);

	buf[0] = '@';
	memcpy(buf + 1, v->bytes, v->n);
	json_bytes(sb, buf, (size_t)v->n + 1, v->flags & VALF_TRUNC, false);
	free(buf);
}

/* Values with two parts: {"before":..,"after":..}, {"value":..,"comment"|"note":..}. */
static void json_pair(struct strbuf *sb, const char *k1, const struct val *v1, const char *k2,
		      const struct val *v2, const char *text2)
{
	strbuf_addf(sb, "{\"%s\":", k1);
	json_val(sb, v1);
	strbuf_addf(sb, ",\"%s\":", k2);
	if (v2)
		json_val(sb, v2);
	else
		json_cstr(sb, text2);
	strbuf_addc(sb, '}');
}

/* What a comment holds, as the member name beside "value": {"value": "0x7ff...", "vars": 37}. */
static const char *comment_key(const struct val *c)
{
	switch (c->kind) {
	case VAL_COUNT:
		return c->count.many;
	case VAL_DATE:
		return "time";
	case VAL_TICKS:
		return "seconds";
	default:
		return "comment";
	}
}

/* {"value": v, K: c}; a count that did not end at its NULL says how it ended:
 * {"value": "0x7ffd...", "vars": 2, "unterminated": true}, or "truncated": true. */
static void json_comment(struct strbuf *sb, const struct val *v)
{
	const struct val *c = v->comment.comment;

	strbuf_adds(sb, "{\"value\":");
	json_val(sb, v->comment.v);
	strbuf_addf(sb, ",\"%s\":", comment_key(c));
	json_val(sb, c);
	if (c->kind == VAL_COUNT && c->n == VAL_COUNT_UNTERMINATED)
		strbuf_adds(sb, ",\"unterminated\":true");
	else if (c->kind == VAL_COUNT && c->n == VAL_COUNT_CUT)
		strbuf_adds(sb, ",\"truncated\":true");
	strbuf_addc(sb, '}');
}

/* A call's data: its one named argument (htons(9) is 9), or an object of them all. */
static void json_call(struct strbuf *sb, const struct val *v)
{
	unsigned named = 0, last = 0;
	bool first = true;

	for (uint32_t i = 0; i < v->n; i++)
		if (v->fields[i].name)
			named++, last = i;
	if (named == 1) {
		json_val(sb, v->fields[last].v);
		return;
	}
	strbuf_addc(sb, '{');
	for (uint32_t i = 0; i < v->n; i++) {
		if (!v->fields[i].name)
			continue;
		sep(sb, &first);
		json_cstr(sb, v->fields[i].name);
		strbuf_addc(sb, ':');
		json_val(sb, v->fields[i].v);
	}
	strbuf_addc(sb, '}');
}

void json_date(struct strbuf *sb, int64_t sec, uint32_t nsec)
{
	struct tm tm;
	time_t t = (time_t)sec;
	char buf[64];

	if (!gmtime_r(&t, &tm) || !strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm)) {
		strbuf_addf(sb, "%" PRId64, sec);
		return;
	}
	strbuf_addf(sb, "\"%s.%09uZ\"", buf, (unsigned)nsec);
}

void json_signame(struct strbuf *sb, int sig)
{
	char buf[32];

	if (signame(sig, buf, sizeof(buf)))
		json_cstr(sb, buf);
	else
		strbuf_addf(sb, "%d", sig);
}

void json_wstatus_members(struct strbuf *sb, int s)
{
	if (WIFEXITED(s)) {
		strbuf_addf(sb, "\"how\":\"exited\",\"code\":%d", WEXITSTATUS(s));
		return;
	}
	if (WIFSIGNALED(s)) {
		strbuf_adds(sb, "\"how\":\"killed\",\"signal\":");
		json_signame(sb, WTERMSIG(s));
		strbuf_addf(sb, ",\"core_dumped\":%s", WCOREDUMP(s) ? "true" : "false");
		return;
	}
	if (WIFSTOPPED(s)) {
		strbuf_adds(sb, "\"how\":\"stopped\",\"signal\":");
		json_signame(sb, WSTOPSIG(s));
		const char *ev = xlat_name(&xl_ptrace_events, (unsigned)s >> 16);
		if (ev) {
			strbuf_adds(sb, ",\"event\":");
			json_cstr(sb, ev);
		}
		return;
	}
	if (WIFCONTINUED(s)) {
		strbuf_adds(sb, "\"how\":\"continued\"");
		return;
	}
	strbuf_addf(sb, "\"how\":\"unknown\",\"status\":%d", s);
}

/* The kinds that stand for strace's expressions, as data (docs/json.md, "Values"). */
static void json_expr(struct strbuf *sb, const struct val *v)
{
	char ip[64];

	switch (v->kind) {
	case VAL_RLIM:
		if (v->flags & VALF_INFINITY)
			json_cstr(sb,
				  (v->flags & VALF_RLIM64) ? "RLIM64_INFINITY" : "RLIM_INFINITY");
		else
			strbuf_addf(sb, "%" PRIu64, v->u);
		break;
	case VAL_COUNT:
		strbuf_addf(sb, "%" PRIu64, v->count.n);
		break;
	case VAL_TICKS:
		strbuf_addf(sb, "%.6f", fmt_ticks_seconds(v->u));
		break;
	case VAL_SYSNO:
		if (v->sysno.name)
			json_cstr(sb, v->sysno.name);
		else
			strbuf_addf(sb, "%" PRId64, v->sysno.nr);
		break;
	case VAL_IPADDR:
		fmt_ipaddr(v, ip, sizeof(ip));
		json_cstr(sb, ip);
		break;
	case VAL_HWADDR:
	case VAL_IFINDEX:
	case VAL_ERRNO:
		json_net_val(sb, v);
		break;
	case VAL_DATE:
		json_date(sb, v->date.sec, v->date.nsec);
		break;
	case VAL_CALL:
		json_call(sb, v);
		break;
	case VAL_WSTATUS:
		strbuf_addc(sb, '{');
		json_wstatus_members(sb, (int)v->i);
		strbuf_addc(sb, '}');
		break;
	case VAL_RESUMING:
		strbuf_adds(sb, "{\"resuming\":");
		json_cstr(sb, v->text);
		strbuf_addc(sb, '}');
		break;
	case VAL_USEROFF: /* {"offset":904,"in":"u_debugreg","plus":56}; the end: "in":null */
		strbuf_addf(sb, "{\"offset\":%" PRIu64 ",\"in\":", v->uo.off);
		if (v->uo.form == USEROFF_END)
			strbuf_adds(sb, "null");
		else
			json_cstr(sb, v->uo.name);
		strbuf_addf(sb, ",\"plus\":%" PRIu64 "}", v->uo.off - v->uo.start);
		break;
	case VAL_SHIFT:
		strbuf_addf(sb, "{\"value\":%" PRIu64 ",\"shift\":", v->shift.x);
		json_cstr(sb, v->shift.name);
		strbuf_addc(sb, '}');
		break;
	default:
		strbuf_adds(sb, "null");
		break;
	}
}

static void json_scalar(struct strbuf *sb, const struct val *v)
{
	switch (v->kind) {
	case VAL_INT:
	case VAL_FD:
		json_fd(sb, v);
		break;
	case VAL_PID:
		/* -Y: {"pid": 42, "comm": "python3"}, --pidns-translation "pid_in_tracer_ns";
		 * the number alone without either. */
		if (v->pid.comm || v->pid.ours) {
			strbuf_addf(sb, "{\"pid\":%" PRId64, v->pid.num);
			if (v->pid.comm) {
				strbuf_adds(sb, ",\"comm\":");
				json_cstr(sb, v->pid.comm);
			}
			if (v->pid.ours)
				strbuf_addf(sb, ",\"pid_in_tracer_ns\":%" PRId64, v->pid.ours);
			strbuf_addc(sb, '}');
		} else {
			strbuf_addf(sb, "%" PRId64, v->pid.num);
		}
		break;
	case VAL_UINT:
	case VAL_OCT:
		strbuf_addf(sb, "%" PRIu64, v->u);
		break;
	case VAL_HEX:
		if (v->flags & VALF_NUM)
			strbuf_addf(sb, "%" PRIu64, v->u);
		else
			strbuf_addf(sb, "\"0x%" PRIx64 "\"", v->u);
		break;
	case VAL_PTR:
		if (v->u)
			strbuf_addf(sb, "\"0x%" PRIx64 "\"", v->u);
		else
			strbuf_adds(sb, "null");
		break;
	case VAL_SIG:
		json_signame(sb, (int)v->i);
		break;
	case VAL_SYM:
		json_cstr(sb, v->text);
		break;
	default:
		json_expr(sb, v);
		break;
	}
}

void json_val(struct strbuf *sb, const struct val *v)
{
	bool first = true;

	switch (v->kind) {
	case VAL_STR:
		if (v->flags & VALF_ABSTRACT)
			json_abstract(sb, v);
		else
			json_bytes(sb, v->bytes,
				   v->raw == VAL_STR_NULTERM && v->n ? v->n - 1 : v->n,
				   v->flags & VALF_TRUNC, v->flags & VALF_HEXSTR);
		break;
	case VAL_FLAGS:
		strbuf_addc(sb, '[');
		flag_items(sb, v->fl.bits, v->fl.tab, &first);
		strbuf_addc(sb, ']');
		break;
	case VAL_ENUM:
		json_enum(sb, v);
		break;
	case VAL_OR:
		json_or(sb, v);
		break;
	case VAL_ALTS: /* the table's name, its last reading */
		if (v->n)
			json_val(sb, &v->items[v->n - 1]);
		else
			strbuf_adds(sb, "null");
		break;
	case VAL_STRUCT:
		json_struct(sb, v);
		break;
	case VAL_ARRAY:
	case VAL_INDEXED:
		json_list_val(sb, v);
		break;
	case VAL_SIGSET:
		json_sigset(sb, v);
		break;
	case VAL_CHANGE:
		json_pair(sb, "before", v->change.before, "after", v->change.after, NULL);
		break;
	case VAL_COMMENT:
		json_comment(sb, v);
		break;
	case VAL_NOTE:
		json_pair(sb, "value", v->note.v, "note", v->note.note, NULL);
		break;
	case VAL_LSHIFT:
		strbuf_adds(sb, "{\"value\":");
		json_val(sb, v->lshifted);
		strbuf_addf(sb, ",\"shift\":%u}", v->n);
		break;
	default:
		json_scalar(sb, v);
		break;
	}
}
