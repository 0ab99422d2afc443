/* Memory mapping calls. */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "decoders.h"
#include "flags.h"

/* MAP_PRIVATE|MAP_ANONYMOUS: the mapping type, then the other bits. */
static void dec_map_flags(struct dctx *d, struct val *v, uint64_t flags)
{
	uint64_t rest = flags & ~(uint64_t)MAP_TYPE;
	struct val *items = val_or(v, d->ar, rest ? 2 : 1);

	val_enum(&items[0], flags & MAP_TYPE, &xl_map_type);
	items[0].flags |= VALF_HEXFLAGS;
	if (rest)
		val_flags(&items[1], rest, &xl_map_flags);
}

void dec_mmap(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_map_flags(d, &ev->args[3], (uint32_t)ev->raw[3]);
}

/* mmap2 counts the offset in pages; strace shows bytes. */
void dec_mmap2(struct dctx *d, struct sc_event *ev, bool exiting)
{
	dec_mmap(d, ev, exiting);
	if (!exiting)
		val_hex(&ev->args[5], arg_word(d, ev, 5) * (uint64_t)getpagesize());
}

void dec_mremap(struct dctx *d, struct sc_event *ev, bool exiting)
{
	(void)d;
	if (!exiting && !(ev->raw[3] & MREMAP_FIXED))
		ev->nargs = ev->split = 4;
}
