/* NUMA memory policy: the modes, node masks and flags of set_mempolicy, get_mempolicy, mbind,
 * migrate_pages and move_pages. */
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
XLAT_TABLE_UNKNOWN(xl_get_mempolicy_flags, XLAT_BITS_DFLT, "MPOL_", XLAT(MPOL_F_NODE),
		   XLAT(MPOL_F_ADDR), XLAT(MPOL_F_MEMS_ALLOWED));
XLAT_TABLE_UNKNOWN(xl_mpol_mf_flags, XLAT_BITS_DFLT, "MPOL_", XLAT(MPOL_MF_STRICT),
		   XLAT(MPOL_MF_MOVE), XLAT(MPOL_MF_MOVE_ALL));

/* A mode as strace shows it: MPOL_BIND|MPOL_F_STATIC_NODES; a mode no name has follows its
 * flags in hex (MPOL_F_STATIC_NODES|0x4d), or alone is 0x4d / * MPOL_??? * /. */
static void val_mpol_mode(struct val *v, struct arena *a, uint32_t mode)
{
	uint32_t fl = mode & MPOL_MODE_FLAGS, m = mode & ~(uint32_t)MPOL_MODE_FLAGS;
	bool known = xlat_name(&xl_mpol_modes, m) != NULL;

	if (!fl) {
		val_enum(v, m, &xl_mpol_modes);
		return;
	}
	struct val *items = val_or(v, a, 2);
	if (known) {
		val_enum(&items[0], m, &xl_mpol_modes);
		val_flags(&items[1], fl, &xl_mpol_mode_flags);
	} else {
		val_flags(&items[0], fl, &xl_mpol_mode_flags);
		val_hex(&items[1], m);
	}
}

/*
 * A node mask of maxnode - 1 bits in words of the tracee's, each as strace's %#0*lx of the
 * word's width in hex digits: [0x00000000000003].  maxnode 0 is the empty mask [] whatever
 * the pointer; a mask of no whole word (maxnode 1) or an unreadable first word shows the
 * address, a later unreadable word ends the array with its address.
 */
static void dec_nodemask(struct dctx *d, struct val *v, uint64_t addr, uint64_t maxnode)
{
	unsigned ws = d->abi->word_size, bits = ws * 8;
	uint64_t words = maxnode ? (maxnode - 1) / bits + ((maxnode - 1) % bits != 0) : 0, w;
	struct dec_array a;

	if (!addr || (maxnode && !words)) {
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
		val_hex_width(it, w, ws * 2, true);
	}
}

void dec_get_mempolicy(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t mask = arg_word(d, ev, 1), maxnode = arg_word(d, ev, 2);
	uint32_t mode;

	if (!exiting) {
		val_flags(&ev->args[4], (uint32_t)ev->raw[4], &xl_get_mempolicy_flags);
		if (mask && !maxnode) /* strace's [] of no words, even when the call fails */
			dec_nodemask(d, &ev->args[1], mask, 0);
		return;
	}
	if (!dec_ok(ev))
		return;
	if (dec_fetch(d, &ev->args[0], arg_word(d, ev, 0), &mode, sizeof(mode)))
		val_mpol_mode(val_array(&ev->args[0], d->ar, 1), d->ar, mode);
	dec_nodemask(d, &ev->args[1], mask, maxnode);
}

/* set_mempolicy(mode, nodemask, maxnode) */
void dec_set_mempolicy(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		return;
	val_mpol_mode(&ev->args[0], d->ar, (uint32_t)ev->raw[0]);
	dec_nodemask(d, &ev->args[1], arg_word(d, ev, 1), arg_word(d, ev, 2));
}

/* mbind(addr, len, mode, nodemask, maxnode, flags) */
void dec_mbind(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		return;
	val_mpol_mode(&ev->args[2], d->ar, (uint32_t)ev->raw[2]);
	dec_nodemask(d, &ev->args[3], arg_word(d, ev, 3), arg_word(d, ev, 4));
	val_flags(&ev->args[5], (uint32_t)ev->raw[5], &xl_mpol_mf_flags);
}

/* migrate_pages(pid, maxnode, old_nodes, new_nodes) */
void dec_migrate_pages(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t maxnode = arg_word(d, ev, 1);

	if (exiting)
		return;
	dec_nodemask(d, &ev->args[2], arg_word(d, ev, 2), maxnode);
	dec_nodemask(d, &ev->args[3], arg_word(d, ev, 3), maxnode);
}

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
