/*
 * Every ptrace request of the event loop goes through pt(), so that the
 * reliability suite can make any of them fail (docs/reliability.md).
 * PTRC_INJECT_FAULTS, read once at start, lists REQUEST:ERRNO:N items:
 * "syscall:EIO:5,getsiginfo:EPERM:3" makes every 5th PTRACE_SYSCALL fail
 * with EIO and every 3rd PTRACE_GETSIGINFO with EPERM, without making the
 * request.  It is a test hook, not an option users need.
 */
#ifndef PTRC_CORE_PTRACE_H
#define PTRC_CORE_PTRACE_H

#include <sys/types.h>

/* ptrace(2), or the failure injected for this request. */
long pt(int request, pid_t pid, void *addr, void *data);
/* Parses a PTRC_INJECT_FAULTS value (NULL: none); 0 or -EINVAL. */
int pt_faults_init(const char *spec);
/* How many failures were injected so far. */
unsigned long pt_faults_injected(void);

#endif
