/* The unabbreviated (-v) forms of struct stat and struct statx, in strace's field order. */
#include <linux/stat.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "decoders.h"
#include "flags.h"

/* st_atime=1795853886 / * 2026-11-28T08:18:06.183747282+0000 * /, st_atime_nsec=183747282 */
static void stat_time(struct dctx *d, struct val *v, const char *name, const char *nsname,
		      const struct timespec *ts)
{
	struct val *sec = st_add(v, d->ar, name);

	val_int(sec, ts->tv_sec);
	val_with_time(sec, d->ar, ts->tv_sec, (uint64_t)ts->tv_nsec);
	val_uint(st_add(v, d->ar, nsname), (uint64_t)ts->tv_nsec);
}

void dec_stat_verbose(struct dctx *d, struct val *v, const struct stat *st)
{
	st_init(v, d->ar, 15);
	dec_makedev(st_add(v, d->ar, "st_dev"), d->ar, st->st_dev);
	val_uint(st_add(v, d->ar, "st_ino"), st->st_ino);
	dec_mode(st_add(v, d->ar, "st_mode"), d->ar, st->st_mode);
	val_uint(st_add(v, d->ar, "st_nlink"), st->st_nlink);
	val_uint(st_add(v, d->ar, "st_uid"), st->st_uid);
	val_uint(st_add(v, d->ar, "st_gid"), st->st_gid);
	val_int(st_add(v, d->ar, "st_blksize"), st->st_blksize);
	val_int(st_add(v, d->ar, "st_blocks"), st->st_blocks);
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		dec_makedev(st_add(v, d->ar, "st_rdev"), d->ar, st->st_rdev);
	else
		val_int(st_add(v, d->ar, "st_size"), st->st_size);
	stat_time(d, v, "st_atime", "st_atime_nsec", &st->st_atim);
	stat_time(d, v, "st_mtime", "st_mtime_nsec", &st->st_mtim);
	stat_time(d, v, "st_ctime", "st_ctime_nsec", &st->st_ctim);
}

/* stx_atime={tv_sec=..., tv_nsec=...} / * 2026-... * / */
static void statx_time(struct dctx *d, struct val *v, const char *name,
		       const struct statx_timestamp *ts)
{
	struct val *t = st_add(v, d->ar, name);

	val_time(t, d->ar, ts->tv_sec, ts->tv_nsec, "tv_nsec");
	val_with_time(t, d->ar, ts->tv_sec, ts->tv_nsec);
}

void dec_statx_verbose(struct dctx *d, struct val *v, const struct statx *stx)
{
	st_init(v, d->ar, 20);
	val_flags(st_add(v, d->ar, "stx_mask"), stx->stx_mask, &xl_statx_mask);
	val_uint(st_add(v, d->ar, "stx_blksize"), stx->stx_blksize);
	val_flags(st_add(v, d->ar, "stx_attributes"), stx->stx_attributes, &xl_statx_attrs);
	val_uint(st_add(v, d->ar, "stx_nlink"), stx->stx_nlink);
	val_uint(st_add(v, d->ar, "stx_uid"), stx->stx_uid);
	val_uint(st_add(v, d->ar, "stx_gid"), stx->stx_gid);
	dec_mode(st_add(v, d->ar, "stx_mode"), d->ar, stx->stx_mode);
	val_uint(st_add(v, d->ar, "stx_ino"), stx->stx_ino);
	val_uint(st_add(v, d->ar, "stx_size"), stx->stx_size);
	val_uint(st_add(v, d->ar, "stx_blocks"), stx->stx_blocks);
	val_flags(st_add(v, d->ar, "stx_attributes_mask"), stx->stx_attributes_mask,
		  &xl_statx_attrs);
	statx_time(d, v, "stx_atime", &stx->stx_atime);
	if (stx->stx_mask & STATX_BTIME)
		statx_time(d, v, "stx_btime", &stx->stx_btime);
	statx_time(d, v, "stx_ctime", &stx->stx_ctime);
	statx_time(d, v, "stx_mtime", &stx->stx_mtime);
	val_uint(st_add(v, d->ar, "stx_rdev_major"), stx->stx_rdev_major);
	val_uint(st_add(v, d->ar, "stx_rdev_minor"), stx->stx_rdev_minor);
	val_uint(st_add(v, d->ar, "stx_dev_major"), stx->stx_dev_major);
	val_uint(st_add(v, d->ar, "stx_dev_minor"), stx->stx_dev_minor);
	if (stx->stx_mask & STATX_MNT_ID)
		val_hex(st_add(v, d->ar, "stx_mnt_id"), stx->stx_mnt_id);
}
