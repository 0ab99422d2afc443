/*
 * A task's last syscalls, for its crash report: a small ring of the calls as
 * they started (no decoding, so it costs nothing for calls that -e trace=
 * hides), decoded with the main decoders only when a report is made: their
 * inputs are read from the memory as it is at the crash; their outputs, which
 * the program may have overwritten since, show as addresses.  Pure.
 */
#ifndef PTRC_CRASH_LASTSC_H
#define PTRC_CRASH_LASTSC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event/event.h"
#include "mem/tmem.h"
#include "sys/decode.h"
#include "util/arena.h"

/* A call as sys_call_start() left it: everything the decoders need but the memory. */
struct crash_sc {
	const struct ptrc_abi *abi;
	const struct sysent *ent; /* NULL: printed with raw arguments */
	const char *via;	  /* static, or NULL */
	uint64_t nr;
	uint64_t args[6]; /* logical arguments */
	uint8_t joined;
	bool block_unread;
	uint64_t sp;
	bool exited; /* the exit stop was seen: ret is valid */
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
/* Records a call that starts; returns its slot for crash_ring_exit(), or NULL when off. */
struct crash_sc *crash_ring_enter(struct crash_ring *r, const struct sc_event *ev);
void crash_ring_exit(struct crash_sc *sc, int64_t ret, bool is_error);
/*
 * The records, oldest first, decoded through mem (as it is now) into events
 * in ar.  Returns the count; *events gets the array.
 */
size_t crash_ring_decode(const struct crash_ring *r, const struct tmem *mem,
			 const struct decode_opts *opt, struct arena *ar, struct sc_event **events);

#endif
