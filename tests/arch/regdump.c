/*
 * Records a register set for tests/data/: a child stopped at the entry of
 * getpid, its NT_PRSTATUS set in hex and what PTRACE_GET_SYSCALL_INFO says of
 * the same stop, so a unit test on any host can check the register layout
 * (tests/unit/test_arch_aarch64.c).  Run by tests/arch/run-aarch64.sh --record.
 */
#include <elf.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		syscall(SYS_getpid, 0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	ptrace(PTRACE_SETOPTIONS, pid, 0, (void *)PTRACE_O_TRACESYSGOOD);
	for (;;) {
		struct __ptrace_syscall_info info;
		uint64_t regs[64];
		struct iovec iov = {regs, sizeof(regs)};

		ptrace(PTRACE_SYSCALL, pid, 0, 0);
		if (waitpid(pid, &st, 0) < 0 || !WIFSTOPPED(st))
			return 1;
		if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof(info), &info) <= 0 ||
		    info.op != PTRACE_SYSCALL_INFO_ENTRY || info.entry.args[0] != 0x1111)
			continue;
		if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
			return 1;
		printf("REGDUMP-BEGIN\n");
		printf("arch %#x\nnr %llu\nip %#llx\nsp %#llx\n", info.arch,
		       (unsigned long long)info.entry.nr,
		       (unsigned long long)info.instruction_pointer,
		       (unsigned long long)info.stack_pointer);
		for (int i = 0; i < 6; i++)
			printf("arg%d %#llx\n", i, (unsigned long long)info.entry.args[i]);
		printf("regset %zu\n", iov.iov_len);
		for (size_t i = 0; i < iov.iov_len / 8; i++)
			printf("w%zu %#llx\n", i, (unsigned long long)regs[i]);
		printf("REGDUMP-END\n");
		kill(pid, SIGKILL);
		return 0;
	}
}
