/*
 * --policy-report FILE: the facts of each violation, taken while the call is stopped (its
 * decoded arguments, its stack), and the report written at the end of the run
 * (policy_hook_finish).  The formats are src/out/policy_report.c's.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out/fmt_text.h"
#include "out/policy_report.h"
#include "policy_hook.h"
#include "tracer.h"
#include "util/xalloc.h"

#ifndef PTRC_INFO_URI
#define PTRC_INFO_URI "file:///usr/share/doc/ptrc/policy.md"
#endif

static const char *keep(struct arena *ar, const char *s)
{
	return s ? arena_strndup(ar, s, strlen(s)) : NULL;
}

/* The source line of the code that made the call (policy_report_pick), in w. */
static void where(struct tracer *t, struct task *task, struct report_where *w)
{
	struct arena *ar = &t->pol.report_ar;
	char link[64], cwd[PATH_MAX];
	const char *cwdp = NULL;

	/* A relative Python file name is relative to the process's cwd. */
	snprintf(link, sizeof(link), "/proc/%d/cwd", (int)task->tid);
	ssize_t n = readlink(link, cwd, sizeof(cwd) - 1);
	if (n > 0) {
		cwd[n] = '\0';
		cwdp = cwd;
	}
	const struct unwind_frame *f =
		policy_report_pick(&task->stack, t->pol.srcroot, task->proc->exe, cwdp);
	if (!f)
		return;
	struct strbuf path = {0};
	policy_report_path(&path, f->file, f->flags & UNWIND_FRAME_PYTHON, cwdp);
	w->file = keep(ar, path.buf);
	w->line = f->line;
	w->func = keep(ar, f->func);
	w->python = f->flags & UNWIND_FRAME_PYTHON;
	strbuf_free(&path);
}

void policy_hook_record(struct tracer *t, struct task *task, const struct policy_verdict *v)
{
	struct policy_state *ps = &t->pol;
	const struct sc_event *ev = &task->ev;
	struct strbuf call = {0};

	if (!t->cfg->report_file || ps->nrv >= REPORT_KEEP)
		return; /* the rest are counted: ps->total */
	if (!ps->rv)
		ps->rv = xcalloc(REPORT_KEEP, sizeof(*ps->rv));
	/* The call as the trace's violation line shows it (text_violation). */
	strbuf_adds(&call, ev->name);
	strbuf_addc(&call, '(');
	text_args(&call, ev, 0, ev->nargs, &t->topt);
	strbuf_addc(&call, ')');
	struct report_violation *rv = &ps->rv[ps->nrv++];
	*rv = (struct report_violation){
		.pid = task->proc->tgid,
		.exe = keep(&ps->report_ar, task->proc->exe),
		.syscall = keep(&ps->report_ar, ev->name),
		.call = keep(&ps->report_ar, call.buf),
		.action = policy_hook_action_name(t),
		.rule_line = v->rule ? v->rule->line : 0,
		.rule_text = v->rule ? v->rule->text : NULL, /* the policy outlives the report */
		.leads_to = keep(&ps->report_ar, v->leads_to),
	};
	where(t, task, &rv->where);
	strbuf_free(&call);
}

void policy_hook_report(struct tracer *t, struct strbuf *sb)
{
	const struct policy_state *ps = &t->pol;
	struct report r = {
		.policy = t->cfg->policy_file,
		.action = policy_hook_action_name(t),
		.srcroot = ps->srcroot,
		.version = PTRC_VERSION,
		.info_uri = PTRC_INFO_URI,
		.v = ps->rv,
		.n = ps->nrv,
		.total = ps->total,
	};

	policy_report_format(sb, &r, t->cfg->report_format);
}

void policy_hook_report_free(struct tracer *t)
{
	struct policy_state *ps = &t->pol;

	free(ps->rv);
	ps->rv = NULL;
	ps->nrv = 0;
	arena_free(&ps->report_ar);
	free(ps->srcroot);
	ps->srcroot = NULL;
}
