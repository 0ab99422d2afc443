/*
 * The register sets ptrace copies, as strace 6.1 prints them: {r15=0x..., ...,
 * st_space=[0, ...]} from the ABI's description (arch/regset.h).  A length
 * that is not whole words is no set (its address shows); a shorter one shows
 * the fields wholly inside it, and a longer one ends the set with "...".
 */

#include "../../arch/abi.h"
#include "decoders.h"
#include "mem/tmem.h"

/* An array field of the items wholly inside the avail bytes at p; -s cuts it as any. */
static void regset_array(struct dctx *d, struct val *v, const uint8_t *p, uint32_t avail,
			 const struct regset_field *f)
{
	struct dec_array arr;
	uint32_t n = avail / f->size;

	dec_array_start(d, &arr, v);
	for (uint32_t i = 0; i < n && i < f->count; i++) {
		struct val *it = dec_array_add(d, &arr);
		if (!it)
			break;
		val_hex(it, dec_uint_at(p + i * f->size, f->size));
	}
}

const struct regset *dec_regset_of(const struct dctx *d, unsigned kind)
{
	return d->abi && kind < REGSET_KINDS ? d->abi->regsets[kind] : NULL;
}

void dec_regset(struct dctx *d, struct val *v, uint64_t addr, uint64_t len, const struct regset *rs)
{
	uint8_t buf[1024];

	if (!rs || !len || len % rs->word || rs->size > sizeof(buf)) {
		val_ptr(v, addr);
		return;
	}
	uint32_t n = len < rs->size ? (uint32_t)len : rs->size;
	if (!dec_fetch(d, v, addr, buf, n))
		return;
	st_init(v, d->ar, rs->nfields);
	uint32_t off = 0;
	for (unsigned i = 0; i < rs->nfields && off < n; i++) {
		const struct regset_field *f = &rs->fields[i];
		uint32_t bytes = (uint32_t)f->size * f->count;
		if (f->count == 1 && off + bytes <= n)
			val_hex(st_add(v, d->ar, f->name), dec_uint_at(buf + off, f->size));
		else if (f->count > 1 && off + f->size <= n)
			regset_array(d, st_add(v, d->ar, f->name), buf + off, n - off, f);
		off += bytes;
	}
	if (len > rs->size)
		v->flags |= VALF_ABBREV;
}

void dec_user_offset(struct dctx *d, struct val *v, uint64_t off)
{
	const struct user_area *ua = d->abi ? d->abi->user_area : NULL;
	const struct user_area_field *in = NULL;

	for (unsigned i = 0; ua && i < ua->n && ua->fields[i].off <= off; i++)
		in = &ua->fields[i];
	if (!in || (in->form == USEROFF_END && off > in->off))
		val_ptr(v, off); /* as strace shows the address it does not name */
	else
		val_useroff(v, off, in->form, in->name, in->off, in->word);
}
