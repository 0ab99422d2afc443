/* Files: open, stat, fcntl, links and directories. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

/* Struct layouts below are the 64-bit ones; i386 gets addresses for now. */
static bool abi64(const struct dctx *d)
{
	return d->abi->word_size == 8;
}

void dec_open_flags(struct dctx *d, struct val *v, uint64_t flags)
{
	uint64_t rest = flags & ~(uint64_t)O_ACCMODE;
	struct val *items = val_or(v, d->ar, rest ? 2 : 1);

	val_enum(&items[0], flags & O_ACCMODE, &xl_open_accmode);
	if (rest)
		val_flags(&items[1], rest, &xl_open_flags);
}

/* The mode argument exists only when the flags create a file. */
static void open_common(struct dctx *d, struct sc_event *ev, unsigned flags_arg)
{
	uint64_t flags = (uint32_t)ev->raw[flags_arg];

	dec_open_flags(d, &ev->args[flags_arg], flags);
	if (!(flags & O_CREAT) && (flags & O_TMPFILE) != O_TMPFILE)
		ev->nargs = ev->split = (uint8_t)(flags_arg + 1);
}

void dec_open(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		open_common(d, ev, 1);
}

void dec_openat(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		open_common(d, ev, 2);
}

void dec_open_by_handle_at(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_open_flags(d, &ev->args[2], (uint32_t)ev->raw[2]);
}

/* struct open_how: three u64 fields on every ABI. */
void dec_openat2(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t how[3];
	struct val *v = &ev->args[2];

	if (exiting)
		return;
	if (ev->raw[3] < sizeof(how) || !dec_fetch(d, v, ev->raw[2], how, sizeof(how)))
		return;
	st_init(v, d->ar, 3);
	dec_open_flags(d, st_add(v, d->ar, "flags"), how[0]);
	val_oct(st_add(v, d->ar, "mode"), how[1]);
	val_hex(st_add(v, d->ar, "resolve"), how[2]);
}

void dec_mode(struct val *v, struct arena *a, uint32_t mode)
{
	uint32_t special = mode & (S_ISUID | S_ISGID | S_ISVTX);
	struct val *items = val_or(v, a, special ? 3 : 2);

	val_enum(&items[0], mode & S_IFMT, &xl_file_types);
	items[0].flags |= VALF_HEXFLAGS;
	if (special)
		val_flags(&items[1], special, &xl_mode_bits);
	val_oct(&items[special ? 2 : 1], mode & 0777);
}

void dec_makedev(struct val *v, struct arena *a, uint64_t dev)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "makedev(%#x, %#x)", major(dev), minor(dev));
	val_expr(v, arena_strndup(a, buf, strlen(buf)));
}

/* strace's abbreviated stat: the type and, for devices, the device number. */
static void stat_abbrev(struct dctx *d, struct val *v, uint32_t mode, uint64_t rdev, int64_t size)
{
	st_init(v, d->ar, 2);
	v->flags |= VALF_ABBREV;
	dec_mode(st_add(v, d->ar, "st_mode"), d->ar, mode);
	if (S_ISCHR(mode) || S_ISBLK(mode))
		dec_makedev(st_add(v, d->ar, "st_rdev"), d->ar, rdev);
	else
		val_int(st_add(v, d->ar, "st_size"), size);
}

static void stat_at(struct dctx *d, struct sc_event *ev, unsigned i)
{
	struct stat st;
	struct val *v = &ev->args[i];

	if (!dec_ok(ev) || !abi64(d))
		return;
	if (!dec_fetch(d, v, ev->raw[i], &st, sizeof(st)))
		return;
	if (d->opt->verbose)
		dec_stat_verbose(d, v, &st);
	else
		stat_abbrev(d, v, st.st_mode, st.st_rdev, st.st_size);
}

void dec_stat(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		stat_at(d, ev, 1);
}

void dec_fstat(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		stat_at(d, ev, 1);
}

void dec_newfstatat(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		stat_at(d, ev, 2);
}

/* statx flags: the sync type first (named even when 0), then the AT_ flags. */
static void statx_flags(struct dctx *d, struct val *v, uint32_t flags)
{
	uint32_t rest = flags & ~(uint32_t)AT_STATX_SYNC_TYPE;
	struct val *items = val_or(v, d->ar, rest ? 2 : 1);

	val_flags(&items[0], flags & AT_STATX_SYNC_TYPE, &xl_statx_sync);
	if (rest)
		val_flags(&items[1], rest, &xl_at_flags);
}

void dec_statx(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct statx stx;
	struct val *v = &ev->args[4];

	if (!exiting) {
		statx_flags(d, &ev->args[2], (uint32_t)ev->raw[2]);
		return;
	}
	if (!dec_ok(ev) || !dec_fetch(d, v, ev->raw[4], &stx, sizeof(stx)))
		return;
	if (d->opt->verbose) {
		dec_statx_verbose(d, v, &stx);
		return;
	}
	st_init(v, d->ar, 5);
	v->flags |= VALF_ABBREV;
	val_flags(st_add(v, d->ar, "stx_mask"), stx.stx_mask, &xl_statx_mask);
	val_flags(st_add(v, d->ar, "stx_attributes"), stx.stx_attributes, &xl_statx_attrs);
	dec_mode(st_add(v, d->ar, "stx_mode"), d->ar, stx.stx_mode);
	if (S_ISCHR(stx.stx_mode) || S_ISBLK(stx.stx_mode))
		dec_makedev(st_add(v, d->ar, "stx_rdev"), d->ar,
			    makedev(stx.stx_rdev_major, stx.stx_rdev_minor));
	else
		val_uint(st_add(v, d->ar, "stx_size"), stx.stx_size);
}
