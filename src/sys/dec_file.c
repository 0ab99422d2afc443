/* Files: open, stat, fcntl, links and directories. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "../../arch/abi.h"
#include "layout.h"
#include "decoders.h"
#include "flags.h"

/* One of utimes' or utimensat's two times, with its date where the fraction is valid. */
static void utime_item(struct dctx *d, struct val *v, int64_t sec, uint64_t sub, bool usec)
{
	val_time(v, d->ar, sec, sub, usec ? "tv_usec" : "tv_nsec");
	if (!usec && (sub == UTIME_NOW || sub == UTIME_OMIT)) {
		val_enum(val_comment(v, d->ar), (uint64_t)sub, &xl_utime_nsec);
		v->raw = VAL_RAW_STANDIN;
	} else if (sub < (usec ? 1000000 : 1000000000)) {
		struct val *c = val_comment(v, d->ar);
		if (usec)
			val_date_usec(c, sec, (uint32_t)sub);
		else
			val_date(c, sec, (uint32_t)sub);
	}
}

/* [{tv_sec=..., tv_nsec=...} / * date * /, UTIME_OMIT]: the two times, read at once. */
static void dec_utimes_pair(struct dctx *d, struct val *v, uint64_t addr, bool usec)
{
	int64_t t[4];

	if (dec_time_size(d) == 4) {
		int32_t w[4];
		if (!dec_fetch(d, v, addr, w, sizeof(w)))
			return;
		for (unsigned i = 0; i < 4; i++) /* tv_sec signed, tv_nsec unsigned */
			t[i] = i % 2 ? (int64_t)(uint32_t)w[i] : w[i];
	} else if (!dec_fetch(d, v, addr, t, sizeof(t))) {
		return;
	}
	struct val *items = val_array(v, d->ar, 2);
	utime_item(d, &items[0], t[0], (uint64_t)t[1], usec);
	utime_item(d, &items[1], t[2], (uint64_t)t[3], usec);
}

/* utimensat(dirfd, path, times, flags): times is NULL (now) or two timespecs. */
void dec_utimensat(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_utimes_pair(d, &ev->args[2], arg_word(d, ev, 2), false);
}

/* utimes(path, times), futimesat(dirfd, path, times): two timevals, the last argument. */
void dec_utimes(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_utimes_pair(d, &ev->args[ev->nargs - 1], arg_word(d, ev, ev->nargs - 1), true);
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
static void open_common(struct sc_event *ev, unsigned flags_arg)
{
	uint64_t flags = (uint32_t)ev->raw[flags_arg];

	if (!(flags & O_CREAT) && (flags & O_TMPFILE) != O_TMPFILE)
		ev->nargs = ev->split = (uint8_t)(flags_arg + 1);
}

void dec_open(struct dctx *d, struct sc_event *ev, bool exiting)
{
	(void)d;
	if (!exiting)
		open_common(ev, 1);
}

void dec_openat(struct dctx *d, struct sc_event *ev, bool exiting)
{
	(void)d;
	if (!exiting)
		open_common(ev, 2);
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

	v->raw = VAL_RAW_OCTAL; /* -X raw: st_mode=0100644, as strace prints it */
	val_enum(&items[0], mode & S_IFMT, &xl_file_types);
	items[0].flags |= VALF_HEXFLAGS;
	if (special)
		val_flags(&items[1], special, &xl_mode_bits);
	val_oct(&items[special ? 2 : 1], mode & 0777);
}

void dec_makedev(struct val *v, struct arena *a, uint64_t dev)
{
	val_call(v, a, "makedev", 2);
	val_hex(val_field(v, a, 0, "major"), major(dev));
	val_hex(val_field(v, a, 1, "minor"), minor(dev));
	v->fields[0].v->flags |= VALF_NUM;
	v->fields[1].v->flags |= VALF_NUM;
	/* -X raw: st_rdev=0x103, the number the kernel wrote */
	v->raw = VAL_RAW_NUMBER;
	v->call.num = dev;
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

/* stat64, lstat64, fstat64 and fstatat64 write a struct stat64. */
static enum stat_kind stat_kind_of(const struct sc_event *ev)
{
	return ev->ent && (ev->ent->traits & TR_STAT64) ? STAT_64 : STAT_NATIVE;
}

static void stat_at(struct dctx *d, struct sc_event *ev, unsigned i)
{
	struct stat st;
	struct val *v = &ev->args[i];
	uint64_t addr = arg_word(d, ev, i);

	if (!dec_ok(ev))
		return;
	if (!addr || fetch_stat(d, addr, stat_kind_of(ev), &st) < 0) {
		val_ptr(v, addr);
		return;
	}
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
	/* Unlike stat's, strace's abbreviated statx shows the size even for devices. */
	val_uint(st_add(v, d->ar, "stx_size"), stx.stx_size);
}
