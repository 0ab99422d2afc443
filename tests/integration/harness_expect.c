/*
 * The integration harness's trace reading and expectation checks: a trace parsed into
 * lines per task, and the lines a test program stated ($PTRC_EXPECT) found in it in order.
 */
#include "harness.h"
#include "harness_int.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- trace and expectations ----------------------------------------------------------- */

struct it_line {
	pid_t tid;	/* -1: any task (no prefix, single process) */
	int prefix_len; /* columns before the text, for -a alignment */
	char *text;
};

struct it_trace {
	struct it_line *lines;
	size_t n, cap;
};

static void it_trace_add(struct it_trace *t, pid_t tid, int prefix_len, const char *text,
			 size_t len)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		struct it_line *p = realloc(t->lines, cap * sizeof(*p));
		if (!p)
			abort();
		t->lines = p;
		t->cap = cap;
	}
	t->lines[t->n].tid = tid;
	t->lines[t->n].prefix_len = prefix_len;
	t->lines[t->n].text = strndup(text, len);
	t->n++;
}

static void it_trace_parse(struct it_trace *t, const char *data, enum it_layout layout,
			   pid_t file_tid)
{
	bool prefixed = layout == IT_LAYOUT_PREFIXED;
	const char *p = data;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		const char *text = p;
		pid_t tid = file_tid;

		if (layout == IT_LAYOUT_STDERR && !strncmp(p, "[pid ", 5)) {
			char *end;
			const char *q = p + 5;
			while (*q == ' ')
				q++;
			long v = strtol(q, &end, 10);
			if (end != q && end[0] == ']' && end[1] == ' ') {
				tid = (pid_t)v;
				text = end + 2;
			}
		} else if (prefixed) {
			char *end;
			long v = strtol(p, &end, 10);
			if (end != p && *end == ' ') {
				tid = (pid_t)v;
				while (*end == ' ')
					end++;
				text = end;
			}
		}
		it_trace_add(t, tid, (int)(text - p), text, len - (text - p));
		p += len + (eol ? 1 : 0);
	}
}

char *it_read_trace(struct it_run *r, const char *suffix)
{
	char path[160];

	snprintf(path, sizeof(path), "%s%s", r->trace, suffix ? suffix : "");
	return it_read_file(path);
}

static bool it_load_trace(struct it_run *r, enum it_layout layout, struct it_trace *t)
{
	if (layout == IT_LAYOUT_PERFILE) {
		DIR *d = opendir(r->dir);
		struct dirent *de;
		bool any = false;

		while (d && (de = readdir(d))) {
			char *end;
			if (strncmp(de->d_name, "trace.", 6))
				continue;
			long pid = strtol(de->d_name + 6, &end, 10);
			if (*end || pid <= 0)
				continue;
			char *data = it_read_trace(r, de->d_name + 5);
			if (data)
				it_trace_parse(t, data, layout, (pid_t)pid);
			free(data);
			any = true;
		}
		if (d)
			closedir(d);
		return any;
	}
	/* On stderr, lines without "[pid N] " belong to whichever task is alone. */
	char *data = layout == IT_LAYOUT_STDERR ? it_xstrdup(r->err) : it_read_trace(r, NULL);
	if (!data)
		return false;
	it_trace_parse(t, data, layout, layout == IT_LAYOUT_PREFIXED ? 0 : -1);
	free(data);
	return true;
}

/* Where "= RESULT" starts in a syscall line: after the last ")" followed by spaces and "= ".
 * Sets *lhs_end to just past the ")".  Returns NULL for lines without a result. */
static const char *it_result(const char *s, size_t *lhs_end)
{
	const char *found = NULL;

	for (const char *p = strchr(s, ')'); p; p = strchr(p + 1, ')')) {
		const char *q = p + 1;
		if (*q != ' ')
			continue;
		while (*q == ' ')
			q++;
		if (q[0] == '=' && (q[1] == ' ' || q[1] == 0)) {
			found = q;
			*lhs_end = (size_t)(p + 1 - s);
		}
	}
	return found;
}

/* The text with exactly one space before "= RESULT". */
static char *it_normalize(const char *s)
{
	size_t lhs;
	const char *res = it_result(s, &lhs);
	struct it_buf b = {0};

	if (!res)
		return it_xstrdup(s);
	it_buf_add(&b, "%.*s %s", (int)lhs, s, res);
	return b.data;
}

/* The text as the tracer prints it with "= RESULT" at column ACOL after PREFIX columns. */
static char *it_align(const char *s, int prefix, int acol)
{
	size_t lhs;
	const char *res = it_result(s, &lhs);
	struct it_buf b = {0};
	int col = prefix + (int)lhs;

	if (!res)
		return it_xstrdup(s);
	it_buf_add(&b, "%.*s", (int)lhs, s);
	if (col < acol)
		it_buf_add(&b, "%*s", acol - col, "");
	else
		it_buf_add(&b, " ");
	it_buf_add(&b, "%s", res);
	return b.data;
}

static bool it_same_task(const struct it_line *l, pid_t tid)
{
	return l->tid == -1 || l->tid == tid;
}

/* Line I as one logical line: joined with its "<... NAME resumed>" line when it ends with
 * " <unfinished ...>".  *NEXT is the index after the last line used. */
static char *it_logical(struct it_trace *t, size_t i, pid_t tid, size_t *next)
{
	static const char unfinished[] = " <unfinished ...>";
	const char *s = t->lines[i].text;
	size_t len = strlen(s), ulen = sizeof(unfinished) - 1;

	*next = i + 1;
	if (len > ulen && !strcmp(s + len - ulen, unfinished) && s[0] != '<') {
		const char *paren = strchr(s, '(');
		for (size_t j = i + 1; paren && j < t->n; j++) {
			if (!it_same_task(&t->lines[j], tid))
				continue;
			char head[128];
			snprintf(head, sizeof(head), "<... %.*s resumed>", (int)(paren - s), s);
			if (strncmp(t->lines[j].text, head, strlen(head)))
				break;
			struct it_buf b = {0};
			it_buf_add(&b, "%.*s%s", (int)(len - ulen), s,
				   t->lines[j].text + strlen(head));
			*next = j + 1;
			char *n = it_normalize(b.data);
			free(b.data);
			return n;
		}
	}
	return it_normalize(s);
}

struct it_expect {
	pid_t tid;
	char kind;
	char *text;
};

static size_t it_load_expect(struct it_run *r, struct it_expect **out)
{
	char *data = it_read_file(r->expect);
	size_t n = 0, cap = 0;
	struct it_expect *v = NULL;

	for (char *line = data ? strtok(data, "\n") : NULL; line; line = strtok(NULL, "\n")) {
		char *tab1 = strchr(line, '\t');
		if (!tab1 || !tab1[1] || tab1[2] != '\t')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = realloc(v, cap * sizeof(*v));
			if (!v)
				abort();
		}
		v[n].tid = (pid_t)atoi(line);
		v[n].kind = tab1[1];
		v[n].text = it_xstrdup(tab1 + 3);
		n++;
	}
	free(data);
	*out = v;
	return n;
}

char *it_info(struct it_run *r, const char *key)
{
	struct it_expect *v;
	size_t n = it_load_expect(r, &v);
	size_t klen = strlen(key);
	char *found = NULL;

	for (size_t i = 0; i < n; i++) {
		if (!found && v[i].kind == '#' && !strncmp(v[i].text, key, klen) &&
		    v[i].text[klen] == '=')
			found = it_xstrdup(v[i].text + klen + 1);
		free(v[i].text);
	}
	free(v);
	return found;
}

static void it_dump_task(struct it_buf *b, struct it_trace *t, pid_t tid, size_t from)
{
	size_t shown = 0, skipped = 0;

	it_buf_add(b, "--- trace of task %d from the last match on (at most 60 lines) ---\n",
		   (int)tid);
	for (size_t i = 0; i < t->n; i++) {
		if (!it_same_task(&t->lines[i], tid))
			continue;
		if (i < from) {
			skipped++;
			continue;
		}
		if (shown++ == 60) {
			it_buf_add(b, "...\n");
			break;
		}
		it_buf_add(b, "%s\n", t->lines[i].text);
	}
	if (!shown)
		it_buf_add(b, "(no lines for this task%s)\n",
			   skipped ? " after the last match" : "");
}

void it_check(struct it_run *r, enum it_layout layout, int acol)
{
	struct it_trace t = {0};
	struct it_expect *exp;
	size_t nexp = it_load_expect(r, &exp);
	struct it_buf msg = {0};
	size_t nlines = 0;

	cr_assert(nexp > 0,
		  "the test program stated no expectations (did it run?); tracer %s, stderr:\n%s",
		  it_describe_status(r->status), r->err);
	cr_assert(it_load_trace(r, layout, &t), "%s wrote no trace file %s%s; %s, stderr:\n%s",
		  it_tracer(), r->trace, layout == IT_LAYOUT_PERFILE ? ".PID" : "",
		  it_describe_status(r->status), r->err);

	/* Tasks are checked one by one, each against its own lines, in order. */
	bool *done = it_xalloc(nexp);
	for (size_t first = 0; first < nexp; first++) {
		if (done[first] || exp[first].kind == '#')
			continue;
		pid_t tid = exp[first].tid;
		size_t pos = 0, last_match = 0;
		for (size_t e = first; e < nexp; e++) {
			if (exp[e].tid != tid || exp[e].kind == '#')
				continue;
			done[e] = true;
			nlines++;
			bool found = false;
			for (size_t i = pos; i < t.n && !found; i++) {
				if (!it_same_task(&t.lines[i], tid))
					continue;
				size_t next = i + 1;
				char *want, *have;
				if (exp[e].kind == '=') {
					want = it_align(exp[e].text, t.lines[i].prefix_len, acol);
					have = it_xstrdup(t.lines[i].text);
				} else {
					want = it_normalize(exp[e].text);
					have = it_logical(&t, i, tid, &next);
				}
				if (!strcmp(want, have)) {
					found = true;
					last_match = i;
					pos = next;
				}
				free(want);
				free(have);
			}
			if (!found) {
				it_buf_add(&msg,
					   "task %d: missing %s line (in this order):\n    %s\n",
					   (int)tid, exp[e].kind == '=' ? "exact" : "syscall",
					   exp[e].text);
				it_dump_task(&msg, &t, tid, last_match);
				it_buf_add(&msg, "tracer: %s; its stderr:\n%.2000s",
					   it_describe_status(r->status), r->err);
				cr_assert_fail("%s", msg.data);
			}
		}
	}
	cr_log_info("%zu expected lines found in %zu trace lines", nlines, t.n);
	free(done);
	for (size_t i = 0; i < nexp; i++)
		free(exp[i].text);
	free(exp);
	for (size_t i = 0; i < t.n; i++)
		free(t.lines[i].text);
	free(t.lines);
	free(msg.data);
}
