/*
 * --report FILE.html: what the page shows beyond the story (core/story.c) is
 * kept as the run goes, the crash reports and the policy violations as text;
 * at the end the page is made (out/report_page.c) and written.
 */
#include "report_page.h"

#include <string.h>
#include <sys/utsname.h>
#include <time.h>

#include "crash/crash.h"
#include "out/report_page.h"
#include "policy_hook.h"
#include "tracer.h"
#include "util/outfile.h"
#include "util/clock.h"

void report_keep_crash(struct tracer *t, struct task *task, const struct crash_report *rep,
		       const struct strbuf *text)
{
	struct strbuf own = {0};

	if (!t->cfg->page_file)
		return;
	if (!text && t->rp.crashes.n < REPORT_CRASHES_MAX) {
		crash_format(&own, rep, &t->topt);
		text = &own;
	}
	report_list_add(&t->rp.crashes, REPORT_CRASHES_MAX, task->proc->tgid, text ? text->buf : "",
			text ? text->len : 0);
	strbuf_free(&own);
}

void report_keep_violation(struct tracer *t, struct task *task,
			   const struct policy_verdict *verdict, const char *code, const char *rule)
{
	struct strbuf sb = {0};

	if (!t->cfg->page_file)
		return;
	if (t->rp.violations.n < REPORT_VIOLATIONS_MAX)
		text_violation_body(&sb, &task->ev, task->proc->exe, code, verdict->leads_to, rule,
				    &t->topt);
	report_list_add(&t->rp.violations, REPORT_VIOLATIONS_MAX, task->proc->tgid,
			sb.buf ? sb.buf : "", sb.len);
	strbuf_free(&sb);
}

static int64_t run_ns(const struct tracer *t)
{
	return mono_since_ns(&t->story_t0);
}

void report_write(struct tracer *t)
{
	const struct config *cfg = t->cfg;
	struct strbuf sb = {0};
	struct utsname u;

	if (!cfg->page_file || t->rp.written)
		return;
	t->rp.written = true;
	story_settle(t);
	bool uts = uname(&u) == 0;
	struct report_run r = {.version = PTRC_VERSION,
			       .argv = cfg->argv && cfg->argv[0] ? cfg->argv : NULL,
			       .pids = cfg->pids,
			       .npids = cfg->npids,
			       .host = uts ? u.nodename : NULL,
			       .kernel = uts ? u.release : NULL,
			       .started = t->rp.started,
			       .duration_ns = run_ns(t),
			       .child_done = t->child && t->child_done,
			       .child_status = t->child_status,
			       .policy_file = cfg->policy_file,
			       .policy_action = policy_hook_action_name(t),
			       .violations = &t->rp.violations,
			       .crashes = &t->rp.crashes,
			       .story = &t->story};
	int rc = report_page_format(&sb, &r);
	if (rc == 0)
		rc = outfile_put(cfg->page_file, sb.buf, sb.len);
	if (rc < 0) {
		tracer_msg("--report: writing '%s': %s", cfg->page_file, outfile_strerror(rc));
		t->output_lost = true;
	}
	strbuf_free(&sb);
}

void report_free(struct tracer *t)
{
	report_list_free(&t->rp.crashes);
	report_list_free(&t->rp.violations);
}
