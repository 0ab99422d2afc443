/* --summary-tree's records and its text: the process tree, 80 columns wide. */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "story_int.h"
#include "stream.h"
#include "sys/signame.h"
#include "util/xalloc.h"

uint32_t story_add(struct story *s, pid_t pid, int64_t start_ns)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->p = xrealloc(s->p, s->cap * sizeof(*s->p));
	}
	struct story_proc *p = &s->p[s->n++];
	*p = (struct story_proc){.pid = pid,
				 .start_ns = start_ns,
				 .end_ns = -1,
				 .utime_ns = -1,
				 .stime_ns = -1,
				 .hwm_kib = -1,
				 .oom_memcg_base = -1,
				 .oom_vmstat_base = -1};
	return s->n;
}

void story_count(struct story *s, uint32_t id, const char *name, bool error, uint64_t ns)
{
	if (!id || id > s->n)
		return;
	struct story_proc *p = &s->p[id - 1];
	uint32_t i = 0;
	while (i < p->ncalls && p->calls[i].name != name)
		i++;
	if (i == p->ncalls) {
		/* Grown by few at a time: most processes make a few dozen kinds of call. */
		if (p->ncalls == p->cap) {
			p->cap += p->cap < 8 ? 8 : p->cap / 2;
			p->calls = xrealloc(p->calls, p->cap * sizeof(*p->calls));
		}
		p->calls[p->ncalls++] = (struct story_count){.name = name};
	}
	p->calls[i].calls++;
	p->calls[i].errors += error;
	p->calls[i].ns += ns;
}

uint32_t story_file_used(struct story *s, uint32_t id, const char *path)
{
	struct story_proc *p = id && id <= s->n ? &s->p[id - 1] : NULL;
	uint32_t i = 0;

	if (!p)
		return 0;
	while (i < p->nfiles && strcmp(p->files[i].path, path))
		i++;
	if (i == p->nfiles) {
		if (p->nfiles == STORY_FILES_MAX) {
			p->files_dropped++;
			return 0;
		}
		if (p->nfiles == p->capfiles) {
			p->capfiles = p->capfiles ? p->capfiles * 2 : 8;
			p->files = xrealloc(p->files, p->capfiles * sizeof(*p->files));
		}
		p->files[p->nfiles++] = (struct story_file){.path = xstrdup(path)};
	}
	return i + 1;
}

uint32_t story_file(struct story *s, uint32_t id, const char *path, int err)
{
	uint32_t k = story_file_used(s, id, path);

	if (!k)
		return 0;
	struct story_proc *p = &s->p[id - 1];
	uint32_t i = k - 1;
	p->files[i].opens++;
	p->opens++;
	if (err) {
		p->files[i].fails++;
		p->files[i].err = err;
		p->files[i].last_fail = p->opens;
	}
	return k;
}

uint32_t story_add_task(struct story *s, uint32_t id, pid_t tid, int64_t start_ns)
{
	struct story_proc *p = id && id <= s->n ? &s->p[id - 1] : NULL;

	if (!p || p->ntasks == STORY_TASKS_MAX)
		return 0;
	if (p->ntasks == p->captasks) {
		p->captasks = p->captasks ? p->captasks * 2 : 2;
		p->tasks = xrealloc(p->tasks, p->captasks * sizeof(*p->tasks));
	}
	p->tasks[p->ntasks++] = (struct story_task){.tid = tid, .start_ns = start_ns, .end_ns = -1};
	return p->ntasks;
}

void story_end_task(struct story *s, uint32_t id, uint32_t k, pid_t tid, int64_t end_ns)
{
	struct story_proc *p = id && id <= s->n ? &s->p[id - 1] : NULL;

	if (!p || !k || k > p->ntasks)
		return;
	p->tasks[k - 1].tid = tid;
	p->tasks[k - 1].end_ns = end_ns;
}

void story_add_signal(struct story *s, uint32_t id, int sig, pid_t from)
{
	struct story_proc *p = id && id <= s->n ? &s->p[id - 1] : NULL;
	uint32_t i = 0;

	if (!p)
		return;
	while (i < p->nsigs && p->sigs[i].sig != sig)
		i++;
	/* Few kinds of signal (64 at most): grown one at a time. */
	if (i == p->nsigs) {
		p->sigs = xrealloc(p->sigs, (p->nsigs + 1) * sizeof(*p->sigs));
		p->sigs[p->nsigs++] = (struct story_sig){.sig = sig};
	}
	p->sigs[i].count++;
	p->sigs[i].from = from;
}

void story_settle_tasks(struct story *s)
{
	for (uint32_t i = 0; i < s->n; i++)
		for (uint32_t k = 0; k < s->p[i].ntasks; k++)
			if (s->p[i].tasks[k].end_ns < 0)
				s->p[i].tasks[k].end_ns = s->p[i].end_ns;
}

void story_end_text(const struct story_proc *p, char *buf, size_t len)
{
	char name[32];

	switch (p->end) {
	case STORY_EXITED:
		snprintf(buf, len, "exit %d", p->code);
		break;
	case STORY_KILLED: {
		char from[48] = "", full[160] = "";
		if (p->killed_by && p->killer_sig == p->code)
			snprintf(from, sizeof(from), ", sent by %d", (int)p->killed_by);
		if (p->full_fs && p->code == SIGBUS)
			snprintf(full, sizeof(full), ", likely %.120s full", p->full_fs);
		if (p->pipe_reader && p->code == SIGPIPE)
			snprintf(full, sizeof(full),
				 ", likely as its pipe lost its reader %d at +%.3fs",
				 (int)p->pipe_reader, p->pipe_reader_end_ns / 1e9);
		snprintf(buf, len, "killed by %s%s%s%s%s%s",
			 signame(p->code, name, sizeof(name)) ? name : "?",
			 p->core ? " (core dumped)" : "", from,
			 p->likely_oom ? ", likely by the OOM killer" : "", full,
			 p->crash_report ? ", crash report above" : "");
		break;
	}
	case STORY_RUNNING:
		snprintf(buf, len, "still running");
		break;
	default:
		snprintf(buf, len, "unknown");
		break;
	}
}

static bool before(const struct story_count *a, const struct story_count *b, bool by_time)
{
	if (by_time && a->ns != b->ns)
		return a->ns > b->ns;
	if (a->calls != b->calls)
		return a->calls > b->calls;
	return strcmp(a->name ? a->name : "?", b->name ? b->name : "?") < 0;
}

unsigned story_top(const struct story_proc *p, uint32_t *top, unsigned n, bool by_time)
{
	unsigned k = 0;

	/* Insertion into a short sorted list: n is small, ncalls a few dozen. */
	for (uint32_t i = 0; i < p->ncalls; i++) {
		unsigned j = k < n ? k++ : n;
		while (j > 0 && before(&p->calls[i], &p->calls[top[j - 1]], by_time)) {
			if (j < n)
				top[j] = top[j - 1];
			j--;
		}
		if (j < n)
			top[j] = i;
	}
	return k;
}

void story_wrap_start(struct wrap *w, struct strbuf *sb, unsigned indent)
{
	*w = (struct wrap){.sb = sb, .indent = indent, .col = indent, .first = true};
	for (unsigned i = 0; i < indent; i++)
		strbuf_addc(sb, ' ');
}

void story_wrap_item(struct wrap *w, const char *item)
{
	story_wrap_sgr(w, item, NULL);
}

void story_wrap_sgr(struct wrap *w, const char *item, const char *sgr)
{
	size_t len = strlen(item);

	if (!w->first) {
		/* ", " now, or "," and a new line when the item and a "," after it would not fit.
		 */
		if (w->col + 2 + len + 1 > COLS) {
			strbuf_adds(w->sb, ",\n");
			for (unsigned i = 0; i < w->indent; i++)
				strbuf_addc(w->sb, ' ');
			w->col = w->indent;
		} else {
			strbuf_adds(w->sb, ", ");
			w->col += 2;
		}
	}
	if (sgr)
		strbuf_adds(w->sb, sgr);
	strbuf_adds(w->sb, item);
	if (sgr)
		strbuf_adds(w->sb, OUT_RESET);
	w->col += (unsigned)len;
	w->first = false;
}

void story_wrap_end(struct wrap *w)
{
	strbuf_addc(w->sb, '\n');
}

static void fmt_rss(char *buf, size_t len, int64_t kib)
{
	if (kib < 1024)
		snprintf(buf, len, "peak RSS %" PRId64 " KiB", kib);
	else if (kib < 1024 * 1024)
		snprintf(buf, len, "peak RSS %.1f MiB", (double)kib / 1024);
	else
		snprintf(buf, len, "peak RSS %.1f GiB", (double)kib / (1024 * 1024));
}

/* Red for an end that went wrong: a signal or a non-zero exit. */
static const char *end_sgr(const struct story_proc *p, bool color)
{
	if (!color || (p->end == STORY_EXITED && p->code == 0) || p->end == STORY_RUNNING)
		return NULL;
	return OUT_RED;
}

static void facts(struct strbuf *sb, const struct story_proc *p, unsigned indent, bool color)
{
	char buf[128];
	struct wrap w;

	story_wrap_start(&w, sb, indent);
	if (p->progs && strchr(p->progs, '\n')) {
		/* '\n'-separated, oldest first: "sh -> python3". */
		struct strbuf chain = {0};
		for (const char *c = p->progs; *c; c++)
			if (*c == '\n')
				strbuf_adds(&chain, " -> ");
			else
				strbuf_addc(&chain, *c);
		story_wrap_item(&w, chain.buf);
		strbuf_free(&chain);
	}
	story_end_text(p, buf, sizeof(buf));
	story_wrap_sgr(&w, buf, end_sgr(p, color));
	if (p->end_ns >= 0)
		snprintf(buf, sizeof(buf), "+%.3fs %.3fs", p->start_ns / 1e9,
			 (p->end_ns - p->start_ns) / 1e9);
	else
		snprintf(buf, sizeof(buf), "+%.3fs", p->start_ns / 1e9);
	story_wrap_sgr(&w, buf, color ? STORY_DIM : NULL);
	snprintf(buf, sizeof(buf), "%" PRIu32 " thread%s", p->threads, p->threads == 1 ? "" : "s");
	story_wrap_item(&w, buf);
	if (p->utime_ns >= 0) {
		snprintf(buf, sizeof(buf), "cpu %.2fs user %.2fs sys", p->utime_ns / 1e9,
			 p->stime_ns / 1e9);
		story_wrap_item(&w, buf);
	}
	if (p->hwm_kib >= 0) {
		fmt_rss(buf, sizeof(buf), p->hwm_kib);
		story_wrap_item(&w, buf);
	}
	story_wrap_end(&w);
}

enum { WAIT_MIN_NS = 1000000 }; /* a call's time shows from 1 ms: "0.001s" */

/* "time in calls: wait4 0.210s, read 0.002s": its top calls by time from entry to exit. */
static void waits(struct strbuf *sb, const struct story_proc *p, unsigned indent)
{
	uint32_t top[STORY_TOP];
	unsigned n = story_top(p, top, STORY_TOP, true);
	char buf[96];
	struct wrap w;

	if (!n || p->calls[top[0]].ns < WAIT_MIN_NS)
		return;
	story_wrap_start(&w, sb, indent);
	for (unsigned i = 0; i < n && p->calls[top[i]].ns >= WAIT_MIN_NS; i++) {
		const struct story_count *c = &p->calls[top[i]];
		snprintf(buf, sizeof(buf), "%s%s %.3fs",
			 i ? "" : "time in calls: ", c->name ? c->name : "?", c->ns / 1e9);
		story_wrap_item(&w, buf);
	}
	story_wrap_end(&w);
}

enum { SIGNALS_SHOWN = 10 };

/* "signals: SIGCHLD 6, SIGTERM 1 from 4242, SIGUSR1 2 from itself": the last sender's. */
static void signals(struct strbuf *sb, const struct story_proc *p, unsigned indent)
{
	char buf[96], name[32];
	struct wrap w;

	if (!p->nsigs)
		return;
	story_wrap_start(&w, sb, indent);
	for (uint32_t i = 0; i < p->nsigs && i < SIGNALS_SHOWN; i++) {
		const struct story_sig *g = &p->sigs[i];
		int k = snprintf(buf, sizeof(buf), "%s%s %" PRIu32, i ? "" : "signals: ",
				 signame(g->sig, name, sizeof(name)) ? name : "?", g->count);
		if (g->from && k > 0 && (size_t)k < sizeof(buf)) {
			if (g->from == p->pid)
				snprintf(buf + k, sizeof(buf) - (size_t)k, " from itself");
			else
				snprintf(buf + k, sizeof(buf) - (size_t)k, " from %d",
					 (int)g->from);
		}
		story_wrap_item(&w, buf);
	}
	if (p->nsigs > SIGNALS_SHOWN) {
		snprintf(buf, sizeof(buf), "%" PRIu32 " more", p->nsigs - SIGNALS_SHOWN);
		story_wrap_item(&w, buf);
	}
	story_wrap_end(&w);
}

static void calls(struct strbuf *sb, const struct story_proc *p, unsigned indent)
{
	uint32_t top[STORY_TOP];
	unsigned n = story_top(p, top, STORY_TOP, false);
	char buf[96];
	struct wrap w;

	story_wrap_start(&w, sb, indent);
	if (!n)
		story_wrap_item(&w, "no calls seen");
	for (unsigned i = 0; i < n; i++) {
		const struct story_count *c = &p->calls[top[i]];
		int k = snprintf(buf, sizeof(buf), "%s%s %" PRIu32,
				 i ? "" : "calls: ", c->name ? c->name : "?", c->calls);
		if (c->errors && k > 0 && (size_t)k < sizeof(buf))
			snprintf(buf + k, sizeof(buf) - (size_t)k, " (%" PRIu32 " error%s)",
				 c->errors, c->errors == 1 ? "" : "s");
		story_wrap_item(&w, buf);
	}
	if (p->ncalls > n) {
		snprintf(buf, sizeof(buf), "%" PRIu32 " more", p->ncalls - n);
		story_wrap_item(&w, buf);
	}
	story_wrap_end(&w);
	waits(sb, p, indent);
}

/*
 * A path for the tree: printable bytes as they are, others as \xHH; one longer than
 * room keeps its end ("...els/epoch_3/weights.bin"), the part that tells files apart.
 */
void story_add_path(char *buf, size_t len, const char *path, size_t room)
{
	char esc[4096];
	size_t o = 0;

	for (const unsigned char *c = (const unsigned char *)path; *c && o + 5 < sizeof(esc); c++)
		o += (size_t)snprintf(esc + o, sizeof(esc) - o,
				      *c >= 0x20 && *c < 0x7f ? "%c" : "\\x%02x", *c);
	esc[o] = '\0';
	if (room > len - 1)
		room = len - 1;
	if (o <= room)
		snprintf(buf, len, "%s", esc);
	else
		snprintf(buf, len, "...%s", esc + o - (room - 3));
}

/* Whether file f belongs on the "failed:" line (every open of it failed) or "files:". */
static bool all_failed(const struct story_file *f)
{
	return f->opens && f->fails == f->opens;
}

/*
 * The top files of one line (--summary-top): the most bytes moved first, then the most opened
 * (first opened first on ties), and for failures the latest first: what made a job give up comes
 * last in its run.
 */
static bool ahead(const struct story_file *a, const struct story_file *b, bool failed)
{
	uint64_t ab = a->io.rbytes + a->io.wbytes, bb = b->io.rbytes + b->io.wbytes;

	if (failed)
		return a->last_fail > b->last_fail;
	return ab != bb ? ab > bb : a->opens > b->opens;
}

static unsigned top_files(const struct story_proc *p, bool failed, uint32_t *top, unsigned max,
			  uint32_t *total)
{
	unsigned n = 0;

	*total = 0;
	for (uint32_t i = 0; i < p->nfiles; i++)
		*total += all_failed(&p->files[i]) == failed;
	while (n < max && n < *total) {
		uint32_t best = UINT32_MAX;
		for (uint32_t i = 0; i < p->nfiles; i++) {
			bool taken = all_failed(&p->files[i]) != failed;
			for (unsigned k = 0; k < n && !taken; k++)
				taken = top[k] == i;
			if (!taken &&
			    (best == UINT32_MAX || ahead(&p->files[i], &p->files[best], failed)))
				best = i;
		}
		top[n++] = best;
	}
	return n;
}

/* " 3 (read 1.2 KiB, wrote 40 B)": opens and what moved; "(inherited, ...)" without opens. */
static void file_io_text(char *buf, size_t len, const struct story_file *f)
{
	char r[32], w[32];
	const char *part[3];
	unsigned n = 0;
	int k = f->opens > 1 ? snprintf(buf, len, " %" PRIu32, f->opens) : 0;

	buf[k] = '\0';
	story_bytes_text(r, sizeof(r), f->io.rbytes);
	story_bytes_text(w, sizeof(w), f->io.wbytes);
	if (!f->opens)
		part[n++] = "inherited";
	if (f->io.reads)
		part[n++] = r;
	if (f->io.writes)
		part[n++] = w;
	for (unsigned i = 0; i < n && (size_t)k < len; i++)
		k += snprintf(buf + k, len - (size_t)k, "%s%s%s%s", i ? ", " : " (",
			      part[i] == r   ? "read "
			      : part[i] == w ? "wrote "
					     : "",
			      part[i], i + 1 == n ? ")" : "");
}

/*
 * The files a process used, the most bytes first, then those it failed to open with the
 * error: "files: /data/w.bin (read 1.2 MiB), /etc/hosts 3" and "failed: /x ENOENT".
 */
static void file_line(struct strbuf *sb, const struct story_proc *p, unsigned indent, bool failed,
		      unsigned max)
{
	uint32_t top[STORY_FILES_TOP_MAX], total;
	unsigned n = top_files(p, failed, top, max, &total);
	struct wrap w;
	char buf[200], path[120], io[80];

	if (!n)
		return;
	story_wrap_start(&w, sb, indent);
	for (unsigned i = 0; i < n; i++) {
		const struct story_file *f = &p->files[top[i]];
		const char *err = errno_name(f->err);
		/* Room for the label, the error and a count, within COLS. */
		story_add_path(path, sizeof(path), f->path, COLS - indent - 24);
		int k = snprintf(buf, sizeof(buf), "%s%s",
				 i	  ? ""
				 : failed ? "failed: "
					  : "files: ",
				 path);
		if (failed) {
			k += snprintf(buf + k, sizeof(buf) - (size_t)k, " %s", err ? err : "?");
			if (f->opens > 1)
				snprintf(buf + k, sizeof(buf) - (size_t)k, " x%" PRIu32, f->opens);
		} else {
			file_io_text(io, sizeof(io), f);
			snprintf(buf + k, sizeof(buf) - (size_t)k, "%s", io);
		}
		story_wrap_item(&w, buf);
	}
	uint32_t more = total - n + (failed ? 0 : p->files_dropped);
	if (more) {
		snprintf(buf, sizeof(buf), "%" PRIu32 " more", more);
		story_wrap_item(&w, buf);
	}
	story_wrap_end(&w);
}

static void files(struct strbuf *sb, const struct story_proc *p, unsigned indent, unsigned max)
{
	file_line(sb, p, indent, false, max);
	file_line(sb, p, indent, true, max);
	story_written_line(sb, p, indent);
	story_net_lines(sb, p, indent);
	story_left_open_line(sb, p, indent);
}

/* "PID cmd", the cmd cut with "..." to fit. */
static void head_line(struct strbuf *sb, const struct story_proc *p, unsigned indent, bool color)
{
	char pid[16];
	int n = snprintf(pid, sizeof(pid), "%d ", (int)p->pid);
	const char *cmd = p->cmd ? p->cmd : "?";
	size_t room = COLS - indent - (size_t)n, len = strlen(cmd);

	for (unsigned i = 0; i < indent; i++)
		strbuf_addc(sb, ' ');
	strbuf_adds(sb, pid);
	if (color)
		strbuf_adds(sb, OUT_BOLD);
	if (len > room) {
		strbuf_addn(sb, cmd, room - 3);
		strbuf_adds(sb, "...");
	} else {
		strbuf_adds(sb, cmd);
	}
	if (color)
		strbuf_adds(sb, OUT_RESET);
	strbuf_addc(sb, '\n');
}

struct tree {
	const struct story *s;
	uint32_t *child, *next; /* first child and next sibling, as index + 1 */
};

static void node(struct strbuf *sb, const struct tree *t, uint32_t i, unsigned depth)
{
	const struct story_proc *p = &t->s->p[i];
	unsigned indent = depth * 2 > MAX_INDENT ? MAX_INDENT : depth * 2;
	char pid[16];
	unsigned under = indent + (unsigned)snprintf(pid, sizeof(pid), "%d ", (int)p->pid);

	head_line(sb, p, indent, t->s->color);
	facts(sb, p, under, t->s->color);
	calls(sb, p, under);
	signals(sb, p, under);
	unsigned max = t->s->files_top ? t->s->files_top : STORY_FILES_TOP;
	files(sb, p, under, max < STORY_FILES_TOP_MAX ? max : STORY_FILES_TOP_MAX);
	for (uint32_t c = t->child[i]; c; c = t->next[c - 1])
		node(sb, t, c - 1, depth + 1);
}

void story_format(const struct story *s, struct strbuf *sb)
{
	struct tree t = {.s = s,
			 .child = xcalloc(s->n + 1, sizeof(uint32_t)),
			 .next = xcalloc(s->n + 1, sizeof(uint32_t))};

	/* Children in creation order: linked from the last one back. */
	for (uint32_t i = s->n; i-- > 0;) {
		uint32_t par = s->p[i].parent;
		if (par && par <= s->n && par - 1 != i) {
			t.next[i] = t.child[par - 1];
			t.child[par - 1] = i + 1;
		}
	}
	strbuf_addf(sb, "Process tree: %" PRIu32 " process%s\n", s->n, s->n == 1 ? "" : "es");
	if (s->partial)
		strbuf_adds(sb, "(calls: only those -e trace= selected, no bytes; --seccomp-bpf=no "
				"counts all)\n");
	for (uint32_t i = 0; i < s->n; i++) {
		uint32_t par = s->p[i].parent;
		if (!par || par > s->n || par - 1 == i)
			node(sb, &t, i, 0);
	}
	free(t.child);
	free(t.next);
}

void story_free(struct story *s)
{
	for (uint32_t i = 0; i < s->n; i++) {
		free(s->p[i].cmd);
		free(s->p[i].progs);
		free(s->p[i].calls);
		free(s->p[i].memcg_events);
		free(s->p[i].left_open);
		free(s->p[i].full_fs);
		for (uint32_t k = 0; k < s->p[i].nfiles; k++)
			free(s->p[i].files[k].path);
		free(s->p[i].files);
		free(s->p[i].tasks);
		free(s->p[i].sigs);
		story_free_net(&s->p[i]);
	}
	free(s->p);
	free(s->launch_fds);
	free(s->pipes);
	*s = (struct story){0};
}
