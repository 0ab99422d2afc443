/*
 * The arm64 kernel headers' own values, compiled alone with the aarch64 UAPI flags
 * (-nostdinc -I/usr/aarch64-linux-gnu/include on a non-arm64 host), so that
 * test_arch_aarch64.c compares the generated table and register layout with the
 * headers and not with hand-typed numbers.  No libc header may be included here.
 */
/* The headers as an arm64 compiler sees them: linux/eventpoll.h packs its struct for x86_64. */
#undef __x86_64__
#include <asm/fcntl.h>
#include <asm/ptrace.h>
#include <asm/siginfo.h>
#include <asm/signal.h>
#include <asm/sigcontext.h>
#include <asm/stat.h>
#include <asm/statfs.h>
#include <asm/ucontext.h>
#include <asm/unistd.h>
#include <linux/eventpoll.h>

#include "arch_aarch64_uapi.h"

#define NR(name)                                                                                   \
	{                                                                                          \
#name, __NR_##name                                                                 \
	}

const struct a64_uapi_nr a64_uapi_nrs[] = {
	NR(openat),
	NR(read),
	NR(write),
	NR(close),
	NR(getpid),
	NR(exit_group),
	NR(clone),
	NR(clone3),
	NR(execve),
	NR(newfstatat),
	NR(fstat),
	NR(renameat),
	NR(unlinkat),
	NR(mmap),
	NR(fcntl),
	NR(lseek),
	NR(statfs),
	NR(rt_sigreturn),
	NR(wait4),
	NR(ppoll),
	NR(pselect6),
	NR(getdents64),
	NR(set_robust_list),
	NR(io_uring_setup),
	NR(memfd_secret),
	NR(process_madvise),
	{0, 0},
};

/* The legacy calls aarch64 lacks: a table naming any of them would be wrong. */
const char *const a64_uapi_absent[] = {
#ifdef __NR_open
	"open",
#endif
#ifdef __NR_stat
	"stat",
#endif
#ifdef __NR_fork
	"fork",
#endif
#ifdef __NR_unlink
	"unlink",
#endif
#ifdef __NR_pipe
	"pipe",
#endif
	0,
};

const unsigned long a64_uapi_regs_size = sizeof(struct user_pt_regs);
const unsigned long a64_uapi_off_sp = __builtin_offsetof(struct user_pt_regs, sp);
const unsigned long a64_uapi_off_pc = __builtin_offsetof(struct user_pt_regs, pc);
const unsigned long a64_uapi_off_pstate = __builtin_offsetof(struct user_pt_regs, pstate);
const unsigned long a64_uapi_off_x8 = __builtin_offsetof(struct user_pt_regs, regs[8]);

/* The struct layouts arch/aarch64/layout.c and arch/generic describe. */
const unsigned long a64_uapi_stat_size = sizeof(struct stat);
const unsigned long a64_uapi_stat_off_size = __builtin_offsetof(struct stat, st_size);
const unsigned long a64_uapi_stat_off_blocks = __builtin_offsetof(struct stat, st_blocks);
const unsigned long a64_uapi_stat_off_mtime = __builtin_offsetof(struct stat, st_mtime);
const unsigned long a64_uapi_statfs_size = sizeof(struct statfs);
const unsigned long a64_uapi_statfs_off_fsid = __builtin_offsetof(struct statfs, f_fsid);
const unsigned long a64_uapi_flock_size = sizeof(struct flock);
const unsigned long a64_uapi_flock_off_start = __builtin_offsetof(struct flock, l_start);
const unsigned long a64_uapi_siginfo_size = sizeof(siginfo_t);
const unsigned long a64_uapi_epoll_size = sizeof(struct epoll_event);
const unsigned long a64_uapi_epoll_off_data = __builtin_offsetof(struct epoll_event, data);
/* arm64's struct rt_sigframe is { struct siginfo info; struct ucontext uc; }. */
const unsigned long a64_uapi_rt_sigframe_mask =
	sizeof(siginfo_t) + __builtin_offsetof(struct ucontext, uc_sigmask);
