/* Where a path leads (src/core/pathwalk.c), walked in this process's own view: symlinks,
 * ".." after a link, /proc/self, names that do not exist yet. */
#include <criterion/criterion.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/pathwalk.h"

static char dir[64];

static void setup(void)
{
	char p[PATH_MAX], t[PATH_MAX];

	strcpy(dir, "/tmp/ptrc-pathwalk-XXXXXX");
	cr_assert(mkdtemp(dir));
	snprintf(p, sizeof(p), "%s/deep/er", dir);
	snprintf(t, sizeof(t), "%s/deep", dir);
	cr_assert_eq(mkdir(t, 0755), 0);
	cr_assert_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof(p), "%s/ok", dir);
	cr_assert_eq(mkdir(p, 0755), 0);
	snprintf(p, sizeof(p), "%s/ok/up", dir); /* absolute link to a directory */
	snprintf(t, sizeof(t), "%s/deep/er", dir);
	cr_assert_eq(symlink(t, p), 0);
	snprintf(p, sizeof(p), "%s/ok/rel", dir); /* relative link, to a file beside it */
	cr_assert_eq(symlink("../secret", p), 0);
	snprintf(p, sizeof(p), "%s/ok/loop", dir);
	cr_assert_eq(symlink("loop", p), 0);
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}

TestSuite(pathwalk, .init = setup, .fini = teardown);

static void expect_walk(const char *rel, bool follow, const char *want_rel)
{
	char in[PATH_MAX], out[PATH_MAX], want[PATH_MAX];

	snprintf(in, sizeof(in), "%s/%s", dir, rel);
	snprintf(want, sizeof(want), "%s%s", dir, want_rel);
	cr_assert_eq(path_walk(getpid(), gettid(), in, follow, out, sizeof(out)), 0, "%s", in);
	cr_expect_str_eq(out, want, "%s", rel);
}

Test(pathwalk, links_are_followed_and_dotdot_comes_after_them)
{
	expect_walk("ok/up/../x", true, "/deep/x"); /* lexically ok/x */
	expect_walk("ok/rel", true, "/secret");
	expect_walk("ok/rel", false, "/ok/rel"); /* lstat, unlink: the link itself */
	expect_walk("ok//./up/", true, "/deep/er");
	expect_walk("ok/new/file", true, "/ok/new/file"); /* not there yet: as written */
	expect_walk("ok/up/../../ok/../secret", true, "/secret");
}

Test(pathwalk, proc_self_is_the_tracee_not_the_reader)
{
	char in[PATH_MAX], out[PATH_MAX], want[PATH_MAX];

	/* The walk names the pid it is given: /proc/self is that process's. */
	snprintf(in, sizeof(in), "/proc/self/root%s/ok/rel", dir);
	snprintf(want, sizeof(want), "%s/secret", dir);
	cr_assert_eq(path_walk(getpid(), gettid(), in, true, out, sizeof(out)), 0);
	cr_expect_str_eq(out, want);
	cr_assert_eq(path_walk(4194304, gettid(), "/proc/self/status", true, out, sizeof(out)), 0);
	cr_expect_str_eq(out, "/proc/4194304/status", "not the reader's own pid");
	snprintf(want, sizeof(want), "/proc/%d/task/%d/comm", (int)getpid(), (int)gettid());
	cr_assert_eq(
		path_walk(getpid(), gettid(), "/proc/thread-self/comm", true, out, sizeof(out)), 0);
	cr_expect_str_eq(out, want);
}

Test(pathwalk, what_leads_nowhere)
{
	char in[PATH_MAX], out[PATH_MAX];
	int fds[2];

	snprintf(in, sizeof(in), "%s/ok/loop", dir);
	cr_expect_eq(path_walk(getpid(), gettid(), in, true, out, sizeof(out)), -ELOOP);
	cr_assert_eq(pipe(fds), 0);
	snprintf(in, sizeof(in), "/proc/self/fd/%d", fds[0]);
	cr_expect_eq(path_walk(getpid(), gettid(), in, true, out, sizeof(out)), -ENOENT,
		     "a pipe has no path");
	cr_expect_eq(path_walk(getpid(), gettid(), "relative", true, out, sizeof(out)), -EINVAL);
	/* Standard output is a descriptor wherever it points (here a file). */
	snprintf(in, sizeof(in), "%s/ok/out", dir);
	FILE *f = freopen(in, "w", stdout);
	cr_assert(f);
	cr_expect_eq(path_walk(getpid(), gettid(), "/dev/stdout", true, out, sizeof(out)), -ENOENT);
	cr_expect_eq(path_walk(getpid(), gettid(), "/proc/self/fd/1", true, out, sizeof(out)),
		     -ENOENT);
	close(fds[0]);
	close(fds[1]);
}
