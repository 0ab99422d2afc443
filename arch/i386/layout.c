/*
 * i386's own struct layouts, and fetch hooks that turn them into the host's
 * types.  The wire forms are written with fixed-width types because no header
 * ptrc compiles against has them on a 64-bit host: <asm/stat.h> defines struct
 * stat64 only under __i386__, and the kernel's compat_* structs
 * (arch/x86/include/asm/compat.h, include/linux/compat.h) are not UAPI.  Each
 * is checked field by field against that definition below.  These are
 * layouts, not constants.
 */
#include <stddef.h>
#include <string.h>

#include "../generic/generic.h"
#include "../layout.h"
#include "../../src/sys/xlat.h"

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

/* i386 struct timex (= the kernel's struct old_timex32): every field 32 bits. */
struct i386_timex {
	uint32_t modes;
	int32_t offset, freq, maxerror, esterror;
	int32_t status;
	int32_t constant, precision, tolerance;
	int32_t tv_sec, tv_usec;
	int32_t tick, ppsfreq, jitter;
	int32_t shift;
	int32_t stabil, jitcnt, calcnt, errcnt, stbcnt;
	int32_t tai;
	int32_t pad[11];
};

/* i386 struct old_sigaction (sigaction(2), not rt_sigaction). */
struct i386_old_sigaction {
	uint32_t handler;
	uint32_t mask; /* old_sigset_t */
	uint32_t flags;
	uint32_t restorer;
};

/*
 * Signal frames (arch/x86/include/asm/sigframe.h, ia32 forms).  At the
 * sigreturn syscall the restorer has popped the return address and the signal
 * number, so the stack pointer is at the frame's struct sigcontext_32 (88
 * bytes; oldmask at 80), then struct _fpstate_32 (624 bytes), then
 * extramask[1].  At rt_sigreturn it has popped only the return address, so it
 * is at rt_sigframe.sig.
 */
#include "frame.h"

/* struct ucontext_ia32: uc_flags, uc_link, uc_stack (3 words), uc_mcontext, uc_sigmask. */
struct i386_ucontext {
	uint32_t uc_flags, uc_link;
	uint32_t ss_sp, ss_flags, ss_size;
	uint8_t uc_mcontext[I386_SIGCONTEXT_SIZE];
	uint32_t uc_sigmask[2];
};

/* struct rt_sigframe_ia32: pretcode, sig, pinfo, puc, info (128 bytes), uc, retcode[8]. */
struct i386_rt_sigframe {
	uint32_t pretcode;
	int32_t sig;
	uint32_t pinfo, puc;
	uint8_t info[128];
	struct i386_ucontext uc;
};

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
_Static_assert(sizeof(struct i386_timex) == 128, "old_timex32");
_Static_assert(offsetof(struct i386_timex, tv_sec) == 36, "old_timex32.time");
_Static_assert(offsetof(struct i386_timex, tai) == 80, "old_timex32.tai");

static void stat_parse(const void *raw, bool stat64, struct stat *out)
{
	if (stat64) {
		struct i386_stat64 s;
		memcpy(&s, raw, sizeof(s));
		ABI_STAT_COPY(out, s);
		return;
	}
	struct i386_stat s;
	memcpy(&s, raw, sizeof(s));
	ABI_STAT_COPY(out, s);
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

static void statfs_parse(const void *raw, bool statfs64, struct statfs *out)
{
	memset(out, 0, sizeof(*out));
	if (statfs64) {
		struct i386_statfs64 s;
		memcpy(&s, raw, sizeof(s));
		STATFS_COPY(out, s);
		return;
	}
	struct i386_statfs s;
	memcpy(&s, raw, sizeof(s));
	STATFS_COPY(out, s);
}

#define FLOCK_COPY(out, f)                                                                         \
	(*(out) = (struct flock){.l_type = (f).l_type,                                             \
				 .l_whence = (f).l_whence,                                         \
				 .l_start = (f).l_start,                                           \
				 .l_len = (f).l_len,                                               \
				 .l_pid = (f).l_pid})

static void flock_parse(const void *raw, bool flock64, struct flock *out)
{
	if (flock64) {
		struct i386_flock64 f;
		memcpy(&f, raw, sizeof(f));
		FLOCK_COPY(out, f);
		return;
	}
	struct i386_flock f;
	memcpy(&f, raw, sizeof(f));
	FLOCK_COPY(out, f);
}

static void set_value(siginfo_t *out, int32_t v)
{
	/* An i386 sigval is one 32-bit word, read as an int or as a pointer. */
	out->si_value.sival_ptr = (void *)(uintptr_t)(uint32_t)v;
	out->si_value.sival_int = v;
}

/* The union member in use follows the kernel's siginfo_layout(). */
static void siginfo_parse(const void *raw, siginfo_t *out)
{
	struct i386_siginfo si;
	const struct i386_siginfo *in = &si;

	memcpy(&si, raw, sizeof(si));
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

/* A 32-bit tv_usec stays unsigned, as the tracee's unsigned view of it prints. */
static void timex_parse(const void *raw, bool timex64, struct timex *out)
{
	struct i386_timex t;

	if (timex64) {
		lp64_timex_parse(raw, true, out);
		return;
	}
	memcpy(&t, raw, sizeof(t));
	ABI_TIMEX_COPY(out, t);
	out->time.tv_usec = (uint32_t)t.tv_usec;
}

static void old_sigaction_parse(const void *raw, uint64_t *handler, uint64_t *flags,
				uint64_t *restorer, uint64_t *mask)
{
	struct i386_old_sigaction sa;

	memcpy(&sa, raw, sizeof(sa));
	*handler = sa.handler;
	*flags = sa.flags;
	*restorer = sa.restorer;
	*mask = sa.mask;
}

/* The IPC_64 structs: asm-generic's for a 32-bit long, sem_otime_high... after each time. */
static void ipc64_parse(const void *raw, unsigned kind, struct ipc64_ds *out)
{
	ipc64_parse_words(raw, 4, true, false, kind, out);
}

extern const struct xlat xl_i386_fcntl_lk64;
extern const struct ioctl_abi_reqs i386_ioctl_reqs, i386_drm_ioctl_reqs; /* ioctl*.c */
static const struct ioctl_abi_reqs *const ioctl_reqs[] = {&i386_ioctl_reqs, &i386_drm_ioctl_reqs,
							  NULL};

const struct abi_layouts layouts_i386 = {
	.stat_size = sizeof(struct i386_stat),
	.stat64_size = sizeof(struct i386_stat64),
	.stat = stat_parse,
	.statfs_size = sizeof(struct i386_statfs),
	.statfs64_size = sizeof(struct i386_statfs64),
	.statfs = statfs_parse,
	.flock_size = sizeof(struct i386_flock),
	.flock64_size = sizeof(struct i386_flock64),
	.flock = flock_parse,
	.siginfo_size = sizeof(struct i386_siginfo),
	.siginfo = siginfo_parse,
	.old_sigaction_size = sizeof(struct i386_old_sigaction),
	.old_sigaction = old_sigaction_parse,
	.timex_size = sizeof(struct i386_timex),
	.timex64_size = sizeof(struct lp64_timex),
	.timex = timex_parse,
	/* struct epoll_event is packed on x86: u32 events, u64 data. */
	.epoll_event_size = 12,
	.epoll_data_off = 4,
	.rt_sigreturn_mask_off = offsetof(struct i386_rt_sigframe, uc.uc_sigmask) -
				 offsetof(struct i386_rt_sigframe, sig),
	.sigreturn_mask_off = I386_SIGCONTEXT_OLDMASK,
	.sigreturn_extramask_off = I386_SIGCONTEXT_SIZE + I386_FPSTATE_SIZE,
	.fcntl_lk64 = &xl_i386_fcntl_lk64,
	/* struct ipc64_perm (36 bytes), then 4-byte words, each time with its high word */
	.ipc64_size = {36 + 7 * 4, 36 + 13 * 4, 36 + 12 * 4},
	.ipc64 = ipc64_parse,
	.qfilestat_size = 20, /* fs_qfilestat_t: u64 aligned to 4 */
	.ioctl_reqs = ioctl_reqs,
};
