/* Descriptor control, directories, links and filesystem statistics. */
#include <fcntl.h>
#include <dirent.h>
#include <string.h>
#include <sys/statfs.h>

#include "../../arch/abi.h"
#include "../../arch/layout.h"
#include "layout.h"
#include "decoders.h"
#include "flags.h"

/* statfs(path, buf), fstatfs(fd, buf); statfs64(path, size, buf), fstatfs64(fd, size, buf). */
void dec_statfs(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct statfs sf;
	unsigned i = ev->nargs - 1;
	struct val *v = &ev->args[i];
	uint64_t addr = arg_word(d, ev, i);

	if (!exiting || !dec_ok(ev))
		return;
	if (!addr || fetch_statfs(d, addr, ev->ent->traits & TR_STAT64, &sf) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 11);
	struct val *t = st_add(v, d->ar, "f_type");
	val_enum(t, (uint64_t)sf.f_type, &xl_fs_magic);
	t->flags |= VALF_HEXFLAGS;
	val_int(st_add(v, d->ar, "f_bsize"), sf.f_bsize);
	val_uint(st_add(v, d->ar, "f_blocks"), sf.f_blocks);
	val_uint(st_add(v, d->ar, "f_bfree"), sf.f_bfree);
	val_uint(st_add(v, d->ar, "f_bavail"), sf.f_bavail);
	val_uint(st_add(v, d->ar, "f_files"), sf.f_files);
	val_uint(st_add(v, d->ar, "f_ffree"), sf.f_ffree);
	struct val *fsid = st_add(v, d->ar, "f_fsid");
	st_init(fsid, d->ar, 1);
	struct val *ids = val_array(st_add(fsid, d->ar, "val"), d->ar, 2);
	int fsid_val[2];
	memcpy(fsid_val, &sf.f_fsid, sizeof(fsid_val));
	val_hex(&ids[0], (uint32_t)fsid_val[0]);
	val_hex(&ids[1], (uint32_t)fsid_val[1]);
	val_int(st_add(v, d->ar, "f_namelen"), sf.f_namelen);
	val_int(st_add(v, d->ar, "f_frsize"), sf.f_frsize);
	val_flags(st_add(v, d->ar, "f_flags"), (uint64_t)sf.f_flags, &xl_statfs_flags);
}

void dec_fstatfs(struct dctx *d, struct sc_event *ev, bool exiting)
{
	dec_statfs(d, ev, exiting);
}

/*
 * struct flock: the same field order on every ABI, off_t sized by the ABI;
 * i386's fcntl64 takes a struct flock64 for F_*LK64 and the OFD locks.
 */
static void dec_flock(struct dctx *d, struct val *v, uint64_t addr, bool with_pid, bool is64)
{
	struct flock fl;

	if (!addr || fetch_flock(d, addr, is64, &fl) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 5);
	val_enum(st_add(v, d->ar, "l_type"), (uint16_t)fl.l_type, &xl_lock_types);
	val_enum(st_add(v, d->ar, "l_whence"), (uint16_t)fl.l_whence, &xl_seek_whence);
	val_int(st_add(v, d->ar, "l_start"), fl.l_start);
	val_int(st_add(v, d->ar, "l_len"), fl.l_len);
	if (with_pid)
		val_int(st_add(v, d->ar, "l_pid"), fl.l_pid);
}

/* "= 0x8000 (flags O_RDONLY|O_LARGEFILE)"; 0 stays plain. */
static void flags_note(struct dctx *d, struct sc_event *ev, bool open_flags)
{
	if (ev->is_error || ev->ret == 0)
		return;
	val_hex(&ev->retv, (uint64_t)ev->ret);
	struct val *note = val_note(&ev->retv, d->ar);
	st_init(note, d->ar, 1);
	note->flags |= VALF_BARE | VALF_LABELS;
	struct val *f = st_add(note, d->ar, "flags");
	if (open_flags) {
		dec_open_flags(d, f, (uint64_t)ev->ret);
		f->raw = VAL_RAW_NAMES; /* strace names F_GETFL's flags under -X raw too */
	} else
		val_flags(f, (uint64_t)ev->ret, &xl_fd_flags);
}

/*
 * i386's F_GETLK64, F_SETLK64 and F_SETLKW64: the F_*LK command they stand
 * for, with a struct flock64; -1 for any other command.
 */
static int lk64_cmd(const struct dctx *d, int cmd)
{
	static const int same[] = {F_GETLK, F_SETLK, F_SETLKW};
	const struct xlat *lk64 = d->abi->layouts->fcntl_lk64;

	for (unsigned i = 0; lk64 && i < 3 && i < lk64->n; i++)
		if (lk64->ents[i].val == (uint64_t)(int64_t)cmd)
			return same[i];
	return -1;
}

static void fcntl_entry(struct dctx *d, struct sc_event *ev, int cmd, bool is64)
{
	struct val *v = &ev->args[2];
	uint64_t arg = arg_word(d, ev, 2);

	switch (cmd) {
	case F_SETFD:
		val_flags(v, arg, &xl_fd_flags);
		break;
	case F_SETFL:
		dec_open_flags(d, v, (uint32_t)arg);
		break;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETOWN:
	case F_SETPIPE_SZ:
	case F_SETLEASE:
		val_int(v, arg_int(ev, 2));
		break;
	case F_SETSIG:
		val_sig(v, arg_int(ev, 2));
		break;
	case F_ADD_SEALS:
		val_flags(v, arg, &xl_seals);
		break;
	case F_SETLK:
	case F_SETLKW:
		dec_flock(d, v, arg, false, is64);
		break;
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		dec_flock(d, v, arg, false, true);
		break;
	case F_GETLK:
	case F_OFD_GETLK:
		ev->split = 2;
		break;
	case F_GETFD:
	case F_GETFL:
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
		ev->nargs = ev->split = 2;
		break;
	default:
		break;
	}
}

void dec_fcntl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	int cmd = (int)arg_int(ev, 1), lk = lk64_cmd(d, cmd);
	bool is64 = lk >= 0 || d->abi->word_size == 8;

	if (lk >= 0)
		cmd = lk;
	if (!exiting) {
		if (lk >= 0)
			val_enum(&ev->args[1], (uint32_t)ev->raw[1], d->abi->layouts->fcntl_lk64);
		fcntl_entry(d, ev, cmd, is64);
		return;
	}
	switch (cmd) {
	case F_GETFD:
		flags_note(d, ev, false);
		break;
	case F_GETFL:
		flags_note(d, ev, true);
		break;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (!ev->is_error)
			val_fd(&ev->retv, ev->ret);
		break;
	case F_GETLK:
	case F_OFD_GETLK:
		if (dec_ok(ev))
			dec_flock(d, &ev->args[2], arg_word(d, ev, 2), true,
				  is64 || cmd == F_OFD_GETLK);
		break;
	default:
		break;
	}
}

void dec_getcwd(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		decode_path(d, &ev->args[0], arg_word(d, ev, 0));
}

/* readlink(path, buf, size) and readlinkat(dirfd, path, buf, size). */
void dec_readlink(struct dctx *d, struct sc_event *ev, bool exiting)
{
	unsigned i = ev->nargs - 2;

	if (exiting && dec_ok(ev))
		decode_buf(d, &ev->args[i], arg_word(d, ev, i), (uint64_t)ev->ret);
}

/* listxattr(path, list, size): a size of 0 asks for the length alone, and strace shows the
 * list's address then (getxattr's value it shows as read, whatever the size). */
void dec_listxattr(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && ev->raw[2] == 0)
		val_ptr(&ev->args[1], arg_word(d, ev, 1));
}

XLAT_TABLE(xl_dirent_types, XLAT_ENUM, XLAT(DT_UNKNOWN), XLAT(DT_FIFO), XLAT(DT_CHR), XLAT(DT_DIR),
	   XLAT(DT_BLK), XLAT(DT_REG), XLAT(DT_LNK), XLAT(DT_SOCK), XLAT(DT_WHT));

/* The head of a struct linux_dirent64. */
struct dirent64_head {
	uint64_t ino;
	int64_t off;
	uint16_t reclen;
	uint8_t type;
} __attribute__((packed));

/* The head of the entry at addr; false when it cannot be read or is not one. */
static bool dirent64_head(struct dctx *d, uint64_t addr, struct dirent64_head *e)
{
	return tmem_read(d->mem, addr, e, sizeof(*e)) == 0 && e->reclen > sizeof(*e);
}

/* One struct linux_dirent64 at addr; false when it cannot be read. */
static bool dirent64(struct dctx *d, struct val *v, uint64_t addr, uint16_t *reclen)
{
	struct dirent64_head e;

	if (!dirent64_head(d, addr, &e))
		return false;
	*reclen = e.reclen;
	st_init(v, d->ar, 5);
	val_uint(st_add(v, d->ar, "d_ino"), e.ino);
	val_int(st_add(v, d->ar, "d_off"), e.off);
	val_uint(st_add(v, d->ar, "d_reclen"), e.reclen);
	val_enum(st_add(v, d->ar, "d_type"), e.type, &xl_dirent_types);
	decode_cstr(d, st_add(v, d->ar, "d_name"), addr + sizeof(e), e.reclen - sizeof(e));
	return true;
}

/* -v: getdents64's entries in full, [{d_ino=..., d_name="..."}, ...], when they fill len. */
static bool dirents64_verbose(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	struct dirent64_head e;
	struct dec_array a;
	uint64_t pos = 0;
	uint16_t reclen;

	while (pos < len && dirent64_head(d, addr + pos, &e))
		pos += e.reclen;
	if (pos != len)
		return false;
	dec_array_start(d, &a, v);
	for (pos = 0; pos < len; pos += reclen) {
		struct val *it = dec_array_add(d, &a);
		if (!it)
			break;
		if (!dirent64(d, it, addr + pos, &reclen)) {
			val_unread(it, addr + pos); /* changed since: it ends here */
			break;
		}
	}
	return true;
}

/*
 * Non-verbose strace shows the buffer's address and how many entries it holds.
 * d_reclen follows d_ino and d_off: two longs in dirent, two u64 in dirent64.
 */
static void getdents_common(struct dctx *d, struct sc_event *ev, unsigned reclen_off)
{
	uint64_t addr = arg_word(d, ev, 1);
	uint64_t pos = 0, len = (uint64_t)ev->ret, count = 0;

	if (d->opt->verbose && reclen_off == 16 && dirents64_verbose(d, &ev->args[1], addr, len))
		return;
	while (pos + reclen_off + 2 <= len) {
		uint16_t reclen;
		if (tmem_read(d->mem, addr + pos + reclen_off, &reclen, sizeof(reclen)) < 0)
			return;
		if (!reclen)
			break;
		pos += reclen;
		count++;
	}
	val_ptr(&ev->args[1], addr);
	/* strace's noun does not change for one entry. */
	val_count(val_comment(&ev->args[1], d->ar), count, "entries", "entries");
}

void dec_getdents(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		getdents_common(d, ev, 2 * d->abi->word_size);
}

void dec_getdents64(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		getdents_common(d, ev, 16);
}

/* i386 _llseek(fd, high, low, &result, whence): strace joins the offset. */
void dec_llseek(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t off = (uint64_t)(uint32_t)ev->raw[1] << 32 | (uint32_t)ev->raw[2];

	if (!exiting) {
		val_int(&ev->args[1], (int64_t)off);
		ev->args[2] = ev->args[4];
		ev->nargs = 4;
		ev->split = 2;
		return;
	}
	struct val whence = ev->args[2];
	if (dec_ok(ev)) {
		int64_t res;
		if (dec_fetch(d, &ev->args[2], ev->raw[3], &res, sizeof(res)))
			val_int(val_array(&ev->args[2], d->ar, 1), res);
	} else {
		val_ptr(&ev->args[2], ev->raw[3]);
	}
	ev->args[3] = whence;
}
