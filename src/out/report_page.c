/* --report's page: the template with the run's JSON in it (report_page.h). */
#include "report_page.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util/xalloc.h"

void report_list_add(struct report_list *l, uint32_t max, pid_t pid, const char *text, size_t len)
{
	l->total++;
	if (l->n >= max)
		return;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	char *copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	l->v[l->n++] = (struct report_item){.pid = pid, .text = copy};
}

void report_list_free(struct report_list *l)
{
	for (uint32_t i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	*l = (struct report_list){0};
}

/* ,"KEY_total":N,"KEY":[{"pid":N,"text":"..."}] */
static void list(struct strbuf *sb, const char *key, const struct report_list *l)
{
	strbuf_addf(sb, ",\"%s_total\":%" PRIu64 ",\"%s\":[", key, l ? l->total : 0, key);
	for (uint32_t i = 0; l && i < l->n; i++) {
		strbuf_addf(sb, "%s{\"pid\":%d,\"text\":", i ? "," : "", (int)l->v[i].pid);
		json_str(sb, l->v[i].text, strlen(l->v[i].text));
		strbuf_addc(sb, '}');
	}
	strbuf_addc(sb, ']');
}

/* The launched command (null in attach mode) and the processes -p attached (maybe none). */
static void command(struct strbuf *sb, const struct report_run *r)
{
	strbuf_adds(sb, ",\"command\":");
	if (r->argv) {
		strbuf_addc(sb, '[');
		for (size_t i = 0; r->argv[i]; i++) {
			if (i)
				strbuf_addc(sb, ',');
			json_str(sb, r->argv[i], strlen(r->argv[i]));
		}
		strbuf_addc(sb, ']');
	} else {
		strbuf_adds(sb, "null");
	}
	strbuf_adds(sb, ",\"attached\":[");
	for (size_t i = 0; i < r->npids; i++)
		strbuf_addf(sb, "%s%d", i ? "," : "", (int)r->pids[i]);
	strbuf_addc(sb, ']');
}

void report_page_json(struct strbuf *sb, const struct report_run *r)
{
	strbuf_adds(sb, "{\"ptrc\":");
	json_cstr(sb, r->version);
	command(sb, r);
	strbuf_adds(sb, ",\"host\":");
	json_cstr(sb, r->host);
	strbuf_adds(sb, ",\"kernel\":");
	json_cstr(sb, r->kernel);
	strbuf_adds(sb, ",\"started\":");
	json_date(sb, r->started.tv_sec, (uint32_t)r->started.tv_nsec);
	strbuf_addf(sb, ",\"duration_s\":%.6f,\"status\":", (double)r->duration_ns / 1e9);
	if (r->child_done) {
		strbuf_addc(sb, '{');
		json_wstatus_members(sb, r->child_status);
		strbuf_addc(sb, '}');
	} else {
		strbuf_adds(sb, "null");
	}
	strbuf_adds(sb, ",\"policy\":");
	if (r->policy_file) {
		strbuf_adds(sb, "{\"file\":");
		json_cstr(sb, r->policy_file);
		strbuf_adds(sb, ",\"action\":");
		json_cstr(sb, r->policy_action);
		strbuf_addc(sb, '}');
	} else {
		strbuf_adds(sb, "null");
	}
	list(sb, "violations", r->violations);
	list(sb, "crashes", r->crashes);
	strbuf_adds(sb, ",\"tree\":");
	json_story(sb, r->story);
	strbuf_adds(sb, "}\n");
}

/*
 * JSON made safe inside <script>: '<' only occurs in its strings, where \u003c means the
 * same, and so do \u2028 and \u2029 for the bytes of U+2028 and U+2029.
 */
static void escape_into(struct strbuf *sb, const char *s, size_t n)
{
	size_t from = 0;

	for (size_t i = 0; i < n; i++) {
		const char *esc = NULL;
		size_t skip = 1;
		if (s[i] == '<')
			esc = "\\u003c";
		else if (s[i] == '\xe2' && i + 2 < n && s[i + 1] == '\x80' &&
			 (s[i + 2] == '\xa8' || s[i + 2] == '\xa9'))
			esc = s[i + 2] == '\xa8' ? "\\u2028" : "\\u2029", skip = 3;
		if (!esc)
			continue;
		strbuf_addn(sb, s + from, i - from);
		strbuf_adds(sb, esc);
		i += skip - 1;
		from = i + 1;
	}
	strbuf_addn(sb, s + from, n - from);
}

int report_page_format(struct strbuf *sb, const struct report_run *r)
{
	const char *page = (const char *)report_page_html;
	size_t mlen = strlen(REPORT_PAGE_MARKER);
	const char *at = memmem(page, report_page_html_len, REPORT_PAGE_MARKER, mlen);
	struct strbuf json = {0};

	if (!at)
		return -EINVAL;
	report_page_json(&json, r);
	strbuf_addn(sb, page, (size_t)(at - page));
	escape_into(sb, json.buf, json.len);
	strbuf_addn(sb, at + mlen, report_page_html_len - (size_t)(at - page) - mlen);
	strbuf_free(&json);
	return 0;
}
