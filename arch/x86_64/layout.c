/*
 * x86_64's struct layouts: its own struct stat (asm/stat.h, 144 bytes) and
 * packed struct epoll_event; the kernel's generic 64-bit statfs, flock and
 * siginfo (arch/generic).  Checked against the system's headers on an x86_64
 * host; the wire form serves on any host.
 */
#include <stddef.h>
#include <string.h>

#include "../generic/generic.h"
#include "../layout.h"

struct x86_64_stat {
	uint64_t st_dev, st_ino, st_nlink;
	uint32_t st_mode, st_uid, st_gid, pad0;
	uint64_t st_rdev;
	int64_t st_size, st_blksize, st_blocks;
	uint64_t st_atime_sec, st_atime_nsec;
	uint64_t st_mtime_sec, st_mtime_nsec;
	uint64_t st_ctime_sec, st_ctime_nsec;
	int64_t unused[3];
};

_Static_assert(sizeof(struct x86_64_stat) == 144, "x86_64 struct stat");

#if defined(__x86_64__)
#include <linux/dqblk_xfs.h>
#include <sys/epoll.h>
#include <ucontext.h>
_Static_assert(sizeof(fs_qfilestat_t) == 24 && offsetof(struct fs_quota_stat, qs_gquota) == 8 + 24,
	       "x86_64 fs_qfilestat_t");
/* On an x86_64 host the system's structs are this ABI's. */
_Static_assert(sizeof(struct stat) == sizeof(struct x86_64_stat) &&
		       offsetof(struct stat, st_mode) == offsetof(struct x86_64_stat, st_mode) &&
		       offsetof(struct stat, st_size) == offsetof(struct x86_64_stat, st_size) &&
		       offsetof(struct stat, st_mtim) == offsetof(struct x86_64_stat, st_mtime_sec),
	       "x86_64 struct stat");
_Static_assert(sizeof(struct statfs) == sizeof(struct lp64_statfs) &&
		       offsetof(struct statfs, f_fsid) == offsetof(struct lp64_statfs, f_fsid),
	       "x86_64 struct statfs");
_Static_assert(sizeof(struct flock) == sizeof(struct lp64_flock) &&
		       offsetof(struct flock, l_start) == offsetof(struct lp64_flock, l_start),
	       "x86_64 struct flock");
_Static_assert(sizeof(siginfo_t) == 128 && offsetof(siginfo_t, si_pid) == 16 &&
		       offsetof(siginfo_t, si_utime) == 32,
	       "x86_64 siginfo_t");
_Static_assert(sizeof(struct epoll_event) == 12 && offsetof(struct epoll_event, data) == 4,
	       "x86_64 struct epoll_event");
_Static_assert(sizeof(struct timex) == sizeof(struct lp64_timex) &&
		       offsetof(struct timex, status) == offsetof(struct lp64_timex, status) &&
		       offsetof(struct timex, time) == offsetof(struct lp64_timex, tv_sec) &&
		       offsetof(struct timex, shift) == offsetof(struct lp64_timex, shift) &&
		       offsetof(struct timex, tai) == offsetof(struct lp64_timex, tai),
	       "x86_64 struct timex");
/* rt_sigreturn: the restorer's ret popped pretcode, so sp is at the frame's ucontext. */
_Static_assert(offsetof(ucontext_t, uc_sigmask) == 296, "x86_64 ucontext.uc_sigmask");
#endif

static void stat_parse(const void *raw, bool stat64, struct stat *out)
{
	struct x86_64_stat s;

	(void)stat64; /* x86_64 has no stat64 */
	memcpy(&s, raw, sizeof(s));
	ABI_STAT_COPY(out, s);
}

/* x86_64's <asm/sembuf.h>: an unused word after each of semid64_ds's times. */
static void x86_64_ipc64_parse(const void *raw, unsigned kind, struct ipc64_ds *out)
{
	ipc64_parse_words(raw, 8, false, true, kind, out);
}

const struct abi_layouts layouts_x86_64 = {
	.stat_size = sizeof(struct x86_64_stat),
	.stat = stat_parse,
	ABI_LAYOUTS_LP64_GENERIC,
	.ipc64_size = {104, 120, 112},
	.ipc64 = x86_64_ipc64_parse,
	.epoll_event_size = 12, /* packed: u32 events, u64 data */
	.epoll_data_off = 4,
	/* struct ucontext: uc_flags, uc_link, uc_stack (24), struct sigcontext (256), mask. */
	.rt_sigreturn_mask_off = 296,
};
