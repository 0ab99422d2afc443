/* Reading structs in the tracee's ABI layout (see compat32.h). */
#include "compat32.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>

#include "../../arch/abi.h"

/*
 * The i386 wire forms, field by field against the kernel's compat structs
 * (offsets as the i386 ABI lays them out: 64-bit members 4-aligned).
 */
_Static_assert(sizeof(struct i386_stat) == 64, "compat_stat");
_Static_assert(offsetof(struct i386_stat, st_rdev) == 16, "compat_stat.st_rdev");
_Static_assert(offsetof(struct i386_stat, st_atime_sec) == 32, "compat_stat.st_atime");
_Static_assert(sizeof(struct i386_stat64) == 96, "stat64");
_Static_assert(offsetof(struct i386_stat64, st_mode) == 16, "stat64.st_mode");
_Static_assert(offsetof(struct i386_stat64, st_rdev) == 32, "stat64.st_rdev");
_Static_assert(offsetof(struct i386_stat64, st_size) == 44, "stat64.st_size");
_Static_assert(offsetof(struct i386_stat64, st_blocks) == 56, "stat64.st_blocks");
_Static_assert(offsetof(struct i386_stat64, st_atime_sec) == 64, "stat64.st_atime");
_Static_assert(offsetof(struct i386_stat64, st_ino) == 88, "stat64.st_ino");
_Static_assert(sizeof(struct i386_statfs) == 64, "compat_statfs");
_Static_assert(offsetof(struct i386_statfs, f_fsid) == 28, "compat_statfs.f_fsid");
_Static_assert(sizeof(struct i386_statfs64) == 84, "compat_statfs64");
_Static_assert(offsetof(struct i386_statfs64, f_blocks) == 8, "compat_statfs64.f_blocks");
_Static_assert(offsetof(struct i386_statfs64, f_fsid) == 48, "compat_statfs64.f_fsid");
_Static_assert(offsetof(struct i386_statfs64, f_flags) == 64, "compat_statfs64.f_flags");
_Static_assert(sizeof(struct i386_flock) == 16, "compat_flock");
_Static_assert(sizeof(struct i386_flock64) == 24, "compat_flock64");
_Static_assert(offsetof(struct i386_flock64, l_start) == 4, "compat_flock64.l_start");
_Static_assert(offsetof(struct i386_flock64, l_pid) == 20, "compat_flock64.l_pid");
_Static_assert(sizeof(struct i386_siginfo) == 128, "compat_siginfo_t");
_Static_assert(offsetof(struct i386_siginfo, u) == 12, "compat_siginfo_t._sifields");
_Static_assert(offsetof(struct i386_siginfo, u.chld.utime) == 24, "compat_siginfo_t._utime");
_Static_assert(offsetof(struct i386_siginfo, u.sys.arch) == 20, "compat_siginfo_t._arch");
_Static_assert(sizeof(struct i386_old_sigaction) == 16, "old_sigaction");

#if defined(__x86_64__)
/* On an x86_64 host the system's structs are the x86_64 ABI's wire forms. */
_Static_assert(sizeof(struct stat) == 144 && offsetof(struct stat, st_mode) == 24 &&
		       offsetof(struct stat, st_size) == 48,
	       "x86_64 struct stat");
_Static_assert(sizeof(struct statfs) == 120 && offsetof(struct statfs, f_fsid) == 56,
	       "x86_64 struct statfs");
_Static_assert(sizeof(struct flock) == 32 && offsetof(struct flock, l_start) == 8,
	       "x86_64 struct flock");
_Static_assert(sizeof(siginfo_t) == 128 && offsetof(siginfo_t, si_pid) == 16 &&
		       offsetof(siginfo_t, si_utime) == 32,
	       "x86_64 siginfo_t");
#endif

bool abi_is_i386(const struct dctx *d)
{
	return d->abi->id == ABI_I386;
}

static void ts(struct timespec *t, uint32_t sec, uint32_t nsec)
{
	t->tv_sec = sec;
	t->tv_nsec = nsec;
}

/* The old stat and stat64 differ in widths, not in names: one copy serves both. */
#define STAT_COPY(out, s)                                                                          \
	do {                                                                                       \
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
		ts(&(out)->st_atim, (s).st_atime_sec, (s).st_atime_nsec);                          \
		ts(&(out)->st_mtim, (s).st_mtime_sec, (s).st_mtime_nsec);                          \
		ts(&(out)->st_ctim, (s).st_ctime_sec, (s).st_ctime_nsec);                          \
	} while (0)

int fetch_stat(struct dctx *d, uint64_t addr, enum stat_kind kind, struct stat *out)
{
	int rc;

	if (!abi_is_i386(d))
		return tmem_read(d->mem, addr, out, sizeof(*out));
	memset(out, 0, sizeof(*out));
	if (kind == STAT_64) {
		struct i386_stat64 s;
		if ((rc = tmem_read(d->mem, addr, &s, sizeof(s))) < 0)
			return rc;
		STAT_COPY(out, s);
		return 0;
	}
	struct i386_stat s;
	if ((rc = tmem_read(d->mem, addr, &s, sizeof(s))) < 0)
		return rc;
	STAT_COPY(out, s);
	return 0;
}

#define STATFS_COPY(out, s)                                                                        \
	do {                                                                                       \
		(out)->f_type = (s).f_type;                                                        \
		(out)->f_bsize = (s).f_bsize;                                                      \
		(out)->f_blocks = (s).f_blocks;                                                    \
		(out)->f_bfree = (s).f_bfree;                                                      \
		(out)->f_bavail = (s).f_bavail;                                                    \
		(out)->f_files = (s).f_files;                                                      \
		(out)->f_ffree = (s).f_ffree;                                                      \
		memcpy(&(out)->f_fsid, (s).f_fsid, sizeof((s).f_fsid));                            \
		(out)->f_namelen = (s).f_namelen;                                                  \
		(out)->f_frsize = (s).f_frsize;                                                    \
		(out)->f_flags = (s).f_flags;                                                      \
	} while (0)

int fetch_statfs(struct dctx *d, uint64_t addr, bool is64, struct statfs *out)
{
	int rc;

	if (!abi_is_i386(d))
		return tmem_read(d->mem, addr, out, sizeof(*out));
	memset(out, 0, sizeof(*out));
	if (is64) {
		struct i386_statfs64 s;
		if ((rc = tmem_read(d->mem, addr, &s, sizeof(s))) < 0)
			return rc;
		STATFS_COPY(out, s);
		return 0;
	}
	struct i386_statfs s;
	if ((rc = tmem_read(d->mem, addr, &s, sizeof(s))) < 0)
		return rc;
	STATFS_COPY(out, s);
	return 0;
}

int fetch_flock(struct dctx *d, uint64_t addr, bool is64, struct flock *out)
{
	int rc;

	if (!abi_is_i386(d))
		return tmem_read(d->mem, addr, out, sizeof(*out));
	memset(out, 0, sizeof(*out));
	if (is64) {
		struct i386_flock64 f;
		if ((rc = tmem_read(d->mem, addr, &f, sizeof(f))) < 0)
			return rc;
		*out = (struct flock){.l_type = f.l_type,
				      .l_whence = f.l_whence,
				      .l_start = f.l_start,
				      .l_len = f.l_len,
				      .l_pid = f.l_pid};
		return 0;
	}
	struct i386_flock f;
	if ((rc = tmem_read(d->mem, addr, &f, sizeof(f))) < 0)
		return rc;
	*out = (struct flock){.l_type = f.l_type,
			      .l_whence = f.l_whence,
			      .l_start = f.l_start,
			      .l_len = f.l_len,
			      .l_pid = f.l_pid};
	return 0;
}

static void set_value(siginfo_t *out, int32_t v)
{
	/* An i386 sigval is one 32-bit word, read as an int or as a pointer. */
	out->si_value.sival_ptr = (void *)(uintptr_t)(uint32_t)v;
	out->si_value.sival_int = v;
}

/* The union member in use follows the kernel's siginfo_layout(). */
void siginfo_from_i386(const struct i386_siginfo *in, siginfo_t *out)
{
	memset(out, 0, sizeof(*out));
	out->si_signo = in->si_signo;
	out->si_errno = in->si_errno;
	out->si_code = in->si_code;
	if (in->si_code == SI_TIMER) {
		out->si_timerid = in->u.timer.tid;
		out->si_overrun = in->u.timer.overrun;
		set_value(out, in->u.timer.value);
		return;
	}
	if (in->si_code <= 0 || in->si_code == SI_KERNEL) {
		if (in->si_code == SI_KERNEL &&
		    (in->si_signo == SIGSEGV || in->si_signo == SIGBUS)) {
			out->si_addr = (void *)(uintptr_t)in->u.fault.addr;
			return;
		}
		out->si_pid = in->u.rt.pid;
		out->si_uid = in->u.rt.uid;
		set_value(out, in->u.rt.value);
		return;
	}
	switch (in->si_signo) {
	case SIGCHLD:
		out->si_pid = in->u.chld.pid;
		out->si_uid = in->u.chld.uid;
		out->si_status = in->u.chld.status;
		out->si_utime = in->u.chld.utime;
		out->si_stime = in->u.chld.stime;
		break;
	case SIGILL:
	case SIGFPE:
	case SIGSEGV:
	case SIGBUS:
	case SIGTRAP:
		out->si_addr = (void *)(uintptr_t)in->u.fault.addr;
		out->si_addr_lsb = in->u.fault.addr_lsb;
		break;
	case SIGSYS:
		out->si_call_addr = (void *)(uintptr_t)in->u.sys.call_addr;
		out->si_syscall = in->u.sys.syscall;
		out->si_arch = in->u.sys.arch;
		break;
	default: /* SIGPOLL and the signals a kernel sends with a poll code */
		out->si_band = in->u.poll.band;
		out->si_fd = in->u.poll.fd;
		break;
	}
}

int fetch_siginfo(struct dctx *d, uint64_t addr, siginfo_t *out)
{
	struct i386_siginfo si;
	int rc;

	if (!abi_is_i386(d))
		return tmem_read(d->mem, addr, out, sizeof(*out));
	if ((rc = tmem_read(d->mem, addr, &si, sizeof(si))) < 0)
		return rc;
	siginfo_from_i386(&si, out);
	return 0;
}
