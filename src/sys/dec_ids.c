/* System information and credentials. */
#include <string.h>
#include <sys/sysinfo.h>

#include "../../arch/abi.h"
#include "decoders.h"

static void add_ulong(struct dctx *d, struct val *st, const char *name, unsigned long x)
{
	val_uint(st_add(st, d->ar, name), x);
}

void dec_sysinfo(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct sysinfo si;
	struct val *v = &ev->args[0];

	if (!exiting || !dec_ok(ev) || d->abi->word_size != 8 ||
	    !dec_fetch(d, v, arg_word(d, ev, 0), &si, sizeof(si)))
		return;
	st_init(v, d->ar, 13);
	val_int(st_add(v, d->ar, "uptime"), si.uptime);
	struct val *loads = val_array(st_add(v, d->ar, "loads"), d->ar, 3);
	for (unsigned i = 0; i < 3; i++)
		val_uint(&loads[i], si.loads[i]);
	add_ulong(d, v, "totalram", si.totalram);
	add_ulong(d, v, "freeram", si.freeram);
	add_ulong(d, v, "sharedram", si.sharedram);
	add_ulong(d, v, "bufferram", si.bufferram);
	add_ulong(d, v, "totalswap", si.totalswap);
	add_ulong(d, v, "freeswap", si.freeswap);
	val_uint(st_add(v, d->ar, "procs"), si.procs);
	add_ulong(d, v, "totalhigh", si.totalhigh);
	add_ulong(d, v, "freehigh", si.freehigh);
	val_uint(st_add(v, d->ar, "mem_unit"), si.mem_unit);
}

/* getresuid([0], [0], [0]) */
void dec_getresuid(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting || !dec_ok(ev))
		return;
	for (unsigned i = 0; i < 3; i++) {
		uint32_t id;
		if (dec_fetch(d, &ev->args[i], arg_word(d, ev, i), &id, sizeof(id)))
			val_uint(val_array(&ev->args[i], d->ar, 1), id);
	}
}

/* The legacy i386 calls use 16-bit ids; only 32-bit gid_t lists are decoded. */
static bool gid32(const struct dctx *d, const struct sc_event *ev)
{
	size_t len = strlen(ev->name);

	return d->abi->word_size == 8 || (len > 2 && !strcmp(ev->name + len - 2, "32"));
}

static void dec_gid_list(struct dctx *d, struct val *v, uint64_t addr, int64_t n)
{
	uint64_t shown = (uint64_t)n < d->opt->strsize ? (uint64_t)n : d->opt->strsize;
	uint32_t id;

	if (n < 0 || n > 65536 || (n && tmem_read(d->mem, addr, &id, sizeof(id)) < 0) || !addr) {
		val_ptr(v, addr);
		return;
	}
	struct val *items = val_array(v, d->ar, (uint32_t)shown);
	if (shown < (uint64_t)n)
		v->flags |= VALF_TRUNC;
	for (uint64_t i = 0; i < shown; i++) {
		if (tmem_read(d->mem, addr + i * sizeof(id), &id, sizeof(id)) < 0)
			id = 0;
		val_uint(&items[i], id);
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
