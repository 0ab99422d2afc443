/* Fault signals and their si_code names, for crash reports.  Pure. */
#ifndef PTRC_CRASH_SIGCODE_H
#define PTRC_CRASH_SIGCODE_H

#include <stdbool.h>
#include <stdint.h>

/* "SEGV_MAPERR", "SI_USER"...; NULL for a code with no name. */
const char *crash_code_name(int signo, int code);
/* "address not mapped to object"...; NULL when unknown. */
const char *crash_code_text(int signo, int code);
/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS or SIGABRT. */
bool crash_is_crash_signal(int signo);
/* The signal carries a fault address in si_addr (sent by the kernel for a fault). */
bool crash_has_addr(int signo, int code);

/*
 * Whether delivering signo kills the process, from the masks of
 * /proc/PID/task/TID/status (caught = SigCgt, ignored = SigIgn, blocked =
 * SigBlk): the default action runs, or the kernel forces it because a fault
 * (code > 0) hit a blocked or ignored signal.
 */
bool crash_is_fatal(int signo, int code, uint64_t caught, uint64_t ignored, uint64_t blocked);
/* Parses SigBlk, SigIgn and SigCgt from the text of a status file.  0, or -EINVAL. */
int crash_parse_sigmasks(const char *status, uint64_t *caught, uint64_t *ignored,
			 uint64_t *blocked);

#endif
