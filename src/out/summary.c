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
		{"time", SORT_TIME},	{"time_total", SORT_TIME}, {"calls", SORT_CALLS},
		{"count", SORT_CALLS},	{"errors", SORT_ERRORS},   {"name", SORT_NAME},
		{"syscall", SORT_NAME}, {"nothing", SORT_NOTHING}, {"none", SORT_NOTHING},
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
	r->calls++;
	r->errors += error;
	r->time_ns += time_ns;
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
	case SORT_NAME:
		return strcmp(line_name(a), line_name(b));
	case SORT_NOTHING:
		break;
	}
	/* Ties keep syscall-number order (qsort is not stable). */
	return a->nr < b->nr ? -1 : a->nr > b->nr;
}

static const char dashes[] =
	"------ ----------- ----------- --------- --------- ----------------\n";

static void format_row(struct strbuf *sb, const char *name, const struct summary_row *r,
		       const struct summary_row *total)
{
	double pct = r == total	      ? 100.0
		     : total->time_ns ? 100.0 * (double)r->time_ns / (double)total->time_ns
				      : 0.0;
	uint64_t usecs = r->calls ? r->time_ns / 1000 / r->calls : 0;

	strbuf_addf(sb, "%6.2f %11.6f %11llu %9llu %9.llu %s\n", pct, (double)r->time_ns / 1e9,
		    (unsigned long long)usecs, (unsigned long long)r->calls,
		    (unsigned long long)r->errors, name);
}

static void format_abi(const struct summary *s, const struct ptrc_abi *abi, enum summary_sort sort,
		       struct strbuf *sb)
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
		total.calls += r->calls;
		total.errors += r->errors;
		total.time_ns += r->time_ns;
		n++;
	}
	sort_key = sort;
	qsort(lines, n, sizeof(*lines), cmp_lines);
	strbuf_adds(sb, "% time     seconds  usecs/call     calls    errors syscall\n");
	strbuf_adds(sb, dashes);
	for (unsigned i = 0; i < n; i++)
		format_row(sb, line_name(&lines[i]), lines[i].row, &total);
	strbuf_adds(sb, dashes);
	format_row(sb, "total", &total, &total);
	free(lines);
}

void summary_format(const struct summary *s, enum summary_sort sort, struct strbuf *sb)
{
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
		format_abi(s, abi, sort, sb);
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
