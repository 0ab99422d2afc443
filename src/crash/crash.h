/*
 * Crash reports: what ptrc prints when a traced task dies of a fault signal.
 *
 * crash_collect() (live: /proc and the unwinder; the registers come from core/)
 * gathers everything about a task
 * stopped in the signal-delivery stop of a fault; crash_analyze() (pure)
 * classifies the fault address, disassembles and picks the map lines;
 * crash_format() (pure) turns the report into text.  Everything a report
 * points to lives in the arena given to crash_collect().  Nothing prints.
 */
#ifndef PTRC_CRASH_CRASH_H
#define PTRC_CRASH_CRASH_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "crash/disasm.h"
#include "crash/maps.h"
#include "event/event.h"
#include "mem/tmem.h"
#include "unwind/unwind.h"
#include "util/arena.h"
#include "util/strbuf.h"

struct reg_layout;

struct crash_input {
	pid_t pid; /* thread group id */
	pid_t tid; /* the faulting thread, in its signal-delivery stop */
	siginfo_t si;
	/* Its NT_PRSTATUS register set as ptrace read it (core/), or NULL when unreadable. */
	const void *regset;
	size_t regset_len;
	const struct tmem *mem;		 /* the process's memory */
	struct unwind_proc *unwinder;	 /* NULL: no backtrace */
	const struct unwind_opts *uopts; /* NULL: defaults */
	const struct sc_event *last;	 /* its last syscalls, decoded, oldest first; may be NULL */
	size_t nlast;
	bool last_partial; /* only calls that stopped are there (a seccomp filter ran the rest) */
};

/* A /proc/PID/maps line worth showing, and why. */
struct crash_mapref {
	const char *why;  /* "pc", "sp", "fault", "pc, sp"... */
	const char *line; /* the kernel's text */
};

struct crash_report {
	pid_t pid, tid;
	const char *cmdline; /* arguments joined by spaces; NULL when unreadable */
	int signo, code;
	bool has_addr;
	uint64_t addr;
	enum fault_class cls;
	enum fault_access access; /* how the instruction at the fault used the address */
	const char *fault_text;	  /* the classification as a sentence */

	const struct ptrc_abi *abi;	 /* the ABI of the register set, or NULL */
	const struct reg_layout *layout; /* abi->regs; NULL when the registers were unreadable */
	uint64_t *regs;			 /* layout->nregs values */
	uint64_t pc, sp;

	struct crash_disasm dis;
	int dis_err;
	uint64_t func_start; /* of the function containing pc, or 0 */
	const char *func;    /* its name, or NULL */

	struct unwind_trace trace;
	int unwind_err; /* 0, or -errno when no frame could be read */

	const struct unwind_frame *src_frame; /* innermost frame whose source was readable */
	const char *src_text;		      /* that line's text, or NULL */

	const struct sc_event *last; /* as given */
	size_t nlast;
	bool last_partial;

	struct crash_mapref *maps;
	size_t nmaps;
};

/*
 * Whether ptrc should report signal si for task tid: a crash signal whose
 * delivery will kill the process (see crash_is_fatal), or any crash signal
 * when handled_too (--crash-handled).  1 = report, 0 = not, -errno.
 */
int crash_should_report(pid_t tid, const siginfo_t *si, bool handled_too);

/* Gathers the report from in and /proc; 0 or -errno (-ESRCH: the task is gone). */
int crash_collect(const struct crash_input *in, struct arena *ar, struct crash_report *out);

/*
 * The pure part of crash_collect(): with r's signal, address, registers and
 * trace set, classifies the fault against maps_text, disassembles around
 * the pc from mem and picks the map lines.  0 or -errno (malformed maps).
 */
int crash_analyze(struct crash_report *r, const char *maps_text, const struct tmem *mem,
		  struct arena *ar);

struct text_opts;
/* The report as text, every line ending in '\n'; o formats the last syscalls. */
void crash_format(struct strbuf *sb, const struct crash_report *r, const struct text_opts *o);

#endif
