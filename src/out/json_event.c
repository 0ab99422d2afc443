/* One JSON object per event (docs/json.md, "Events"). */
#include "json.h"

#include <inttypes.h>
#include <string.h>
#include <sys/wait.h>

#include "../../arch/abi.h"
#include "../sys/signame.h"
#include "../sys/sysent.h"
#include "summary.h"

void json_begin(struct strbuf *sb, const char *type, const struct json_head *h)
{
	strbuf_addf(sb, "{\"type\":\"%s\"", type);
	if (h->ts.tv_sec || h->ts.tv_nsec) {
		strbuf_adds(sb, ",\"ts\":");
		json_time(sb, &h->ts);
	}
	strbuf_addf(sb, ",\"pid\":%d,\"tid\":%d", (int)h->pid, (int)h->tid);
	if (h->proc)
		strbuf_addf(sb, ",\"proc\":%" PRIu64, h->proc);
	if (h->task)
		strbuf_addf(sb, ",\"task\":%" PRIu64, h->task);
}

void json_path_member(struct strbuf *sb, const char *key, const char *path)
{
	strbuf_addf(sb, ",\"%s\":", key);
	if (path)
		json_bytes(sb, path, strlen(path), false, false);
	else
		strbuf_adds(sb, "null");
}

void json_end(struct strbuf *sb)
{
	strbuf_adds(sb, "}\n");
}

void json_signal_member(struct strbuf *sb, const char *key, int sig)
{
	strbuf_addf(sb, ",\"%s\":", key);
	json_signame(sb, sig);
}

void json_header(struct strbuf *sb, const char *ptrc_version)
{
	strbuf_addf(sb, "{\"type\":\"header\",\"schema\":%d,\"ptrc\":", JSON_SCHEMA_VERSION);
	json_cstr(sb, ptrc_version);
	json_end(sb);
}

void json_ret_members(struct strbuf *sb, const struct sc_event *ev)
{
	if (!ev->exited) {
		strbuf_adds(sb, ",\"ret\":null");
		return;
	}
	/* -e inject= made the result (or held the call): strace's (INJECTED), (DELAYED). */
	if (ev->tampered & SC_INJECTED)
		strbuf_adds(sb, ",\"injected\":true");
	if (ev->tampered & SC_DELAYED)
		strbuf_adds(sb, ",\"delayed\":true");
	if (ev->tampered & SC_POKED)
		strbuf_adds(sb, ",\"poked\":true"); /* strace's (INJECTED: args) */
	if (ev->is_error) {
		int64_t err = -ev->ret;
		/* Restart codes never reach the program: strace's "= ?". */
		strbuf_adds(sb, errno_is_restart(err) ? ",\"ret\":null" : ",\"ret\":-1");
		strbuf_adds(sb, ",\"errno\":");
		if (errno_name(err))
			json_cstr(sb, errno_name(err));
		else
			strbuf_addf(sb, "%" PRId64, err);
		return;
	}
	strbuf_adds(sb, ",\"ret\":");
	if (ev->retv.kind == VAL_NONE)
		strbuf_addf(sb, "%" PRId64, ev->ret);
	else
		json_val(sb, &ev->retv);
	if (ev->ret_note.kind != VAL_NONE) {
		strbuf_adds(sb, ",\"ret_note\":");
		json_val(sb, &ev->ret_note);
	}
}

/* The syscall members shared by "syscall", "violation" and crash lines. */
void json_call_members(struct strbuf *sb, const struct sc_event *ev)
{
	strbuf_adds(sb, ",\"name\":");
	json_cstr(sb, ev->name);
	if (ev->abi)
		strbuf_addf(sb, ",\"abi\":\"%s\"", ev->abi->name);
	strbuf_addf(sb, ",\"nr\":%" PRIu64 ",\"args\":[", ev->nr);
	for (unsigned i = 0; i < ev->nargs; i++) {
		if (i)
			strbuf_addc(sb, ',');
		/* An output argument of a call that did not return has no value. */
		if (i >= ev->split && !ev->exited)
			strbuf_adds(sb, "null");
		else
			json_val(sb, &ev->args[i]);
	}
	strbuf_addc(sb, ']');
}

void json_syscall(struct strbuf *sb, const struct json_head *h, const struct sc_event *ev,
		  const struct unwind_trace *stack)
{
	json_begin(sb, "syscall", h);
	json_call_members(sb, ev);
	json_ret_members(sb, ev);
	if (ev->exited && ev->duration_ns >= 0)
		strbuf_addf(sb, ",\"duration_ns\":%" PRId64, ev->duration_ns);
	if (stack)
		json_stack_member(sb, stack);
	json_end(sb);
}

void json_signal(struct strbuf *sb, const struct json_head *h, int sig, const struct val *siginfo)
{
	json_begin(sb, "signal", h);
	json_signal_member(sb, "signal", sig);
	strbuf_adds(sb, ",\"siginfo\":");
	if (siginfo)
		json_val(sb, siginfo);
	else
		strbuf_adds(sb, "null");
	json_end(sb);
}

/* cmdline's NUL-terminated strings as an array, every byte kept. */
static void add_argv(struct strbuf *sb, const char *buf, size_t len)
{
	strbuf_adds(sb, ",\"argv\":");
	if (!buf) {
		strbuf_adds(sb, "null");
		return;
	}
	strbuf_addc(sb, '[');
	for (size_t i = 0, n = 0; i < len; n++) {
		size_t l = strnlen(buf + i, len - i);
		if (n)
			strbuf_addc(sb, ',');
		json_bytes(sb, buf + i, l, false, false);
		i += l + 1;
	}
	strbuf_addc(sb, ']');
}

void json_exec(struct strbuf *sb, const struct json_head *h, const struct json_exec *e)
{
	json_begin(sb, "exec", h);
	json_path_member(sb, "exe", e->exe);
	add_argv(sb, e->argv, e->argv_len);
	json_path_member(sb, "cwd", e->cwd);
	strbuf_adds(sb, ",\"abi\":");
	json_cstr(sb, e->abi);
	if (e->former_tid && e->former_tid != h->tid)
		strbuf_addf(sb, ",\"former_tid\":%d", (int)e->former_tid);
	json_end(sb);
}

void json_task_start(struct strbuf *sb, const struct json_head *h, enum json_start how,
		     pid_t parent_tid, uint64_t parent_task)
{
	static const char *const names[] = {
		[JSON_START_LAUNCH] = "launch", [JSON_START_ATTACH] = "attach",
		[JSON_START_FORK] = "fork",	[JSON_START_VFORK] = "vfork",
		[JSON_START_CLONE] = "clone",	[JSON_START_UNKNOWN] = "unknown",
	};

	json_begin(sb, "task_start", h);
	strbuf_addf(sb, ",\"how\":\"%s\"", names[how]);
	if (parent_tid)
		strbuf_addf(sb, ",\"parent_tid\":%d", (int)parent_tid);
	if (parent_task)
		strbuf_addf(sb, ",\"parent_task\":%" PRIu64, parent_task);
	json_end(sb);
}

void json_task_exit(struct strbuf *sb, const struct json_head *h, int wait_status, const char *exe)
{
	json_begin(sb, "task_exit", h);
	strbuf_addc(sb, ',');
	json_wstatus_members(sb, wait_status);
	json_path_member(sb, "exe", exe);
	json_end(sb);
}

static void add_rule(struct strbuf *sb, const char *file, unsigned line, const char *text)
{
	strbuf_adds(sb, ",\"rule\":");
	if (!file) {
		strbuf_adds(sb, "null");
		return;
	}
	strbuf_adds(sb, "{\"file\":");
	json_cstr(sb, file);
	strbuf_addf(sb, ",\"line\":%u", line);
	if (text) {
		strbuf_adds(sb, ",\"text\":");
		json_cstr(sb, text);
	}
	strbuf_addc(sb, '}');
}

void json_violation(struct strbuf *sb, const struct json_head *h, const struct sc_event *ev,
		    const struct json_violation *v, const struct unwind_trace *stack)
{
	json_begin(sb, "violation", h);
	strbuf_adds(sb, ",\"action\":");
	json_cstr(sb, v->action);
	json_path_member(sb, "exe", v->exe);
	add_rule(sb, v->rule_file, v->rule_line, v->rule_text);
	if (v->leads_to)
		json_path_member(sb, "leads_to", v->leads_to);
	json_call_members(sb, ev);
	if (stack)
		json_stack_member(sb, stack);
	json_end(sb);
}

static void summary_abi(struct strbuf *sb, const struct summary *s, unsigned id)
{
	const struct ptrc_abi *abi = abi_by_id((enum abi_id)id);
	uint64_t calls = 0, errors = 0, ns = 0;
	bool first = true;

	strbuf_addf(sb, "{\"abi\":\"%s\",\"syscalls\":[", abi->name);
	for (unsigned nr = 0; nr < s->len[id]; nr++) {
		const struct summary_row *r = &s->rows[id][nr];
		const struct sysent *ent;
		if (!r->calls)
			continue;
		const char *name = systab_lookup(abi, nr, &ent);
		if (!first)
			strbuf_addc(sb, ',');
		first = false;
		strbuf_adds(sb, "{\"name\":");
		if (name)
			json_cstr(sb, name);
		else
			strbuf_addf(sb, "\"syscall_%#x\"", nr);
		strbuf_addf(sb,
			    ",\"calls\":%" PRIu64 ",\"errors\":%" PRIu64 ",\"time_ns\":%" PRIu64
			    "}",
			    r->calls, r->errors, r->time_ns);
		calls += r->calls, errors += r->errors, ns += r->time_ns;
	}
	strbuf_addf(sb,
		    "],\"total\":{\"calls\":%" PRIu64 ",\"errors\":%" PRIu64 ",\"time_ns\":%" PRIu64
		    "}}",
		    calls, errors, ns);
}

void json_summary(struct strbuf *sb, const struct summary *s)
{
	bool first = true;

	strbuf_adds(sb, "{\"type\":\"summary\",\"abis\":[");
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		if (!s->rows[id])
			continue;
		if (!first)
			strbuf_addc(sb, ',');
		first = false;
		summary_abi(sb, s, id);
	}
	strbuf_addc(sb, ']');
	json_end(sb);
}

void json_policy_summary(struct strbuf *sb, const struct json_violation_count *items, size_t n,
			 const char *action)
{
	uint64_t total = 0;

	strbuf_adds(sb, "{\"type\":\"policy_summary\",\"action\":");
	json_cstr(sb, action);
	strbuf_adds(sb, ",\"violations\":[");
	for (size_t i = 0; i < n; i++) {
		const struct json_violation_count *c = &items[i];
		if (i)
			strbuf_addc(sb, ',');
		strbuf_adds(sb, "{\"syscall\":");
		json_cstr(sb, c->syscall);
		json_path_member(sb, "exe", c->exe);
		add_rule(sb, c->rule_file, c->rule_line, NULL);
		strbuf_addf(sb, ",\"count\":%" PRIu64 "}", c->count);
		total += c->count;
	}
	strbuf_addf(sb, "],\"total\":%" PRIu64, total);
	json_end(sb);
}
