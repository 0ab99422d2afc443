/* One syscall as decoded from its entry and exit stops. */
#ifndef PTRC_EVENT_EVENT_H
#define PTRC_EVENT_EVENT_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "value.h"

struct ptrc_abi;
struct sysent;

enum { SC_MAX_ARGS = 6 };

struct sc_event {
	const struct ptrc_abi *abi;
	const struct sysent *ent; /* the call's signature; NULL when syscalls.def has none */
	const char *name;	  /* static, or in the arena (syscall_0x1c3) */
	const char *via;	  /* "socketcall" or "ipc" when the call was multiplexed */
	uint64_t nr;
	/* The logical arguments (sys_call_start): joined halves, a multiplexed call's own. */
	uint64_t raw[SC_MAX_ARGS];
	uint8_t joined; /* bit i: raw[i] is a 64-bit value joined from two registers */
	/* TR_ARGBLOCK: the block raw[0] points at could not be read; the call shows raw[0]. */
	bool block_unread;
	uint64_t pc, sp;
	uint8_t nargs;
	/* Arguments [0, split) are printed at entry, the rest at exit. */
	uint8_t split;
	/* strace's clone and ioctl print the ", " before the exit part, not after the entry part.
	 */
	bool sep_at_exit;
	struct val args[SC_MAX_ARGS];

	bool exited; /* the exit stop was seen */
	bool is_error;
	int64_t ret;		 /* the raw return value (-errno when is_error) */
	struct val retv;	 /* the decoded return value, when not an error */
	struct val ret_note;	 /* after the value, in parentheses: Timeout; VAL_NONE: none */
	int64_t duration_ns;	 /* from the entry stop to the exit stop, or -1 */
	struct timespec t_entry; /* CLOCK_MONOTONIC at the entry stop, with -T */
	struct timespec t_wall;	 /* CLOCK_REALTIME at the entry stop, for JSON */
	uint64_t stime_entry_ns; /* the process's system time at entry, for -c */
	uint8_t tampered; /* SC_INJECTED | SC_DELAYED | SC_POKED: -e inject= changed the call */
};

/* What -e inject= did to a call, as strace marks its line. */
enum { SC_INJECTED = 1 << 0, SC_DELAYED = 1 << 1, SC_POKED = 1 << 2 };

#endif
