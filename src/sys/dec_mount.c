/*
 * The new mount API as strace 6.1 prints it: fsconfig's key and value as its command takes
 * them, and mount_setattr's struct mount_attr.  The other calls' flags are plain tables
 * (syscalls.def).
 */
#include <fcntl.h>
#include <linux/mount.h>
#include <stdint.h>
#include <string.h>

#include "decoders.h"
#include "flags.h"

/*
 * fsconfig(fd, cmd, key, value, aux): a flag has a key and no value, a string a string, a
 * binary blob aux bytes (in hex), a path a path at the dirfd aux, an fd the fd aux; the
 * commands take neither.  A command no name has shows both as addresses.
 */
void dec_fsconfig(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint32_t cmd = (uint32_t)ev->raw[1];
	uint64_t key = arg_word(d, ev, 2), value = arg_word(d, ev, 3);
	int aux = (int)arg_int(ev, 4);

	if (exiting)
		return;
	if (cmd > FSCONFIG_SET_FD)
		val_ptr(&ev->args[2], key);
	switch (cmd) {
	case FSCONFIG_SET_STRING:
		decode_cstr(d, &ev->args[3], value, d->opt->strsize);
		break;
	case FSCONFIG_SET_BINARY:
		decode_buf(d, &ev->args[3], value, (uint32_t)aux);
		if (ev->args[3].kind == VAL_STR)
			ev->args[3].flags |= VALF_HEXSTR;
		break;
	case FSCONFIG_SET_PATH:
	case FSCONFIG_SET_PATH_EMPTY:
		decode_path(d, &ev->args[3], value);
		val_fd(&ev->args[4], aux);
		ev->args[4].flags |= VALF_DIRFD;
		break;
	case FSCONFIG_SET_FD:
		val_fd(&ev->args[4], aux);
		break;
	default:
		break;
	}
}

/* {attr_set=MOUNT_ATTR_RDONLY, attr_clr=..., propagation=MS_PRIVATE, userns_fd=0}. */
void dec_mount_setattr(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct mount_attr ma;
	uint64_t addr = arg_word(d, ev, 3), size = arg_word(d, ev, 4);
	struct val *v = &ev->args[3];

	if (exiting || size < sizeof(ma) || !dec_fetch(d, v, addr, &ma, sizeof(ma)))
		return;
	st_init(v, d->ar, 4);
	val_flags(st_add(v, d->ar, "attr_set"), ma.attr_set, &xl_mount_attr_flags);
	val_flags(st_add(v, d->ar, "attr_clr"), ma.attr_clr, &xl_mount_attr_flags);
	val_enum(st_add(v, d->ar, "propagation"), ma.propagation, &xl_mount_propagation);
	val_uint(st_add(v, d->ar, "userns_fd"), ma.userns_fd);
}
