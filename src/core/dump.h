/*
 * ptrc --dump -p PID: where every thread of a running process is, without
 * tracing it.  Each thread in turn is seized, interrupted, read (state, the
 * syscall it is blocked in, its native and Python stack) and detached: a
 * thread is stopped only while its own stack is read, and the interrupted
 * call restarts on detach as after any ptrace stop.  The collected facts are
 * printed by src/out/dump.c.
 */
#ifndef PTRC_CORE_DUMP_H
#define PTRC_CORE_DUMP_H

#include <stdbool.h>
#include <sys/types.h>

#include "event/event.h"
#include "unwind/unwind.h"

struct dump_thread {
	pid_t tid;
	char comm[32];	    /* /proc/TID/comm */
	char state;	    /* /proc/TID/stat's letter before the thread was stopped: R, S, D... */
	const char *wchan;  /* the kernel function it sleeps in, or NULL; in the dump's arena */
	bool in_syscall;    /* ev holds the call it is blocked in (or was making) */
	struct sc_event ev; /* decoded at entry: inputs only */
	int walk_err;	    /* unwind_walk's result: 0, or -errno (no stack) */
	struct unwind_trace stack;
	const char *why; /* why the thread could not be read, or NULL */
};

struct dump_proc {
	pid_t pid, ppid;
	const char *cmdline;	 /* or NULL */
	const char *parent_comm; /* or NULL */
	pid_t *children;
	size_t nchildren;
	struct dump_thread *threads;
	size_t nthreads;
};

struct tracer;
/* Dumps every -p process (and with -f their descendants); returns the exit status. */
int tracer_dump(struct tracer *t);

#endif
