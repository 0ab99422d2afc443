/*
 * Name tables for flag bits and enumerations.  Only names are written here;
 * every value comes from the system headers through XLAT(MACRO).
 */
#ifndef PTRC_SYS_XLAT_H
#define PTRC_SYS_XLAT_H

#include <stdint.h>

struct xlat_ent {
	uint64_t val;
	const char *name;
};

enum xlat_type {
	XLAT_BITS, /* OR of names; leftovers in hex; a 0-valued entry names 0 */
	XLAT_ENUM, /* exactly one value */
};

struct xlat {
	const struct xlat_ent *ents;
	unsigned n;
	uint8_t type;
};

#define XLAT(m)                                                                                    \
	{                                                                                          \
		(uint64_t)(m), #m                                                                  \
	}
#define XLAT_PAIR(v, s)                                                                            \
	{                                                                                          \
		(uint64_t)(v), s                                                                   \
	}
#define XLAT_TABLE(id, kind, ...)                                                                  \
	static const struct xlat_ent id##_ents[] = {__VA_ARGS__};                                  \
	const struct xlat id = {id##_ents, sizeof(id##_ents) / sizeof(id##_ents[0]), kind}

/* Returns the entry's name for an exact value, or NULL. */
const char *xlat_name(const struct xlat *x, uint64_t val);

#endif
