/* A policy's Landlock plan: which rights the kernel handles, beneath which paths, and the
 * rules only ptrace checks. */
#include <criterion/criterion.h>
#include <string.h>

#include "policy/landlock.h"

#define RF LANDLOCK_ACCESS_FS_READ_FILE
#define RD LANDLOCK_ACCESS_FS_READ_DIR
#define WF LANDLOCK_ACCESS_FS_WRITE_FILE
#define MR LANDLOCK_ACCESS_FS_MAKE_REG
#define MS LANDLOCK_ACCESS_FS_MAKE_SOCK
#define RMF LANDLOCK_ACCESS_FS_REMOVE_FILE

static struct policy *pol;
static struct policy_landlock ll;

static void plan(const char *text, unsigned abi)
{
	char err[256] = "";

	cr_assert_eq(policy_parse("t.policy", text, strlen(text), &pol, err, sizeof(err)), 0, "%s",
		     err);
	policy_landlock_plan(pol, policy_landlock_rights(abi), &ll);
}

static void fini(void)
{
	policy_landlock_free(&ll);
	policy_free(pol);
	pol = NULL;
}

TestSuite(policy_landlock, .fini = fini);

static const struct policy_ll_entry *entry(const char *path)
{
	for (unsigned i = 0; i < ll.nents; i++)
		if (!strcmp(ll.ents[i].path, path))
			return &ll.ents[i];
	return NULL;
}

static bool has_gap(enum policy_ll_gap_kind kind, unsigned line)
{
	for (unsigned i = 0; i < ll.ngaps; i++)
		if (ll.gaps[i].kind == kind && ll.gaps[i].line == line)
			return true;
	return false;
}

Test(policy_landlock, glob_bases)
{
	static const struct {
		const char *glob, *base;
		enum policy_glob_shape shape;
	} cases[] = {
		{"/usr/**", "/usr", PGS_TREE},		 {"/**", "/", PGS_TREE},
		{"/etc/hosts", "/etc/hosts", PGS_EXACT}, {"/tmp/*", "/tmp", PGS_WIDENED},
		{"/etc/*.conf", "/etc", PGS_WIDENED},	 {"/a/*/b", "/a", PGS_WIDENED},
		{"/a/**/b", "/a", PGS_WIDENED},		 {"/*", "/", PGS_WIDENED},
		{"/x/\\*y/**", "/x/*y", PGS_TREE},	 {"/a/b[0-9]", "/a", PGS_WIDENED},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum policy_glob_shape shape;
		char *b = policy_glob_base(cases[i].glob, &shape);
		cr_expect_str_eq(b, cases[i].base, "%s", cases[i].glob);
		cr_expect_eq(shape, cases[i].shape, "%s: shape %d", cases[i].glob, shape);
		free(b);
	}
}

Test(policy_landlock, read_and_write_trees)
{
	plan("allow @default @basic-io @process\n"
	     "allow @file-system access=read path=/usr/**,/etc/hosts\n"
	     "allow @file-system path=/tmp/build/**\n",
	     7);
	cr_assert(ll.handled & RF && ll.handled & WF && ll.handled & MR, "%#llx",
		  (unsigned long long)ll.handled);
	cr_assert_eq(ll.handled & LANDLOCK_ACCESS_FS_EXECUTE, 0, "exec stays ptrace's");
	const struct policy_ll_entry *usr = entry("/usr"), *hosts = entry("/etc/hosts"),
				     *tmp = entry("/tmp/build");
	cr_assert(usr && hosts && tmp);
	cr_expect_eq(usr->rights, (RF | RD | LL_IOCTL_DEV) & ll.handled, "read only: %#llx",
		     (unsigned long long)usr->rights);
	cr_expect(tmp->rights & WF && tmp->rights & MR && tmp->rights & RMF);
	cr_expect(!entry("/etc"), "an exact read path is granted on itself only");
	cr_expect_eq(ll.ngaps, 0, "nothing widened, no deny");
	/* execve with no exec= does not unbound reading: the read rules bound where it runs. */
	cr_expect_eq(ll.unbounded, 0, "%#llx", (unsigned long long)ll.unbounded);
}

Test(policy_landlock, an_open_with_no_path_leaves_reading_to_ptrace)
{
	plan("allow openat access=read\n"
	     "allow @file-system access=write path=/tmp/**\n",
	     7);
	cr_expect_eq(ll.handled & (RF | RD), 0, "reading is unbounded");
	cr_expect(ll.handled & WF, "writing is bounded");
	cr_expect(ll.unbounded & RF);
	cr_expect_eq(ll.unbounded_line, 1);
}

Test(policy_landlock, deny_inside_an_allowed_tree_and_widened_globs)
{
	plan("deny @file-system path=/tmp/secret/**\n"
	     "allow @file-system path=/tmp/**\n"
	     "allow @file-system access=read path=/etc/*.conf exe=/usr/bin/cc\n"
	     "deny openat path=/var/**\n",
	     7);
	cr_expect(has_gap(PLG_DENY_INSIDE, 1), "the deny of line 1 is inside line 2's tree");
	cr_expect(!has_gap(PLG_DENY_INSIDE, 4), "/var is outside every allowed tree");
	cr_expect(has_gap(PLG_WIDENED, 3));
	cr_expect(has_gap(PLG_EXE, 3));
	cr_expect(!has_gap(PLG_WIDENED, 2), "DIR/** is exactly a rule on DIR");
}

Test(policy_landlock, making_a_named_file_needs_its_directory)
{
	plan("allow @file-system access=write path=/dev/null\n", 7);
	const struct policy_ll_entry *dev = entry("/dev"), *null = entry("/dev/null");
	cr_assert(dev && null);
	cr_expect(dev->rights & MR && !(dev->rights & WF), "%#llx",
		  (unsigned long long)dev->rights);
	cr_expect(null->rights & WF && !(null->rights & MR));
	cr_expect(has_gap(PLG_WIDENED, 1));
}

Test(policy_landlock, bind_to_unix_paths_only_when_the_rule_allows_them)
{
	plan("allow bind family=inet\nallow @file-system path=/tmp/**\n", 7);
	cr_expect(ll.handled & MS, "an inet bind makes no file");
	fini();
	plan("allow bind\nallow @file-system path=/tmp/**\n", 7);
	cr_expect_eq(ll.handled & MS, 0, "any bind may make a socket file anywhere");
	cr_expect(ll.handled & MR);
}

Test(policy_landlock, renames_anywhere_get_refer_on_the_root)
{
	plan("allow rename\nallow @file-system access=read path=/usr/**\n", 7);
	const struct policy_ll_entry *root = entry("/");
	cr_assert(root, "REFER is always handled: an unbounded rename needs it granted on /");
	cr_expect_eq(root->rights, LL_REFER);
	cr_expect_eq(ll.handled & RMF, 0);
}

Test(policy_landlock, nothing_for_the_kernel)
{
	plan("default allow\ndeny openat path=/etc/shadow\n", 7);
	cr_expect_eq(ll.handled, 0);
	cr_expect(ll.off && strstr(ll.off, "default is allow"), "%s", ll.off);
	fini();
	plan("allow mount\nallow @file-system path=/tmp/**\n", 7);
	cr_expect_eq(ll.handled, 0);
	cr_expect_eq(ll.off_line, 1, "mounting is refused in a Landlock domain");
	fini();
	plan("allow @file-system path=/tmp/**\n", 1);
	cr_expect_eq(ll.handled, 0, "ABI 1 refuses renames across directories");
	fini();
	plan("allow @default @basic-io @file-system\n", 7);
	cr_expect_eq(ll.handled, 0);
	cr_expect_null(ll.off, "no path rule: nothing to say");
	fini();
	plan("allow *\n", 7);
	cr_expect_null(ll.off, "no path rule: mount or not, nothing to say");
}

Test(policy_landlock, rights_by_abi)
{
	cr_expect_eq(policy_landlock_rights(1), 0);
	cr_expect(policy_landlock_rights(2) & LL_REFER);
	cr_expect_eq(policy_landlock_rights(2) & LL_TRUNCATE, 0, "TRUNCATE is ABI 3");
	cr_expect_eq(policy_landlock_rights(7) & LANDLOCK_ACCESS_FS_EXECUTE, 0);
}
