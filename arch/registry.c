#include <stddef.h>

#include "abi.h"

extern const struct ptrc_abi abi_x86_64;
extern const struct ptrc_abi abi_i386;
extern const struct ptrc_abi abi_aarch64;

static const struct ptrc_abi *const abis[ABI_COUNT] = {
	[ABI_X86_64] = &abi_x86_64,
	[ABI_I386] = &abi_i386,
	[ABI_AARCH64] = &abi_aarch64,
};

const struct ptrc_abi *abi_by_audit_arch(uint32_t audit_arch)
{
	for (size_t i = 0; i < ABI_COUNT; i++)
		if (abis[i]->audit_arch == audit_arch)
			return abis[i];
	return NULL;
}

const struct ptrc_abi *abi_by_id(enum abi_id id)
{
	return (unsigned)id < ABI_COUNT ? abis[id] : NULL;
}

const struct ptrc_abi *abi_host(void)
{
	return abis[PTRC_HOST_ABI];
}
