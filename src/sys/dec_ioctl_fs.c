/*
 * ioctl arguments of files (<linux/fs.h>, <linux/fiemap.h>), as strace 6.1
 * shows them: an inode's flags ([FS_APPEND_FL]) and FS_IOC_FIEMAP's struct
 * fiemap, what the call asks for at entry and, after " => ", what the kernel
 * mapped (its extents with -v).  struct fiemap has the same layout on every
 * ABI (fixed-width fields only).
 */
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <stddef.h>
#include <stdint.h>

#include "decoders.h"
#include "flags.h"

/* An inode's flags: an int, whatever the request's size says (FS_IOC_GETFLAGS's is a long). */
static void fs_flags(struct dctx *d, struct val *v, uint64_t arg)
{
	uint32_t x;

	if (dec_fetch(d, v, arg, &x, sizeof(x)))
		val_flags(val_array(v, d->ar, 1), x, &xl_fs_inode_flags);
}

static void fiemap_in(struct dctx *d, struct val *v, uint64_t arg)
{
	struct fiemap fm;

	if (!dec_fetch(d, v, arg, &fm, sizeof(fm)))
		return;
	st_init(v, d->ar, 4);
	val_uint(st_add(v, d->ar, "fm_start"), fm.fm_start);
	val_uint(st_add(v, d->ar, "fm_length"), fm.fm_length);
	val_flags(st_add(v, d->ar, "fm_flags"), fm.fm_flags, &xl_fiemap_flags);
	val_uint(st_add(v, d->ar, "fm_extent_count"), fm.fm_extent_count);
}

static void fiemap_extent(struct dctx *d, struct val *v, const struct fiemap_extent *e)
{
	st_init(v, d->ar, 4);
	val_uint(st_add(v, d->ar, "fe_logical"), e->fe_logical);
	val_uint(st_add(v, d->ar, "fe_physical"), e->fe_physical);
	val_uint(st_add(v, d->ar, "fe_length"), e->fe_length);
	val_flags(st_add(v, d->ar, "fe_flags"), e->fe_flags, &xl_fiemap_extent_flags);
}

/* fm_mapped_extents extents after the struct, read one by one. */
static void fiemap_extents(struct dctx *d, struct val *v, uint64_t arg, uint32_t n)
{
	struct dec_array a;
	uint64_t at = arg + sizeof(struct fiemap);

	dec_array_start(d, &a, v);
	for (uint32_t i = 0; i < n; i++, at += sizeof(struct fiemap_extent)) {
		struct fiemap_extent e;
		if (tmem_read(d->mem, at, &e, sizeof(e)) < 0) {
			dec_array_unread(d, &a, i, at);
			return;
		}
		struct val *it = dec_array_add(d, &a);
		if (!it)
			return;
		fiemap_extent(d, it, &e);
	}
}

static void fiemap_out(struct dctx *d, struct val *v, uint64_t arg)
{
	struct fiemap fm;
	struct val before = *v, after;

	if (v->kind != VAL_STRUCT) /* NULL or unreadable at entry: that address alone */
		return;
	if (!dec_fetch(d, &after, arg, &fm, sizeof(fm))) {
		val_change(v, d->ar, &before, &after);
		return;
	}
	st_init(&after, d->ar, 3);
	val_flags(st_add(&after, d->ar, "fm_flags"), fm.fm_flags, &xl_fiemap_flags);
	val_uint(st_add(&after, d->ar, "fm_mapped_extents"), fm.fm_mapped_extents);
	if (d->opt->verbose)
		fiemap_extents(d, st_add(&after, d->ar, "fm_extents"), arg, fm.fm_mapped_extents);
	else
		after.flags |= VALF_ABBREV;
	val_change(v, d->ar, &before, &after);
}

const struct ioctl_dec ioctl_fs_decs[] = {
	{FS_IOC_GETFLAGS, NULL, fs_flags},	{FS_IOC32_GETFLAGS, NULL, fs_flags},
	{FS_IOC_SETFLAGS, fs_flags, NULL},	{FS_IOC32_SETFLAGS, fs_flags, NULL},
	{FS_IOC_FIEMAP, fiemap_in, fiemap_out},
};
const unsigned ioctl_fs_ndecs = sizeof(ioctl_fs_decs) / sizeof(ioctl_fs_decs[0]);
