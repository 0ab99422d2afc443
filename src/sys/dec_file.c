#include <fcntl.h>

#include "decoders.h"
#include "flags.h"

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
