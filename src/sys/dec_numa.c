/* NUMA memory policy: get_mempolicy's mode and node mask. */
#include <inttypes.h>
#include <linux/mempolicy.h>
#include <stdio.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "xlat.h"

XLAT_TABLE(xl_mpol_modes, XLAT_ENUM, XLAT(MPOL_DEFAULT), XLAT(MPOL_PREFERRED), XLAT(MPOL_BIND),
	   XLAT(MPOL_INTERLEAVE), XLAT(MPOL_LOCAL), XLAT(MPOL_PREFERRED_MANY));
XLAT_TABLE(xl_mpol_mode_flags, XLAT_BITS, XLAT(MPOL_F_STATIC_NODES), XLAT(MPOL_F_RELATIVE_NODES),
	   XLAT(MPOL_F_NUMA_BALANCING));
XLAT_TABLE(xl_get_mempolicy_flags, XLAT_BITS, XLAT(MPOL_F_NODE), XLAT(MPOL_F_ADDR),
	   XLAT(MPOL_F_MEMS_ALLOWED));

/* A mode: MPOL_BIND, with its optional flags after a '|'. */
static void val_mpol_mode(struct val *v, struct arena *a, uint32_t mode)
{
	uint32_t fl = mode & MPOL_MODE_FLAGS;
	struct val *items = val_or(v, a, fl ? 2 : 1);

	val_enum(&items[0], mode & ~(uint32_t)MPOL_MODE_FLAGS, &xl_mpol_modes);
	if (fl)
		val_flags(&items[1], fl, &xl_mpol_mode_flags);
}

/* maxnode - 1 bits, as strace prints them: [0000000000000001, ...] words. */
static void dec_nodemask(struct dctx *d, struct val *v, uint64_t addr, uint64_t maxnode)
{
	unsigned ws = d->abi->word_size, bits = ws * 8;
	uint64_t words = maxnode ? (maxnode - 1 + bits - 1) / bits : 0, w;
	struct dec_array a;

	if (!addr || !words || words > 4096) {
		val_ptr(v, addr);
		return;
	}
	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i < words; i++) {
		struct val *it;
		if (read_word(d, addr + i * ws, &w) < 0) {
			dec_array_unread(d, &a, i, addr + i * ws);
			return;
		}
		if (!(it = dec_array_add(d, &a)))
			return;
		val_hex_width(it, w, ws * 2, false);
	}
}

void dec_get_mempolicy(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint32_t mode;

	if (!exiting) {
		val_flags(&ev->args[4], (uint32_t)ev->raw[4], &xl_get_mempolicy_flags);
		return;
	}
	if (!dec_ok(ev))
		return;
	if (dec_fetch(d, &ev->args[0], arg_word(d, ev, 0), &mode, sizeof(mode)))
		val_mpol_mode(val_array(&ev->args[0], d->ar, 1), d->ar, mode);
	dec_nodemask(d, &ev->args[1], arg_word(d, ev, 1), arg_word(d, ev, 2));
}

XLAT_TABLE(xl_mpol_mf_flags, XLAT_BITS, XLAT(MPOL_MF_STRICT), XLAT(MPOL_MF_MOVE),
	   XLAT(MPOL_MF_MOVE_ALL));

enum numa_elem { NUMA_PAGE, NUMA_NODE, NUMA_STATUS };

/* move_pages' arrays of n elements: page addresses (words), node numbers, statuses (ints,
 * an errno when negative). */
static void dec_numa_array(struct dctx *d, struct val *v, uint64_t addr, uint64_t n,
			   enum numa_elem kind)
{
	unsigned sz = kind == NUMA_PAGE ? d->abi->word_size : 4;
	struct dec_array a;

	if (!addr) {
		val_ptr(v, addr);
		return;
	}
	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i < n; i++) {
		uint64_t w = 0;
		struct val *it;
		if (tmem_read(d->mem, addr + i * sz, &w, sz) < 0) {
			dec_array_unread(d, &a, i, addr + i * sz);
			return;
		}
		if (!(it = dec_array_add(d, &a)))
			return;
		if (kind == NUMA_PAGE)
			val_ptr(it, w);
		else if (kind == NUMA_NODE)
			val_int(it, (int32_t)w);
		else
			val_errno(it, (int32_t)w);
	}
}

/* move_pages(pid, count, pages, nodes, status, flags): status is written at exit. */
void dec_move_pages(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t n = arg_word(d, ev, 1);

	if (exiting) {
		if (dec_ok(ev))
			dec_numa_array(d, &ev->args[4], arg_word(d, ev, 4), n, NUMA_STATUS);
		return;
	}
	dec_numa_array(d, &ev->args[2], arg_word(d, ev, 2), n, NUMA_PAGE);
	dec_numa_array(d, &ev->args[3], arg_word(d, ev, 3), n, NUMA_NODE);
	val_flags(&ev->args[5], (uint32_t)ev->raw[5], &xl_mpol_mf_flags);
}
