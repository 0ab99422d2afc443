/* Syscall selection for -e trace=: names, "all", "none", and "!" negation. */
#ifndef PTRC_SYS_FILTER_H
#define PTRC_SYS_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../arch/abi.h"

struct sysfilter {
	bool negate;  /* "!a,b": everything but a and b */
	bool all;     /* no list: every syscall */
	char **names; /* owned */
	size_t n;
	bool *sel[ABI_COUNT]; /* per-ABI selection by number, built on first use */
	unsigned sel_len[ABI_COUNT];
};

/* Every syscall selected. */
void sysfilter_init(struct sysfilter *f);
/*
 * Parses the value of trace= ("open,read", "!write", "all", "none").  Returns
 * 0, or -EINVAL with the offending name copied to bad (a one-line message).
 */
int sysfilter_parse(struct sysfilter *f, const char *spec, char *bad, size_t badlen);
bool sysfilter_match(struct sysfilter *f, const struct ptrc_abi *abi, uint64_t nr);
void sysfilter_free(struct sysfilter *f);

#endif
