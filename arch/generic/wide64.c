/*
 * The 64-bit ABIs' calls whose arguments are not one register each.  Only
 * preadv2 and pwritev2: the kernel takes the offset as two halves on every
 * ABI (pos_l, pos_h), and on a 64-bit ABI the high half is unused.
 */
#include <stddef.h>

#include "../abi.h"
#include "generic.h"

const struct abi_wide_call abi_wide_lp64[] = {
	{"preadv2", "01235"},
	{"pwritev2", "01235"},
	{NULL, NULL},
};
