/*
 * The example policies (examples/policies/) on their jobs (examples/ci/jobs/), as CI runs
 * them: ptrc --policy P --policy-action=deny -f, from a fresh checkout (a copy of the job in
 * a temporary directory, so ${CWD} is not the repository), with Debian 12's PATH and, but
 * for the multiprocessing job, a private ${TMPDIR}.  Each run must end with status 0 and
 * 0 violations, and make what its job makes.  Then examples/ci/play.sh, which learns and
 * enforces one of them.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Root's PATH on Debian 12: gcc's PATH search for `as` tries each directory (ci-build.policy). */
#define DEBIAN_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
#define RUN_TIMEOUT 60

static struct it_run r, r2;
static char root[64];	    /* /tmp/ptrc-ex-XXXXXX, removed after each test */
static char checkout[96];   /* ROOT/checkout: the job's files, and the tracer's cwd */
static char tmpdir[96];	    /* ROOT/tmp: $TMPDIR of the run */
static char policy[512];    /* the policy of the run */
static char trace_ex[4096]; /* the first violations of a failed run */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static void examples_fini(void)
{
	const char *keep = getenv("PTRC_IT_KEEP");

	it_fini();
	if (root[0] && keep && *keep)
		fprintf(stderr, "kept %s\n", root);
	else if (root[0])
		nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	root[0] = '\0';
}

TestSuite(examples, .fini = examples_fini, .timeout = 120);

static const char *source_dir(void)
{
	const char *dir = getenv("PTRC_SOURCE_DIR");

	cr_assert(dir, "PTRC_SOURCE_DIR is not set");
	return dir;
}

/* Skip unless ptrc is the tracer and every tool (a NULL-ended list of paths) is installed. */
static void need(const char *const *tools)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace has no policy mode");
	for (; *tools; tools++)
		if (access(*tools, X_OK) != 0)
			cr_skip_test("%s is not installed", *tools);
}

static const char *const c_tools[] = {"/usr/bin/make", "/usr/bin/cc", NULL};
static const char *const cmake_tools[] = {"/usr/bin/cmake", "/usr/bin/make", "/usr/bin/cc", NULL};
static const char *const python_tools[] = {"/usr/bin/python3", NULL};

static void run_cmd(const char *cmd)
{
	int st = system(cmd);

	cr_assert(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "failed: %s", cmd);
}

/*
 * A fresh checkout of examples/ci/jobs/JOB in ROOT/checkout, made the cwd (the tracer's is
 * ours); the policy examples/policies/JOB.policy; $TMPDIR ROOT/tmp if private_tmp, else
 * unset (/tmp); owned by uid 65534 if for_nobody.  Python writes its __pycache__, as on a
 * fresh Debian.
 */
static void make_checkout(const char *job, bool private_tmp, bool for_nobody)
{
	char cmd[1024];

	strcpy(root, "/tmp/ptrc-ex-XXXXXX");
	cr_assert(mkdtemp(root), "mkdtemp");
	cr_assert_eq(chmod(root, 0755), 0);
	snprintf(checkout, sizeof(checkout), "%s/checkout", root);
	snprintf(tmpdir, sizeof(tmpdir), "%s/tmp", root);
	cr_assert_eq(mkdir(checkout, 0755), 0);
	cr_assert_eq(mkdir(tmpdir, 0700), 0);
	snprintf(cmd, sizeof(cmd), "cp -R '%s/examples/ci/jobs/%s/.' '%s/'", source_dir(), job,
		 checkout);
	run_cmd(cmd);
	if (for_nobody) {
		snprintf(cmd, sizeof(cmd), "chown -R 65534:65534 '%s' '%s'", checkout, tmpdir);
		run_cmd(cmd);
	}
	snprintf(policy, sizeof(policy), "%s/examples/policies/%s.policy", source_dir(), job);
	if (private_tmp)
		setenv("TMPDIR", tmpdir, 1);
	else
		unsetenv("TMPDIR");
	unsetenv("PYTHONDONTWRITEBYTECODE");
	cr_assert_eq(chdir(checkout), 0, "chdir %s", checkout);
}

/* Root can become uid 65534, which can run the tracer and read JOB's policy; else skip. */
static void need_nobody(const char *job)
{
	char cmd[1024];

	snprintf(policy, sizeof(policy), "%s/examples/policies/%s.policy", source_dir(), job);

	if (geteuid() != 0)
		cr_skip_test(
			"not root: cannot become uid 65534 (the other tests run as this user)");
	snprintf(cmd, sizeof(cmd),
		 "setpriv --reuid=65534 --regid=65534 --clear-groups -- "
		 "sh -c 'test -x \"$0\" && test -r \"$1\"' '%s' '%s' 2>/dev/null",
		 it_tracer(), policy);
	if (system(cmd) != 0)
		cr_skip_test("uid 65534 cannot run the tracer or read the policy (or no setpriv)");
}

/* it_init(RUN) with Debian's PATH; set as_nobody or stdout_fd after it, then start_job(). */
static void prepare(struct it_run *run)
{
	it_init(run);
	run->path = DEBIAN_PATH;
}

/* Start the tracer on CMD (NULL-ended) under the run's policy, in deny mode. */
static void start_job(struct it_run *run, const char *const *cmd)
{
	const char *argv[24] = {"--policy", policy, "--policy-action=deny", "-f", "-o", "@TRACE"};
	int n = 6;

	while (*cmd && n < 23)
		argv[n++] = *cmd++;
	argv[n] = NULL;
	it_start(run, argv);
}

static void run_job(struct it_run *run, const char *const *cmd)
{
	start_job(run, cmd);
	cr_assert(it_wait(run, RUN_TIMEOUT), "timed out after %d s; stderr:\n%s", RUN_TIMEOUT,
		  run->err);
}

/* The first violations of the run's trace, without their stacks. */
static const char *violations(struct it_run *run)
{
	char *t = it_read_trace(run, NULL);
	size_t used = 0;

	trace_ex[0] = '\0';
	for (char *line = t ? strtok(t, "\n") : NULL; line; line = strtok(NULL, "\n")) {
		if (!strstr(line, "!!! policy violation"))
			continue;
		int w = snprintf(trace_ex + used, sizeof(trace_ex) - used, "%.300s\n", line);
		if (w < 0 || (size_t)w >= sizeof(trace_ex) - used)
			break;
		used += (size_t)w;
	}
	free(t);
	return trace_ex;
}

static void assert_passed(struct it_run *run)
{
	bool exit0 = WIFEXITED(run->status) && WEXITSTATUS(run->status) == 0;
	bool clean = strstr(run->err, ": 0 violations") != NULL;

	cr_assert(exit0 && clean, "under %s: %s %d, %s; stderr:\n%s\nviolations:\n%s", policy,
		  WIFEXITED(run->status) ? "exit" : "signal",
		  WIFEXITED(run->status) ? WEXITSTATUS(run->status) : WTERMSIG(run->status),
		  clean ? "0 violations" : "violations", run->err, violations(run));
}

/* PROG (in the checkout) runs and prints exactly WANT. */
static void assert_prints(const char *prog, const char *want)
{
	char buf[256] = "";
	FILE *p = popen(prog, "r");

	cr_assert(p, "popen %s", prog);
	size_t n = fread(buf, 1, sizeof(buf) - 1, p);
	buf[n] = '\0';
	int st = pclose(p);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s failed (%d)", prog, st);
	cr_assert_str_eq(buf, want, "%s printed '%s'", prog, buf);
}

static const char *const make_cmd[] = {"make", NULL};

Test(examples, ci_build_make_and_cc)
{
	need(c_tools);
	make_checkout("ci-build", true, false);
	prepare(&r);
	run_job(&r, make_cmd);
	assert_passed(&r);
	cr_assert(strstr(r.out, "cc "), "make printed its recipe:\n%s", r.out);
	assert_prints("./hello", "hello from ci-build\n");
}

/* As in an unprivileged CI container: uid 65534, its own checkout, stdout to /dev/null. */
Test(examples, ci_build_as_a_normal_user_stdout_to_dev_null)
{
	struct stat st;

	need(c_tools);
	need_nobody("ci-build");
	make_checkout("ci-build", true, true);
	prepare(&r);
	r.as_nobody = true;
	r.stdout_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	cr_assert_geq(r.stdout_fd, 0);
	run_job(&r, make_cmd);
	close(r.stdout_fd);
	assert_passed(&r);
	cr_assert_eq(stat("hello", &st), 0, "no ./hello");
	cr_assert_eq(st.st_uid, 65534, "./hello belongs to uid %u", (unsigned)st.st_uid);
	assert_prints("./hello", "hello from ci-build\n");
}

/* The same, stdout a pipe (a CI runner's log): the job's output comes through it. */
Test(examples, ci_build_as_a_normal_user_stdout_piped)
{
	int fds[2];
	char out[4096];
	size_t len = 0;
	ssize_t n;

	need(c_tools);
	need_nobody("ci-build");
	make_checkout("ci-build", true, true);
	prepare(&r);
	r.as_nobody = true;
	cr_assert_eq(pipe2(fds, O_CLOEXEC), 0);
	r.stdout_fd = fds[1];
	start_job(&r, make_cmd);
	close(fds[1]);
	while (len < sizeof(out) - 1 && (n = read(fds[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += (size_t)n;
	out[len] = '\0';
	close(fds[0]);
	cr_assert(it_wait(&r, RUN_TIMEOUT), "timed out; stderr:\n%s", r.err);
	assert_passed(&r);
	cr_assert(strstr(out, "cc "), "make's recipe came through the pipe:\n%s", out);
	assert_prints("./hello", "hello from ci-build\n");
}

/* The tests can fail: without its PATH-search line, ci-build.policy stops the build. */
Test(examples, a_policy_missing_a_needed_rule_fails_the_job)
{
	char cmd[1024], broken[128];

	need(c_tools);
	make_checkout("ci-build", true, false);
	snprintf(broken, sizeof(broken), "%s/broken.policy", root);
	snprintf(cmd, sizeof(cmd), "grep -v '^allow execve exec=${PATH}/as' '%s' > '%s'", policy,
		 broken);
	run_cmd(cmd);
	snprintf(policy, sizeof(policy), "%s", broken);
	prepare(&r);
	run_job(&r, make_cmd);
	it_assert_exit(&r, 86);
	cr_assert(strstr(violations(&r), "execve(\"/usr/local/sbin/as\""), "violations:\n%s\n%s",
		  trace_ex, r.err);
	cr_assert_neq(access("hello", F_OK), 0, "./hello was built all the same");
}

/* Another PATH: more directories before /usr/bin, where gcc's search for `as` misses. */
Test(examples, ci_build_with_another_path)
{
	need(c_tools);
	make_checkout("ci-build", true, false);
	prepare(&r);
	r.path = "/opt/toolchain/bin:/home/runner/.local/bin:" DEBIAN_PATH;
	run_job(&r, make_cmd);
	assert_passed(&r);
	assert_prints("./hello", "hello from ci-build\n");
}

Test(examples, cmake_build_configure_and_build)
{
	static const char *const configure[] = {"cmake", "-S", ".", "-B", "build", NULL};
	static const char *const build[] = {"cmake", "--build", "build", NULL};

	need(cmake_tools);
	make_checkout("cmake-build", true, false);
	prepare(&r);
	run_job(&r, configure);
	assert_passed(&r);
	prepare(&r2);
	run_job(&r2, build);
	assert_passed(&r2);
	assert_prints("build/hello", "hello from cmake-build\n");
}

Test(examples, python_unittest)
{
	static const char *const cmd[] = {"/usr/bin/python3", "-m", "unittest", "-v", NULL};

	need(python_tools);
	make_checkout("python-unittest", true, false);
	prepare(&r);
	run_job(&r, cmd);
	assert_passed(&r);
	/* unittest reports on stderr, with ptrc's lines. */
	cr_assert(strstr(r.err, "Ran 3 tests") && strstr(r.err, "\nOK\n"), "%s", r.err);
	cr_assert_eq(access("__pycache__", F_OK), 0, "no __pycache__ in the checkout");
}

/* A private $TMPDIR: the Manager's socket is in ${TMPDIR}/pymp-*, as the policy says. */
Test(examples, python_multiprocessing_fork_and_spawn)
{
	static const char *const cmd[] = {"/usr/bin/python3", "job.py", NULL};
	static const char want[] = "fork: 0 1 4 9 16 25 36 49 64 81 sum=285\n"
				   "spawn: 0 1 4 9 16 25 36 49 64 81 sum=285\n";

	need(python_tools);
	make_checkout("python-multiprocessing", true, false);
	prepare(&r);
	run_job(&r, cmd);
	assert_passed(&r);
	cr_assert(strstr(r.out, "wrote results.txt"), "stdout:\n%s", r.out);
	char *got = it_read_file("results.txt");
	cr_assert(got, "no results.txt in the checkout");
	cr_assert_str_eq(got, want, "results.txt:\n%s", got);
	free(got);
}

/* examples/ci/play.sh: learn into a temporary file, show it, enforce the committed policy. */
Test(examples, play_sh_learns_shows_and_enforces)
{
	char cmd[2048], out[128];

	need(c_tools);
	make_checkout("ci-build", true, false);
	snprintf(out, sizeof(out), "%s/play.out", root);
	snprintf(cmd, sizeof(cmd), "PTRC='%s' sh '%s/examples/ci/play.sh' ci-build >'%s' 2>&1",
		 it_tracer(), source_dir(), out);
	int st = system(cmd);
	char *text = it_read_file(out);
	cr_assert(text, "no output");
	cr_assert(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "play.sh failed:\n%s", text);
	cr_assert(strstr(text, "# Learned by ptrc --learn"), "the learned policy is shown:\n%s",
		  text);
	cr_assert(strstr(text, "ci-build.policy: 0 violations") &&
			  strstr(text, "hello from ci-build\n") &&
			  strstr(text, "== ci-build passes under"),
		  "%s", text);
	free(text);
}
