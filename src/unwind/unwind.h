/*
 * Stack unwinding and symbolization of a ptrace-stopped thread.
 *
 * One struct unwind_proc per traced process (thread group), shared by its
 * threads.  It caches the module list, the debug information and every
 * symbolized address until the process's memory map changes: the tracer calls
 * unwind_invalidate() after mmap, munmap, mprotect(PROT_EXEC), mremap and
 * execve.  Two backends walk the stack: libdw (default) and libunwind; both
 * symbolize through libdw (ELF symbol tables, DWARF lines and inline scopes).
 *
 * Ownership: every frame and string that unwind_walk() returns is allocated
 * in the caller's arena and stays valid until that arena is reset, whatever
 * happens to the unwinder afterwards.  Nothing here prints.
 *
 * In a CPython process, each native frame of the eval loop
 * (_PyEval_EvalFrameDefault) is replaced by the Python frames it runs
 * (UNWIND_FRAME_PYTHON, read by src/python), so every stack shows which line
 * of which Python function made the call.
 */
#ifndef PTRC_UNWIND_UNWIND_H
#define PTRC_UNWIND_UNWIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/arena.h"

enum unwind_backend {
	UNWIND_LIBDW,	  /* dwfl_linux_proc_attach + dwfl_getthread_frames */
	UNWIND_LIBUNWIND, /* libunwind-ptrace (_UPT_create) */
};

/* What made the memory map of a process change. */
enum unwind_change {
	UNWIND_MAPS, /* mmap, munmap, mprotect(PROT_EXEC), mremap, dlopen... */
	UNWIND_EXEC, /* execve: a new program, maybe another ABI */
};

/* Why a walk ended. */
enum unwind_stop {
	UNWIND_STOP_END,   /* the outermost frame was reached */
	UNWIND_STOP_DEPTH, /* the depth limit was reached */
	UNWIND_STOP_LOOP,  /* the stack pointer did not move on, or a frame repeated */
	UNWIND_STOP_ERROR, /* the unwinder failed; see stop_msg */
};

enum unwind_frame_flags {
	UNWIND_FRAME_ACTIVATION = 1 << 0, /* pc is exact (frame 0, or after a signal frame) */
	UNWIND_FRAME_INLINED = 1 << 1,	  /* an inlined call: inlined_into names the caller */
	UNWIND_FRAME_HAS_OFF = 1 << 2,	  /* func_off is meaningful */
	UNWIND_FRAME_PYTHON = 1 << 3,	  /* a CPython frame: file, line and func (no pc) */
};

struct unwind_frame {
	uint64_t pc;	    /* runtime address (a return address unless ACTIVATION) */
	uint64_t sp;	    /* stack pointer of the frame, 0 when unknown */
	uint64_t rel;	    /* offset in the module's file, strace's [0x...]; pc without module */
	const char *module; /* path of the mapped file, or NULL */
	const char *func;   /* demangled function name, or NULL */
	uint64_t func_off;  /* pc - function start, with UNWIND_FRAME_HAS_OFF */
	const char *file;   /* source file as the debug info names it, or NULL */
	unsigned line;	    /* 0 when unknown */
	unsigned col;	    /* 0 when unknown */
	const char *inlined_into; /* with UNWIND_FRAME_INLINED: the function it is inlined into */
	unsigned flags;
};

struct unwind_trace {
	struct unwind_frame *frames; /* innermost first; in the caller's arena */
	size_t n;
	enum unwind_stop stop;
	const char *stop_msg; /* why the walk was cut, or NULL; static or in the arena */
	const char *py_note;  /* in a CPython process: why Python frames are missing, or NULL */
};

struct unwind_opts {
	unsigned max_depth; /* physical frames; 0 means UNWIND_DEFAULT_DEPTH */
	bool no_source;	    /* skip file:line and inline scopes (faster) */
	bool no_python;	    /* leave CPython's eval-loop frames as they are */
};

enum { UNWIND_DEFAULT_DEPTH = 256 };

struct unwind_proc;

/* Creates the state for process pid (a thread group id); nothing is read before the first walk. */
struct unwind_proc *unwind_proc_new(pid_t pid, enum unwind_backend backend);
void unwind_proc_free(struct unwind_proc *up);
/* The memory map of the process changed; cheap: the work happens at the next walk. */
void unwind_invalidate(struct unwind_proc *up, enum unwind_change what);
/* Bumped by every unwind_invalidate(). */
unsigned unwind_generation(const struct unwind_proc *up);

/*
 * Walks the stack of thread tid, which must be in a ptrace stop (syscall
 * entry, signal delivery...).  Returns 0 with out filled (possibly a cut walk:
 * see out->stop), -ESRCH when the thread is gone, or another -errno when not
 * even the first frame could be read.  Everything in out lives in ar.
 */
int unwind_walk(struct unwind_proc *up, pid_t tid, const struct unwind_opts *o, struct arena *ar,
		struct unwind_trace *out);

/*
 * Symbolizes one address of the process without walking: the frames (the
 * innermost inlined call first, the real function last) go to ar.  Returns
 * the number of frames (>= 1), or -errno.
 */
int unwind_symbolize(struct unwind_proc *up, uint64_t pc, bool activation, struct arena *ar,
		     struct unwind_frame **frames);

/*
 * The Python frames of thread tid alone, with no native walk: the thread need
 * not be stopped (its frames are read from memory), so a thread blocked in a
 * call is not disturbed.  thread_ptr: its pthread_self() as read at an
 * earlier stop (CPython before 3.11 needs it), or 0.  Returns 0 (out->n may be 0, out->py_note says
 * why), or -errno.
 */
int unwind_python_stack(struct unwind_proc *up, pid_t tid, uint64_t thread_ptr, struct arena *ar,
			struct unwind_trace *out);

/*
 * Reads the process's module list and every module's unwind tables and debug
 * information now (decompressing them), so that the next walks spend their
 * time walking: for a caller that keeps threads stopped only while it walks.
 * Nothing needs to be stopped.  Returns 0, or -errno.
 */
int unwind_preload(struct unwind_proc *up);

/* "stack truncated: more than 256 frames", for a cut walk; NULL for UNWIND_STOP_END. */
const char *unwind_stop_reason(const struct unwind_trace *t);

/* Demangles a C++ or Rust (legacy) symbol into a malloc'd string, or returns NULL. */
char *unwind_demangle(const char *sym);

#endif
