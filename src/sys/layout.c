/* Reading a struct in the tracee's ABI layout (layout.h, arch/layout.h). */
#include "layout.h"

#include <errno.h>

#include "../../arch/abi.h"
#include "../../arch/layout.h"

enum { MAX_STRUCT = 256 };

/* Reads size bytes at addr into buf: 0, or -errno (-ENOTSUP when the ABI has no layout). */
static int read_struct(struct dctx *d, uint64_t addr, unsigned size, bool have_hook, void *buf)
{
	if (!have_hook || !size || size > MAX_STRUCT)
		return -ENOTSUP;
	return tmem_read(d->mem, addr, buf, size);
}

int fetch_stat(struct dctx *d, uint64_t addr, enum stat_kind kind, struct stat *out)
{
	const struct abi_layouts *l = d->abi->layouts;
	uint8_t buf[MAX_STRUCT];
	bool is64 = kind == STAT_64;
	int rc = read_struct(d, addr, is64 ? l->stat64_size : l->stat_size, l->stat, buf);

	if (rc == 0)
		l->stat(buf, is64, out);
	return rc;
}

int fetch_statfs(struct dctx *d, uint64_t addr, bool is64, struct statfs *out)
{
	const struct abi_layouts *l = d->abi->layouts;
	uint8_t buf[MAX_STRUCT];
	int rc = read_struct(d, addr, is64 ? l->statfs64_size : l->statfs_size, l->statfs, buf);

	if (rc == 0)
		l->statfs(buf, is64, out);
	return rc;
}

int fetch_flock(struct dctx *d, uint64_t addr, bool is64, struct flock *out)
{
	const struct abi_layouts *l = d->abi->layouts;
	uint8_t buf[MAX_STRUCT];
	int rc = read_struct(d, addr, is64 ? l->flock64_size : l->flock_size, l->flock, buf);

	if (rc == 0)
		l->flock(buf, is64, out);
	return rc;
}

int fetch_siginfo(struct dctx *d, uint64_t addr, siginfo_t *out)
{
	const struct abi_layouts *l = d->abi->layouts;
	uint8_t buf[MAX_STRUCT];
	int rc = read_struct(d, addr, l->siginfo_size, l->siginfo, buf);

	if (rc == 0)
		l->siginfo(buf, out);
	return rc;
}

int fetch_timex(struct dctx *d, uint64_t addr, bool timex64, struct timex *out)
{
	const struct abi_layouts *l = d->abi->layouts;
	uint8_t buf[MAX_STRUCT];
	int rc = read_struct(d, addr, timex64 ? l->timex64_size : l->timex_size, l->timex, buf);

	if (rc == 0)
		l->timex(buf, timex64, out);
	return rc;
}

int fetch_old_sigaction(struct dctx *d, uint64_t addr, uint64_t *handler, uint64_t *flags,
			uint64_t *restorer, uint64_t *mask)
{
	const struct abi_layouts *l = d->abi->layouts;
	uint8_t buf[MAX_STRUCT];
	int rc = read_struct(d, addr, l->old_sigaction_size, l->old_sigaction, buf);

	if (rc == 0)
		l->old_sigaction(buf, handler, flags, restorer, mask);
	return rc;
}
