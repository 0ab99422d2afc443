/* Shared between the unwinder's files; not part of its API. */
#ifndef PTRC_UNWIND_INTERNAL_H
#define PTRC_UNWIND_INTERNAL_H

#include <elfutils/libdwfl.h>

#include "mem/tmem.h"
#include "unwind.h"

/* The first slot of key in an open-addressing table of cap (a power of 2) slots. */
static inline size_t uw_slot(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)key & (cap - 1);
}

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

enum { SYM_MAX_INLINE = 32 }; /* frames of one address: inlined calls + the function */

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

/*
 * The fast walk's rules (fastwalk.c): the CFI row of one address, kept only
 * when every register that libdw's unwinder tracks has a rule of one of these
 * forms, so that a step is a few additions and loads.
 */
enum { FW_MAX_REGS = 17 }; /* x86_64's 17 DWARF registers; i386 has 9 */

enum fw_kind {
	FW_UNDEF,   /* no value in the caller */
	FW_SAME,    /* the callee's value */
	FW_AT_CFA,  /* the word at CFA + off */
	FW_VAL_CFA, /* CFA + off itself */
	FW_REG,	    /* register reg + off */
	FW_AT_REG,  /* the word at register reg + off */
};

struct fw_rule {
	int32_t off;
	uint8_t kind; /* enum fw_kind */
	uint8_t reg;
};

enum fw_state { FW_EMPTY, FW_SIMPLE, FW_COMPLEX };

struct fw_row {
	uint64_t key;	   /* the address looked up: pc, or pc - 1 for a return address */
	uint8_t state;	   /* enum fw_state; a FW_COMPLEX row is cached too, and means libdw */
	uint8_t cfa_reg;   /* CFA = register cfa_reg + cfa_off */
	uint8_t cfa_deref; /* CFA = the word at register cfa_reg + cfa_off */
	uint8_t ra;	   /* the return address column */
	int32_t cfa_off;
	struct fw_rule rule[FW_MAX_REGS];
};

/* The registers of one frame, by DWARF number. */
struct fw_regs {
	uint64_t v[FW_MAX_REGS];
	uint32_t valid; /* bit i: register i has a value */
	unsigned n;	/* registers tracked */
	uint64_t mask;	/* ~0, or the low 32 bits for a 32-bit ABI (as libdw masks them) */
};

struct fw_cache {
	struct fw_row *rows; /* open addressing on key; FW_EMPTY marks a free slot */
	size_t cap, used;
	unsigned char *stack; /* the window of stack memory read at each walk */
};

struct lu_state;
struct py_proc;

/* perfmap.c: /tmp/perf-PID.map, as last read. */
struct perfmap_entry {
	uint64_t start, size;
	char *name;
};

struct perfmap {
	struct perfmap_entry *v; /* in the file's order */
	size_t n;
	off_t size; /* the file's size and mtime when read */
	struct timespec mtime;
	char *shown; /* the path as the tracee sees it, /tmp/perf-NSPID.map; NULL until looked */
};

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
	bool no_fast;  /* PTRC_UNWIND_NO_FAST set: always the libdw walk (a test hook) */
	Dwfl *dwfl;
	struct symcache cache;
	struct fw_cache fw;
	struct lu_state *lu;
	struct py_proc *py; /* the CPython reader, once an interpreter was found */
	unsigned py_gen;    /* the generation the modules were last searched for one */
	const char *py_why; /* why an interpreter that was found cannot be read, or NULL */
	struct perfmap perfmap;
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
/* The entry of key, or NULL. */
const struct sym_entry *symcache_find(const struct symcache *c, uint64_t key);
/* A full cache starts again: call it before keeping the strings of what symcache_put adds. */
void symcache_make_room(struct symcache *c);
/* Adds key's n frames; their strings must already live in c. */
const struct sym_entry *symcache_put(struct symcache *c, uint64_t key, const struct sym_frame *f,
				     size_t n);
/* Points f's strings at copies in c's arena. */
void sym_frames_keep(struct symcache *c, struct sym_frame *f, size_t n);
int sym_resolve(struct unwind_proc *up, uint64_t key, struct sym_frame *out, size_t max);

/* symshare.c: the source lines and inlined frames of one ELF address, shared by
 * every process that maps the same file (by its build ID). */
/* The shared key of vaddr in mod, or 0 when mod has no build ID. */
uint64_t symshare_key(Dwfl_Module *mod, uint64_t vaddr);
/* Copies the n frames of key into out (strings into c) and returns n; 0 on a miss. */
int symshare_get(struct symcache *c, uint64_t key, struct sym_frame *out, size_t max);
void symshare_put(uint64_t key, const struct sym_frame *f, size_t n);
const char *sym_keep(struct symcache *c, const char *s);

/* dwfl.c */
int uw_dwfl_refresh(struct unwind_proc *up);
void uw_dwfl_drop(struct unwind_proc *up);
int uw_dwfl_walk(struct unwind_proc *up, pid_t tid, struct uw_walk *w);
/* Records a frame and checks the limits; false when the walk must stop. */
bool uw_walk_push(struct uw_walk *w, uint64_t pc, uint64_t sp, bool activation);

/* fastwalk.c */
enum fw_step_result { FW_NEXT, FW_END, FW_FAIL };
/*
 * One step of the fast walk: from the registers r of a frame whose row is
 * row, the caller's registers (into r) and its pc.  FW_END: the return address
 * is undefined or 0 (the outermost frame); FW_FAIL: something libdw would
 * treat otherwise (a register without a value, unreadable memory).
 */
enum fw_step_result fw_step(const struct fw_row *row, struct fw_regs *r, const struct tmem *m,
			    unsigned word_size, uint64_t *pc);
/*
 * Walks through the cached rules.  1: w holds the walk libdw would have made;
 * 0: some frame needs libdw, w is empty and the caller walks with libdw.
 */
int uw_fast_walk(struct unwind_proc *up, pid_t tid, struct uw_walk *w);
void fw_flush(struct fw_cache *c);
void fw_free(struct fw_cache *c);

/* perfmap.c: the JIT's name of pc (in no module), its offset and the map's path; or NULL. */
const char *perfmap_find(struct unwind_proc *up, uint64_t pc, uint64_t *off, const char **file);
void perfmap_free(struct perfmap *m);

/* pyframes.c */
/*
 * Puts the Python frames of thread tid in place of the eval loop's in out (grown in ar).
 * tp: the thread's pthread_self() if known, else 0 (read now if the version needs it).
 */
void uw_py_merge(struct unwind_proc *up, pid_t tid, uint64_t tp, struct arena *ar,
		 struct unwind_trace *out);
void uw_py_drop(struct unwind_proc *up);

/* libunwind.c */
int uw_lu_walk(struct unwind_proc *up, pid_t tid, struct uw_walk *w);
void uw_lu_flush(struct unwind_proc *up);
void uw_lu_free(struct unwind_proc *up);

#endif
