/* --report FILE.html: the run as one page (report_page.c; the page: out/report_page.h). */
#ifndef PTRC_CORE_REPORT_PAGE_H
#define PTRC_CORE_REPORT_PAGE_H

#include <stdbool.h>

struct tracer;
struct task;
struct crash_report;
struct policy_verdict;
struct strbuf;

/* A crash report for the page (the first REPORT_CRASHES_MAX); text: as printed, or NULL. */
void report_keep_crash(struct tracer *t, struct task *task, const struct crash_report *rep,
		       const struct strbuf *text);
/* A policy violation's line for the page (the first REPORT_VIOLATIONS_MAX). */
void report_keep_violation(struct tracer *t, struct task *task,
			   const struct policy_verdict *verdict, const char *code,
			   const char *rule);
/*
 * At the end of the run (also a detach, Ctrl-C): the page, written once.  A file that
 * cannot be written is said in one line, and the run's output is lost (exit status 74).
 */
void report_write(struct tracer *t);
void report_free(struct tracer *t);

#endif
