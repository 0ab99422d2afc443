#include <errno.h>
#include <string.h>

#include "regs.h"

const struct reg_layout *reg_layout_by_size(size_t regset_size)
{
	static const struct reg_layout *const all[] = {&reg_layout_x86_64, &reg_layout_i386,
						       &reg_layout_aarch64};

	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (all[i]->regset_size == regset_size)
			return all[i];
	return NULL;
}

int regs_parse(const struct reg_layout *l, const void *buf, size_t len, uint64_t *vals)
{
	const unsigned char *p = buf;

	for (size_t i = 0; i < l->nregs; i++) {
		const struct reg_desc *d = &l->regs[i];
		if ((size_t)d->offset + d->size > len)
			return -EINVAL;
		if (d->size == 8) {
			uint64_t v;
			memcpy(&v, p + d->offset, 8);
			vals[i] = v;
		} else {
			uint32_t v;
			memcpy(&v, p + d->offset, 4);
			vals[i] = v;
		}
	}
	return 0;
}
