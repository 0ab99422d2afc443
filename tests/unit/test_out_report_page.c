/* --report's page: the built-in template with the run's JSON in it, escaped for <script>. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "out/report_page.h"
#include "util/xalloc.h"

static struct story story;
static struct report_list viol, crashes;
static char *argv[] = {"python3", "x.py", "</script><!--<script>", NULL};

static struct report_run make(void)
{
	uint32_t id = story_add(&story, 42, 0);
	story.p[id - 1].cmd = xstrdup("python3 x.py \xe2\x80\xa8 \xe2\x80\xa9");
	story.p[id - 1].end = STORY_EXITED;
	story.p[id - 1].threads = 1;
	return (struct report_run){.version = "9.9",
				   .argv = argv,
				   .host = "box",
				   .kernel = "6.1.0",
				   .started = {1795853886, 5000},
				   .duration_ns = 1500000000,
				   .child_done = true,
				   .child_status = SIGSEGV | 0x80,
				   .policy_file = "ci.policy",
				   .policy_action = "report",
				   .violations = &viol,
				   .crashes = &crashes,
				   .story = &story};
}

static void done(void)
{
	story_free(&story);
	report_list_free(&viol);
	report_list_free(&crashes);
}

Test(report_page, json_holds_the_run, .fini = done)
{
	struct report_run r = make();
	struct strbuf sb = {0};

	report_list_add(&viol, 2, 42, "connect(3, ...) in /usr/bin/curl", 32);
	report_list_add(&viol, 2, 43, "second", 6);
	report_list_add(&viol, 2, 44, "third: counted, not kept", 24);
	report_list_add(&crashes, REPORT_CRASHES_MAX, 42, "=== ptrc crash report ===\n", 26);
	report_page_json(&sb, &r);
	cr_assert(strstr(sb.buf,
			 "{\"ptrc\":\"9.9\",\"command\":[\"python3\",\"x.py\","
			 "\"</"
			 "script><!--<script>\"],\"attached\":[],\"host\":\"box\",\"kernel\":\"6.1."
			 "0\","
			 "\"started\":\"2026-11-28T08:18:06.000005000Z\",\"duration_s\":1.500000,"
			 "\"status\":{\"how\":\"killed\",\"signal\":\"SIGSEGV\","
			 "\"core_dumped\":true},\"policy\":{\"file\":\"ci.policy\","
			 "\"action\":\"report\"},\"violations_total\":3,\"violations\":["
			 "{\"pid\":42,\"text\":\"connect(3, ...) in /usr/bin/curl\"},"
			 "{\"pid\":43,\"text\":\"second\"}],\"crashes_total\":1,\"crashes\":["
			 "{\"pid\":42,\"text\":\"=== ptrc crash report ===\\n\"}],"
			 "\"tree\":{\"type\":\"summary_tree\","),
		  "%s", sb.buf);
	cr_assert_eq(sb.buf[sb.len - 1], '\n');
	strbuf_free(&sb);
}

Test(report_page, attach_mode_names_the_pids, .fini = done)
{
	struct report_run r = make();
	pid_t pids[] = {7, 8};
	struct strbuf sb = {0};

	r.argv = NULL, r.pids = pids, r.npids = 2, r.child_done = false, r.policy_file = NULL;
	report_page_json(&sb, &r);
	cr_assert(strstr(sb.buf, "\"command\":null,\"attached\":[7,8],"), "%s", sb.buf);
	cr_assert(strstr(sb.buf, "\"status\":null,\"policy\":null,\"violations_total\":0,"
				 "\"violations\":[],\"crashes_total\":0,\"crashes\":[]"),
		  "%s", sb.buf);
	strbuf_free(&sb);
}

/* The data element holds the JSON, where nothing can end it or start a comment. */
Test(report_page, page_embeds_escaped_json, .fini = done)
{
	struct report_run r = make();
	struct strbuf sb = {0};

	cr_assert_eq(report_page_format(&sb, &r), 0);
	cr_assert(!strstr(sb.buf, REPORT_PAGE_MARKER));
	const char *open = "<script type=\"application/json\" id=\"run\">";
	char *data = strstr(sb.buf, open);
	cr_assert(data);
	data += strlen(open);
	char *end = strstr(data, "</script>");
	cr_assert(end);
	*end = '\0';
	cr_assert(!strchr(data, '<'), "a '<' in the data: %s", data);
	cr_assert(strstr(data, "\"\\u003c/script>\\u003c!--\\u003cscript>\""), "%s", data);
	cr_assert(strstr(data, "python3 x.py \\u2028 \\u2029"), "%s", data);
	cr_assert(!strstr(data, "\xe2\x80\xa8") && !strstr(data, "\xe2\x80\xa9"));
	/* The page around it is the template's, whole. */
	cr_assert_eq(sb.len, report_page_html_len - strlen(REPORT_PAGE_MARKER) + strlen(data));
	strbuf_free(&sb);
}

/* Self-contained: the template names no resource outside itself. */
Test(report_page, template_loads_nothing)
{
	const char *page = (const char *)report_page_html;

	cr_assert_eq(strlen(page), report_page_html_len);
	cr_assert(!strstr(page, "http"));
	cr_assert(!strstr(page, "src="));
	cr_assert(!strstr(page, "url("));
	cr_assert(!strstr(page, "@import"));
	cr_assert(!strstr(page, "innerHTML"));
	for (const char *h = page; (h = strstr(h, "href=")); h += 5)
		cr_assert(!strncmp(h, "href=\"#", 7), "%.60s", h);
}
