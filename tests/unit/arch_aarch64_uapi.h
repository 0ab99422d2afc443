/* Values from the arm64 kernel headers (arch_aarch64_uapi.c). */
#ifndef PTRC_TEST_ARCH_AARCH64_UAPI_H
#define PTRC_TEST_ARCH_AARCH64_UAPI_H

struct a64_uapi_nr {
	const char *name;
	int nr;
};

extern const struct a64_uapi_nr a64_uapi_nrs[];
/* Names the headers define that must not exist on aarch64; NULL-terminated (empty). */
extern const char *const a64_uapi_absent[];
extern const unsigned long a64_uapi_regs_size, a64_uapi_off_sp, a64_uapi_off_pc,
	a64_uapi_off_pstate, a64_uapi_off_x8;
extern const unsigned long a64_uapi_stat_size, a64_uapi_stat_off_size, a64_uapi_stat_off_blocks,
	a64_uapi_stat_off_mtime, a64_uapi_statfs_size, a64_uapi_statfs_off_fsid,
	a64_uapi_flock_size, a64_uapi_flock_off_start, a64_uapi_siginfo_size, a64_uapi_epoll_size,
	a64_uapi_epoll_off_data, a64_uapi_rt_sigframe_mask;

#endif
