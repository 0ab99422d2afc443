/*
 * Decoding a syscall into values.  Decoders read the tracee only through
 * d->mem and allocate only from d->ar; they never print.
 */
#ifndef PTRC_SYS_DECODE_H
#define PTRC_SYS_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "../event/event.h"
#include "../mem/tmem.h"
#include "../util/arena.h"

struct ptrc_abi;
struct argspec;
struct xlat;
struct sysent;

/*
 * Bounded work for any input (issue 10): whatever -s says, one decoding pass
 * (a call's entry, or its exit) keeps at most DEC_MAX_BYTES of values in the
 * event's arena, give or take one element, so a tracee's poll(fds, 1 << 30, 0)
 * under -s 2147483647 cannot make ptrc allocate 24 GiB.  Strings, buffers and
 * arrays past it end with "...", as -s ends them.  strace 6.1 has no such
 * bound (it refuses -s above 2^30 - 1 and prints arrays as it reads them).
 */
enum { DEC_MAX_BYTES = 16 << 20 };

/*
 * What a decoder may learn beyond the tracee's memory (issue 15): facts the
 * kernel keeps about the tracee's descriptors and about the host, looked up
 * by live code (src/core/decenv.c) and faked in tests.  An env without ops
 * knows nothing, and decoders then show what needs those facts as bytes.
 */
enum {
	DEC_NL_NONE = -1,    /* not a netlink socket, or not known to be one */
	DEC_NL_UNBOUND = -2, /* a netlink socket whose protocol is not known (not bound yet) */
};

struct dec_env_ops {
	/* The netlink protocol (NETLINK_ROUTE...) of the tracee's descriptor fd, or DEC_NL_*. */
	int (*netlink_proto)(void *ctx, int64_t fd);
	/* The name of network interface idx, into name[IF_NAMESIZE]: true when it has one. */
	bool (*ifname)(void *ctx, uint64_t idx, char *name);
	/* The generic netlink families (id -> name), valid for the whole run, or NULL. */
	const struct xlat *(*genl_families)(void *ctx);
};

struct dec_env {
	const struct dec_env_ops *ops; /* NULL: nothing known */
	void *ctx;
};

struct decode_opts {
	unsigned strsize; /* -s: bytes of a string buffer shown */
	bool verbose;	  /* -v */
};

struct dctx {
	const struct tmem *mem;
	struct arena *ar;
	const struct ptrc_abi *abi;
	const struct decode_opts *opt;
	/* restart_syscall: the call the kernel restarts (static), or NULL. */
	const char *interrupted;
	/* Set by sys_decode_entry/exit: the call's time_t is 64-bit whatever the
	 * word size (the i386 *_time64 calls). */
	bool time64;
	/* Set by sys_decode_entry/exit: ar->total when the pass began (DEC_MAX_BYTES). */
	size_t mark;
	struct dec_env env;
};

/*
 * Starts ev for syscall nr of abi made with registers regs: the one lookup
 * of its name and signature, and its logical arguments in ev->raw (64-bit
 * halves joined; the call i386's socketcall or ipc carries, its arguments
 * read through mem).  ev is cleared first; ar holds a name made up for a
 * number no table names (syscall_0x1c3).
 */
void sys_call_start(struct sc_event *ev, const struct ptrc_abi *abi, uint64_t nr,
		    const uint64_t regs[6], const struct tmem *mem, struct arena *ar);
/* The calls i386's socketcall and ipc carry: the i-th name, NULL past the last. */
const char *sys_multiplexed_name(unsigned i);
/* The name strace prints for a call: ent's, the table's, or syscall_0x1c3 in ar. */
const char *sys_call_name(const struct ptrc_abi *abi, uint64_t nr, const struct sysent *ent,
			  struct arena *ar);

/* Decodes the arguments known at entry of a call started by sys_call_start(). */
void sys_decode_entry(struct dctx *d, struct sc_event *ev);
/* Decodes the outputs and the return value; ev->ret and ev->is_error must be set. */
void sys_decode_exit(struct dctx *d, struct sc_event *ev);
/* Only the return value: for a call whose outputs are no longer what it wrote. */
void sys_decode_result(struct sc_event *ev);

/* Helpers for syscall decoders. */
int64_t arg_int(const struct sc_event *ev, unsigned i);				/* as a C int */
uint64_t arg_word(const struct dctx *d, const struct sc_event *ev, unsigned i); /* as a long */
/* Decodes a string at addr into v: the string, or the address when unreadable; at most
 * limit bytes (and what DEC_MAX_BYTES leaves). */
void decode_cstr(struct dctx *d, struct val *v, uint64_t addr, unsigned limit);
void decode_path(struct dctx *d, struct val *v, uint64_t addr);
/* A buffer of len bytes (shown up to -s, and what DEC_MAX_BYTES leaves). */
void decode_buf(struct dctx *d, struct val *v, uint64_t addr, uint64_t len);
/* How many of want bytes this pass may still keep (DEC_MAX_BYTES). */
uint64_t dec_room(const struct dctx *d, uint64_t want);
/* Reads a tracee word (word_size bytes) at addr; 0, or -errno and *out untouched. */
int read_word(struct dctx *d, uint64_t addr, uint64_t *out);
/* Decodes one argument the generic way, by kind. */
void decode_arg(struct dctx *d, struct sc_event *ev, unsigned i, const struct argspec *a);

#endif
