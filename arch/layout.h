/*
 * The structs an ABI lays out its own way, as data and hooks (elfutils'
 * backends): each struct's size in the tracee and a function that turns its
 * bytes into the host's type.  Pure: the bytes are read elsewhere
 * (src/sys/layout.c), so every ABI's layouts are tested on any host.  A size
 * of 0 or a NULL hook means "this ABI has no such struct, or ptrc does not
 * know it": the decoder then shows the address, never another ABI's answer.
 */
#ifndef PTRC_ARCH_LAYOUT_H
#define PTRC_ARCH_LAYOUT_H

#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/timex.h>

struct xlat;

/* SysV IPC's IPC_64 structs, by kind: the fields strace prints of each, read from any ABI. */
enum ipc64_kind { IPC64_SEM, IPC64_MSG, IPC64_SHM };
struct ipc64_ds {
	int32_t key;
	uint32_t uid, gid, cuid, cgid, mode;
	/* sem: otime, ctime; msg: stime, rtime, ctime; shm: atime, dtime, ctime */
	int64_t time[3];
	uint64_t nsems, qnum, qbytes, segsz, nattch;
	int32_t pid[2]; /* msg: lspid, lrpid; shm: cpid, lpid */
};

/* An ioctl request whose number holds the size of a struct this ABI lays out its own way: its
 * number here, and the 64-bit ABI's request it is (whose name and argument it has). */
struct ioctl_remap {
	uint32_t num, lp64;
};
struct ioctl_abi_reqs {
	const struct xlat *names; /* by this ABI's number */
	const struct ioctl_remap *remap;
	unsigned n;
};

struct abi_layouts {
	/* struct stat (stat, fstat, newfstatat) and struct stat64 (stat64, fstat64...). */
	uint16_t stat_size, stat64_size;
	void (*stat)(const void *raw, bool stat64, struct stat *out);
	/* struct statfs and struct statfs64. */
	uint16_t statfs_size, statfs64_size;
	void (*statfs)(const void *raw, bool statfs64, struct statfs *out);
	/* struct flock and struct flock64 (fcntl64's F_*LK64). */
	uint16_t flock_size, flock64_size;
	void (*flock)(const void *raw, bool flock64, struct flock *out);
	/* siginfo_t, as rt_sigqueueinfo, waitid and rt_sigtimedwait pass it. */
	uint16_t siginfo_size;
	void (*siginfo)(const void *raw, siginfo_t *out);
	/* sigaction(2)'s struct old_sigaction: one-word mask. */
	uint16_t old_sigaction_size;
	void (*old_sigaction)(const void *raw, uint64_t *handler, uint64_t *flags,
			      uint64_t *restorer, uint64_t *mask);
	/* struct epoll_event: its size and where its 64-bit data is. */
	uint8_t epoll_event_size, epoll_data_off;
	/* At rt_sigreturn, the signal mask the frame restores is at sp + this. */
	uint16_t rt_sigreturn_mask_off;
	/* At sigreturn(2): the frame's old mask word and, for signals 33-64, the next one. */
	uint16_t sigreturn_mask_off, sigreturn_extramask_off;
	/* struct timex (adjtimex, clock_adjtime) and the kernel's 64-bit struct __kernel_timex
	 * (clock_adjtime64); one struct on a 64-bit ABI. */
	uint16_t timex_size, timex64_size;
	void (*timex)(const void *raw, bool timex64, struct timex *out);
	/* fcntl commands that take a struct flock64 (i386's F_GETLK64, F_SETLK64, F_SETLKW64). */
	const struct xlat *fcntl_lk64;

	/* SysV IPC: struct semid64_ds, msqid64_ds and shmid64_ds (enum ipc64_kind), the
	 * structs of the IPC_64 commands; 0 and NULL where ptrc does not know them. */
	uint16_t ipc64_size[3];
	void (*ipc64)(const void *raw, unsigned kind, struct ipc64_ds *out);

	/* XFS's fs_qfilestat_t (u64, u64, u32) inside struct fs_quota_stat: 24 bytes where a
	 * u64 is 8-aligned, 20 on i386; 0 where ptrc does not know it. */
	uint8_t qfilestat_size;

	/* The ioctl requests of structs laid out this ABI's way, NULL-terminated sets (NULL:
	 * none); a request of a long or a pointer alone is the word size's (flags_ioctl_args.c). */
	const struct ioctl_abi_reqs *const *ioctl_reqs;
};

#endif
