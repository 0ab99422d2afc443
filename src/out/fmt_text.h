/* strace-style text for decoded values.  Pure: no I/O, no tracee access. */
#ifndef PTRC_OUT_FMT_TEXT_H
#define PTRC_OUT_FMT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../event/event.h"
#include "../util/strbuf.h"

struct text_opts {
	unsigned acolumn;   /* -a: column of "= " */
	uint8_t xflag;	    /* -x: 1 hex for non-printable strings, 2 hex for all */
	bool durations;	    /* -T: time spent in each syscall */
	uint8_t dur_digits; /* -T's digits after the point: 0, 3, 6 (default) or 9 */
	bool numbers;	    /* -n: syscall numbers before names */
	uint8_t xstyle;	    /* -X: how constants print (enum const_style) */
};

enum const_style {
	CONST_ABBREV,  /* names: O_RDONLY|O_CLOEXEC */
	CONST_RAW,     /* numbers: 0x80000 */
	CONST_VERBOSE, /* both: 0x80000 / * O_RDONLY|O_CLOEXEC * / */
};

void text_val(struct strbuf *sb, const struct val *v, const struct text_opts *o);
/* The expression and comment kinds (VAL_CALL, VAL_WSTATUS, VAL_DATE...): fmt_expr.c. */
void text_expr(struct strbuf *sb, const struct val *v, const struct text_opts *o);
/* An IPADDR value as text ("127.0.0.1", "::1"), for both formatters. */
void fmt_ipaddr(const struct val *v, char *buf, size_t len);
/* A HWADDR value as text (02:fc:00:00:00:05), for both formatters. */
void fmt_hwaddr(struct strbuf *sb, const struct val *v);
/* Clock ticks in seconds, at the system's clock rate. */
double fmt_ticks_seconds(uint64_t ticks);
/* Quotes bytes as strace does: escapes, octal, and "..." when trunc. */
void text_quote(struct strbuf *sb, const char *s, size_t n, bool trunc, const struct text_opts *o);
/* Arguments [from, to) of ev, each preceded by ", " except the first one printed. */
void text_args(struct strbuf *sb, const struct sc_event *ev, unsigned from, unsigned to,
	       const struct text_opts *o);
/* A whole call on one line, without padding: "read(3, "x", 1) = 1" (crash reports). */
void text_call(struct strbuf *sb, const struct sc_event *ev, const struct text_opts *o);
/* -Y's "<name>" of a process (nothing for NULL); bytes a terminal would act on as \xHH. */
void text_comm(struct strbuf *sb, const char *comm);
/* "= 3", "= -1 ENOENT (No such file or directory)", "= ?" when !ev->exited. */
void text_retval(struct strbuf *sb, const struct sc_event *ev, const struct text_opts *o);

#endif
