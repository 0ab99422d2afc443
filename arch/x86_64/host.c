/* x86_64 host: registers through PTRACE_POKEUSER; the 64-bit view also serves i386 tracees. */
#include <errno.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "../abi.h"
#include "../host.h"

static int poke(pid_t tid, size_t offset, long value)
{
	return ptrace(PTRACE_POKEUSER, tid, (void *)offset, (void *)value) < 0 ? -errno : 0;
}

int host_set_syscall(pid_t tid, long nr)
{
	return poke(tid, offsetof(struct user_regs_struct, orig_rax), nr);
}

int host_set_return(pid_t tid, long value)
{
	return poke(tid, offsetof(struct user_regs_struct, rax), value);
}

int host_set_arg(pid_t tid, const struct ptrc_abi *abi, unsigned i, uint64_t value)
{
#define R(name) offsetof(struct user_regs_struct, name)
	/* The syscall ABIs' argument registers; an i386 call's ebx.. are the low halves. */
	static const size_t x86_64[6] = {R(rdi), R(rsi), R(rdx), R(r10), R(r8), R(r9)};
	static const size_t i386[6] = {R(rbx), R(rcx), R(rdx), R(rsi), R(rdi), R(rbp)};
#undef R
	if (i >= 6)
		return -EINVAL;
	return poke(tid, abi->id == ABI_I386 ? i386[i] : x86_64[i], (long)value);
}

int host_pac_mask(pid_t tid, uint64_t *insn_mask)
{
	(void)tid;
	*insn_mask = 0;
	return 0;
}

int host_thread_pointer(pid_t tid, uint64_t *tp)
{
	/* glibc's struct pthread starts at the thread pointer on x86_64: pthread_self() == fs_base.
	 */
	errno = 0;
	long v = ptrace(PTRACE_PEEKUSER, tid, (void *)offsetof(struct user_regs_struct, fs_base),
			NULL);
	if (errno)
		return -errno;
	*tp = (uint64_t)v;
	return 0;
}
