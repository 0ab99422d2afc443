/*
 * The kernel's half of a policy (docs/policy.md, "What the kernel enforces"): under
 * --policy-action=deny or kill, path rules become a Landlock ruleset, so a thread racing
 * ptrace's check, a symlink or /proc/self/root cannot reach a denied file.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite(landlock, .fini = it_fini, .timeout = 180);

static struct it_run r;
static char pol[160], allowed[160], secret[160];

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	cr_assert(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

/* A policy allowing the program and reading beneath DIR/ok; DIR/secret starts with 'S'. */
static void setup(void)
{
	char dir[160], text[1024];

	if (it_tracer_is_strace())
		cr_skip_test("strace has no policy mode");
	if (syscall(SYS_landlock_create_ruleset, NULL, 0, 1UL /* _VERSION */) < 2)
		cr_skip_test("no Landlock ABI 2 on this kernel");
	it_init(&r);
	snprintf(dir, sizeof(dir), "%s/ok", r.dir);
	cr_assert_eq(mkdir(dir, 0755), 0);
	snprintf(allowed, sizeof(allowed), "%s/ok/f", r.dir);
	snprintf(secret, sizeof(secret), "%s/secret", r.dir);
	write_file(allowed, "fine\n");
	write_file(secret, "SECRET\n");
	snprintf(pol, sizeof(pol), "%s/p.policy", r.dir);
	snprintf(text, sizeof(text),
		 "allow @default @basic-io @memory @signal @process\n"
		 "allow @file-system access=read path=/usr/**,/etc/**,/lib/**,/lib64/**,/proc/**,"
		 "%s/ok/**\n"
		 "allow execve exec=%s\n",
		 r.dir, it_prog("tp_race"));
	write_file(pol, text);
}

static void run_race(const char *action, const char *path_a, const char *path_b, const char *tries)
{
	const char *const argv[] = {"--policy", pol,	action, "-f", it_prog("tp_race"),
				    path_a,	path_b, tries,	NULL};
	it_run(&r, argv);
}

static unsigned long count(const char *key)
{
	const char *p = r.out ? strstr(r.out, key) : NULL;

	cr_assert(p, "no %s in the program's output:\n%s\nstderr:\n%s", key, r.out, r.err);
	return strtoul(p + strlen(key), NULL, 10);
}

/* 1,000 opens while a second thread flips the path: none reads the denied file. */
Test(landlock, a_racing_thread_never_opens_a_denied_path)
{
	setup();
	run_race("--policy-action=deny", allowed, secret, "1000");
	/* 86 when ptrace saw the denied name (nearly always), 0 when the kernel alone did */
	cr_assert(WIFEXITED(r.status) &&
			  (WEXITSTATUS(r.status) == 86 || WEXITSTATUS(r.status) == 0),
		  "status %#x:\n%s", r.status, r.err);
	cr_assert(count("opened=") > 0, "the allowed file opened at least once");
	cr_assert_eq(count("leaked="), 0, "the denied file was read:\n%s", r.out);
	cr_assert(strstr(r.err, "Landlock ABI ") && strstr(r.err, "enforces"),
		  "the start-up line says the kernel enforces the paths:\n%s", r.err);
}

/* Kill mode: the open that races past ptrace fails in the kernel before any kill. */
Test(landlock, kill_mode_never_reads_before_the_kill)
{
	for (int i = 0; i < 30; i++) {
		setup();
		run_race("--policy-action=kill", allowed, secret, "1000");
		/* 86 when ptrace saw the denied name (it mostly does), 0 when every race was
		 * won in the kernel: either way, nothing was read. */
		cr_assert(WIFEXITED(r.status) &&
				  (WEXITSTATUS(r.status) == 86 || WEXITSTATUS(r.status) == 0),
			  "status %#x:\n%s", r.status, r.err);
		/* "leak" alone on a line: a run that ends by itself prints "leaked=0" too. */
		cr_assert_null(strstr(r.out ? r.out : "", "leak\n"), "run %d read the secret:\n%s",
			       i, r.out);
		it_fini();
	}
}

/* Names that lead outside what the policy allows fail in the kernel, whatever ptrace read. */
Test(landlock, symlinks_and_proc_root_lead_nowhere)
{
	char link[200], via_root[200];

	setup();
	snprintf(link, sizeof(link), "%s/ok/link", r.dir);
	cr_assert_eq(symlink(secret, link), 0);
	snprintf(via_root, sizeof(via_root), "/proc/self/root%s", secret);
	run_race("--policy-action=deny", link, via_root, "50");
	cr_assert_eq(count("leaked="), 0, "%s", r.out);
	cr_assert_eq(count("opened="), 0, "%s", r.out);
}

/* Report mode lets every call run, so it has no ruleset, and --landlock=yes says so. */
Test(landlock, yes_refuses_what_it_cannot_have)
{
	setup();
	const char *const argv[] = {"--landlock=yes", "--policy", pol, "-f", it_prog("tp_race"),
				    allowed,	      secret,	  "1", NULL};
	it_run(&r, argv);
	it_assert_failed(&r);
	cr_assert(strstr(r.err, "--landlock=yes needs --policy-action=deny or kill"), "%s", r.err);
	cr_assert_null(r.out && strstr(r.out, "opened="), "the command did not run");
}

/* The start-up line names the rules only ptrace checks. */
Test(landlock, the_rules_the_kernel_cannot_express_are_named)
{
	char text[1024];

	setup();
	snprintf(text, sizeof(text),
		 "allow @default @basic-io @memory @signal @process\n"
		 "deny openat path=%s/ok/f\n"
		 "allow @file-system access=read path=/usr/**,/etc/**,/lib/**,/lib64/**,/proc/**,"
		 "%s/ok/**\n"
		 "allow execve exec=%s\n"
		 "allow openat access=read path=%s/*/nothing exe=/usr/bin/true\n",
		 r.dir, r.dir, it_prog("tp_race"), r.dir);
	write_file(pol, text);
	run_race("--policy-action=deny", allowed, allowed, "1");
	cr_assert(strstr(r.err, "deny rules inside what a later rule allows: line 2"), "%s", r.err);
	cr_assert(strstr(r.err, "globs the kernel widens to their directory: line 5"), "%s", r.err);
	cr_assert(strstr(r.err, "exe= scopes: line 5"), "%s", r.err);
	cr_assert_eq(count("opened="), 0, "the deny rule still holds (ptrace): %s", r.out);
}

/* With execve allowed for any program, the kernel runs only what the policy lets it read. */
Test(landlock, a_program_runs_only_from_where_reading_is_allowed)
{
	char text[512], copy[200], cmd[512];

	setup();
	snprintf(copy, sizeof(copy), "%s/prog", r.dir);
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", it_prog("tp_race"), copy);
	cr_assert_eq(system(cmd), 0);
	snprintf(
		text, sizeof(text),
		"allow @default @basic-io @memory @signal @process\n"
		"allow @file-system access=read path=/usr/**,/etc/**,/lib/**,/lib64/**,/proc/**\n");
	write_file(pol, text);
	const char *const argv[] = {
		"--policy", pol, "--policy-action=deny", "-f", copy, allowed, allowed, "1", NULL};
	it_run(&r, argv);
	it_assert_failed(&r);
	cr_assert(strstr(r.err, "prog: Permission denied (Landlock:"), "%s", r.err);
	it_fini();
	setup(); /* the same program named by exec= can be read, so it runs */
	snprintf(copy, sizeof(copy), "%s/prog", r.dir);
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", it_prog("tp_race"), copy);
	cr_assert_eq(system(cmd), 0);
	snprintf(text, sizeof(text),
		 "allow @default @basic-io @memory @signal @process\n"
		 "allow @file-system access=read path=/usr/**,/etc/**,/lib/**,/lib64/**,/proc/**\n"
		 "allow execve exec=%s\n",
		 copy);
	write_file(pol, text);
	const char *const argv2[] = {
		"--policy", pol, "--policy-action=deny", "-f", copy, allowed, allowed, "1", NULL};
	it_run(&r, argv2);
	cr_assert(r.out && strstr(r.out, "opened=0"), "%s\n%s", r.out, r.err);
}

/* ptrace's own check judges where a name leads, so report mode (no ruleset) names the file. */
Test(landlock, report_mode_judges_where_a_name_leads)
{
	char link[200], up[200], deep[200], spelled[220], via_root[200];

	setup();
	snprintf(link, sizeof(link), "%s/ok/link", r.dir);
	cr_assert_eq(symlink(secret, link), 0);
	snprintf(deep, sizeof(deep), "%s/deep", r.dir);
	cr_assert_eq(mkdir(deep, 0755), 0);
	snprintf(up, sizeof(up), "%s/ok/up", r.dir);
	cr_assert_eq(symlink(deep, up), 0);
	snprintf(spelled, sizeof(spelled), "%s/ok/up/../secret", r.dir); /* lexically ok/secret */
	snprintf(via_root, sizeof(via_root), "/proc/self/root%s", secret);
	const char *paths[] = {link, spelled, via_root};
	for (int i = 0; i < 3; i++) {
		char want[256];
		run_race("--policy-action=report", paths[i], paths[i], "1");
		it_assert_exit(&r, 86);
		snprintf(want, sizeof(want), ", the path leads to %s; rule ", secret);
		cr_assert(strstr(r.err, want), "%s is not reported as %s:\n%s", paths[i], secret,
			  r.err);
		cr_assert_null(strstr(r.err, "Landlock ABI"), "report mode has no ruleset");
		free(r.out);
		free(r.err);
		r.out = r.err = NULL;
	}
}

/* The same in JSON: the violation's leads_to, valid against the schema. */
Test(landlock, json_violation_says_where_the_path_led)
{
	char link[200], cmd[1024], want[256];
	const char *src = getenv("PTRC_SOURCE_DIR");

	setup();
	cr_assert(src);
	snprintf(link, sizeof(link), "%s/ok/link", r.dir);
	cr_assert_eq(symlink(secret, link), 0);
	const char *const argv[] = {"--json",		"-o", "@TRACE", "--policy", pol, "-f",
				    it_prog("tp_race"), link, link,	"1",	    NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 86);
	char *t = it_read_trace(&r, NULL);
	snprintf(want, sizeof(want), "\"leads_to\":\"%s\"", secret);
	cr_assert(strstr(t, want), "%s", t);
	free(t);
	const char *py = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
	snprintf(cmd, sizeof(cmd),
		 "%s %s/tests/integration/validate_json.py %s/docs/json-schema.json %s >/dev/null",
		 py, src, src, r.trace);
	int status = system(cmd);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77)
		cr_skip_test("python3 jsonschema is not installed");
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the JSON does not validate");
}

/* io_uring's opens are no syscall stop: under path rules its set-up needs its own name. */
Test(landlock, io_uring_needs_its_name_and_is_confined_by_the_kernel)
{
	char text[1024];

	setup();
	if (syscall(SYS_io_uring_setup, 0, NULL) < 0 && errno == ENOSYS)
		cr_skip_test("no io_uring in this kernel");
	const char *base = "allow @default @basic-io @memory @signal @process @aio%s\n"
			   "allow @file-system access=read path=/usr/**,/etc/**,/lib/**,/lib64/**,"
			   "/proc/**,%s/ok/**\n"
			   "allow execve exec=%s\n";
	snprintf(text, sizeof(text), base, "", r.dir, it_prog("tp_uring"));
	write_file(pol, text);
	const char *const argv[] = {
		"--policy", pol, "--policy-action=deny", "-f", it_prog("tp_uring"), secret, NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 86);
	cr_assert(r.out && strstr(r.out, "setup=EPERM"), "@aio does not allow it:\n%s", r.out);
	cr_assert(strstr(r.err, "io_uring_setup is not allowed by a group"), "%s", r.err);
	it_fini();

	setup();
	snprintf(text, sizeof(text), base, " io_uring_setup", r.dir, it_prog("tp_uring"));
	write_file(pol, text);
	const char *const argv2[] = {
		"--policy", pol, "--policy-action=deny", "-f", it_prog("tp_uring"), secret, NULL};
	it_run(&r, argv2);
	cr_assert(strstr(r.err, "allows io_uring_setup: the reads, writes"), "%s", r.err);
	cr_assert(r.out && strstr(r.out, "setup=OK") && strstr(r.out, "open=EACCES"),
		  "the ring's open of a denied file fails in the kernel:\n%s", r.out);
	cr_assert_null(strstr(r.out, "leaked"));
}
