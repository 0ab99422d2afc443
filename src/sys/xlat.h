/*
 * Name tables for flag bits and enumerations.  Only names are written here;
 * every value comes from the system headers through XLAT(MACRO).
 */
#ifndef PTRC_SYS_XLAT_H
#define PTRC_SYS_XLAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xlat_ent {
	uint64_t val;
	const char *name;
};

enum xlat_type {
	XLAT_BITS, /* OR of names; leftovers in hex; a 0-valued entry names 0 */
	XLAT_ENUM, /* exactly one value */
	/* As XLAT_BITS, but bits no name covers, alone, print as strace's 0x400 / * SECBIT_??? * /
	 * (the prefix the names share), as an unknown enum does. */
	XLAT_BITS_DFLT,
	/* As XLAT_ENUM, but a value no name has prints in signed decimal with the comment:
	 * 99 / * KEY_REQKEY_DEFL_??? * /. */
	XLAT_ENUM_DEC,
};

struct xlat {
	const struct xlat_ent *ents;
	unsigned n;
	uint8_t type;
	/* What strace names a value no entry names (PR_SET_VMA_???) with, when it is not the
	 * prefix the names share; NULL: that prefix; "": no comment, the number alone.  With
	 * "???" in it, the whole name (FS_???_FL). */
	const char *unknown;
	/* Text strace prints before each name ("1<<" of 1<<CAP_CHOWN), NULL for none: the names
	 * stay the constants' own, for JSON. */
	const char *text_prefix;
	/* Text after each name ("-1)" of 1<<(INET_DIAG_INFO-1)), NULL for none. */
	const char *text_suffix;
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
	const struct xlat id = {                                                                   \
		id##_ents, sizeof(id##_ents) / sizeof(id##_ents[0]), kind, NULL, NULL, NULL}
/* A table whose unknown values strace names with the prefix unknown ("PR_SET_VMA_"). */
#define XLAT_TABLE_UNKNOWN(id, kind, unknown, ...)                                                 \
	static const struct xlat_ent id##_ents[] = {__VA_ARGS__};                                  \
	const struct xlat id = {                                                                   \
		id##_ents, sizeof(id##_ents) / sizeof(id##_ents[0]), kind, unknown, NULL, NULL}
/* A table whose names strace prints after the text prefix ("1<<"). */
#define XLAT_TABLE_PREFIXED(id, kind, prefix, ...)                                                 \
	static const struct xlat_ent id##_ents[] = {__VA_ARGS__};                                  \
	const struct xlat id = {                                                                   \
		id##_ents, sizeof(id##_ents) / sizeof(id##_ents[0]), kind, NULL, prefix, NULL}
/* A table of bit masks whose names strace prints between prefix and suffix: 1<<(NAME-1). */
#define XLAT_TABLE_AFFIXED(id, kind, prefix, suffix, ...)                                          \
	static const struct xlat_ent id##_ents[] = {__VA_ARGS__};                                  \
	const struct xlat id = {                                                                   \
		id##_ents, sizeof(id##_ents) / sizeof(id##_ents[0]), kind, NULL, prefix, suffix}
/* The mask of bit number m, named m (a table prefixed "1<<"), or of bit m - 1 ("1<<(", "-1)"). */
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
/* True when a flags table names any of bits (0: when it has a name for 0). */
bool xlat_names_any(const struct xlat *x, uint64_t bits);

#endif
