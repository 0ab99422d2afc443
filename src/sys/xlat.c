#include "xlat.h"

#include <stddef.h>

const char *xlat_name(const struct xlat *x, uint64_t val)
{
	for (unsigned i = 0; i < x->n; i++)
		if (x->ents[i].val == val)
			return x->ents[i].name;
	return NULL;
}

bool xlat_names_any(const struct xlat *x, uint64_t bits)
{
	if (bits == 0)
		return xlat_name(x, 0) != NULL;
	for (unsigned i = 0; i < x->n; i++)
		if (x->ents[i].val && (bits & x->ents[i].val) == x->ents[i].val)
			return true;
	return false;
}
