/* The -c / -C summary table, in strace's layout.  Pure: counts in, text out. */
#ifndef PTRC_OUT_SUMMARY_H
#define PTRC_OUT_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/abi.h"
#include "util/strbuf.h"

enum summary_sort {
	SORT_TIME, /* the default */
	SORT_CALLS,
	SORT_ERRORS,
	SORT_NAME,
	SORT_NOTHING,
};

struct summary_row {
	uint64_t calls;
	uint64_t errors;
	uint64_t time_ns;
};

struct summary {
	struct summary_row *rows[ABI_COUNT]; /* by syscall number, owned */
	unsigned len[ABI_COUNT];
};

/* Parses a -S value; -EINVAL when unknown. */
int summary_sort_parse(const char *s, enum summary_sort *out);
void summary_add(struct summary *s, const struct ptrc_abi *abi, uint64_t nr, bool error,
		 uint64_t time_ns);
/* Appends the table(s); one per ABI that was seen, headed when there are several. */
void summary_format(const struct summary *s, enum summary_sort sort, struct strbuf *sb);
void summary_free(struct summary *s);

#endif
