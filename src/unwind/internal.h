/* Shared between the unwinder's files; not part of its API. */
#ifndef PTRC_UNWIND_INTERNAL_H
#define PTRC_UNWIND_INTERNAL_H

#include <elfutils/libdwfl.h>

#include "unwind.h"

/* One raw frame as a backend produces it. */
struct uw_raw {
	uint64_t pc;
	uint64_t sp;
	bool activation;
};

/* A raw walk: frames, and why it ended. */
struct uw_walk {
	struct uw_raw *raw;
	size_t n, max;
	uint64_t pac_mask; /* pointer authentication bits to strip from every pc (aarch64) */
	enum unwind_stop stop;
	const char *msg;
};

/* One symbolized location of the cache; strings live in the cache's arena. */
struct sym_frame {
	const char *module;
	const char *func;
	const char *file;
	const char *inlined_into;
	uint64_t rel; /* module-relative address of the cache key */
	uint64_t off; /* key - function start */
	unsigned line, col;
	unsigned flags; /* UNWIND_FRAME_INLINED | UNWIND_FRAME_HAS_OFF */
};

struct sym_entry {
	uint64_t key; /* the address looked up: pc, or pc - 1 for a return address */
	uint32_t first, n;
};

struct symcache {
	struct sym_entry *entries; /* open addressing; n == 0 marks a free slot */
	size_t cap, used;
	struct sym_frame *pool;
	size_t npool, cappool;
	struct arena strings;
	bool no_source; /* entries hold no file:line or inline frames */
};

struct lu_state;

struct unwind_proc {
	pid_t pid;
	enum unwind_backend backend;
	unsigned gen;	       /* bumped by unwind_invalidate() */
	unsigned reported_gen; /* the generation the module list was reported for */
	bool exec_pending;     /* an execve happened since the last walk */
	bool refreshed_on_miss;
	bool attached; /* libdw: thread state attached to the process */
	bool offline;  /* the caller reported the modules (uw_proc_offline): no /proc/PID/maps */
	int sp_regno;  /* DWARF number of the stack pointer */
	Dwfl *dwfl;
	struct symcache cache;
	struct lu_state *lu;
};

/*
 * A state for symbolizing in a Dwfl the caller built and reported itself (ELF
 * files, not a process), which it hands over: unwind_proc_free() ends it.  Its
 * module list is never read again from /proc/PID/maps, so an address in no
 * module stays unresolved.  unwind_symbolize() works on it; unwind_walk() does
 * not (there is no process).  The symbolizer's fuzz target builds one per input.
 */
struct unwind_proc *uw_proc_offline(Dwfl *dwfl);

/* symbolize.c / symcache.c */
void symcache_init(struct symcache *c);
void symcache_flush(struct symcache *c);
void symcache_free(struct symcache *c);
/* Looks key up; on a miss resolves it through dwfl and caches the result. */
const struct sym_entry *symcache_get(struct unwind_proc *up, uint64_t key);
int sym_resolve(struct unwind_proc *up, uint64_t key, struct sym_frame *out, size_t max);
const char *sym_keep(struct symcache *c, const char *s);

/* dwfl.c */
int uw_dwfl_refresh(struct unwind_proc *up);
void uw_dwfl_drop(struct unwind_proc *up);
int uw_dwfl_walk(struct unwind_proc *up, pid_t tid, struct uw_walk *w);
/* Records a frame and checks the limits; false when the walk must stop. */
bool uw_walk_push(struct uw_walk *w, uint64_t pc, uint64_t sp, bool activation);

/* libunwind.c */
int uw_lu_walk(struct unwind_proc *up, pid_t tid, struct uw_walk *w);
void uw_lu_flush(struct unwind_proc *up);
void uw_lu_free(struct unwind_proc *up);

#endif
