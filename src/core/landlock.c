/*
 * The kernel's half of a policy: a Landlock ruleset for the launched job
 * (docs/policy.md, "What the kernel enforces").  ptrc builds the ruleset
 * before it starts the command (so errors are its own), the child restricts
 * itself with it just before the seccomp filter and execve, and every
 * process of the job inherits it across fork and exec: a path the policy
 * denies fails with EACCES in the kernel, whatever a racing thread or a
 * symlink does to the name ptrace checked.  Only in --policy-action=deny and
 * kill: report lets every call run.
 */
#include "landlock.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "policy/landlock.h"
#include "tracer.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static int ll_abi(void)
{
	long v = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);

	return v < 0 ? -errno : (int)v;
}

/* Opens path, or its nearest existing parent (a tree the job will make). */
static int open_beneath(const char *path)
{
	char *p = xstrdup(path);
	int fd;

	while ((fd = open(p, O_PATH | O_CLOEXEC)) < 0 && (errno == ENOENT || errno == ENOTDIR)) {
		char *slash = strrchr(p, '/');
		if (!slash)
			break;
		slash[slash == p] = '\0'; /* "/a" becomes "/" */
	}
	free(p);
	return fd;
}

static int add_rule(int ruleset, const struct policy_ll_entry *e)
{
	struct landlock_path_beneath_attr attr = {.allowed_access = e->rights};
	struct stat st;

	if (!e->rights)
		return 0;
	attr.parent_fd = open_beneath(e->path);
	if (attr.parent_fd < 0)
		return 0; /* unreachable for ptrc too (EACCES): nothing to grant */
	if (fstat(attr.parent_fd, &st) == 0 && !S_ISDIR(st.st_mode))
		attr.allowed_access &= policy_landlock_file_rights();
	int rc = 0;
	if (attr.allowed_access &&
	    syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &attr, 0) < 0)
		rc = -errno;
	close(attr.parent_fd);
	return rc;
}

static int build(const struct policy_landlock *ll)
{
	struct landlock_ruleset_attr attr = {.handled_access_fs = ll->handled};
	int fd = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof(attr), 0);

	if (fd < 0)
		return -errno;
	for (unsigned i = 0; i < ll->nents; i++) {
		int rc = add_rule(fd, &ll->ents[i]);
		if (rc < 0) {
			close(fd);
			return rc;
		}
	}
	return fd;
}

static void add_lines(struct strbuf *sb, const struct policy_landlock *ll,
		      enum policy_ll_gap_kind kind, const char *what)
{
	unsigned n = 0;

	for (unsigned i = 0; i < ll->ngaps; i++) {
		if (ll->gaps[i].kind != kind)
			continue;
		strbuf_adds(sb, n++ ? ", " : "; ");
		if (n == 1)
			strbuf_adds(sb, what);
		strbuf_add_u64(sb, ll->gaps[i].line);
	}
}

/* Words for a set of rights, as "reading, binding unix sockets". */
static void add_rights(struct strbuf *sb, uint64_t r)
{
	static const struct {
		uint64_t bits;
		const char *what;
	} words[] = {
		{LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR | LL_IOCTL_DEV,
		 "reading"},
		{LANDLOCK_ACCESS_FS_WRITE_FILE | LL_TRUNCATE, "writing"},
		{LANDLOCK_ACCESS_FS_MAKE_SOCK, "binding unix sockets"},
		{LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_DIR |
			 LANDLOCK_ACCESS_FS_MAKE_SYM | LANDLOCK_ACCESS_FS_MAKE_FIFO |
			 LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_BLOCK,
		 "making files"},
		{LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR, "removing files"},
	};
	bool first = true;

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (r & words[i].bits) {
			strbuf_adds(sb, first ? "" : ", ");
			strbuf_adds(sb, words[i].what);
			first = false;
		}
}

/* The start-up line: what the kernel enforces, and what only ptrace checks (and so races). */
static void say_plan(const struct tracer *t, unsigned abi, const struct policy_landlock *ll)
{
	struct strbuf sb = {0};

	add_lines(&sb, ll, PLG_DENY_INSIDE, "deny rules inside what a later rule allows: line ");
	add_lines(&sb, ll, PLG_WIDENED, "globs the kernel widens to their directory: line ");
	add_lines(&sb, ll, PLG_EXE, "exe= scopes: line ");
	if (ll->unbounded) {
		strbuf_adds(&sb, "; ");
		add_rights(&sb, ll->unbounded);
		strbuf_adds(&sb, " anywhere, as line ");
		strbuf_add_u64(&sb, ll->unbounded_line);
		strbuf_adds(&sb, " allows");
	}
	tracer_msg("Landlock ABI %u enforces %s's paths for opening, making and removing files; "
		   "only ptrace checks the rest, so a racing thread may get past it: stat, access, "
		   "readlink, chmod, chown, xattrs, utimes%s%s",
		   abi, t->cfg->policy_file, LL_TRUNCATE ? "" : ", truncate", sb.buf ? sb.buf : "");
	strbuf_free(&sb);
}

/* Why the job gets no ruleset, or NULL. */
static const char *why_not(const struct tracer *t)
{
	if (!t->pol.policy)
		return "needs --policy";
	if (!t->cfg->argv || !t->cfg->argv[0])
		return "needs a command to launch: a running process cannot be given a ruleset";
	if (t->cfg->policy_action == POLICY_ACT_REPORT)
		return "needs --policy-action=deny or kill: report lets every call run";
	return NULL;
}

/* Plans and builds; 0 with t->ll set, or -errno with the reason in msg. */
static int make(struct tracer *t, char *msg, size_t len)
{
	struct policy_landlock ll;
	int abi = ll_abi();

	if (abi < 0) {
		snprintf(msg, len, "Landlock is not available (%s)", strerror(-abi));
		return abi;
	}
	if (abi < 2) {
		snprintf(msg, len, "Landlock ABI 1 refuses every rename across directories");
		return -ENOTSUP;
	}
	policy_landlock_plan(t->pol.policy, policy_landlock_rights((unsigned)abi), &ll);
	int rc = ll.handled ? build(&ll) : -ENOTSUP;
	if (rc >= 0) {
		say_plan(t, (unsigned)abi, &ll);
		t->ll.fd = rc;
		t->ll.on = true;
		rc = 0;
	} else if (ll.handled) {
		snprintf(msg, len, "cannot build the Landlock ruleset (%s)", strerror(-rc));
	} else if (ll.off && ll.off_line) {
		snprintf(msg, len, "Landlock is not used: line %u of %s: %s", ll.off_line,
			 t->cfg->policy_file, ll.off);
	} else if (ll.off) {
		snprintf(msg, len, "Landlock is not used: %s: %s", t->cfg->policy_file, ll.off);
	} else {
		*msg = '\0'; /* no path rules: nothing for the kernel to check */
	}
	policy_landlock_free(&ll);
	return rc;
}

int landlock_plan(struct tracer *t)
{
	enum seccomp_bpf_use use = t->cfg->landlock;
	const char *why = why_not(t);
	char msg[512];

	t->ll.on = false;
	if (use == SECCOMP_BPF_NO)
		return 0;
	if (why) {
		if (use == SECCOMP_BPF_YES) {
			tracer_msg("--landlock=yes %s", why);
			return -EINVAL;
		}
		return 0;
	}
	int rc = make(t, msg, sizeof(msg));
	if (rc >= 0)
		return 0;
	if (use == SECCOMP_BPF_YES) {
		tracer_msg("--landlock=yes: %s", *msg ? msg : "the policy has no path rule");
		return rc;
	}
	if (*msg)
		tracer_msg("%s: ptrace alone checks the policy's paths, and a racing thread may "
			   "get past",
			   msg);
	return 0;
}

int landlock_child(const struct tracer *t)
{
	if (!t->ll.on)
		return 0;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	if (syscall(SYS_landlock_restrict_self, t->ll.fd, 0) < 0)
		return -errno;
	close(t->ll.fd);
	return 0;
}

void landlock_free(struct tracer *t)
{
	if (t->ll.on)
		close(t->ll.fd);
	t->ll.on = false;
}
