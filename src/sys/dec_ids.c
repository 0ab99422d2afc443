/* System information and credentials. */
#include <limits.h>
#include <stddef.h>
#include <string.h>
#include <sys/sysinfo.h>

#include "../../arch/abi.h"
#include "decoders.h"

/*
 * struct sysinfo: a long, three unsigned longs of loads, six unsigned longs,
 * a u16 procs padded to a word, two unsigned longs and a u32 mem_unit, on
 * every ABI (compat_sysinfo for i386): read word by word.
 */
_Static_assert(offsetof(struct sysinfo, procs) == 10 * sizeof(long) &&
		       offsetof(struct sysinfo, totalhigh) == 11 * sizeof(long) &&
		       offsetof(struct sysinfo, mem_unit) == 13 * sizeof(long),
	       "struct sysinfo is word-based");

void dec_sysinfo(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct val *v = &ev->args[0];
	uint64_t addr = arg_word(d, ev, 0), w[14];
	unsigned ws = d->abi->word_size;

	if (!exiting || !dec_ok(ev))
		return;
	for (unsigned i = 0; i < 14; i++) {
		if (!addr || read_word(d, addr + i * ws, &w[i]) < 0) {
			val_ptr(v, addr);
			return;
		}
	}
	st_init(v, d->ar, 13);
	val_int(st_add(v, d->ar, "uptime"), ws == 4 ? (int32_t)w[0] : (int64_t)w[0]);
	struct val *loads = val_array(st_add(v, d->ar, "loads"), d->ar, 3);
	for (unsigned i = 0; i < 3; i++)
		val_uint(&loads[i], w[1 + i]);
	val_uint(st_add(v, d->ar, "totalram"), w[4]);
	val_uint(st_add(v, d->ar, "freeram"), w[5]);
	val_uint(st_add(v, d->ar, "sharedram"), w[6]);
	val_uint(st_add(v, d->ar, "bufferram"), w[7]);
	val_uint(st_add(v, d->ar, "totalswap"), w[8]);
	val_uint(st_add(v, d->ar, "freeswap"), w[9]);
	val_uint(st_add(v, d->ar, "procs"), (uint16_t)w[10]);
	val_uint(st_add(v, d->ar, "totalhigh"), w[11]);
	val_uint(st_add(v, d->ar, "freehigh"), w[12]);
	val_uint(st_add(v, d->ar, "mem_unit"), (uint32_t)w[13]);
}

/* getresuid([0], [0], [0]) */
/* The legacy calls of an ABI with CONFIG_UID16 (i386's getresuid, not getresuid32). */
static bool ids16(const struct dctx *d, const struct sc_event *ev)
{
	return d->abi->uid16 && ev->ent && (ev->ent->traits & TR_UID16);
}

void dec_getresuid(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting || !dec_ok(ev))
		return;
	for (unsigned i = 0; i < 3; i++) {
		uint32_t id = 0;
		size_t size = ids16(d, ev) ? sizeof(uint16_t) : sizeof(uint32_t);
		/* Little-endian: a 16-bit id lands in id's low half. */
		if (dec_fetch(d, &ev->args[i], arg_word(d, ev, i), &id, size))
			val_uint(val_array(&ev->args[i], d->ar, 1), id);
	}
}

/* Only 32-bit gid_t lists are decoded; the legacy 16-bit ones show as addresses. */
static bool gid32(const struct dctx *d, const struct sc_event *ev)
{
	return !ids16(d, ev);
}

/* The kernel takes at most NGROUPS_MAX; strace shows a longer list as its address. */
static void dec_gid_list(struct dctx *d, struct val *v, uint64_t addr, int64_t n)
{
	struct dec_array a;
	uint32_t id;

	if (n < 0 || n > NGROUPS_MAX || !addr) {
		val_ptr(v, addr);
		return;
	}
	dec_array_start(d, &a, v);
	for (int64_t i = 0; i < n; i++) {
		struct val *it;
		uint64_t at = addr + (uint64_t)i * sizeof(id);
		if (tmem_read(d->mem, at, &id, sizeof(id)) < 0) {
			dec_array_unread(d, &a, (uint64_t)i, at);
			return;
		}
		if (!(it = dec_array_add(d, &a)))
			return;
		val_uint(it, id);
	}
}

void dec_getgroups(struct dctx *d, struct sc_event *ev, bool exiting)
{
	/* With a size of 0 the kernel only counts: nothing was written. */
	if (exiting && dec_ok(ev) && gid32(d, ev))
		dec_gid_list(d, &ev->args[1], arg_word(d, ev, 1), arg_int(ev, 0) ? ev->ret : 0);
}

void dec_setgroups(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting && gid32(d, ev))
		dec_gid_list(d, &ev->args[1], arg_word(d, ev, 1), arg_int(ev, 0));
}
