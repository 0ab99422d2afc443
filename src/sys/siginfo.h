/* strace's view of a siginfo_t, as a value. */
#ifndef PTRC_SYS_SIGINFO_H
#define PTRC_SYS_SIGINFO_H

#include <signal.h>

#include "../event/value.h"

/*
 * Fills out with {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=..., ...}: the
 * fields strace prints for this signal and code.  Pure: si is the tracer's
 * own siginfo_t layout (what PTRACE_GETSIGINFO returns).
 */
void siginfo_decode(struct arena *a, struct val *out, const siginfo_t *si);

#endif
