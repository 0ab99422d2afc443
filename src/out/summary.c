#include "summary.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sys/sysent.h"
#include "util/xalloc.h"

/* Larger numbers are never real syscalls; they are counted in one row. */
enum { SUMMARY_MAX_NR = 4096 };

int summary_sort_parse(const char *s, enum summary_sort *out)
{
	static const struct {
		const char *name;
		enum summary_sort sort;
	} keys[] = {
		{"time", SORT_TIME},	     {"time_total", SORT_TIME},
		{"time-percent", SORT_TIME}, {"time-total", SORT_TIME},
		{"total-time", SORT_TIME},   {"calls", SORT_CALLS},
		{"count", SORT_CALLS},	     {"errors", SORT_ERRORS},
		{"error", SORT_ERRORS},	     {"name", SORT_NAME},
		{"syscall", SORT_NAME},	     {"syscall-name", SORT_NAME},
		{"nothing", SORT_NOTHING},   {"none", SORT_NOTHING},
		{"min-time", SORT_MIN_TIME}, {"shortest", SORT_MIN_TIME},
		{"time-min", SORT_MIN_TIME}, {"max-time", SORT_MAX_TIME},
		{"longest", SORT_MAX_TIME},  {"time-max", SORT_MAX_TIME},
		{"avg-time", SORT_AVG_TIME}, {"time-avg", SORT_AVG_TIME},
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strcmp(keys[i].name, s)) {
			*out = keys[i].sort;
			return 0;
		}
	return -EINVAL;
}

void summary_add(struct summary *s, const struct ptrc_abi *abi, uint64_t nr, bool error,
		 uint64_t time_ns)
{
	unsigned id = abi->id;

	nr &= ~abi->nr_mask;
	if (nr >= SUMMARY_MAX_NR)
		nr = SUMMARY_MAX_NR - 1;
	if (nr >= s->len[id]) {
		unsigned len = (unsigned)nr + 64;
		s->rows[id] = xrealloc(s->rows[id], len * sizeof(*s->rows[id]));
		memset(s->rows[id] + s->len[id], 0, (len - s->len[id]) * sizeof(*s->rows[id]));
		s->len[id] = len;
	}
	struct summary_row *r = &s->rows[id][nr];
	if (!r->calls || time_ns < r->min_ns)
		r->min_ns = time_ns;
	if (time_ns > r->max_ns)
		r->max_ns = time_ns;
	r->calls++;
	r->errors += error;
	r->time_ns += time_ns;
}

int summary_layout_parse(const char *s, struct summary_layout *out)
{
	static const struct {
		const char *name;
		uint8_t col;
	} names[] = {
		{"time-percent", COL_TIME_PERCENT},
		{"time", COL_TIME_PERCENT},
		{"total-time", COL_TOTAL_TIME},
		{"time-total", COL_TOTAL_TIME},
		{"min-time", COL_MIN_TIME},
		{"shortest", COL_MIN_TIME},
		{"time-min", COL_MIN_TIME},
		{"max-time", COL_MAX_TIME},
		{"longest", COL_MAX_TIME},
		{"time-max", COL_MAX_TIME},
		{"avg-time", COL_AVG_TIME},
		{"time-avg", COL_AVG_TIME},
		{"calls", COL_CALLS},
		{"count", COL_CALLS},
		{"errors", COL_ERRORS},
		{"error", COL_ERRORS},
		{"name", COL_NAME},
		{"syscall", COL_NAME},
		{"syscall-name", COL_NAME},
	};
	char *copy = xstrdup(s);
	bool name = false;
	int rc = *s ? 0 : -EINVAL;

	out->n = 0;
	for (char *save, *tok = strtok_r(copy, ",", &save); tok && !rc;
	     tok = strtok_r(NULL, ",", &save)) {
		size_t i = 0;
		while (i < sizeof(names) / sizeof(names[0]) && strcmp(names[i].name, tok))
			i++;
		if (i == sizeof(names) / sizeof(names[0]) || out->n == COL_COUNT)
			rc = -EINVAL;
		else {
			out->col[out->n++] = names[i].col;
			name |= names[i].col == COL_NAME;
		}
	}
	free(copy);
	/* strace: the name comes last when the list leaves it out. */
	if (!rc && !name && out->n < COL_COUNT)
		out->col[out->n++] = COL_NAME;
	return rc || !out->n ? -EINVAL : 0;
}

struct line {
	const char *name; /* NULL: the name is in buf */
	char buf[32];
	unsigned nr;
	const struct summary_row *row;
};

static const char *line_name(const struct line *l)
{
	return l->name ? l->name : l->buf;
}

static enum summary_sort sort_key;

static int cmp_lines(const void *pa, const void *pb)
{
	const struct line *a = pa, *b = pb;

	switch (sort_key) {
	case SORT_TIME:
		if (a->row->time_ns != b->row->time_ns)
			return a->row->time_ns < b->row->time_ns ? 1 : -1;
		break;
	case SORT_CALLS:
		if (a->row->calls != b->row->calls)
			return a->row->calls < b->row->calls ? 1 : -1;
		break;
	case SORT_ERRORS:
		if (a->row->errors != b->row->errors)
			return a->row->errors < b->row->errors ? 1 : -1;
		break;
	case SORT_MIN_TIME:
		if (a->row->min_ns != b->row->min_ns)
			return a->row->min_ns < b->row->min_ns ? 1 : -1;
		break;
	case SORT_MAX_TIME:
		if (a->row->max_ns != b->row->max_ns)
			return a->row->max_ns < b->row->max_ns ? 1 : -1;
		break;
	case SORT_AVG_TIME: {
		uint64_t x = a->row->time_ns / a->row->calls, y = b->row->time_ns / b->row->calls;
		if (x != y)
			return x < y ? 1 : -1;
		break;
	}
	case SORT_NAME:
		return strcmp(line_name(a), line_name(b));
	case SORT_NOTHING:
		break;
	}
	/* Ties keep syscall-number order (qsort is not stable). */
	return a->nr < b->nr ? -1 : a->nr > b->nr;
}

/* strace's columns: header, width (the name's is 16 unless it comes last). */
static const struct {
	const char *head;
	int width;
} cols[COL_COUNT] = {
	[COL_TIME_PERCENT] = {"% time", 6},  [COL_TOTAL_TIME] = {"seconds", 11},
	[COL_MIN_TIME] = {"shortest", 8},    [COL_MAX_TIME] = {"longest", 8},
	[COL_AVG_TIME] = {"usecs/call", 11}, [COL_CALLS] = {"calls", 9},
	[COL_ERRORS] = {"errors", 9},	     [COL_NAME] = {"syscall", 16},
};

static const struct summary_layout default_layout = {
	{COL_TIME_PERCENT, COL_TOTAL_TIME, COL_AVG_TIME, COL_CALLS, COL_ERRORS, COL_NAME}, 6};

static void format_head(struct strbuf *sb, const struct summary_layout *l)
{
	for (unsigned i = 0; i < l->n; i++) {
		bool last = i + 1 == l->n;
		if (i)
			strbuf_addc(sb, ' ');
		if (l->col[i] == COL_NAME)
			strbuf_addf(sb, last ? "%s" : "%-16s", cols[COL_NAME].head);
		else
			strbuf_addf(sb, "%*s", cols[l->col[i]].width, cols[l->col[i]].head);
	}
	strbuf_addc(sb, '\n');
}

static void format_dashes(struct strbuf *sb, const struct summary_layout *l)
{
	for (unsigned i = 0; i < l->n; i++) {
		if (i)
			strbuf_addc(sb, ' ');
		for (int k = 0; k < cols[l->col[i]].width; k++)
			strbuf_addc(sb, '-');
	}
	strbuf_addc(sb, '\n');
}

static void format_cell(struct strbuf *sb, unsigned col, bool last, const char *name,
			const struct summary_row *r, const struct summary_row *total)
{
	double pct = r == total	      ? 100.0
		     : total->time_ns ? 100.0 * (double)r->time_ns / (double)total->time_ns
				      : 0.0;

	switch (col) {
	case COL_TIME_PERCENT:
		strbuf_addf(sb, "%6.2f", pct);
		break;
	case COL_TOTAL_TIME:
		strbuf_addf(sb, "%11.6f", (double)r->time_ns / 1e9);
		break;
	case COL_MIN_TIME:
		strbuf_addf(sb, "%8.6f", (double)r->min_ns / 1e9);
		break;
	case COL_MAX_TIME:
		strbuf_addf(sb, "%8.6f", (double)r->max_ns / 1e9);
		break;
	case COL_AVG_TIME:
		strbuf_addf(sb, "%11llu",
			    (unsigned long long)(r->calls ? r->time_ns / 1000 / r->calls : 0));
		break;
	case COL_CALLS:
		strbuf_addf(sb, "%9llu", (unsigned long long)r->calls);
		break;
	case COL_ERRORS:
		strbuf_addf(sb, "%9.llu", (unsigned long long)r->errors); /* blank for 0 */
		break;
	default:
		strbuf_addf(sb, last ? "%s" : "%-16s", name);
		break;
	}
}

static void format_row(struct strbuf *sb, const struct summary_layout *l, const char *name,
		       const struct summary_row *r, const struct summary_row *total)
{
	for (unsigned i = 0; i < l->n; i++) {
		if (i)
			strbuf_addc(sb, ' ');
		format_cell(sb, l->col[i], i + 1 == l->n, name, r, total);
	}
	strbuf_addc(sb, '\n');
}

static void format_abi(const struct summary *s, const struct ptrc_abi *abi, enum summary_sort sort,
		       const struct summary_layout *l, struct strbuf *sb)
{
	struct line *lines = xcalloc(s->len[abi->id], sizeof(*lines));
	struct summary_row total = {0};
	unsigned n = 0;

	for (unsigned nr = 0; nr < s->len[abi->id]; nr++) {
		const struct summary_row *r = &s->rows[abi->id][nr];
		if (!r->calls)
			continue;
		const struct sysent *ent;
		const char *name = systab_lookup(abi, nr, &ent);
		if (!name)
			snprintf(lines[n].buf, sizeof(lines[n].buf), "syscall_%#x", nr);
		lines[n].name = name;
		lines[n].nr = nr;
		lines[n].row = r;
		if (!total.calls || r->min_ns < total.min_ns)
			total.min_ns = r->min_ns;
		if (r->max_ns > total.max_ns)
			total.max_ns = r->max_ns;
		total.calls += r->calls;
		total.errors += r->errors;
		total.time_ns += r->time_ns;
		n++;
	}
	sort_key = sort;
	qsort(lines, n, sizeof(*lines), cmp_lines);
	format_head(sb, l);
	format_dashes(sb, l);
	for (unsigned i = 0; i < n; i++)
		format_row(sb, l, line_name(&lines[i]), lines[i].row, &total);
	format_dashes(sb, l);
	format_row(sb, l, "total", &total, &total);
	free(lines);
}

void summary_format(const struct summary *s, enum summary_sort sort,
		    const struct summary_layout *layout, struct strbuf *sb)
{
	const struct summary_layout *l = layout && layout->n ? layout : &default_layout;
	unsigned seen = 0;

	for (unsigned id = 0; id < ABI_COUNT; id++)
		seen += s->len[id] > 0;
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		if (!s->len[id])
			continue;
		const struct ptrc_abi *abi = abi_by_id(id);
		if (seen > 1)
			strbuf_addf(sb, "System call usage summary for %u bit mode:\n",
				    abi->word_size * 8);
		format_abi(s, abi, sort, l, sb);
	}
}

void summary_free(struct summary *s)
{
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		free(s->rows[id]);
		s->rows[id] = NULL;
		s->len[id] = 0;
	}
}
