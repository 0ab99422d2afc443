/* Reading a fuzz input: numbers, byte runs and the fake tracee memory they lay out. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

bool fz_show(void)
{
	static int on = -1;

	if (on < 0)
		on = getenv("PTRC_FUZZ_SHOW") != NULL;
	return on;
}

uint8_t fz_u8(struct fz *f)
{
	if (!f->n)
		return 0;
	f->n--;
	return *f->p++;
}

/* Little-endian, whatever the host, so a seed means the same call everywhere. */
static uint64_t fz_le(struct fz *f, unsigned bytes)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < bytes; i++)
		v |= (uint64_t)fz_u8(f) << (8 * i);
	return v;
}

uint16_t fz_u16(struct fz *f)
{
	return (uint16_t)fz_le(f, 2);
}

uint32_t fz_u32(struct fz *f)
{
	return (uint32_t)fz_le(f, 4);
}

uint64_t fz_u64(struct fz *f)
{
	return fz_le(f, 8);
}

const uint8_t *fz_bytes(struct fz *f, size_t want, size_t *got)
{
	const uint8_t *p = f->p;

	*got = want < f->n ? want : f->n;
	f->p += *got;
	f->n -= *got;
	return p;
}

static void add_region(struct tmem_region *r, size_t *n, uint64_t addr, const void *data,
		       size_t len)
{
	r[(*n)++] = (struct tmem_region){addr, data, len};
}

void fz_mem_build(struct fz_mem *m, struct fz *f, const uint64_t anchors[FZ_ANCHORS],
		  uint64_t addr_mask)
{
	size_t ne = 0, nx = 0;

	while (f->n && ne < FZ_MAX_REGIONS && nx < FZ_MAX_REGIONS) {
		uint8_t place = fz_u8(f);
		unsigned which = place & 0x0f;
		enum fz_when when = (enum fz_when)((place >> 4) % 3);
		uint64_t addr = which < FZ_ANCHORS ? anchors[which] : fz_u64(f);
		size_t len;
		const uint8_t *data = fz_bytes(f, fz_u16(f) % (FZ_MAX_REGION + 1), &len);

		addr &= addr_mask;
		/* Real memory does not wrap around the address space; the fake's bounds assume so.
		 */
		if (len > addr_mask - addr)
			len = (size_t)(addr_mask - addr);
		if (when != FZ_EXIT)
			add_region(m->rentry, &ne, addr, data, len);
		if (when != FZ_ENTRY)
			add_region(m->rexit, &nx, addr, data, len);
	}
	tmem_fake_init(&m->fentry, &m->entry, m->rentry, ne);
	tmem_fake_init(&m->fexit, &m->exit, m->rexit, nx);
}

const char *fz_cstr(struct fz *f, struct arena *ar)
{
	size_t n;
	const uint8_t *p = fz_bytes(f, fz_u8(f), &n);

	return arena_strndup(ar, (const char *)p, n);
}

const struct ptrc_abi *fz_abi(struct fz *f)
{
	unsigned pick = fz_u8(f) % ABI_COUNT;

	for (unsigned i = 0; i < ABI_COUNT; i++) {
		const struct ptrc_abi *abi = abi_by_id((enum abi_id)((pick + i) % ABI_COUNT));
		if (abi && abi->systab->len)
			return abi;
	}
	return abi_host();
}

uint64_t fz_sysno(struct fz *f, const struct ptrc_abi *abi)
{
	uint16_t idx = fz_u16(f);
	const struct systab *t = abi->systab;
	unsigned i = idx % (t->len + 1);

	/* Every value is a call; one in len + 1 a number no ABI has (all end below 1000). */
	return i < t->len ? t->entries[i].nr : 1000u + idx / (t->len + 1);
}
