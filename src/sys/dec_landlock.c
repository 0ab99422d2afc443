/*
 * Landlock as strace 6.1 prints it: landlock_create_ruleset's struct landlock_ruleset_attr
 * (of the size the call gives) and landlock_add_rule's struct landlock_path_beneath_attr.
 */
#include <linux/landlock.h>
#include <stdint.h>
#include <string.h>

#include "decoders.h"
#include "flags.h"

/* {handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|...}; NULL (the version query), or a size
 * too small for the field: the address. */
void dec_landlock_create_ruleset(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct landlock_ruleset_attr attr;
	uint64_t addr = arg_word(d, ev, 0), size = arg_word(d, ev, 1);
	struct val *v = &ev->args[0];

	if (exiting || size < sizeof(attr.handled_access_fs) ||
	    !dec_fetch(d, v, addr, &attr.handled_access_fs, sizeof(attr.handled_access_fs)))
		return;
	st_init(v, d->ar, 1);
	val_flags(st_add(v, d->ar, "handled_access_fs"), attr.handled_access_fs,
		  &xl_landlock_access_fs);
}

/* {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE, parent_fd=3} for LANDLOCK_RULE_PATH_BENEATH;
 * another rule type's attribute is its address. */
void dec_landlock_add_rule(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct landlock_path_beneath_attr pb;
	uint64_t addr = arg_word(d, ev, 2);
	struct val *v = &ev->args[2];

	if (exiting || (uint32_t)ev->raw[1] != LANDLOCK_RULE_PATH_BENEATH ||
	    !dec_fetch(d, v, addr, &pb, sizeof(pb)))
		return;
	st_init(v, d->ar, 2);
	val_flags(st_add(v, d->ar, "allowed_access"), pb.allowed_access, &xl_landlock_access_fs);
	val_fd(st_add(v, d->ar, "parent_fd"), pb.parent_fd);
}
