/*
 * Data that several ABIs share (musl's arch/generic): the kernel's generic
 * layouts.  An ABI's table points to these; nothing here tests the CPU.
 */
#ifndef PTRC_ARCH_GENERIC_H
#define PTRC_ARCH_GENERIC_H

#include <stdint.h>
#include <string.h>
#include <time.h>

#include "../abi.h"
#include "../layout.h"

extern const struct abi_wide_call abi_wide_lp64[];

/* A wire form's time, as the host's struct timespec. */
static inline void abi_timespec(struct timespec *t, int64_t sec, uint64_t nsec)
{
	t->tv_sec = (time_t)sec;
	t->tv_nsec = (long)nsec;
}

/*
 * The fields every struct stat wire form names alike (asm/stat.h's, with the
 * times as st_<a|m|c>time_sec and _nsec), copied into the host's struct stat;
 * the wire forms differ in widths and order, not in names.
 */
#define ABI_STAT_COPY(out, s)                                                                      \
	do {                                                                                       \
		memset((out), 0, sizeof(*(out)));                                                  \
		(out)->st_dev = (s).st_dev;                                                        \
		(out)->st_ino = (s).st_ino;                                                        \
		(out)->st_mode = (s).st_mode;                                                      \
		(out)->st_nlink = (s).st_nlink;                                                    \
		(out)->st_uid = (s).st_uid;                                                        \
		(out)->st_gid = (s).st_gid;                                                        \
		(out)->st_rdev = (s).st_rdev;                                                      \
		(out)->st_size = (s).st_size;                                                      \
		(out)->st_blksize = (s).st_blksize;                                                \
		(out)->st_blocks = (s).st_blocks;                                                  \
		abi_timespec(&(out)->st_atim, (s).st_atime_sec, (s).st_atime_nsec);                \
		abi_timespec(&(out)->st_mtim, (s).st_mtime_sec, (s).st_mtime_nsec);                \
		abi_timespec(&(out)->st_ctim, (s).st_ctime_sec, (s).st_ctime_nsec);                \
	} while (0)

/*
 * The IPC_64 structs (asm-generic/sembuf.h, msgbuf.h, shmbuf.h): words of the ABI's size
 * after struct ipc64_perm; a 32-bit ABI's times have a high word each (time_high), and
 * x86_64's semid64_ds an unused word after each time (sem_pads).
 */
void ipc64_parse_words(const void *raw, unsigned ws, bool time_high, bool sem_pads, unsigned kind,
		       struct ipc64_ds *out);
void lp64_ipc64_parse(const void *raw, unsigned kind, struct ipc64_ds *out);
/* The generic 64-bit layouts (aarch64); x86_64 has its own semid64_ds (its layout.c). */
#define ABI_LAYOUTS_LP64_IPC64 .ipc64_size = {88, 120, 112}, .ipc64 = lp64_ipc64_parse

/* The layouts of the 64-bit ABIs that use the kernel's generic statfs, flock and siginfo. */
#define ABI_LAYOUTS_LP64_GENERIC                                                                   \
	.statfs_size = sizeof(struct lp64_statfs), .statfs64_size = sizeof(struct lp64_statfs),    \
	.statfs = lp64_statfs_parse, .flock_size = sizeof(struct lp64_flock),                      \
	.flock64_size = sizeof(struct lp64_flock), .flock = lp64_flock_parse, .siginfo_size = 128, \
	.siginfo = lp64_siginfo_parse, .timex_size = sizeof(struct lp64_timex),                    \
	.timex64_size = sizeof(struct lp64_timex), .timex = lp64_timex_parse, .qfilestat_size = 24

/* asm-generic/stat.h with a 64-bit long (aarch64, riscv64). */
struct generic_stat {
	uint64_t st_dev, st_ino;
	uint32_t st_mode, st_nlink, st_uid, st_gid;
	uint64_t st_rdev, pad1;
	int64_t st_size;
	int32_t st_blksize, pad2;
	int64_t st_blocks;
	int64_t st_atime_sec;
	uint64_t st_atime_nsec;
	int64_t st_mtime_sec;
	uint64_t st_mtime_nsec;
	int64_t st_ctime_sec;
	uint64_t st_ctime_nsec;
	uint32_t unused4, unused5;
};

/* asm-generic/statfs.h with a 64-bit __statfs_word (x86_64, aarch64). */
struct lp64_statfs {
	int64_t f_type, f_bsize;
	uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	int64_t f_namelen, f_frsize, f_flags;
	int64_t f_spare[4];
};

/* asm-generic/fcntl.h's struct flock with a 64-bit off_t. */
struct lp64_flock {
	int16_t l_type, l_whence;
	int32_t pad;
	int64_t l_start, l_len;
	int32_t l_pid, pad2;
};

/*
 * The kernel's 64-bit struct timex (struct __kernel_timex in <linux/timex.h>, which is every
 * 64-bit ABI's struct timex and i386's clock_adjtime64's): 64-bit fields, the ints padded.
 */
struct lp64_timex {
	uint32_t modes;
	int32_t pad0;
	int64_t offset, freq, maxerror, esterror;
	int32_t status, pad1;
	int64_t constant, precision, tolerance;
	int64_t tv_sec, tv_usec;
	int64_t tick, ppsfreq, jitter;
	int32_t shift, pad2;
	int64_t stabil, jitcnt, calcnt, errcnt, stbcnt;
	int32_t tai;
	int32_t pad3[11];
};

/* The fields every struct timex wire form names alike, into the host's struct timex. */
#define ABI_TIMEX_COPY(out, t)                                                                     \
	do {                                                                                       \
		memset((out), 0, sizeof(*(out)));                                                  \
		(out)->modes = (t).modes;                                                          \
		(out)->offset = (t).offset;                                                        \
		(out)->freq = (t).freq;                                                            \
		(out)->maxerror = (t).maxerror;                                                    \
		(out)->esterror = (t).esterror;                                                    \
		(out)->status = (t).status;                                                        \
		(out)->constant = (t).constant;                                                    \
		(out)->precision = (t).precision;                                                  \
		(out)->tolerance = (t).tolerance;                                                  \
		(out)->time.tv_sec = (t).tv_sec;                                                   \
		(out)->time.tv_usec = (t).tv_usec;                                                 \
		(out)->tick = (t).tick;                                                            \
		(out)->ppsfreq = (t).ppsfreq;                                                      \
		(out)->jitter = (t).jitter;                                                        \
		(out)->shift = (t).shift;                                                          \
		(out)->stabil = (t).stabil;                                                        \
		(out)->jitcnt = (t).jitcnt;                                                        \
		(out)->calcnt = (t).calcnt;                                                        \
		(out)->errcnt = (t).errcnt;                                                        \
		(out)->stbcnt = (t).stbcnt;                                                        \
		(out)->tai = (t).tai;                                                              \
	} while (0)

void generic_stat_parse(const void *raw, bool stat64, struct stat *out);
void lp64_timex_parse(const void *raw, bool timex64, struct timex *out);
void lp64_statfs_parse(const void *raw, bool statfs64, struct statfs *out);
void lp64_flock_parse(const void *raw, bool flock64, struct flock *out);
void lp64_siginfo_parse(const void *raw, siginfo_t *out);

#endif
