/*
 * strace-compatible trace lines: syscalls (with unfinished/resumed
 * splitting), signals, exits.  Each function writes whole lines to a stream.
 */
#ifndef PTRC_OUT_TEXT_H
#define PTRC_OUT_TEXT_H

#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

#include "../event/event.h"
#include "fmt_text.h"
#include "stream.h"

enum lead_style {
	LEAD_NONE,    /* no prefix */
	LEAD_BRACKET, /* "[pid  1234] " on a terminal */
	LEAD_PLAIN,   /* "1234  " in a -o file */
};

enum stamp_style {
	STAMP_NONE,
	STAMP_CLOCK, /* -t: 12:34:56, -tt: 12:34:56.123456 */
	STAMP_UNIX,  /* -ttt: 1700000000.123456 */
};

struct text_lead {
	pid_t tid;
	enum lead_style style;
	enum stamp_style stamp;
	uint8_t stamp_digits; /* digits of a second after the point: 0, 3, 6 or 9 */
	bool relative;	      /* -r: print rel */
	uint8_t rel_digits;   /* the same for rel */
	struct timespec when; /* wall-clock time of the event, for stamp */
	struct timespec rel;  /* time since the previous line, for -r */
	const char *comm;     /* -Y: the task's name after its tid in the prefix, or NULL */
	bool show_nr;	      /* -n: nr, the number of the task's last call */
	uint64_t nr;
	uint8_t ip_digits; /* -i: hex digits of the instruction pointer (16, 8), 0 without */
	bool ip_known;	   /* else "[????????????????]", as strace prints for an exit */
	uint64_t ip;
};

/* The entry part: "read(3, ", left open for the exit. */
void text_sc_entry(struct out_stream *s, const struct text_lead *l, const struct sc_event *ev,
		   const struct text_opts *o);
/* The exit part, or a "<... read resumed>" line when the entry line was closed. */
void text_sc_exit(struct out_stream *s, const struct text_lead *l, const struct sc_event *ev,
		  const struct text_opts *o);
/* A syscall that never returns: "exit_group(0) = ?" or "... <unfinished ...>) = ?". */
void text_sc_noreturn(struct out_stream *s, const struct text_lead *l, const struct sc_event *ev,
		      const struct text_opts *o);
/* A task detached in the middle of a syscall. */
void text_sc_detached(struct out_stream *s, const struct text_lead *l, const struct sc_event *ev);
/* "--- SIGCHLD {si_signo=...} ---"; siginfo may be NULL when it was unreadable. */
void text_signal(struct out_stream *s, const struct text_lead *l, int sig,
		 const struct val *siginfo, const struct text_opts *o);
/*
 * A call the policy does not allow, with its arguments as decoded at entry:
 * "!!! policy violation (deny): connect(3, {...}, 16) in /usr/bin/curl; rule p.policy:4: deny
 * connect".  code, when not NULL, is the Python line that made the call, after the program:
 * "in /usr/bin/python3.11 (train.py:24 in report_home); rule ...".  leads_to, when not
 * NULL, is where a path argument led that its name does not say (a symlink):
 * "in /usr/bin/cat, the path leads to /etc/shadow; rule ...".
 */
/* What text_violation prints after "!!! policy violation (ACTION): ", into sb. */
void text_violation_body(struct strbuf *sb, const struct sc_event *ev, const char *exe,
			 const char *code, const char *leads_to, const char *rule,
			 const struct text_opts *o);
void text_violation(struct out_stream *s, const struct text_lead *l, const struct sc_event *ev,
		    const char *action, const char *exe, const char *code, const char *leads_to,
		    const char *rule, const struct text_opts *o);
/* A whole line of its own: "+++ exited with 0 +++", "--- stopped by SIGSTOP ---". */
__attribute__((format(printf, 3, 4))) void
text_line(struct out_stream *s, const struct text_lead *l, const char *fmt, ...);

#endif
