/*
 * Name tables for flag bits and enumerations.  Only names are written here;
 * every value comes from the system headers through XLAT(MACRO).
 */
#ifndef PTRC_SYS_XLAT_H
#define PTRC_SYS_XLAT_H

#include <stddef.h>
#include <stdint.h>

struct xlat_ent {
	uint64_t val;
	const char *name;
};

enum xlat_type {
	XLAT_BITS, /* OR of names; leftovers in hex; a 0-valued entry names 0 */
	XLAT_ENUM, /* exactly one value */
};

/* How text writes a bit of an XLAT_BITS table whose entries are bit numbers' masks. */
enum xlat_style {
	XLAT_PLAIN,  /* the name: TCP_LISTEN */
	XLAT_SHIFT,  /* 1<<TCP_LISTEN: the entry's value is 1 << NAME */
	XLAT_SHIFT1, /* 1<<(INET_DIAG_INFO-1): the entry's value is 1 << (NAME - 1) */
};

struct xlat {
	const struct xlat_ent *ents;
	unsigned n;
	uint8_t type;
	uint8_t style; /* enum xlat_style */
	/*
	 * What text says of a value no entry names: NULL, a comment naming the prefix
	 * the names share (0x5 / * SEEK_??? * /), if any; "", no comment; else this
	 * comment ("NLM_F_???"), also for bits when none of them has a name.
	 */
	const char *dflt;
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
	const struct xlat id = {id##_ents, sizeof(id##_ents) / sizeof(id##_ents[0]), kind, 0, NULL}
/* A table with its style and its text for unknown values (struct xlat's dflt). */
#define XLAT_TABLE_EX(id, kind, style, dflt, ...)                                                  \
	static const struct xlat_ent id##_ents[] = {__VA_ARGS__};                                  \
	const struct xlat id = {id##_ents, sizeof(id##_ents) / sizeof(id##_ents[0]), kind, style,  \
				dflt}
/* The mask of bit number m, named m: 1<<TCP_LISTEN (XLAT_SHIFT), or 1<<(m-1) (XLAT_SHIFT1). */
#define XLAT_BIT(m)                                                                                \
	{                                                                                          \
		1ULL << (m), #m                                                                    \
	}
#define XLAT_BIT1(m)                                                                               \
	{                                                                                          \
		1ULL << ((m)-1), #m                                                                \
	}

/* Returns the entry's name for an exact value, or NULL. */
const char *xlat_name(const struct xlat *x, uint64_t val);

#endif
