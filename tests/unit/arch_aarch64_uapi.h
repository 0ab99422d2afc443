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

#endif
