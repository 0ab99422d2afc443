/*
 * What of a policy the kernel can enforce itself with Landlock (docs/policy.md,
 * "What the kernel enforces").  Landlock only allows: a ruleset handles some
 * access rights and grants them beneath a few files and directories, and
 * every other use of a handled right fails with EACCES.  So the plan is an
 * over-approximation of what the policy allows: each allow rule with path
 * globs grants the rights its calls need beneath each glob's directory, a
 * right some allowed call needs with no path bound is not handled at all, and
 * ptrace's own check stays for everything finer.  What the kernel allows and
 * the policy does not (a deny inside an allowed tree, a glob the kernel widens
 * to its directory, an exe= scope) is listed as a gap: only ptrace checks it,
 * so a racing thread may get past.  Pure: the caller opens the paths.
 */
#include "landlock.h"

#include <linux/landlock.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../util/xalloc.h"
#include "internal.h"

/* Rights of opening a file, with O_RDONLY and with write access (or O_CREAT, O_TRUNC). */
#define LL_OPEN_READ (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR | LL_IOCTL_DEV)
#define LL_OPEN_WRITE                                                                              \
	(LL_OPEN_READ | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_MAKE_REG | LL_TRUNCATE)
/* Rights on a directory's entries: checked on the parent of what is made or removed. */
#define LL_DIR_ENTRIES                                                                             \
	(LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |                          \
	 LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |                              \
	 LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK |                              \
	 LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |                            \
	 LANDLOCK_ACCESS_FS_MAKE_SYM | LL_REFER)
/* unlink, rename, mkdir, mknod, link, symlink, truncate...: whatever they may touch. */
#define LL_MODIFY (LL_DIR_ENTRIES | LANDLOCK_ACCESS_FS_WRITE_FILE | LL_TRUNCATE)

uint64_t policy_landlock_rights(unsigned abi)
{
	uint64_t r = 0;

	/* ABI 1 (Linux 5.13) refuses every rename or link across directories: not used. */
	if (abi < 2)
		return 0;
	r = (LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1; /* ABI 1's thirteen rights */
	r |= LL_REFER;
	if (abi >= 3)
		r |= LL_TRUNCATE; /* Linux 6.2 */
	if (abi >= 5)
		r |= LL_IOCTL_DEV; /* Linux 6.10 */
	/* Running programs stays ptrace's: the kernel also opens interpreters nobody named. */
	return r & ~(uint64_t)LANDLOCK_ACCESS_FS_EXECUTE;
}

/* The rights file rules may carry (a rule on a non-directory). */
uint64_t policy_landlock_file_rights(void)
{
	return LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |
	       LANDLOCK_ACCESS_FS_READ_FILE | LL_TRUNCATE | LL_IOCTL_DEV;
}

static bool is_wild(char c)
{
	return c == '*' || c == '?' || c == '[';
}

char *policy_glob_base(const char *glob, enum policy_glob_shape *shape)
{
	size_t n = strlen(glob), len = 0, last_slash = 0;
	char *out = xmalloc(n + 2);
	const char *p = glob;

	*shape = PGS_EXACT;
	for (; *p; p++) {
		if (is_wild(*p)) {
			*shape = PGS_WIDENED;
			break;
		}
		if (*p == '\\' && p[1])
			p++;
		if (*p == '/')
			last_slash = len;
		out[len++] = *p;
	}
	if (*shape == PGS_WIDENED) {
		/* A final double star after a slash is exactly what a rule on DIR means. */
		if (!strcmp(p, "**") && len && out[len - 1] == '/')
			*shape = PGS_TREE;
		len = last_slash; /* the directory holding the first wild component */
	}
	if (!len) /* the root, or a wildcard right after it */
		out[len++] = '/';
	out[len] = '\0';
	return out;
}

/* What the kernel checks for name when a rule allows it with access (POLICY_ACCESS_*). */
static uint64_t needs(const char *name, int access)
{
	const struct sc_info *si = sc_info_find(name);
	uint64_t r = 0;

	if (!si) /* opens by handle: every opening right */
		return !strcmp(name, "open_by_handle_at") ? LL_OPEN_WRITE : 0;
	switch (si->kind) {
	case SCK_OPEN:
		if (access & POLICY_ACCESS_READ)
			r |= LL_OPEN_READ;
		if (access & POLICY_ACCESS_WRITE)
			r |= LL_OPEN_WRITE;
		return r;
	case SCK_EXEC: /* the kernel opens the program to read it */
		return (access & POLICY_ACCESS_READ) ? LANDLOCK_ACCESS_FS_READ_FILE : 0;
	case SCK_FILE:
		return !sc_reads_only(si) && (access & POLICY_ACCESS_WRITE) ? LL_MODIFY : 0;
	case SCK_NET: /* binding a unix socket to a path makes a socket file */
		return !strcmp(name, "bind") ? LANDLOCK_ACCESS_FS_MAKE_SOCK : 0;
	default:
		/* i386's socketcall carries bind */
		return policy_is_multiplexer(name) ? LANDLOCK_ACCESS_FS_MAKE_SOCK : 0;
	}
}

static bool is_exec(const char *name)
{
	const struct sc_info *si = sc_info_find(name);

	return si && si->kind == SCK_EXEC;
}

/* Whether r can allow a bind to a unix socket path (which makes a file). */
static bool may_bind_unix_path(const struct policy_rule *r)
{
	const struct policy_cond *fam = &r->cond[PK_FAMILY], *addr = &r->cond[PK_ADDR];
	bool unix_fam = !fam->n;

	for (unsigned i = 0; i < fam->n; i++)
		unix_fam |= fam->ints[i] == AF_UNIX;
	if (!unix_fam)
		return false;
	if (!addr->n)
		return true;
	for (unsigned i = 0; i < addr->n; i++)
		if (addr->nets[i].family == AF_UNIX && addr->nets[i].glob[0] != '@')
			return true;
	return false;
}

static int rule_access(const struct policy_rule *r)
{
	int a = 0;

	for (unsigned i = 0; i < r->cond[PK_ACCESS].n; i++)
		a |= r->cond[PK_ACCESS].ints[i];
	return a ? a : POLICY_ACCESS_READ | POLICY_ACCESS_WRITE;
}

static void add_entry(struct policy_landlock *ll, char *path, uint64_t rights, unsigned line)
{
	for (unsigned i = 0; i < ll->nents; i++)
		if (!strcmp(ll->ents[i].path, path)) {
			ll->ents[i].rights |= rights;
			free(path);
			return;
		}
	ll->ents = xrealloc(ll->ents, (ll->nents + 1) * sizeof(*ll->ents));
	ll->ents[ll->nents++] = (struct policy_ll_entry){path, rights, line};
}

static void add_gap(struct policy_landlock *ll, enum policy_ll_gap_kind kind, unsigned line)
{
	for (unsigned i = 0; i < ll->ngaps; i++)
		if (ll->gaps[i].kind == kind && ll->gaps[i].line == line)
			return;
	ll->gaps = xrealloc(ll->gaps, (ll->ngaps + 1) * sizeof(*ll->gaps));
	ll->gaps[ll->ngaps++] = (struct policy_ll_gap){kind, line};
}

static char *parent_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t len = slash && slash != path ? (size_t)(slash - path) : 1;
	char *out = xmalloc(len + 1);

	memcpy(out, path, len);
	out[len] = '\0';
	return out;
}

/* The entries of one glob granting need: an exact path's own rights on it, its entries' on
 * its parent. */
static void glob_entries(struct policy_landlock *ll, const char *glob, uint64_t need, unsigned line)
{
	enum policy_glob_shape shape;
	char *base = policy_glob_base(glob, &shape);

	if (shape != PGS_EXACT) {
		if (shape == PGS_WIDENED)
			add_gap(ll, PLG_WIDENED, line);
		add_entry(ll, base, need, line);
		return;
	}
	if (need & LL_DIR_ENTRIES) {
		add_gap(ll, PLG_WIDENED, line); /* it may make or remove any name there */
		add_entry(ll, parent_of(base), need & LL_DIR_ENTRIES, line);
	}
	if (need & ~LL_DIR_ENTRIES)
		add_entry(ll, base, need & ~LL_DIR_ENTRIES, line);
	else
		free(base);
}

/* What one allow rule grants; rights it grants with no path bound go to *unbounded. */
static void plan_rule(struct policy_landlock *ll, const struct policy_rule *r, uint64_t *unbounded,
		      unsigned *unbounded_line)
{
	int access = rule_access(r);

	if (r->cond[PK_EXE].n)
		add_gap(ll, PLG_EXE, r->line);
	for (unsigned i = 0; i < r->nnames; i++) {
		const char *name = r->names[i];
		uint64_t need = needs(name, access);
		unsigned conds = rule_conds_for(r, name);
		const struct policy_cond *c = NULL;

		if (need == LANDLOCK_ACCESS_FS_MAKE_SOCK && !may_bind_unix_path(r))
			continue;
		if (conds & (1u << PK_EXEC))
			c = &r->cond[PK_EXEC];
		else if (conds & (1u << PK_PATH))
			c = &r->cond[PK_PATH];
		if (!need)
			continue;
		/* A program must be readable to run: the read rules bound where it can be. */
		if (!c && !(need & ~(uint64_t)LANDLOCK_ACCESS_FS_READ_FILE) && is_exec(name))
			continue;
		if (!c) {
			if (need & ~*unbounded && !*unbounded_line)
				*unbounded_line = r->line;
			*unbounded |= need;
			continue;
		}
		for (unsigned g = 0; g < c->n; g++)
			glob_entries(ll, c->globs[g], need, r->line);
	}
}

/* Whether a is b or one of b's ancestors, as paths. */
static bool beneath(const char *b, const char *a)
{
	size_t n = strlen(a);

	if (!strcmp(a, "/"))
		return true;
	return !strncmp(a, b, n) && (b[n] == '\0' || b[n] == '/');
}

/* Deny rules with paths that an allow rule after them lets the kernel allow. */
static void plan_denies(struct policy_landlock *ll, const struct policy *p)
{
	for (unsigned d = 0; d < p->nrules; d++) {
		const struct policy_rule *r = &p->rules[d];
		if (r->action != POLICY_DENY || !r->cond[PK_PATH].n)
			continue;
		for (unsigned g = 0; g < r->cond[PK_PATH].n; g++) {
			enum policy_glob_shape shape;
			char *base = policy_glob_base(r->cond[PK_PATH].globs[g], &shape);
			for (unsigned e = 0; e < ll->nents; e++)
				if (ll->ents[e].line > r->line &&
				    ll->ents[e].rights & ll->handled &&
				    (beneath(base, ll->ents[e].path) ||
				     beneath(ll->ents[e].path, base)))
					add_gap(ll, PLG_DENY_INSIDE, r->line);
			free(base);
		}
	}
}

/* A reason the kernel can check nothing of p, or NULL. */
static const char *why_off(const struct policy *p, unsigned *line)
{
	const struct policy_group *mnt = policy_group_find("@mount");

	*line = 0;
	if (p->dflt == POLICY_ALLOW)
		return "its default is allow, and Landlock can only allow";
	for (unsigned i = 0; i < p->nrules; i++) {
		const struct policy_rule *r = &p->rules[i];
		if (r->action != POLICY_ALLOW)
			continue;
		for (const char *const *m = mnt->members; *m; m++)
			for (unsigned k = 0; k < r->nnames; k++)
				if (!strcmp(r->names[k], *m) && strcmp(*m, "chroot")) {
					*line = r->line;
					return "it allows mounting, which a Landlock domain "
					       "refuses";
				}
	}
	return NULL;
}

static bool has_path_rules(const struct policy *p)
{
	for (unsigned i = 0; i < p->nrules; i++)
		if (p->rules[i].cond[PK_PATH].n || p->rules[i].cond[PK_EXEC].n)
			return true;
	return false;
}

void policy_landlock_plan(const struct policy *p, uint64_t supported, struct policy_landlock *ll)
{
	uint64_t unbounded = 0;

	*ll = (struct policy_landlock){0};
	if (!has_path_rules(p))
		return; /* nothing for the kernel to check, nothing to say */
	ll->off = why_off(p, &ll->off_line);
	if (ll->off || !supported)
		return;
	for (unsigned i = 0; i < p->nrules; i++)
		if (p->rules[i].action == POLICY_ALLOW)
			plan_rule(ll, &p->rules[i], &unbounded, &ll->unbounded_line);
	/* Renames across directories are refused unless granted: grant them everywhere. */
	ll->handled = supported & ~(unbounded & ~LL_REFER);
	if (!(ll->handled & ~LL_REFER)) {
		ll->handled = 0;
		ll->off = ll->nents ? "some call it allows may use any path" : NULL;
		ll->off_line = ll->unbounded_line;
		return;
	}
	if (unbounded & LL_REFER)
		add_entry(ll, xstrdup("/"), LL_REFER, 0);
	ll->unbounded = unbounded & supported & ~LL_REFER;
	for (unsigned i = 0; i < ll->nents; i++)
		ll->ents[i].rights &= ll->handled;
	plan_denies(ll, p);
}

void policy_landlock_free(struct policy_landlock *ll)
{
	for (unsigned i = 0; i < ll->nents; i++)
		free(ll->ents[i].path);
	free(ll->ents);
	free(ll->gaps);
	*ll = (struct policy_landlock){0};
}
