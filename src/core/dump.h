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
	double blocked_s;   /* how long it has been in that call, < 0 when unknown */
	double stopped_ms;  /* --dump -p: how long ptrc held it stopped (0: not stopped) */
	const char *note;   /* what the report leaves out for this thread, or NULL */
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
/*
 * SIGUSR1 to a running ptrc: the same report for every traced thread, none of
 * them stopped: the call each is blocked in (and for how long, from its entry
 * stop), the stack walked at that entry with -k, else the Python frames alone.
 */
void tracer_dump_live(struct tracer *t);

/* dump_facts.c, for both. */
char *dump_proc_file(pid_t pid, pid_t tid, const char *name, size_t max);
/* State, comm and wait channel: read before anything stops the thread. */
void dump_thread_facts(pid_t pid, pid_t tid, struct arena *ar, struct dump_thread *th);
/* /proc/TID/syscall: 1 with nr and args when the thread is blocked in a call, else 0. */
int dump_read_syscall(pid_t pid, pid_t tid, uint64_t *nr, uint64_t args[6]);
/* The parent, its name and the command line; then the children of every thread. */
void dump_proc_facts(struct dump_proc *p, struct arena *ar);
void dump_children(struct dump_proc *p, struct arena *ar);
/* Prints p to the trace's output as text or JSON; also_stderr: the text on stderr too. */
void dump_emit(struct tracer *t, const struct dump_proc *p, bool also_stderr);

#endif
