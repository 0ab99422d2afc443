/*
 * aarch64 host: register writes through PTRACE_SETREGSET.  The syscall number
 * lives in its own regset (NT_ARM_SYSTEM_CALL): writing x8 at a syscall stop
 * does not change the call.  The return value is x0 of NT_PRSTATUS.  The
 * kernel overwrites x7 at every syscall stop (0 at entry, 1 at exit) and
 * restores it on resume, so nothing here reads or writes x7.
 */
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>

#include "../host.h"

int host_set_syscall(pid_t tid, long nr)
{
	int32_t v = (int32_t)nr;
	struct iovec iov = {.iov_base = &v, .iov_len = sizeof(v)};

	return ptrace(PTRACE_SETREGSET, tid, (void *)NT_ARM_SYSTEM_CALL, &iov) < 0 ? -errno : 0;
}

int host_set_return(pid_t tid, long value)
{
	struct user_regs_struct regs; /* the kernel's struct user_pt_regs */
	struct iovec iov = {.iov_base = &regs, .iov_len = sizeof(regs)};

	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	regs.regs[0] = (uint64_t)value;
	return ptrace(PTRACE_SETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0 ? -errno : 0;
}

/* x0-x5: the kernel reads the arguments from the registers after the entry stop. */
int host_set_arg(pid_t tid, const struct ptrc_abi *abi, unsigned i, uint64_t value)
{
	struct user_regs_struct regs;
	struct iovec iov = {.iov_base = &regs, .iov_len = sizeof(regs)};

	(void)abi;
	if (i >= 6)
		return -EINVAL;
	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0)
		return -errno;
	regs.regs[i] = value;
	return ptrace(PTRACE_SETREGSET, tid, (void *)NT_PRSTATUS, &iov) < 0 ? -errno : 0;
}

int host_pac_mask(pid_t tid, uint64_t *insn_mask)
{
	struct {
		uint64_t data_mask, insn_mask; /* the kernel's struct user_pac_mask */
	} m = {0, 0};
	struct iovec iov = {.iov_base = &m, .iov_len = sizeof(m)};

	*insn_mask = 0;
	if (ptrace(PTRACE_GETREGSET, tid, (void *)NT_ARM_PAC_MASK, &iov) < 0)
		/* No pointer authentication on this CPU or kernel: nothing to strip. */
		return errno == EINVAL || errno == ENODEV ? 0 : -errno;
	*insn_mask = m.insn_mask;
	return 0;
}

int host_thread_pointer(pid_t tid, uint64_t *tp)
{
	/*
	 * glibc keeps struct pthread below TPIDR_EL0 by sizeof(struct pthread),
	 * which changes between glibc versions: unknown rather than a guess.
	 */
	(void)tid;
	(void)tp;
	return -ENOSYS;
}
