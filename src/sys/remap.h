/*
 * From the registers a call was made with to the arguments strace prints:
 * 64-bit values split across two i386 registers are joined, and i386's
 * socketcall(2) and ipc(2) become the calls they multiplex.
 */
#ifndef PTRC_SYS_REMAP_H
#define PTRC_SYS_REMAP_H

#include <stdbool.h>
#include <stdint.h>

#include "decode.h"

struct sysent;

struct remap {
	uint64_t saved[6]; /* the registers, put back by remap_undo() */
	uint8_t joined;	   /* bit i: argument i holds a joined 64-bit value */
	const char *name;  /* the call to show (the multiplexed one), or NULL */
	const struct sysent *ent;
};

/*
 * For syscall sysname at ev: when its arguments need rewriting, saves ev->raw
 * in r, writes the logical arguments to ev->raw and returns true.  r->name and
 * r->ent name another call when sysname multiplexes one.
 */
bool remap_args(struct dctx *d, struct sc_event *ev, const char *sysname, struct remap *r);
/* Decodes the joined arguments as 64-bit values (after the generic decoding). */
void remap_fix_joined(struct dctx *d, struct sc_event *ev, const struct remap *r);
void remap_undo(struct sc_event *ev, const struct remap *r);

struct tmem;
struct ptrc_abi;

/*
 * For the policy and anything else that looks at a call before decoding it:
 * when syscall nr of abi is i386's socketcall(2) or ipc(2), returns the name
 * of the call it multiplexes and fills args with that call's arguments (read
 * through mem for socketcall).  NULL for any other call, or when they cannot
 * be read.
 */
const char *sys_subcall(const struct ptrc_abi *abi, uint64_t nr, const uint64_t raw[6],
			const struct tmem *mem, uint64_t args[6]);

#endif
