/* --policy-report's formats (policy_report.h): text, JSON, GitHub workflow commands here,
 * SARIF in policy_sarif.c. */
#include "policy_report.h"
#include "policy_report_int.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "json.h"
#include "../unwind/fmt_frames.h"

int policy_report_parse_format(const char *name, enum report_format *out)
{
	static const char *const names[] = {"text", "json", "sarif", "github"};

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(name, names[i])) {
			*out = (enum report_format)i;
			return 0;
		}
	return -EINVAL;
}

/* --- Paths --- */

const char *report_beneath(const char *file, const char *root)
{
	size_t n;

	if (!file || !root || file[0] != '/' || root[0] != '/')
		return NULL;
	n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	/* Beneath "/" is every path: no shorter name than the absolute one. */
	if (n == 1 || strncmp(file, root, n) || file[n] != '/' || !file[n + 1])
		return NULL;
	return file + n + 1;
}

/* dir is root or beneath it ("/" is no root: see report_beneath). */
static bool within(const char *dir, const char *root)
{
	size_t n = root ? strlen(root) : 0;

	if (!dir || n < 2)
		return false;
	while (n > 1 && root[n - 1] == '/')
		n--;
	return (!strncmp(dir, root, n) && !dir[n]) || report_beneath(dir, root);
}

void report_fold(struct strbuf *out, const char *path)
{
	size_t start = out->len;

	for (const char *s = path; *s;) {
		while (*s == '/')
			s++;
		const char *end = strchrnul(s, '/');
		size_t n = (size_t)(end - s);
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			while (out->len > start && out->buf[out->len - 1] != '/')
				out->len--;
			if (out->len > start)
				out->buf[--out->len] = '\0';
		} else if (n && !(n == 1 && s[0] == '.')) {
			strbuf_addc(out, '/');
			strbuf_addn(out, s, n);
		}
		s = end;
	}
	if (out->len == start)
		strbuf_addc(out, '/');
}

void policy_report_path(struct strbuf *out, const char *file, bool python, const char *cwd)
{
	struct strbuf joined = {0};

	if (file[0] != '/') {
		if (!python || !cwd || cwd[0] != '/') {
			strbuf_adds(out, file);
			return;
		}
		strbuf_adds(&joined, cwd);
		strbuf_addc(&joined, '/');
		strbuf_adds(&joined, file);
		file = joined.buf;
	}
	report_fold(out, file);
	strbuf_free(&joined);
}

/* How good a frame is as the place a report names: -1 when it has no source line. */
static int rank(const struct unwind_frame *f, const char *srcroot, const char *exe, const char *cwd)
{
	bool py = f->flags & UNWIND_FRAME_PYTHON;

	if (!f->file || !f->file[0] || f->file[0] == '<' || !f->line)
		return -1;
	if (f->file[0] == '/' ? report_beneath(f->file, srcroot) != NULL
			      : py && strncmp(f->file, "../", 3) && within(cwd, srcroot))
		return 4;
	if (py)
		return 3;
	if (exe && f->module && !strcmp(f->module, exe))
		return 2;
	return f->file[0] == '/' ? 1 : 0;
}

const struct unwind_frame *policy_report_pick(const struct unwind_trace *st, const char *srcroot,
					      const char *exe, const char *cwd)
{
	const struct unwind_frame *best = NULL;
	int best_rank = -1;

	for (size_t i = 0; st && i < st->n; i++) {
		int r = rank(&st->frames[i], srcroot, exe, cwd);
		if (r > best_rank) {
			best = &st->frames[i];
			best_rank = r;
		}
	}
	return best;
}

const char *report_shown(const struct report *r, const char *file)
{
	const char *rel = report_beneath(file, r->srcroot);

	return rel ? rel : file;
}

/* --- Pieces every format shares --- */

void report_rule_ref(struct strbuf *sb, const struct report *r, const struct report_violation *v)
{
	strbuf_adds(sb, "rule ");
	fmt_escaped(sb, r->policy);
	if (v->rule_line) {
		strbuf_addf(sb, ":%u: ", v->rule_line);
		fmt_escaped(sb, v->rule_text ? v->rule_text : "?");
	} else {
		strbuf_adds(sb, ": the default");
	}
}

static void leads(struct strbuf *sb, const struct report_violation *v)
{
	if (!v->leads_to)
		return;
	strbuf_adds(sb, ", the path leads to ");
	fmt_escaped(sb, v->leads_to);
}

void report_message(struct strbuf *sb, const struct report *r, const struct report_violation *v)
{
	strbuf_adds(sb, v->call);
	strbuf_adds(sb, " in ");
	fmt_escaped(sb, v->exe ? v->exe : "?");
	strbuf_addf(sb, " (pid %d)", v->pid);
	leads(sb, v);
	strbuf_adds(sb, "; ");
	report_rule_ref(sb, r, v);
}

/* --- text: one line per violation, as a compiler's diagnostics --- */

static void text_one(struct strbuf *sb, const struct report *r, const struct report_violation *v)
{
	if (v->where.file) {
		fmt_escaped(sb, report_shown(r, v->where.file));
		strbuf_addf(sb, ":%u: ", v->where.line);
	}
	strbuf_addf(sb, "pid %d ", v->pid);
	fmt_escaped(sb, v->exe ? v->exe : "?");
	strbuf_adds(sb, ": ");
	strbuf_adds(sb, v->call);
	leads(sb, v);
	strbuf_adds(sb, "; ");
	report_rule_ref(sb, r, v);
	strbuf_addc(sb, '\n');
}

static void text_report(struct strbuf *sb, const struct report *r)
{
	for (size_t i = 0; i < r->n; i++)
		text_one(sb, r, &r->v[i]);
	if (r->total > r->n)
		strbuf_addf(sb, "ptrc: %" PRIu64 " more violations not listed: a report keeps %d\n",
			    r->total - r->n, REPORT_KEEP);
}

/* --- json: one document (docs/json.md, "The policy report") --- */

static void json_where(struct strbuf *sb, const struct report *r, const struct report_where *w)
{
	if (!w->file) {
		strbuf_adds(sb, "null");
		return;
	}
	strbuf_adds(sb, "{\"file\":");
	json_cstr(sb, report_shown(r, w->file));
	strbuf_addf(sb, ",\"line\":%u", w->line);
	if (w->func) {
		strbuf_adds(sb, ",\"function\":");
		json_cstr(sb, w->func);
	}
	strbuf_adds(sb, w->python ? ",\"python\":true}" : ",\"python\":false}");
}

static void json_one(struct strbuf *sb, const struct report *r, const struct report_violation *v)
{
	strbuf_addf(sb, "{\"pid\":%d,\"exe\":", v->pid);
	json_cstr(sb, v->exe);
	strbuf_adds(sb, ",\"syscall\":");
	json_cstr(sb, v->syscall);
	strbuf_adds(sb, ",\"call\":");
	json_cstr(sb, v->call);
	strbuf_adds(sb, ",\"action\":");
	json_cstr(sb, v->action);
	strbuf_adds(sb, ",\"rule\":");
	if (v->rule_line) {
		strbuf_adds(sb, "{\"file\":");
		json_cstr(sb, r->policy);
		strbuf_addf(sb, ",\"line\":%u,\"text\":", v->rule_line);
		json_cstr(sb, v->rule_text ? v->rule_text : "");
		strbuf_addc(sb, '}');
	} else {
		strbuf_adds(sb, "null");
	}
	if (v->leads_to) {
		strbuf_adds(sb, ",\"leads_to\":");
		json_cstr(sb, v->leads_to);
	}
	strbuf_adds(sb, ",\"location\":");
	json_where(sb, r, &v->where);
	strbuf_addc(sb, '}');
}

static void json_report(struct strbuf *sb, const struct report *r)
{
	strbuf_adds(sb, "{\"version\":1,\"policy\":");
	json_cstr(sb, r->policy);
	strbuf_adds(sb, ",\"action\":");
	json_cstr(sb, r->action);
	strbuf_adds(sb, ",\"srcroot\":");
	json_cstr(sb, r->srcroot);
	strbuf_adds(sb, ",\"violations\":[");
	for (size_t i = 0; i < r->n; i++) {
		strbuf_adds(sb, i ? ",\n" : "\n");
		json_one(sb, r, &r->v[i]);
	}
	strbuf_addf(sb, "%s],\"total\":%" PRIu64 "}\n", r->n ? "\n" : "", r->total);
}

/* --- github: workflow commands, one ::error per violation --- */

/*
 * The runner's escaping (actions/toolkit's escapeData and escapeProperty): '%', CR and LF
 * always, ':' and ',' in a property.  Other control bytes would end up in the log as they
 * are: they become '?'.
 */
void report_gh_escape(struct strbuf *sb, const char *s, bool property)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '%')
			strbuf_adds(sb, "%25");
		else if (c == '\r')
			strbuf_adds(sb, "%0D");
		else if (c == '\n')
			strbuf_adds(sb, "%0A");
		else if (property && c == ':')
			strbuf_adds(sb, "%3A");
		else if (property && c == ',')
			strbuf_adds(sb, "%2C");
		else
			strbuf_addc(sb, c < 0x20 || c == 0x7f ? '?' : (char)c);
	}
}

static void github_one(struct strbuf *sb, const struct report *r, const struct report_violation *v)
{
	struct strbuf msg = {0};

	strbuf_adds(sb, "::error ");
	if (v->where.file) {
		strbuf_adds(sb, "file=");
		report_gh_escape(sb, report_shown(r, v->where.file), true);
		strbuf_addf(sb, ",line=%u,", v->where.line);
	}
	strbuf_adds(sb, "title=ptrc policy violation::");
	report_message(&msg, r, v);
	report_gh_escape(sb, msg.buf, false);
	strbuf_addc(sb, '\n');
	strbuf_free(&msg);
}

static void github_report(struct strbuf *sb, const struct report *r)
{
	for (size_t i = 0; i < r->n; i++)
		github_one(sb, r, &r->v[i]);
	if (r->total > r->n)
		strbuf_addf(sb,
			    "::warning title=ptrc policy report::%" PRIu64
			    " more violations not listed: a report keeps %d\n",
			    r->total - r->n, REPORT_KEEP);
}

void policy_report_format(struct strbuf *sb, const struct report *r, enum report_format f)
{
	switch (f) {
	case REPORT_TEXT:
		text_report(sb, r);
		break;
	case REPORT_JSON:
		json_report(sb, r);
		break;
	case REPORT_SARIF:
		report_sarif(sb, r);
		break;
	case REPORT_GITHUB:
		github_report(sb, r);
		break;
	}
}
