/*
 * Structs in the tracee's own layout: the fetchers read one at an address
 * and return it as the host's type, through the ABI's layout hooks
 * (arch/layout.h).  An ABI that has no such struct, or one ptrc does not
 * know, gives -ENOTSUP, and the decoder shows the address.
 */
#ifndef PTRC_SYS_LAYOUT_H
#define PTRC_SYS_LAYOUT_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#include "decode.h"

struct flock;

/* Which struct stat a call writes. */
enum stat_kind {
	STAT_NATIVE, /* the ABI's struct stat (stat, fstat, newfstatat ...) */
	STAT_64,     /* struct stat64 (stat64, fstat64, fstatat64) */
};

/* 0, or -errno when the tracee's struct cannot be read (-ENOTSUP: no layout). */
int fetch_stat(struct dctx *d, uint64_t addr, enum stat_kind kind, struct stat *out);
int fetch_statfs(struct dctx *d, uint64_t addr, bool is64, struct statfs *out);
/* struct flock (is64 false) or struct flock64, as a host struct flock. */
int fetch_flock(struct dctx *d, uint64_t addr, bool is64, struct flock *out);
int fetch_siginfo(struct dctx *d, uint64_t addr, siginfo_t *out);
/* struct timex, or (timex64) the kernel's 64-bit struct __kernel_timex, as a host struct timex;
 * a 32-bit ABI's tv_usec is its unsigned 32 bits. */
struct timex;
int fetch_timex(struct dctx *d, uint64_t addr, bool timex64, struct timex *out);
/* sigaction(2)'s struct old_sigaction: its fields, the mask as one word. */
int fetch_old_sigaction(struct dctx *d, uint64_t addr, uint64_t *handler, uint64_t *flags,
			uint64_t *restorer, uint64_t *mask);

#endif
