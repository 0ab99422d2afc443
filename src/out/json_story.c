/* --summary-tree as data: {"type":"summary_tree","processes":[...]} (docs/json.md). */
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "sys/signame.h"
#include "story.h"
#include "util/xalloc.h"

static void seconds(struct strbuf *sb, const char *key, int64_t ns)
{
	strbuf_addf(sb, ",\"%s\":", key);
	if (ns < 0)
		strbuf_adds(sb, "null");
	else
		strbuf_addf(sb, "%.6f", ns / 1e9);
}

/* The programs, oldest first: progs holds them '\n'-separated. */
static void programs(struct strbuf *sb, const char *progs)
{
	strbuf_adds(sb, ",\"programs\":[");
	for (const char *s = progs; s && *s;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		if (s != progs)
			strbuf_addc(sb, ',');
		json_str(sb, s, n);
		s += n + (nl != NULL);
	}
	strbuf_addc(sb, ']');
}

static void end_members(struct strbuf *sb, const struct story_proc *p)
{
	static const char *const names[] = {
		[STORY_UNKNOWN] = "unknown",
		[STORY_RUNNING] = "running",
		[STORY_EXITED] = "exit",
		[STORY_KILLED] = "killed",
	};
	strbuf_adds(sb, ",\"end\":");
	json_cstr(sb, names[p->end]);
	if (p->end == STORY_EXITED)
		strbuf_addf(sb, ",\"exit_code\":%d", p->code);
	if (p->end == STORY_KILLED) {
		json_signal_member(sb, "signal", p->code);
		strbuf_addf(sb, ",\"core_dumped\":%s", p->core ? "true" : "false");
		if (p->killed_by && p->killer_sig == p->code)
			strbuf_addf(sb, ",\"signal_from\":%d", (int)p->killed_by);
		strbuf_addf(sb, ",\"crash_report\":%s", p->crash_report ? "true" : "false");
		if (p->likely_oom)
			strbuf_adds(sb, ",\"likely_cause\":\"oom_killer\"");
		if (p->pipe_reader && p->code == SIGPIPE) {
			strbuf_addf(sb, ",\"likely_cause\":\"pipe_reader_gone\",\"pipe_reader\":%d",
				    (int)p->pipe_reader);
			seconds(sb, "pipe_reader_gone_s", p->pipe_reader_end_ns);
		}
		if (p->full_fs && p->code == SIGBUS) {
			strbuf_adds(sb,
				    ",\"likely_cause\":\"filesystem_full\",\"full_filesystem\":");
			json_cstr(sb, p->full_fs);
		}
	}
}

/* "reads":1,"writes":2,"bytes_read":300,"bytes_written":40; a file's only when it moved
 * data (most files a process opens are read by mmap: the page stays small). */
static void io_members(struct strbuf *sb, const struct story_io *io, bool always)
{
	if (!always && !io->reads && !io->writes)
		return;
	strbuf_addf(sb,
		    ",\"reads\":%" PRIu32 ",\"writes\":%" PRIu32 ",\"bytes_read\":%" PRIu64
		    ",\"bytes_written\":%" PRIu64,
		    io->reads, io->writes, io->rbytes, io->wbytes);
}

/* Every endpoint it used and every socket call that failed with an address. */
static void network(struct strbuf *sb, const struct story_proc *p)
{
	if (p->nnets) {
		strbuf_adds(sb, ",\"network\":[");
		for (uint32_t i = 0; i < p->nnets; i++) {
			const struct story_net *n = &p->nets[i];
			strbuf_adds(sb, i ? ",{\"proto\":" : "{\"proto\":");
			json_cstr(sb, n->proto);
			strbuf_adds(sb, ",\"local\":");
			json_bytes(sb, n->local, strlen(n->local), false, false);
			strbuf_adds(sb, ",\"peer\":");
			if (n->peer)
				json_bytes(sb, n->peer, strlen(n->peer), false, false);
			else
				strbuf_adds(sb, "null");
			io_members(sb, &n->io, true);
			strbuf_addc(sb, '}');
		}
		strbuf_addc(sb, ']');
	}
	if (p->nets_dropped)
		strbuf_addf(sb, ",\"network_not_kept\":%" PRIu32, p->nets_dropped);
	if (!p->nnetfails)
		return;
	strbuf_adds(sb, ",\"network_failed\":[");
	for (uint32_t i = 0; i < p->nnetfails; i++) {
		const struct story_netfail *f = &p->netfails[i];
		strbuf_adds(sb, i ? ",{\"call\":" : "{\"call\":");
		json_cstr(sb, f->call);
		strbuf_adds(sb, ",\"address\":");
		json_bytes(sb, f->addr, strlen(f->addr), false, false);
		strbuf_adds(sb, ",\"errno\":");
		if (errno_name(f->err))
			json_cstr(sb, errno_name(f->err));
		else
			strbuf_addf(sb, "%d", f->err);
		strbuf_addf(sb, ",\"count\":%" PRIu32 "}", f->count);
	}
	strbuf_addc(sb, ']');
}

/* Every file it opened (STORY_FILES_MAX at most), in the order it first did. */
static void files(struct strbuf *sb, const struct story_proc *p)
{
	if (!p->nfiles)
		return;
	strbuf_adds(sb, ",\"files\":[");
	for (uint32_t i = 0; i < p->nfiles; i++) {
		const struct story_file *f = &p->files[i];
		strbuf_adds(sb, i ? ",{\"path\":" : "{\"path\":");
		json_bytes(sb, f->path, strlen(f->path), false, false);
		strbuf_addf(sb, ",\"opens\":%" PRIu32 ",\"failed\":%" PRIu32, f->opens, f->fails);
		io_members(sb, &f->io, false);
		if (f->fails) {
			strbuf_adds(sb, ",\"errno\":");
			if (errno_name(f->err))
				json_cstr(sb, errno_name(f->err));
			else
				strbuf_addf(sb, "%d", f->err);
		}
		strbuf_addc(sb, '}');
	}
	strbuf_addc(sb, ']');
	if (p->files_dropped)
		strbuf_addf(sb, ",\"files_not_kept\":%" PRIu32, p->files_dropped);
}

/* "left_open":[{"fd":3,"path":"/tmp/x"}]: what it had not closed when it ended. */
static void left_open(struct strbuf *sb, const struct story_proc *p)
{
	if (!p->left_open)
		return;
	strbuf_adds(sb, ",\"left_open\":[");
	bool first = true;
	for (const char *l = p->left_open; *l;) {
		const char *tab = strchr(l, '\t'), *nl = strchr(l, '\n');
		if (!tab || !nl || tab > nl)
			break;
		strbuf_addf(sb, "%s{\"fd\":%.*s,\"path\":", first ? "" : ",", (int)(tab - l), l);
		json_bytes(sb, tab + 1, (size_t)(nl - tab - 1), false, false);
		strbuf_addc(sb, '}');
		first = false;
		l = nl + 1;
	}
	strbuf_addf(sb, "],\"left_open_count\":%" PRIu32, p->nleft_open);
}

/* Each task of a process that had more than one: the first STORY_TASKS_MAX. */
static void tasks(struct strbuf *sb, const struct story_proc *p)
{
	if (p->threads < 2 || !p->ntasks)
		return;
	strbuf_adds(sb, ",\"tasks\":[");
	for (uint32_t i = 0; i < p->ntasks; i++) {
		const struct story_task *k = &p->tasks[i];
		strbuf_addf(sb, "%s{\"tid\":%d", i ? "," : "", (int)k->tid);
		seconds(sb, "start_s", k->start_ns);
		seconds(sb, "duration_s", k->end_ns < 0 ? -1 : k->end_ns - k->start_ns);
		strbuf_addc(sb, '}');
	}
	strbuf_addc(sb, ']');
	if (p->threads > p->ntasks)
		strbuf_addf(sb, ",\"tasks_not_kept\":%" PRIu32, p->threads - p->ntasks);
}

/* The signals it received, each with its count and the last sender when a process sent it. */
static void signals(struct strbuf *sb, const struct story_proc *p)
{
	if (!p->nsigs)
		return;
	strbuf_adds(sb, ",\"signals\":[");
	for (uint32_t i = 0; i < p->nsigs; i++) {
		const struct story_sig *g = &p->sigs[i];
		strbuf_adds(sb, i ? ",{\"signal\":" : "{\"signal\":");
		json_signame(sb, g->sig);
		strbuf_addf(sb, ",\"count\":%" PRIu32, g->count);
		if (g->from)
			strbuf_addf(sb, ",\"from\":%d", (int)g->from);
		strbuf_addc(sb, '}');
	}
	strbuf_addc(sb, ']');
}

static void syscalls(struct strbuf *sb, const struct story_proc *p)
{
	uint32_t *order = xcalloc(p->ncalls + 1, sizeof(*order));
	unsigned n = story_top(p, order, p->ncalls);

	strbuf_adds(sb, ",\"syscalls\":[");
	for (unsigned i = 0; i < n; i++) {
		const struct story_count *c = &p->calls[order[i]];
		if (i)
			strbuf_addc(sb, ',');
		strbuf_adds(sb, "{\"name\":");
		if (c->name)
			json_cstr(sb, c->name);
		else
			strbuf_adds(sb, "null");
		strbuf_addf(sb, ",\"calls\":%" PRIu32 ",\"errors\":%" PRIu32 "}", c->calls,
			    c->errors);
	}
	strbuf_addc(sb, ']');
	free(order);
}

static void process(struct strbuf *sb, const struct story *s, const struct story_proc *p)
{
	strbuf_addf(sb, "{\"pid\":%d,\"parent\":", (int)p->pid);
	if (p->parent && p->parent <= s->n)
		strbuf_addf(sb, "%d", (int)s->p[p->parent - 1].pid);
	else
		strbuf_adds(sb, "null");
	strbuf_adds(sb, ",\"cmd\":");
	if (p->cmd)
		json_cstr(sb, p->cmd);
	else
		strbuf_adds(sb, "null");
	programs(sb, p->progs);
	seconds(sb, "start_s", p->start_ns);
	seconds(sb, "duration_s", p->end_ns < 0 ? -1 : p->end_ns - p->start_ns);
	seconds(sb, "cpu_user_s", p->utime_ns);
	seconds(sb, "cpu_sys_s", p->stime_ns);
	strbuf_adds(sb, ",\"peak_rss_kib\":");
	if (p->hwm_kib < 0)
		strbuf_adds(sb, "null");
	else
		strbuf_add_i64(sb, p->hwm_kib);
	strbuf_addf(sb, ",\"threads\":%" PRIu32, p->threads);
	tasks(sb, p);
	end_members(sb, p);
	signals(sb, p);
	syscalls(sb, p);
	files(sb, p);
	left_open(sb, p);
	network(sb, p);
	strbuf_addc(sb, '}');
}

void json_story(struct strbuf *sb, const struct story *s)
{
	strbuf_addf(sb,
		    "{\"type\":\"summary_tree\",\"partial_counts\":%s,\"bytes_counted\":%s,"
		    "\"processes\":[",
		    s->partial ? "true" : "false", s->io_counted ? "true" : "false");
	for (uint32_t i = 0; i < s->n; i++) {
		if (i)
			strbuf_addc(sb, ',');
		process(sb, s, &s->p[i]);
	}
	strbuf_addc(sb, ']');
	json_end(sb);
}
