/*
 * The host part of the architecture layer: the few ptrace register writes
 * ptrc needs, for the CPU it runs on.  Exactly one host is built.
 */
#ifndef PTRC_ARCH_HOST_H
#define PTRC_ARCH_HOST_H

#include <sys/types.h>

/* At a syscall-entry or seccomp stop: replace the syscall number (-1 skips the call). */
int host_set_syscall(pid_t tid, long nr);
/* At a syscall-exit or seccomp stop: the value the call returns. */
int host_set_return(pid_t tid, long value);

#endif
