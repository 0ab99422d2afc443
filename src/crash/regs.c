#include <errno.h>
#include <string.h>

#include "arch/abi.h"
#include "arch/regs.h"

const struct ptrc_abi *abi_by_regset_size(size_t regset_size)
{
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		const struct ptrc_abi *abi = abi_by_id((enum abi_id)id);
		if (abi->regs && abi->regs->regset_size == regset_size)
			return abi;
	}
	return NULL;
}

const struct reg_layout *reg_layout_by_size(size_t regset_size)
{
	const struct ptrc_abi *abi = abi_by_regset_size(regset_size);

	return abi ? abi->regs : NULL;
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
