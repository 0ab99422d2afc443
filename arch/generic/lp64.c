/*
 * The kernel's generic layouts for a 64-bit ABI (asm-generic/statfs.h,
 * asm-generic/fcntl.h, asm-generic/siginfo.h with a 64-bit long), which
 * x86_64 and aarch64 share, and asm-generic/stat.h, which aarch64 uses.
 * Wire forms in fixed-width types, read field by field: they serve on any
 * host.  test_arch_aarch64 checks them against the arm64 UAPI headers.
 */
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "generic.h"

_Static_assert(sizeof(struct generic_stat) == 128, "asm-generic struct stat");
_Static_assert(offsetof(struct generic_stat, st_size) == 48, "asm-generic stat.st_size");
_Static_assert(offsetof(struct generic_stat, st_atime_sec) == 72, "asm-generic stat.st_atime");
_Static_assert(sizeof(struct lp64_statfs) == 120, "64-bit struct statfs");
_Static_assert(offsetof(struct lp64_statfs, f_fsid) == 56, "64-bit statfs.f_fsid");
_Static_assert(sizeof(struct lp64_flock) == 32, "64-bit struct flock");
_Static_assert(offsetof(struct lp64_flock, l_start) == 8, "64-bit flock.l_start");
_Static_assert(sizeof(struct lp64_timex) == 208, "struct __kernel_timex");
_Static_assert(offsetof(struct lp64_timex, status) == 40, "__kernel_timex.status");
_Static_assert(offsetof(struct lp64_timex, tv_sec) == 72, "__kernel_timex.time");
_Static_assert(offsetof(struct lp64_timex, shift) == 112, "__kernel_timex.shift");
_Static_assert(offsetof(struct lp64_timex, tai) == 160, "__kernel_timex.tai");

void generic_stat_parse(const void *raw, bool stat64, struct stat *out)
{
	struct generic_stat s;

	(void)stat64; /* a 64-bit ABI has one struct stat */
	memcpy(&s, raw, sizeof(s));
	ABI_STAT_COPY(out, s);
}

void lp64_statfs_parse(const void *raw, bool statfs64, struct statfs *out)
{
	struct lp64_statfs s;

	(void)statfs64; /* statfs64 and statfs are one struct on a 64-bit ABI */
	memcpy(&s, raw, sizeof(s));
	memset(out, 0, sizeof(*out));
	out->f_type = s.f_type;
	out->f_bsize = s.f_bsize;
	out->f_blocks = s.f_blocks;
	out->f_bfree = s.f_bfree;
	out->f_bavail = s.f_bavail;
	out->f_files = s.f_files;
	out->f_ffree = s.f_ffree;
	memcpy(&out->f_fsid, s.f_fsid, sizeof(s.f_fsid));
	out->f_namelen = s.f_namelen;
	out->f_frsize = s.f_frsize;
	out->f_flags = s.f_flags;
}

void lp64_timex_parse(const void *raw, bool timex64, struct timex *out)
{
	struct lp64_timex t;

	(void)timex64; /* one struct on a 64-bit ABI */
	memcpy(&t, raw, sizeof(t));
	ABI_TIMEX_COPY(out, t);
}

void lp64_flock_parse(const void *raw, bool flock64, struct flock *out)
{
	struct lp64_flock f;

	(void)flock64;
	memcpy(&f, raw, sizeof(f));
	*out = (struct flock){.l_type = f.l_type,
			      .l_whence = f.l_whence,
			      .l_start = f.l_start,
			      .l_len = f.l_len,
			      .l_pid = f.l_pid};
}

static int32_t i32_at(const uint8_t *b, size_t off)
{
	int32_t v;

	memcpy(&v, b + off, sizeof(v));
	return v;
}

static uint64_t u64_at(const uint8_t *b, size_t off)
{
	uint64_t v;

	memcpy(&v, b + off, sizeof(v));
	return v;
}

/*
 * The 64-bit siginfo_t: three ints, then the union at byte 16 (it holds
 * pointers).  The member in use follows the kernel's siginfo_layout().
 */
void lp64_siginfo_parse(const void *raw, siginfo_t *out)
{
	const uint8_t *b = raw;

	memset(out, 0, sizeof(*out));
	out->si_signo = i32_at(b, 0);
	out->si_errno = i32_at(b, 4);
	out->si_code = i32_at(b, 8);
	if (out->si_code == SI_TIMER) {
		out->si_timerid = i32_at(b, 16);
		out->si_overrun = i32_at(b, 20);
		out->si_value.sival_ptr = (void *)(uintptr_t)u64_at(b, 24);
		return;
	}
	bool fault = out->si_signo == SIGSEGV || out->si_signo == SIGBUS ||
		     out->si_signo == SIGILL || out->si_signo == SIGFPE || out->si_signo == SIGTRAP;
	if (out->si_code <= 0 || out->si_code == SI_KERNEL) {
		if (out->si_code == SI_KERNEL &&
		    (out->si_signo == SIGSEGV || out->si_signo == SIGBUS)) {
			out->si_addr = (void *)(uintptr_t)u64_at(b, 16);
			return;
		}
		out->si_pid = i32_at(b, 16);
		out->si_uid = (uid_t)i32_at(b, 20);
		out->si_value.sival_ptr = (void *)(uintptr_t)u64_at(b, 24);
		return;
	}
	if (out->si_signo == SIGCHLD) {
		out->si_pid = i32_at(b, 16);
		out->si_uid = (uid_t)i32_at(b, 20);
		out->si_status = i32_at(b, 24);
		out->si_utime = (clock_t)u64_at(b, 32);
		out->si_stime = (clock_t)u64_at(b, 40);
	} else if (fault) {
		out->si_addr = (void *)(uintptr_t)u64_at(b, 16);
		int16_t lsb;
		memcpy(&lsb, b + 24, sizeof(lsb));
		out->si_addr_lsb = lsb;
	} else if (out->si_signo == SIGSYS) {
		out->si_call_addr = (void *)(uintptr_t)u64_at(b, 16);
		out->si_syscall = i32_at(b, 24);
		out->si_arch = (unsigned)i32_at(b, 28);
	} else { /* SIGPOLL and the signals a kernel sends with a poll code */
		out->si_band = (long)u64_at(b, 16);
		out->si_fd = i32_at(b, 24);
	}
}
