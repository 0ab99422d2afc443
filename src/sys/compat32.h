/*
 * Struct layouts that differ between the ABIs, and fetchers that read a
 * tracee's struct in its ABI's layout and return it in the host's own type.
 *
 * The host ABI (the one ptrc runs as) reads the system's own structs.  The
 * i386 ABI reads the wire forms below.  They are written with fixed-width
 * types because no header ptrc compiles against has them on a 64-bit host:
 * <asm/stat.h> defines struct stat64 only under __i386__, and the kernel's
 * compat_* structs (arch/x86/include/asm/compat.h, include/linux/compat.h)
 * are not UAPI.  Each is checked field by field against that definition by
 * the _Static_asserts in compat32.c.  These are layouts, not constants.
 */
#ifndef PTRC_SYS_COMPAT32_H
#define PTRC_SYS_COMPAT32_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#include "decode.h"

/* i386 struct stat (= the kernel's struct compat_stat): stat, lstat, fstat. */
struct i386_stat {
	uint32_t st_dev;
	uint32_t st_ino;
	uint16_t st_mode;
	uint16_t st_nlink;
	uint16_t st_uid;
	uint16_t st_gid;
	uint32_t st_rdev;
	uint32_t st_size;
	uint32_t st_blksize;
	uint32_t st_blocks;
	uint32_t st_atime_sec, st_atime_nsec;
	uint32_t st_mtime_sec, st_mtime_nsec;
	uint32_t st_ctime_sec, st_ctime_nsec;
	uint32_t unused4, unused5;
};

/* i386 struct stat64 (packed: 64-bit members are 4-aligned on i386). */
struct i386_stat64 {
	uint64_t st_dev;
	uint8_t pad0[4];
	uint32_t st_ino32; /* __st_ino, truncated */
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	uint8_t pad3[4];
	int64_t st_size;
	uint32_t st_blksize;
	int64_t st_blocks;
	uint32_t st_atime_sec, st_atime_nsec;
	uint32_t st_mtime_sec, st_mtime_nsec;
	uint32_t st_ctime_sec, st_ctime_nsec;
	uint64_t st_ino;
} __attribute__((packed));

/* i386 struct statfs (= struct compat_statfs): every field an int. */
struct i386_statfs {
	int32_t f_type, f_bsize;
	uint32_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	int32_t f_namelen, f_frsize, f_flags;
	int32_t f_spare[4];
};

/* i386 struct statfs64 (= struct compat_statfs64, packed). */
struct i386_statfs64 {
	uint32_t f_type, f_bsize;
	uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	uint32_t f_namelen, f_frsize, f_flags;
	uint32_t f_spare[4];
} __attribute__((packed));

/* i386 struct flock (= struct compat_flock): 32-bit offsets. */
struct i386_flock {
	int16_t l_type, l_whence;
	int32_t l_start, l_len;
	int32_t l_pid;
};

/* i386 struct flock64 (= struct compat_flock64, packed). */
struct i386_flock64 {
	int16_t l_type, l_whence;
	int64_t l_start, l_len;
	int32_t l_pid;
} __attribute__((packed));

/* i386 siginfo_t (= compat_siginfo_t): the union starts at byte 12. */
struct i386_siginfo {
	int32_t si_signo, si_errno, si_code;
	union {
		int32_t pad[29];
		struct {
			int32_t pid;
			uint32_t uid;
			int32_t value; /* union sigval: int or a 32-bit pointer */
		} rt;
		struct {
			int32_t tid, overrun, value;
		} timer;
		struct {
			int32_t pid;
			uint32_t uid;
			int32_t status, utime, stime;
		} chld;
		struct {
			uint32_t addr;
			int16_t addr_lsb;
		} fault;
		struct {
			int32_t band, fd;
		} poll;
		struct {
			uint32_t call_addr;
			int32_t syscall;
			uint32_t arch;
		} sys;
	} u;
};

/* i386 struct old_sigaction (sigaction(2), not rt_sigaction). */
struct i386_old_sigaction {
	uint32_t handler;
	uint32_t mask; /* old_sigset_t */
	uint32_t flags;
	uint32_t restorer;
};

/* True when d's ABI is i386, whose layouts are the wire forms above. */
bool abi_is_i386(const struct dctx *d);

/* Which struct stat a call writes. */
enum stat_kind {
	STAT_NATIVE, /* the ABI's struct stat (stat, fstat, newfstatat ...) */
	STAT_64,     /* struct stat64 (stat64, fstat64, fstatat64) */
};

/*
 * Fetchers: 0, or -errno when the tracee's struct cannot be read.  The result
 * is the host's own type, whatever the tracee's layout.
 */
int fetch_stat(struct dctx *d, uint64_t addr, enum stat_kind kind, struct stat *out);
int fetch_statfs(struct dctx *d, uint64_t addr, bool is64, struct statfs *out);
/* struct flock (is64 false) or struct flock64, as a host struct flock. */
struct flock;
int fetch_flock(struct dctx *d, uint64_t addr, bool is64, struct flock *out);
int fetch_siginfo(struct dctx *d, uint64_t addr, siginfo_t *out);
/* An i386 siginfo already read, as the host's siginfo_t (pure). */
void siginfo_from_i386(const struct i386_siginfo *in, siginfo_t *out);

#endif

/*
 * Where sigreturn(2) and rt_sigreturn(2) find the signal mask they restore,
 * from the stack pointer at the call: i386 sigreturn reads the frame's
 * sigcontext (oldmask, then extramask for signals 33-64); rt_sigreturn reads
 * uc_sigmask.  Offsets from the i386 struct sigframe / rt_sigframe
 * (arch/x86/include/asm/sigframe.h), computed in sigframe32.c.
 */
extern const unsigned i386_sigreturn_oldmask_off;
extern const unsigned i386_sigreturn_extramask_off;
extern const unsigned i386_rt_sigreturn_mask_off;
