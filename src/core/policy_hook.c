#include "policy_hook.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "pathwalk.h"
#include "policy/policy.h"
#include "sys/sysent.h"
#include "tracer.h"
#include "util/outfile.h"
#include "util/readfile.h"
#include "util/xalloc.h"

/* ${CWD}, ${HOME}, ${TMPDIR}: where ptrc started, the user's home, the temporary files. */
static void policy_vars(struct policy_vars *v, char *cwd, size_t len)
{
	const struct passwd *pw;

	v->cwd = getcwd(cwd, len);
	v->home = getenv("HOME");
	if ((!v->home || v->home[0] != '/') && (pw = getpwuid(getuid())))
		v->home = pw->pw_dir;
	v->tmpdir = getenv("TMPDIR");
	if (!v->tmpdir || v->tmpdir[0] != '/')
		v->tmpdir = "/tmp";
	v->path = getenv("PATH");
}

/* Every error of the file, each on a line of its own. */
static void print_errors(const char *err)
{
	for (const char *s = err; *s;) {
		const char *nl = strchrnul(s, '\n');
		fprintf(stderr, "ptrc: %.*s\n", (int)(nl - s), s);
		s = *nl ? nl + 1 : nl;
	}
}

/* What the policy does with io_uring, whose calls no syscall stop shows (policy.h). */
static void say_uring(const struct policy *p)
{
	if (p->uring_named)
		tracer_msg(
			"%s:%u allows io_uring_setup: the reads, writes, opens and connects a "
			"ring makes are not syscalls ptrace sees (Landlock confines its opens in "
			"deny and kill mode)",
			p->file, p->uring_named);
	else if (p->uring_dropped)
		tracer_msg(
			"%s:%u: io_uring_setup is not allowed by a group in a policy with path "
			"or network conditions (a ring's calls are not seen): name it to allow it",
			p->file, p->uring_dropped);
}

int policy_hook_init(struct tracer *t)
{
	const struct config *cfg = t->cfg;
	char err[4096];

	policy_vars(&t->pol.vars, t->pol.cwd, sizeof(t->pol.cwd));
	if (cfg->policy_file) {
		int rc = policy_load(cfg->policy_file, &t->pol.vars, &t->pol.policy, err,
				     sizeof(err));
		if (rc < 0) {
			print_errors(err);
			return rc;
		}
	}
	if (t->pol.policy)
		say_uring(t->pol.policy);
	if (cfg->learn_file)
		t->pol.learn = policy_learn_new();
	if (cfg->report_file)
		t->pol.srcroot = getcwd(NULL, 0); /* NULL: every file named absolute */
	if (!t->pol.policy && !t->pol.learn)
		return 0;
	/* Policy runs print only violations (and deaths) unless a trace was asked for. */
	if (!cfg->trace_given) {
		sysfilter_parse(t->trace, "none", err, sizeof(err));
		t->lifecycle_quiet = true;
	}
	if (t->pol.policy && t->attach_mode)
		tracer_msg("-p: a running process cannot be given a seccomp filter; "
			   "checking every syscall");
	return 0; /* the filter itself: seccomp.c */
}

/* The directory a relative path argument is relative to, in base; false when unknown. */
static bool path_base(const struct task *task, int dirfd, char *base, size_t len)
{
	char link[64];

	if (dirfd == AT_FDCWD)
		snprintf(link, sizeof(link), "/proc/%d/cwd", (int)task->tid);
	else
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)task->tid, dirfd);
	ssize_t n = readlink(link, base, len - 1);
	if (n <= 0)
		return false;
	base[n] = '\0';
	return true;
}

/*
 * Each path argument as the kernel will find it: made absolute against the cwd or the
 * dirfd, then walked (pathwalk.c).  Returns the first that leads elsewhere than its
 * folded name says, or NULL.
 */
static const char *resolve_paths(struct task *task, struct policy_input *in)
{
	char base[PATH_MAX], joined[2 * PATH_MAX + 2], out[PATH_MAX];
	const char *leads = NULL;

	for (unsigned i = 0; i < in->npaths && !in->fd_only; i++) {
		const char *w = in->written[i];
		base[0] = '\0';
		if (!w || !*w)
			continue;
		if (policy_input_relative(in, i)) {
			if (!path_base(task, in->dirfd[i], base, sizeof(base)))
				continue;
			policy_input_resolve(in, i, base, &task->ar);
		}
		snprintf(joined, sizeof(joined), "%s/%s", base, w);
		if (path_walk(task->proc->tgid, task->tid, joined, in->follow, out, sizeof(out)) <
			    0 ||
		    !strcmp(out, in->path[i]))
			continue;
		in->path[i] = arena_strndup(&task->ar, out, strlen(out));
		if (!leads)
			leads = in->path[i];
	}
	return leads;
}

const char *policy_hook_action_name(const struct tracer *t)
{
	enum policy_act a = t->cfg->policy_action;

	return a == POLICY_ACT_DENY ? "deny" : a == POLICY_ACT_KILL ? "kill" : "report";
}

void policy_hook_count(struct tracer *t, struct task *task, const struct policy_verdict *v)
{
	struct policy_state *ps = &t->pol;
	const char *exe = task->proc->exe;
	const char *name = task->ev.name;

	ps->total++;
	for (size_t i = 0; i < ps->nv; i++) {
		struct violation_count *c = &ps->v[i];
		if (!strcmp(c->name, name) && c->rule == v->rule &&
		    (c->exe == exe || (c->exe && exe && !strcmp(c->exe, exe)))) {
			c->count++;
			return;
		}
	}
	ps->v = xrealloc(ps->v, sizeof(*ps->v) * (ps->nv + 1));
	ps->v[ps->nv++] = (struct violation_count){
		.name = xstrdup(name),
		.exe = exe ? xstrdup(exe) : NULL,
		.rule = v->rule,
		.count = 1,
	};
}

/*
 * A mkdir or mknod of a name that exists changes nothing: the kernel answers EEXIST
 * before any check of its own (Landlock's too), so no policy judges it (cmake's mkdir -p
 * calls mkdir on every parent, from /).  If the name goes before the kernel looks, deny
 * and kill mode still have Landlock's MAKE_* rights.
 */
static bool makes_existing(const struct task *task, const struct policy_input *in)
{
	const struct sc_event *ev = &task->ev;
	char path[PATH_MAX + 32];
	struct stat st;

	if (!ev->ent || !(ev->ent->traits & TR_MAKES) || in->npaths != 1 || !in->path[0] ||
	    in->path[0][0] != '/')
		return false;
	snprintf(path, sizeof(path), "/proc/%d/root%s", (int)task->tid, in->path[0]);
	return lstat(path, &st) == 0;
}

bool policy_hook_check(struct tracer *t, struct task *task, struct policy_verdict *v)
{
	struct policy_state *ps = &t->pol;
	struct sc_event *ev = &task->ev;
	struct policy_input in;
	const char *leads = NULL;

	if (!ps->policy && !ps->learn)
		return false;
	memset(&in, 0, sizeof(in));
	in.family = -1;
	/* A multiplexed call (i386 socketcall, ipc) is judged as the call it carries. */
	if (ev->ent && (ps->learn || ev->via || policy_needs_input(ps->policy, ev->abi, ev->nr))) {
		policy_input_read(&in, ev->abi, ev->ent, ev->raw, &task->proc->mem, &task->ar);
		leads = resolve_paths(task, &in);
	}
	in.exe = proc_exe(task);
	bool noop = makes_existing(task, &in);
	if (ps->learn && ev->ent && !noop)
		policy_learn_add(ps->learn, ev->name, &in);
	if (!ps->policy)
		return false;
	if (noop) {
		*v = (struct policy_verdict){.action = POLICY_ALLOW};
		return false;
	}
	if (ev->via)
		policy_check_name(ps->policy, ev->name, &in, v);
	else
		policy_check(ps->policy, ev->abi, ev->nr, &in, v);
	v->leads_to = leads;
	return v->action == POLICY_DENY;
}

/* AT_EXECFN of task's new program: where the kernel copied the path it ran, or 0. */
static uint64_t execfn_addr(const struct task *task, unsigned word_size)
{
	char path[64];
	size_t len = 0;
	uint64_t at = 0;

	snprintf(path, sizeof(path), "/proc/%d/auxv", (int)task->tid);
	char *a = readfile(path, 8192, &len);
	/* Pairs of words in the tracee's size and byte order (little-endian ABIs only). */
	for (size_t o = 0; a && o + 2 * word_size <= len; o += 2 * word_size) {
		uint64_t key = 0, val = 0;
		memcpy(&key, a + o, word_size);
		memcpy(&val, a + o + word_size, word_size);
		if (key == AT_NULL)
			break;
		if (key == AT_EXECFN) {
			at = val;
			break;
		}
	}
	free(a);
	return at;
}

bool policy_hook_recheck_exec(struct tracer *t, struct task *task, unsigned word_size,
			      const char *caller, struct policy_verdict *v)
{
	const struct sysent *ent = sysent_by_name("execve");
	struct policy_input in;
	uint64_t raw[6] = {0};

	if (!t->pol.policy || !ent || !(raw[0] = execfn_addr(task, word_size)))
		return false;
	policy_input_read(&in, task->ev.abi, ent, raw, &task->proc->mem, &task->ar);
	/* fexecve's "/dev/fd/N": a descriptor, closed on exec, that the entry judged by its file.
	 */
	if (!in.path[0] || !strncmp(in.path[0], "/dev/fd/", 8))
		return false;
	const char *leads = resolve_paths(task, &in);
	const char *ran = exec_ran_other(task->proc->tgid, in.path[0], &task->ar);
	if (ran) /* not the file the path leads to now: judge what the kernel mapped */
		in.path[0] = leads = ran;
	in.exe = caller;
	policy_check_name(t->pol.policy, "execve", &in, v);
	v->leads_to = leads ? leads : in.path[0];
	return v->action == POLICY_DENY;
}

static void print_summary(struct tracer *t)
{
	struct policy_state *ps = &t->pol;

	fprintf(stderr, "ptrc: policy %s: %llu violation%s\n", t->cfg->policy_file,
		(unsigned long long)ps->total, ps->total == 1 ? "" : "s");
	for (size_t i = 0; i < ps->nv; i++) {
		const struct violation_count *c = &ps->v[i];
		fprintf(stderr, "ptrc:   %6llu  %-16s %s  ", (unsigned long long)c->count, c->name,
			c->exe ? c->exe : "?");
		if (c->rule && !c->rule->line)
			fprintf(stderr, "%s: %s\n", t->cfg->policy_file, c->rule->text);
		else if (c->rule)
			fprintf(stderr, "%s:%u: %s\n", t->cfg->policy_file, c->rule->line,
				c->rule->text);
		else
			fprintf(stderr, "(the policy's default)\n");
	}
}

/* --learn's policy, --seccomp-profile's JSON, --policy-report: every failure said, in one line. */
static int write_file(const char *path, const struct strbuf *sb)
{
	int rc = outfile_put(path, sb->buf ? sb->buf : "", sb->len);

	if (rc < 0)
		tracer_msg("writing '%s': %s", path, outfile_strerror(rc));
	return rc;
}

/*
 * --learn onto an existing policy: the union, so that several jobs build one file.  0 with
 * sb replaced by the merged text (or emptied when nothing is new), or -EINVAL when the file
 * is not a policy (said; it is left alone).
 */
static int merge_learned(struct tracer *t, struct strbuf *sb)
{
	const char *path = t->cfg->learn_file;
	struct policy *old = NULL;
	struct strbuf merged = {0};
	char err[2048];
	size_t len;
	struct stat st;

	/* A regular file only: a link or a device is for write_file's rules (outfile.c). */
	if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return 0;
	char *text = readfile(path, 1 << 20, &len);
	if (!text)
		return 0;
	if (policy_parse_vars(path, text, len, &t->pol.vars, &old, err, sizeof(err)) < 0) {
		print_errors(err);
		tracer_msg("--learn: '%s' exists and is not a policy: left as it is", path);
		free(text);
		return -EINVAL;
	}
	policy_free(old);
	unsigned added = policy_learn_merge(text, sb->buf, &merged);
	tracer_msg("--learn: '%s' existed: %u rule%s added to it", path, added,
		   added == 1 ? "" : "s");
	strbuf_free(sb);
	*sb = added ? merged : (struct strbuf){0};
	if (!added)
		strbuf_free(&merged);
	free(text);
	return 0;
}

static int write_learned(struct tracer *t, struct policy **learned)
{
	struct strbuf sb = {0};
	char err[2048];
	int rc;

	struct strbuf what = {0};
	strbuf_adds(&what, "from:");
	for (char **a = t->cfg->argv; a && *a && what.len < 200; a++)
		strbuf_addf(&what, " %s", *a);
	policy_learn_write(t->pol.learn, &sb, what.len > 5 ? what.buf : NULL, &t->pol.vars);
	strbuf_free(&what);
	rc = merge_learned(t, &sb);
	if (rc == 0 && sb.len)
		rc = write_file(t->cfg->learn_file, &sb);
	if (rc == 0 && !sb.len) { /* unchanged: the profile is of the file as it is */
		char *text = readfile(t->cfg->learn_file, 1 << 20, NULL);
		strbuf_adds(&sb, text ? text : "");
		free(text);
	}
	if (rc == 0 && t->cfg->seccomp_file &&
	    policy_parse_vars(t->cfg->learn_file, sb.buf ? sb.buf : "", sb.len, &t->pol.vars,
			      learned, err, sizeof(err)) < 0) {
		fprintf(stderr, "ptrc: the learned policy does not parse: %s\n", err);
		rc = -EINVAL;
	}
	strbuf_free(&sb);
	return rc;
}

int policy_hook_finish(struct tracer *t, int status)
{
	struct policy_state *ps = &t->pol;
	struct policy *learned = NULL;
	int rc = 0;

	if (ps->learn)
		rc = write_learned(t, &learned);
	const struct policy *src = ps->policy ? ps->policy : learned;
	if (t->cfg->seccomp_file && src) {
		struct strbuf sb = {0};
		policy_oci_export(src, &sb);
		if (write_file(t->cfg->seccomp_file, &sb) < 0)
			rc = -EIO;
		strbuf_free(&sb);
	}
	policy_free(learned);
	if (ps->policy) {
		emit_policy_summary(t);
		print_summary(t);
	}
	if (ps->policy && t->cfg->report_file) {
		struct strbuf sb = {0};
		policy_hook_report(t, &sb);
		if (write_file(t->cfg->report_file, &sb) < 0)
			rc = -EIO;
		strbuf_free(&sb);
	}
	if (ps->total)
		return PTRC_EXIT_VIOLATION;
	/* The learned policy or profile is output: lost, like a lost trace (74). */
	if (rc == -EINVAL)
		return PTRC_EXIT_FAILURE;
	if (rc < 0)
		t->output_lost = true;
	return status;
}

void policy_hook_free(struct tracer *t)
{
	struct policy_state *ps = &t->pol;

	for (size_t i = 0; i < ps->nv; i++) {
		free(ps->v[i].name);
		free(ps->v[i].exe);
	}
	free(ps->v);
	ps->v = NULL;
	policy_free(ps->policy);
	ps->policy = NULL;
	policy_learn_free(ps->learn);
	ps->learn = NULL;
	policy_hook_report_free(t);
}
