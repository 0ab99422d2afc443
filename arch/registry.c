#include <stddef.h>

#include "abi.h"

#define ABI(name, NAME) extern const struct ptrc_abi abi_##name;
#include "abis.def"
#undef ABI

static const struct ptrc_abi *const abis[ABI_COUNT] = {
#define ABI(name, NAME) [ABI_##NAME] = &abi_##name,
#include "abis.def"
#undef ABI
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

const struct ptrc_abi *abi_by_elf(uint16_t machine, uint8_t elf_class)
{
	for (size_t i = 0; i < ABI_COUNT; i++)
		if (abis[i]->elf_machine == machine && abis[i]->elf_class == elf_class)
			return abis[i];
	return NULL;
}
