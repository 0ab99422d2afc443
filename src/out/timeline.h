/*
 * The Trace Event format (Chrome's trace viewer, Perfetto's UI) for --timeline:
 * a JSON array written as a stream, one event per line, whose closing "]" the
 * format lets a reader do without (a run that is killed still loads).  Pure:
 * the events go into a strbuf.
 */
#ifndef PTRC_OUT_TIMELINE_H
#define PTRC_OUT_TIMELINE_H

#include <stdbool.h>

#include "../util/strbuf.h"

struct tl_event {
	char ph;	  /* 'X' a slice (a syscall), 'i' an instant, 'M' a track's name */
	const char *name; /* the slice or instant; "process_name"/"thread_name" for 'M' */
	const char *cat;  /* "syscall", "signal", "process", or NULL */
	double ts_us;	  /* microseconds since the run started */
	double dur_us;	  /* 'X' only */
	char scope;	  /* 'i': 't' (thread) or 'p' (process) */
	int pid, tid;
	const char *arg_key; /* one argument, or NULL: "call", "signal", "program", "name" */
	const char *arg_val;
};

/* The array's opening. */
void timeline_begin(struct strbuf *sb);
/* One event; first: no separator before it. */
void timeline_event(struct strbuf *sb, const struct tl_event *e, bool first);
/* The array's end. */
void timeline_end(struct strbuf *sb);

#endif
