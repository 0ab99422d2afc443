/*
 * --report FILE.html: one self-contained page of a run, for a person to open
 * or attach to a ticket.  The page is HTML, CSS and JavaScript
 * (report_page.html, built in as bytes by cmake/gen_embed.cmake); the run's
 * facts go into it as one JSON element that its script renders.  Pure: the
 * tracer keeps the facts (core/report_page.c) and writes the file.
 */
#ifndef PTRC_OUT_REPORT_PAGE_H
#define PTRC_OUT_REPORT_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "out/story.h"
#include "util/strbuf.h"

/* The page's source, as bytes (generated: build/gen/report_page_html.c). */
extern const unsigned char report_page_html[];
extern const size_t report_page_html_len;

/* What the template holds where the run's JSON goes. */
#define REPORT_PAGE_MARKER "@PTRC_RUN_DATA@"

enum { REPORT_VIOLATIONS_MAX = 200, REPORT_CRASHES_MAX = 20 };

/* A text of the run a process made: a policy violation's line, a crash report. */
struct report_item {
	pid_t pid;
	char *text; /* owned */
};

/* The first max items kept, and how many there were. */
struct report_list {
	struct report_item *v;
	uint32_t n;
	uint64_t total;
};

/* Keeps a copy of text (len bytes) while fewer than max are kept; counts it anyway. */
void report_list_add(struct report_list *l, uint32_t max, pid_t pid, const char *text, size_t len);
void report_list_free(struct report_list *l);

struct report_run {
	const char *version; /* ptrc's */
	char *const *argv;   /* the launched command, or NULL (attach mode) */
	const pid_t *pids;   /* -p */
	size_t npids;
	const char *host, *kernel; /* uname's nodename and release */
	struct timespec started;   /* CLOCK_REALTIME when the run began */
	int64_t duration_ns;
	bool child_done; /* the command ended with child_status (a wait status) */
	int child_status;
	const char *policy_file;   /* --policy, or NULL */
	const char *policy_action; /* "report", "deny", "kill" */
	const struct report_list *violations, *crashes;
	const struct story *story;
};

/* The run as the page's JSON object (docs/usage.md, --report). */
void report_page_json(struct strbuf *sb, const struct report_run *r);
/*
 * The whole page: the template with the JSON in its data element, every '<' in it written
 * \u003c (no "</script>" or "<!--" can end or change the element) and U+2028/U+2029 as
 * escapes.  0, or -EINVAL when the template has no REPORT_PAGE_MARKER.
 */
int report_page_format(struct strbuf *sb, const struct report_run *r);

#endif
