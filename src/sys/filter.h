/*
 * Syscall selection for -e trace=: names, %classes, /regexes, "all",
 * "none", and "!" negation; several -e trace= options add up.
 */
#ifndef PTRC_SYS_FILTER_H
#define PTRC_SYS_FILTER_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../arch/abi.h"

enum filter_item_kind {
	FILTER_NAME,
	FILTER_CLASS,
	FILTER_REGEX,
	FILTER_ALL,
	FILTER_NUMBER, /* strace's -e trace=42: the number, in whatever ABI makes the call */
};

struct filter_item {
	enum filter_item_kind kind;
	bool negate;
	char *name;	     /* FILTER_NAME, owned */
	uint32_t classes;    /* FILTER_CLASS: TC_* bits */
	uint64_t nr;	     /* FILTER_NUMBER */
	regex_t re;	     /* FILTER_REGEX */
	uint8_t personality; /* strace's NAME@64, @32, @x32: FILTER_ANY_ABI or FILTER_ABI_* */
};

/* The ABIs an item applies to (strace's personality suffixes). */
enum { FILTER_ANY_ABI, FILTER_ABI_64, FILTER_ABI_32, FILTER_ABI_X32 };

struct sysfilter {
	struct filter_item *items; /* applied in order: each selects or deselects */
	size_t n;
	bool *sel[ABI_COUNT]; /* per-ABI selection by number, built on first use */
	unsigned sel_len[ABI_COUNT];
};

/* Every syscall selected. */
void sysfilter_init(struct sysfilter *f);
/*
 * Adds the value of one trace= ("open,%file,/^stat", "!write", "none"); an
 * item may end in @64, @32 or @x32 to apply to that personality only.
 * Returns 0, or -EINVAL with a one-line reason in err.
 */
int sysfilter_parse(struct sysfilter *f, const char *spec, char *err, size_t errlen);
/* Selection for a number; numbers no table names are selected only by "all". */
bool sysfilter_match(struct sysfilter *f, const struct ptrc_abi *abi, uint64_t nr);
/* Selection by name, for a call multiplexed by i386's socketcall or ipc. */
bool sysfilter_match_name(const struct sysfilter *f, const char *name);
/* The class bits of a "%name" (or "name" for the old spelling), 0 if unknown. */
uint32_t sysfilter_class(const char *name);
void sysfilter_free(struct sysfilter *f);

#endif
