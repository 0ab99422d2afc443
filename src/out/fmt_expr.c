/*
 * strace's notation for the values that stand for an expression or a
 * comment: htons(9), inet_addr("127.0.0.1"), {WIFEXITED(s) && ...},
 * 8192*1024, / * 37 vars * /, dates and clock ticks.  Pure: the values hold
 * numbers and the text is made here.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fmt_text.h"
#include "../sys/flags.h"
#include "../sys/signame.h"

static void add_signal(struct strbuf *sb, int sig)
{
	char name[32];

	if (signame(sig, name, sizeof(name)))
		strbuf_adds(sb, name);
	else
		strbuf_addf(sb, "%d", sig);
}

static void text_wstatus(struct strbuf *sb, int s)
{
	if (WIFEXITED(s)) {
		strbuf_addf(sb, "{WIFEXITED(s) && WEXITSTATUS(s) == %d}", WEXITSTATUS(s));
	} else if (WIFSIGNALED(s)) {
		strbuf_adds(sb, "{WIFSIGNALED(s) && WTERMSIG(s) == ");
		add_signal(sb, WTERMSIG(s));
		strbuf_adds(sb, WCOREDUMP(s) ? " && WCOREDUMP(s)}" : "}");
	} else if (WIFSTOPPED(s)) {
		strbuf_adds(sb, "{WIFSTOPPED(s) && WSTOPSIG(s) == ");
		add_signal(sb, WSTOPSIG(s));
		strbuf_addc(sb, '}');
		const char *ev = xlat_name(&xl_ptrace_events, (unsigned)s >> 16);
		if (ev)
			strbuf_addf(sb, " | %s << 16", ev);
	} else if (WIFCONTINUED(s)) {
		strbuf_adds(sb, "{WIFCONTINUED(s)}");
	} else {
		strbuf_addf(sb, "%#x", (unsigned)s);
	}
}

static void text_rlim(struct strbuf *sb, const struct val *v)
{
	if (v->flags & VALF_INFINITY)
		strbuf_adds(sb, (v->flags & VALF_RLIM64) ? "RLIM64_INFINITY" : "RLIM_INFINITY");
	else if (v->u > 1024 && v->u % 1024 == 0)
		strbuf_addf(sb, "%" PRIu64 "*1024", v->u / 1024);
	else
		strbuf_addf(sb, "%" PRIu64, v->u);
}

/* strace's date: 2026-11-28T08:18:06.183747282+0000, in the local time zone. */
static void text_date(struct strbuf *sb, const struct val *v)
{
	char buf[64], zone[8];
	struct tm tm;
	time_t t = (time_t)v->date.sec;

	if (!localtime_r(&t, &tm) || !strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm) ||
	    !strftime(zone, sizeof(zone), "%z", &tm)) {
		strbuf_addf(sb, "%" PRId64, v->date.sec);
		return;
	}
	strbuf_adds(sb, buf);
	if (v->date.nsec && v->n == 6)
		strbuf_addf(sb, ".%06u", (unsigned)v->date.nsec / 1000);
	else if (v->date.nsec)
		strbuf_addf(sb, ".%09u", (unsigned)v->date.nsec);
	strbuf_adds(sb, zone);
}

static long clock_hz(void)
{
	static long hz;

	if (!hz)
		hz = sysconf(_SC_CLK_TCK);
	return hz > 0 ? hz : 100;
}

/* 5 ticks at 100 Hz: "0.05 s", with as many decimals as the rate has digits. */
static void text_ticks(struct strbuf *sb, uint64_t ticks)
{
	long hz = clock_hz();
	unsigned width = 0;

	for (long f = hz; f >= 10; f /= 10)
		width++;
	strbuf_addf(sb, "%" PRIu64 ".%0*" PRIu64 " s", ticks / (uint64_t)hz, (int)width,
		    ticks % (uint64_t)hz);
}

double fmt_ticks_seconds(uint64_t ticks)
{
	return (double)ticks / (double)clock_hz();
}

void fmt_ipaddr(const struct val *v, char *buf, size_t len)
{
	if (!inet_ntop(v->n == 16 ? AF_INET6 : AF_INET, v->bytes, buf, (socklen_t)len))
		snprintf(buf, len, "?");
}

/* 02:fc:00:00:00:05 */
void fmt_hwaddr(struct strbuf *sb, const struct val *v)
{
	for (uint32_t i = 0; i < v->n; i++)
		strbuf_addf(sb, i ? ":%02x" : "%02x", (unsigned char)v->bytes[i]);
}

/* 02:fc:00:00:00:05; strace's -X raw shows the bytes, "\x02\xfc\x00\x00\x00\x05", and -X
 * verbose both: "\x02\xfc..." / * 02:fc:... * /. */
static void text_hwaddr(struct strbuf *sb, const struct val *v, const struct text_opts *o)
{
	if (o->xstyle == CONST_ABBREV) {
		fmt_hwaddr(sb, v);
		return;
	}
	const struct text_opts hex = {.xflag = 2}; /* every byte as \x.. */

	text_quote(sb, v->bytes, v->n, false, &hex);
	if (o->xstyle == CONST_VERBOSE && v->n) {
		strbuf_adds(sb, " /* ");
		fmt_hwaddr(sb, v);
		strbuf_adds(sb, " */");
	}
}

/* An error code: -ENOENT when it is a negative errno with a name, else the number. */
static void text_errno(struct strbuf *sb, int64_t err)
{
	const char *name = err < 0 ? errno_name(-err) : NULL;

	if (name) {
		strbuf_addc(sb, '-');
		strbuf_adds(sb, name);
	} else {
		strbuf_add_i64(sb, err);
	}
}

/* 37 vars, 3 vars, unterminated */
static void text_count(struct strbuf *sb, const struct val *v)
{
	strbuf_addf(sb, "%" PRIu64 " %s", v->count.n,
		    v->count.n == 1 ? v->count.one : v->count.many);
	if (v->n == VAL_COUNT_UNTERMINATED)
		strbuf_adds(sb, ", unterminated");
	else if (v->n == VAL_COUNT_CUT)
		strbuf_adds(sb, ", ...");
}

/* if_nametoindex("lo") (or the number), 02:fc:00:00:00:05, -ENOENT. */
static void text_net(struct strbuf *sb, const struct val *v, const struct text_opts *o)
{
	if (v->kind == VAL_HWADDR) {
		text_hwaddr(sb, v, o);
	} else if (v->kind == VAL_ERRNO) {
		text_errno(sb, v->i);
	} else if (v->ifx.name) {
		strbuf_adds(sb, "if_nametoindex(");
		text_quote(sb, v->ifx.name, strlen(v->ifx.name), false, o);
		strbuf_addc(sb, ')');
	} else {
		strbuf_add_u64(sb, v->ifx.num);
	}
}

void text_expr(struct strbuf *sb, const struct val *v, const struct text_opts *o)
{
	char ip[64];

	switch (v->kind) {
	case VAL_IFINDEX:
	case VAL_HWADDR:
	case VAL_ERRNO:
		text_net(sb, v, o);
		break;
	case VAL_CALL:
		strbuf_addf(sb, "%s(", v->call.fn);
		for (uint32_t i = 0; i < v->n; i++) {
			if (i)
				strbuf_adds(sb, ", ");
			text_val(sb, v->fields[i].v, o);
		}
		strbuf_addc(sb, ')');
		break;
	case VAL_IPADDR:
		fmt_ipaddr(v, ip, sizeof(ip));
		strbuf_addf(sb, "\"%s\"", ip);
		break;
	case VAL_WSTATUS:
		text_wstatus(sb, (int)v->i);
		break;
	case VAL_RLIM:
		text_rlim(sb, v);
		break;
	case VAL_COUNT:
		text_count(sb, v);
		break;
	case VAL_UNREAD:
		strbuf_addf(sb, "... /* %#" PRIx64 " */", v->u);
		break;
	case VAL_DATE:
		text_date(sb, v);
		break;
	case VAL_TICKS:
		text_ticks(sb, v->u);
		break;
	case VAL_SYSNO:
		if (v->sysno.name)
			strbuf_addf(sb, "__NR_%s", v->sysno.name);
		else
			strbuf_addf(sb, "%" PRId64, v->sysno.nr);
		break;
	case VAL_RESUMING:
		strbuf_addf(sb, "<... resuming interrupted %s ...>", v->text ? v->text : "call");
		break;
	case VAL_SHIFT:
		if (v->flags & VALF_NUM)
			strbuf_add_u64(sb, v->shift.x);
		else
			strbuf_add_hex(sb, v->shift.x);
		strbuf_adds(sb, "<<");
		strbuf_adds(sb, v->shift.name);
		break;
	default:
		break;
	}
}
