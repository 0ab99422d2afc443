/*
 * What the debug info says of an address, shared by all processes: the
 * source line and the inlined calls of one ELF address of one file.  Finding
 * them loads the file's DWARF, which for libc's separate debug info takes
 * about 50 ms (libdw 0.188 decompresses every .debug_* section when it opens
 * one), and a process's own cache starts empty: `ptrc -f -k` paid it again in
 * every process (20 runs of /bin/true took 1.0 s against strace -k's 0.09 s).
 * Keyed by the file's build ID, so a file without one is not shared; a
 * process copies what it takes into its own cache, so this one may start
 * again at any time.
 */
#include <string.h>

#include "internal.h"

static struct symcache shared;

uint64_t symshare_key(Dwfl_Module *mod, uint64_t vaddr)
{
	const unsigned char *bits;
	GElf_Addr at;
	int len = dwfl_module_build_id(mod, &bits, &at);
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a over the build ID */

	if (len <= 0)
		return 0;
	for (int i = 0; i < len; i++)
		h = (h ^ bits[i]) * 0x100000001b3ULL;
	/* A 64-bit mix of both: two keys of a few thousand addresses do not meet. */
	h ^= vaddr * 0x9e3779b97f4a7c15ULL;
	h ^= h >> 29;
	return h;
}

int symshare_get(struct symcache *c, uint64_t key, struct sym_frame *out, size_t max)
{
	const struct sym_entry *e = symcache_find(&shared, key);

	if (!e || e->n > max)
		return 0;
	memcpy(out, &shared.pool[e->first], e->n * sizeof(*out));
	sym_frames_keep(c, out, e->n);
	return (int)e->n;
}

void symshare_put(uint64_t key, const struct sym_frame *f, size_t n)
{
	struct sym_frame copy[SYM_MAX_INLINE];

	if (n > SYM_MAX_INLINE)
		return;
	symcache_make_room(&shared);
	memcpy(copy, f, n * sizeof(*copy));
	sym_frames_keep(&shared, copy, n);
	symcache_put(&shared, key, copy, n);
}
