/*
 * Data that several ABIs share (musl's arch/generic): the kernel's generic
 * layouts.  An ABI's table points to these; nothing here tests the CPU.
 */
#ifndef PTRC_ARCH_GENERIC_H
#define PTRC_ARCH_GENERIC_H

#include <stdint.h>

#include "../abi.h"
#include "../layout.h"

extern const struct abi_wide_call abi_wide_lp64[];

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

void generic_stat_parse(const void *raw, bool stat64, struct stat *out);
void lp64_statfs_parse(const void *raw, bool statfs64, struct statfs *out);
void lp64_flock_parse(const void *raw, bool flock64, struct flock *out);
void lp64_siginfo_parse(const void *raw, siginfo_t *out);

#endif
