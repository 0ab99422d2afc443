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
	SORT_MIN_TIME,
	SORT_MAX_TIME,
	SORT_AVG_TIME,
};

/* strace's -U columns, in its order of the default layout. */
enum summary_col {
	COL_TIME_PERCENT,
	COL_TOTAL_TIME,
	COL_MIN_TIME,
	COL_MAX_TIME,
	COL_AVG_TIME,
	COL_CALLS,
	COL_ERRORS,
	COL_NAME,
	COL_COUNT,
};

/* The columns to print, in order; n == 0 means strace's default. */
struct summary_layout {
	uint8_t col[COL_COUNT];
	unsigned n;
};

struct summary_row {
	uint64_t calls;
	uint64_t errors;
	uint64_t time_ns;
	uint64_t min_ns, max_ns; /* of one call; min_ns is meaningful once calls > 0 */
};

struct summary {
	struct summary_row *rows[ABI_COUNT]; /* by syscall number, owned */
	unsigned len[ABI_COUNT];
};

/* Parses a -S value; -EINVAL when unknown. */
int summary_sort_parse(const char *s, enum summary_sort *out);
/* Parses a -U value (name is added last when not listed); -EINVAL when an item is unknown. */
int summary_layout_parse(const char *s, struct summary_layout *out);
void summary_add(struct summary *s, const struct ptrc_abi *abi, uint64_t nr, bool error,
		 uint64_t time_ns);
/* Appends the table(s); one per ABI that was seen, headed when there are several. */
void summary_format(const struct summary *s, enum summary_sort sort,
		    const struct summary_layout *layout, struct strbuf *sb);
void summary_free(struct summary *s);

#endif
