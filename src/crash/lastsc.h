/*
 * A task's last syscalls, for its crash report: a small ring of raw records
 * (no decoding, so it costs nothing for calls that -e trace= hides), turned
 * into text only when a report is printed.  Pure.
 */
#ifndef PTRC_CRASH_LASTSC_H
#define PTRC_CRASH_LASTSC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

struct crash_sc {
	const char *name; /* static (the syscall table's), or NULL: printed as syscall_0xNR */
	uint64_t nr;
	uint64_t args[6];
	uint8_t nargs; /* how many args to show; 6 when unknown */
	bool exited;   /* the exit stop was seen: ret is valid */
	bool is_error;
	int64_t ret;
};

struct crash_ring {
	struct crash_sc *v;
	unsigned cap;  /* 0: recording is off */
	unsigned next; /* slot of the next record */
	unsigned n;    /* records held, <= cap */
};

enum { CRASH_RING_DEFAULT = 16 };

void crash_ring_init(struct crash_ring *r, unsigned cap);
void crash_ring_free(struct crash_ring *r);
/* Records a syscall's entry; returns its slot for crash_ring_exit(), or NULL when off. */
struct crash_sc *crash_ring_enter(struct crash_ring *r, const char *name, uint64_t nr,
				  const uint64_t *args, unsigned nargs);
void crash_ring_exit(struct crash_sc *sc, int64_t ret, bool is_error);
/*
 * The records, oldest first, as "name(0x1, 0x2) = 0" lines ("= ?" while
 * unfinished, "= -1 (errno 2)" for an error) in ar.  Returns the count.
 */
size_t crash_ring_lines(const struct crash_ring *r, struct arena *ar, const char ***lines);

#endif
