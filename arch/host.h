/*
 * The host part of the architecture layer: the few ptrace register writes
 * ptrc needs, for the CPU it runs on.  Exactly one host is built.
 */
#ifndef PTRC_ARCH_HOST_H
#define PTRC_ARCH_HOST_H

#include <stdint.h>
#include <sys/types.h>

/* At a syscall-entry or seccomp stop: replace the syscall number (-1 skips the call). */
int host_set_syscall(pid_t tid, long nr);
/* At a syscall-exit or seccomp stop: the value the call returns. */
int host_set_return(pid_t tid, long value);
struct ptrc_abi;
/* At a syscall-entry or seccomp stop of a call of abi: its argument i (0-5) becomes value. */
int host_set_arg(pid_t tid, const struct ptrc_abi *abi, unsigned i, uint64_t value);
/*
 * The bits of a code address that hold a pointer authentication code (aarch64
 * NT_ARM_PAC_MASK insn_mask): return addresses an unwinder reads from the
 * stack must be masked before they are symbolized.  0 where the CPU or the
 * ABI has none.  Returns 0, or -errno.
 */
int host_pac_mask(pid_t tid, uint64_t *insn_mask);
/*
 * What pthread_self() returns in a thread of a 64-bit tracee using glibc
 * (CPython before 3.11 records only that for its threads).  Returns 0, or
 * -ENOSYS where the CPU gives no way to tell (explicitly unknown).
 */
int host_thread_pointer(pid_t tid, uint64_t *tp);

#endif
