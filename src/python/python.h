/*
 * CPython's stacks, read from outside through the tracee's memory: which
 * Python function, file and line each thread is in.  Nothing is injected into
 * the interpreter and no debug symbols are needed: the unwinder finds
 * _PyRuntime (and PyCode_Type) in the interpreter's dynamic symbols, and
 * everything else is followed from there with the layout of the version
 * (layout.h).
 *
 * A thread in a syscall is stopped by ptrace, so its own frames cannot change
 * under the reader; other threads of the process keep running.  Every read is
 * checked and bounded: a bad pointer ends the Python stack with a reason and
 * never reads without limit.  Nothing here prints.
 */
#ifndef PTRC_PYTHON_PYTHON_H
#define PTRC_PYTHON_PYTHON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "layout.h"
#include "util/arena.h"

/* An interpreter found in a process's modules. */
struct py_target {
	unsigned minor;	    /* 3.minor */
	uint64_t runtime;   /* the address of _PyRuntime */
	uint64_t code_type; /* the address of PyCode_Type, 0 when not found */
};

struct py_frame {
	const char *file; /* co_filename, as Python's tracebacks print it */
	const char *func; /* co_qualname (3.11+), else co_name */
	unsigned line;	  /* 0 when the table has none for the instruction */
	bool eval_end;	  /* the outermost frame of one C call of the eval loop */
};

struct py_stack {
	struct py_frame *frames; /* innermost first, in the caller's arena */
	size_t n;
	const char *why; /* why frames are missing, or NULL; static or in the arena */
};

struct py_proc;

/*
 * The reader of one process (pid, a thread group id).  NULL with *why set
 * when the version is not supported (the reason names it).
 */
struct py_proc *py_proc_new(pid_t pid, const struct py_target *t, const char **why);
void py_proc_free(struct py_proc *pp);

/*
 * The Python stack of thread tid, in a ptrace stop.  thread_ptr is the
 * thread's pthread_self() (what CPython before 3.11 records), or 0 when the
 * architecture cannot tell.  Returns 0 (n == 0 for a thread that runs no
 * Python code), or -errno when nothing at all could be read.
 */
int py_stack(struct py_proc *pp, pid_t tid, uint64_t thread_ptr, struct arena *ar,
	     struct py_stack *out);

/* Does py_stack() need the thread pointer (CPython before 3.11 records no kernel tid)? */
bool py_wants_thread_ptr(const struct py_proc *pp);

/* The minor version in an interpreter's file name (python3.11, libpython3.9.so.1.0), or -1. */
int py_minor_from_name(const char *path);

/* The line of the instruction at byte offset addrq of a code object; 0 when unknown. */
int py_line(enum py_line_model model, const uint8_t *table, size_t n, int firstlineno, int addrq);

#endif
