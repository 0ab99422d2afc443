/*
 * Where the event loop's events become output: strace text or JSON Lines.
 * The loop decides what happened and whether it is shown; this file only
 * chooses the format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <limits.h>
#include <unistd.h>

#include "arch/abi.h"
#include "crash/crash.h"
#include "out/json.h"
#include "unwind/fmt_frames.h"
#include "sys/signame.h"
#include "report_page.h"
#include "timeline.h"
#include "tracer.h"
#include "util/readfile.h"
#include "util/xalloc.h"

/* The most of an exec event's argv that is read: the kernel's own limit is lower. */
enum { EXEC_ARGV_MAX = 4 << 20 };

static bool json(const struct tracer *t)
{
	return t->cfg->json;
}

static struct json_head head(const struct task *task)
{
	struct json_head h = {.pid = task->proc->tgid,
			      .tid = task->tid,
			      .proc = task->proc->id,
			      .task = task->id};

	clock_gettime(CLOCK_REALTIME, &h.ts);
	return h;
}

/* Writes one JSON line, after the stream's header line if it has none yet. */
static void put_json(struct tracer *t, struct task *task, struct strbuf *sb)
{
	struct out_stream *s = task_stream(t, task);

	if (!s->started) {
		struct strbuf hdr = {0};
		json_header(&hdr, PTRC_VERSION);
		out_write(s, hdr.buf, hdr.len);
		strbuf_free(&hdr);
		s->started = true;
	}
	out_write(s, sb->buf, sb->len);
	strbuf_free(sb);
}

void emit_sc_entry(struct tracer *t, struct task *task)
{
	if (json(t))
		return; /* a JSON syscall is one object, written at the exit */
	struct text_lead l = task_lead(t, task);
	text_sc_entry(task_stream(t, task), &l, &task->ev, &t->topt);
}

void emit_sc_exit(struct tracer *t, struct task *task)
{
	timeline_call(t, task);
	if (json(t)) {
		struct strbuf sb = {0};
		struct json_head h = head(task);
		h.ts = task->ev.t_wall; /* a call is stamped with its start */
		json_syscall(&sb, &h, &task->ev,
			     t->cfg->kflag && task->stack.n ? &task->stack : NULL);
		put_json(t, task, &sb);
		return;
	}
	struct text_lead l = task_lead(t, task);
	if (task->ev.exited)
		text_sc_exit(task_stream(t, task), &l, &task->ev, &t->topt);
	else
		text_sc_noreturn(task_stream(t, task), &l, &task->ev, &t->topt);
	iodump_exit(t, task); /* -e read=, -e write=: the data, under the line */
}

void emit_sc_detached(struct tracer *t, struct task *task)
{
	if (json(t)) {
		task->ev.exited = false;
		emit_sc_exit(t, task);
		return;
	}
	struct text_lead l = task_lead(t, task);
	text_sc_detached(task_stream(t, task), &l, &task->ev);
}

void emit_signal(struct tracer *t, struct task *task, int sig, const struct val *siginfo)
{
	timeline_signal(t, task, sig);
	if (t->lifecycle_quiet)
		return;
	if (json(t)) {
		struct strbuf sb = {0};
		struct json_head h = head(task);
		json_signal(&sb, &h, sig, siginfo);
		put_json(t, task, &sb);
		return;
	}
	struct text_lead l = task_lead(t, task);
	text_signal(task_stream(t, task), &l, sig, siginfo, &t->topt);
}

void emit_group_stop(struct tracer *t, struct task *task, int sig)
{
	char name[32];

	if (json(t) || t->lifecycle_quiet)
		return; /* the signal that stopped it was an event of its own */
	struct text_lead l = task_lead(t, task);
	text_line(task_stream(t, task), &l, "--- stopped by %s ---",
		  signame(sig, name, sizeof(name)) ? name : "?");
}

void emit_task_end(struct tracer *t, struct task *task, int status)
{
	char name[32];

	timeline_task_end(t, task, status);
	if (json(t)) {
		struct strbuf sb = {0};
		struct json_head h = head(task);
		json_task_exit(&sb, &h, status, task->proc->exe);
		put_json(t, task, &sb);
		return;
	}
	struct text_lead l = task_lead(t, task);
	l.ip_known = false; /* an ended task has no pc: strace's "[????????????????]" */
	struct out_stream *s = task_stream(t, task);
	if (WIFEXITED(status) && !(t->cfg->quiet & QUIET_EXIT) && !t->lifecycle_quiet)
		text_line(s, &l, "+++ exited with %d +++", WEXITSTATUS(status));
	else if (WIFSIGNALED(status) && cli_signal_shown(t->cfg, WTERMSIG(status)))
		text_line(s, &l, "+++ killed by %s%s +++",
			  signame(WTERMSIG(status), name, sizeof(name)) ? name : "?",
			  WCOREDUMP(status) ? " (core dumped)" : "");
}

void emit_superseded(struct tracer *t, struct task *leader, pid_t old_tid)
{
	if (json(t) || (t->cfg->quiet & QUIET_THREAD_EXECVE))
		return; /* the exec event names the former tid */
	struct text_lead l = task_lead(t, leader);
	text_line(task_stream(t, leader), &l, "+++ superseded by execve in pid %d +++",
		  (int)old_tid);
}

void emit_exec(struct tracer *t, struct task *task, const struct ptrc_abi *abi, pid_t former_tid)
{
	char path[64], cwd[PATH_MAX];
	struct json_exec e = {.exe = proc_exe(task), .abi = abi->name, .former_tid = former_tid};

	if (t->tl.on) { /* the program is the process's name from here */
		timeline_instant(t, task, 'p', "process", "exec", "program", e.exe);
		timeline_task_start(t, task);
	}
	if (!json(t))
		return; /* strace's text shows the execve line itself */
	/* After the exec, the new program's own argv and cwd, whole: nothing is cut at -s. */
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)task->tid);
	char *argv = readfile(path, EXEC_ARGV_MAX, &e.argv_len);
	e.argv = argv;
	snprintf(path, sizeof(path), "/proc/%d/cwd", (int)task->tid);
	ssize_t n = readlink(path, cwd, sizeof(cwd) - 1);
	if (n > 0) {
		cwd[n] = '\0';
		e.cwd = cwd;
	}
	struct strbuf sb = {0};
	struct json_head h = head(task);
	json_exec(&sb, &h, &e);
	put_json(t, task, &sb);
	free(argv);
}

void emit_task_start(struct tracer *t, struct task *task, int how, const struct task *parent)
{
	timeline_task_start(t, task);
	if (!json(t))
		return;
	struct strbuf sb = {0};
	struct json_head h = head(task);
	json_task_start(&sb, &h, (enum json_start)how, parent ? parent->tid : 0,
			parent ? parent->id : 0);
	put_json(t, task, &sb);
}

void emit_personality(struct tracer *t, struct task *task, const struct ptrc_abi *abi)
{
	/* strace's message, not a trace line: never in a -o file, and -q hides it. */
	if (json(t) || (t->cfg->quiet & QUIET_PERSONALITY) || t->lifecycle_quiet)
		return; /* the exec event names the ABI; a policy run prints no trace */
	if (t->cfg->outfile) {
		fprintf(stderr, "[ Process PID=%d runs in %d bit mode. ]\n", (int)task->tid,
			abi->word_size * 8);
		return;
	}
	struct text_lead l = task_lead(t, task);
	text_line(task_stream(t, task), &l, "[ Process PID=%d runs in %d bit mode. ]",
		  (int)task->tid, abi->word_size * 8);
}

/* The rule a violation broke, as its line names it. */
static void rule_where(const struct tracer *t, const struct policy_rule *rule, char *buf,
		       size_t len)
{
	const char *file = t->cfg->policy_file;

	if (rule && !rule->line) /* one ptrc adds (io_uring) */
		snprintf(buf, len, "%s: %s", file, rule->text);
	else if (rule)
		snprintf(buf, len, "%s:%u: %s", file, rule->line, rule->text);
	else
		snprintf(buf, len, "%s: the default", file);
}

void emit_violation(struct tracer *t, struct task *task, const struct policy_verdict *verdict,
		    const char *action)
{
	const char *file = t->cfg->policy_file;
	const struct policy_rule *rule = verdict->rule;
	char where[512];
	/* In Python, the line of the job's code that made the call. */
	struct strbuf code = {0};

	for (size_t i = 0; i < task->stack.n && !code.len; i++)
		if (task->stack.frames[i].flags & UNWIND_FRAME_PYTHON)
			fmt_python_where(&code, &task->stack.frames[i]);
	rule_where(t, rule, where, sizeof(where));
	report_keep_violation(t, task, verdict, code.len ? code.buf : NULL, where);
	if (json(t)) {
		struct strbuf sb = {0};
		struct json_head h = head(task);
		struct json_violation v = {
			.action = action,
			.exe = task->proc->exe,
			.rule_file = rule ? file : NULL,
			.rule_line = rule ? rule->line : 0,
			.rule_text = rule ? rule->text : NULL,
			.leads_to = verdict->leads_to,
		};
		json_violation(&sb, &h, &task->ev, &v, task->stack.n ? &task->stack : NULL);
		put_json(t, task, &sb);
		strbuf_free(&code);
		return;
	}
	struct text_lead l = task_lead(t, task);
	text_violation(task_stream(t, task), &l, &task->ev, action, task->proc->exe,
		       code.len ? code.buf : NULL, verdict->leads_to, where, &t->topt);
	strbuf_free(&code);
	if (task->stack.n)
		emit_stack(t, task);
}

/* A crash report: a JSON line, or the text report in the trace and, with -o, on stderr. */
void emit_crash(struct tracer *t, struct task *task, const struct crash_report *rep)
{
	struct strbuf sb = {0};

	story_crash(t, task, rep);
	if (t->tl.on) {
		char name[32], what[64];
		snprintf(what, sizeof(what), "crash: %s",
			 signame(rep->signo, name, sizeof(name)) ? name : "?");
		timeline_instant(t, task, 'p', "crash", what, NULL, NULL);
	}
	if (json(t)) {
		struct json_head h = head(task);
		json_crash(&sb, &h, rep);
		put_json(t, task, &sb);
		report_keep_crash(t, task, rep, NULL);
		return;
	}
	struct out_stream *s = task_stream(t, task);
	crash_format(&sb, rep, &t->topt);
	report_keep_crash(t, task, rep, &sb);
	out_close_open_line(s);
	out_write(s, sb.buf, sb.len);
	out_flush(s);
	if (t->cfg->outfile)
		(void)!write(STDERR_FILENO, sb.buf, sb.len);
	strbuf_free(&sb);
}

void emit_stack(struct tracer *t, struct task *task)
{
	struct strbuf sb = {0};
	struct fmt_frames_opts o = {.python_only = t->cfg->py_stacks};

	fmt_frames(&sb, &task->stack, &o);
	/* --py-stacks in a thread that runs no Python: nothing to print. */
	if (sb.len)
		out_write(task_stream(t, task), sb.buf, sb.len);
	strbuf_free(&sb);
}

void emit_policy_summary(struct tracer *t)
{
	struct policy_state *ps = &t->pol;

	if (!json(t))
		return; /* the text summary goes to stderr (policy_hook.c) */
	struct json_violation_count *items = xcalloc(ps->nv ? ps->nv : 1, sizeof(*items));
	for (size_t i = 0; i < ps->nv; i++)
		items[i] = (struct json_violation_count){
			.syscall = ps->v[i].name,
			.exe = ps->v[i].exe,
			.rule_file = ps->v[i].rule ? t->cfg->policy_file : NULL,
			.rule_line = ps->v[i].rule ? ps->v[i].rule->line : 0,
			.count = ps->v[i].count,
		};
	struct strbuf sb = {0};
	json_policy_summary(&sb, items, ps->nv,
			    t->cfg->policy_action == POLICY_ACT_DENY   ? "deny"
			    : t->cfg->policy_action == POLICY_ACT_KILL ? "kill"
								       : "report");
	out_close_open_line(&t->out);
	out_write(&t->out, sb.buf, sb.len);
	strbuf_free(&sb);
	free(items);
}

void emit_summary(struct tracer *t)
{
	struct strbuf sb = {0};

	if (json(t))
		json_summary(&sb, &t->summary);
	else
		summary_format(&t->summary, t->cfg->sort, &t->cfg->summary_layout, &sb);
	out_close_open_line(&t->out);
	if (sb.len)
		out_write(&t->out, sb.buf, sb.len);
	strbuf_free(&sb);
}
