/* --policy, --learn and --seccomp-profile on real runs: learn, enforce, the three actions. */
#include "harness.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite(policy, .fini = it_fini, .timeout = 180);

static struct it_run r;

static void write_policy(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	cr_assert(f);
	fputs(text, f);
	fclose(f);
}

static void skip_for_strace(void)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace has no policy mode");
}

/* tp_opts makes openat/write/close/getppid/kill calls in DIR; a policy allowing all but kill. */
static void run_with(const char *policy_text, const char *action)
{
	char pol[160], act[64];

	it_init(&r);
	snprintf(pol, sizeof(pol), "%s/p.policy", r.dir);
	write_policy(pol, policy_text);
	snprintf(act, sizeof(act), "--policy-action=%s", action);
	const char *const argv[] = {"--policy",		pol,   act, "-o", "@TRACE",
				    it_prog("tp_opts"), r.dir, NULL};
	it_run(&r, argv);
}

Test(policy, report_lets_the_call_run_and_fails_the_run)
{
	skip_for_strace();
	run_with("deny kill\nallow *\n", "report");
	it_assert_exit(&r, 86);
	char *t = it_read_trace(&r, NULL);
	cr_assert(strstr(t, "!!! policy violation (report): kill("), "%s", t);
	cr_assert(strstr(r.err, "1 violation"), "summary on stderr:\n%s", r.err);
	cr_assert(strstr(r.err, "p.policy:1: deny kill"), "the rule is named:\n%s", r.err);
	char *v = it_info(&r, "env");
	cr_assert(v, "the program ran to its end");
	free(v);
	free(t);
}

Test(policy, deny_makes_the_call_fail_with_eperm)
{
	skip_for_strace();
	run_with("deny getppid\nallow *\n", "deny");
	it_assert_exit(&r, 86);
	char *ppid = it_info(&r, "getppid");
	cr_assert(ppid);
	cr_assert_str_eq(ppid, "-1", "getppid returned %s, not -1 (EPERM)", ppid);
	free(ppid);
	char *err = it_info(&r, "getppid_errno");
	cr_assert(err);
	cr_assert_str_eq(err, "EPERM", "the denied getppid failed with %s", err);
	free(err);
}

Test(policy, kill_ends_the_command)
{
	skip_for_strace();
	run_with("deny getppid\nallow *\n", "kill");
	it_assert_exit(&r, 86);
	char *t = it_read_trace(&r, NULL);
	cr_assert(strstr(t, "+++ killed by SIGKILL +++"), "%s", t);
	cr_assert_null(it_info(&r, "getppid"), "the program went on after the kill");
	free(t);
}

Test(policy, no_violation_keeps_the_commands_status)
{
	skip_for_strace();
	run_with("allow *\n", "report");
	it_assert_exit(&r, 0);
	cr_assert(strstr(r.err, "0 violations"), "%s", r.err);
}

Test(policy, syntax_error_names_file_line_col_and_does_not_start)
{
	skip_for_strace();
	run_with("allow read\nallow nosuchsyscall\n", "report");
	it_assert_exit(&r, 64);
	cr_assert(strstr(r.err, "p.policy:2:"), "file:line:col expected:\n%s", r.err);
	cr_assert_null(it_info(&r, "pid"), "the command ran despite the error");
}

/* Not a policy: an endless file is refused after 1 MiB, not read forever. */
Test(policy, an_endless_file_is_refused)
{
	skip_for_strace();
	it_init(&r);
	const char *const argv[] = {"--policy", "/dev/zero", it_prog("tp_procs"),
				    "exit",	"0",	     NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 64);
	cr_assert(strstr(r.err, "/dev/zero: larger than 1 MiB"), "%s", r.err);
}

Test(policy, learned_policy_passes_the_same_run_and_exports_a_profile)
{
	char learned[160], profile[160];

	skip_for_strace();
	it_init(&r);
	snprintf(learned, sizeof(learned), "%s/learned.policy", r.dir);
	snprintf(profile, sizeof(profile), "%s/seccomp.json", r.dir);
	const char *const learn[] = {
		"--learn", learned, "--seccomp-profile", profile, it_prog("tp_opts"), r.dir, NULL};
	it_run(&r, learn);
	it_assert_exit(&r, 0);
	char *text = it_read_file(learned), *json = it_read_file(profile);
	cr_assert(text && strstr(text, "getppid"), "%s", text ? text : "(no file)");
	cr_assert(json && strstr(json, "\"defaultAction\""), "%s", json ? json : "(no file)");
	free(text);
	free(json);

	static struct it_run again; /* the harness keeps every run until it_fini() */
	it_init(&again);
	/* The same run: its expectation file too, which the learned policy allows writing. */
	snprintf(again.expect, sizeof(again.expect), "%s", r.expect);
	const char *const enforce[] = {"--policy",	   learned, "-o", "@TRACE",
				       it_prog("tp_opts"), r.dir,   NULL};
	it_run(&again, enforce);
	it_assert_exit(&again, 0);
	cr_assert(strstr(again.err, "0 violations"), "%s", again.err);
}

/* A normal user, as in an unprivileged CI container: the filter needs no privilege. */
Test(policy, deny_works_for_a_normal_user)
{
	char pol[160], cmd[1024];

	skip_for_strace();
	if (geteuid() != 0)
		cr_skip_test("already a normal user: the other tests cover it");
	snprintf(cmd, sizeof(cmd),
		 "setpriv --reuid=65534 --regid=65534 --clear-groups -- "
		 "sh -c 'test -x \"$0\" && test -x \"$1\"' '%s' '%s' 2>/dev/null",
		 it_tracer(), it_prog("tp_opts"));
	if (system(cmd) != 0)
		cr_skip_test("uid 65534 cannot run the tracer or the test program (or no setpriv)");
	it_init(&r);
	r.as_nobody = true;
	snprintf(pol, sizeof(pol), "%s/p.policy", r.dir);
	write_policy(pol, "deny getppid\nallow *\n");
	const char *const argv[] = {"--policy", pol,	  "--policy-action=deny",
				    "-o",	"@TRACE", it_prog("tp_opts"),
				    r.dir,	NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 86);
	char *ppid = it_info(&r, "getppid");
	cr_assert(ppid && !strcmp(ppid, "-1"), "getppid under the policy returned %s",
		  ppid ? ppid : "(nothing)");
	free(ppid);
	char *err = it_info(&r, "getppid_errno");
	cr_assert(err && !strcmp(err, "EPERM"), "the denied getppid failed with %s",
		  err ? err : "(nothing)");
	free(err);
}

/* A path condition on a call that other rules also allow: the filter traps it, ptrc reads it. */
Test(policy, path_condition_checked_at_the_seccomp_stop)
{
	char text[256];

	skip_for_strace();
	it_init(&r);
	snprintf(text, sizeof(text), "deny openat path=%s/missing\nallow *\n", r.dir);
	char pol[160];
	snprintf(pol, sizeof(pol), "%s/p.policy", r.dir);
	write_policy(pol, text);
	const char *const argv[] = {"--policy",		pol,   "-o", "@TRACE",
				    it_prog("tp_opts"), r.dir, NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 86);
	char *t = it_read_trace(&r, NULL);
	cr_assert(strstr(t, "!!! policy violation (report): openat(") && strstr(t, "/missing\""),
		  "%s", t);
	cr_assert_null(strstr(t, "/data\""), "the allowed openat is not reported:\n%s", t);
	free(t);
}

/*
 * A tracee cannot end its tracing: under a policy, a SIGINT it sends to ptrc (its TracerPid)
 * after ptrc attached is ignored, and its next denied call is still caught.
 */
Test(policy, a_tracee_signalling_ptrc_does_not_detach_it)
{
	char pol[160], pidarg[16], target[160];

	skip_for_strace();
	it_init(&r);
	snprintf(pol, sizeof(pol), "%s/p.policy", r.dir);
	write_policy(pol, "deny openat path=/nonexistent/**\nallow *\n");
	snprintf(target, sizeof(target), "/nonexistent/after-the-signal");
	const char *const targv[] = {it_prog("tp_escape"), target, NULL};
	pid_t pid = it_spawn(targv, NULL);
	snprintf(pidarg, sizeof(pidarg), "%d", (int)pid);
	const char *const argv[] = {"--policy", pol, "-p", pidarg, NULL};
	it_run(&r, argv);
	cr_expect(strstr(r.err, "from traced task") &&
			  strstr(r.err, "ignored: a policy is in force"),
		  "stderr:\n%s", r.err);
	cr_expect(strstr(r.err, "after-the-signal"),
		  "the openat after the signal was not checked:\n%s", r.err);
	it_assert_exit(&r, 86);
}

/* --learn onto an existing policy adds what the new run needed; a file that is not a policy
 * is left alone. */
Test(policy, learning_onto_a_policy_merges_and_keeps_a_foreign_file)
{
	char learned[160];

	skip_for_strace();
	it_init(&r);
	snprintf(learned, sizeof(learned), "%s/learned.policy", r.dir);
	write_policy(learned, "# ours\ndefault deny\nallow getppid\n");
	const char *const learn[] = {"--learn", learned, it_prog("tp_opts"), r.dir, NULL};
	it_run(&r, learn);
	it_assert_exit(&r, 0);
	cr_assert(strstr(r.err, "existed: ") && strstr(r.err, " rules added to it"), "%s", r.err);
	char *text = it_read_file(learned);
	cr_assert(text && !strncmp(text, "# ours\ndefault deny\nallow getppid\n", 34),
		  "the file's own rules stay first:\n%s", text);
	cr_assert(strstr(text, "# Added by ptrc --learn") && strstr(text, "\nallow openat "), "%s",
		  text);
	free(text);

	static struct it_run second;
	it_init(&second);
	snprintf(learned, sizeof(learned), "%s/notes.txt", second.dir);
	write_policy(learned, "these are my notes\n");
	const char *const again[] = {"--learn", learned, it_prog("tp_opts"), second.dir, NULL};
	it_run(&second, again);
	it_assert_exit(&second, 1);
	cr_assert(strstr(second.err, "exists and is not a policy: left as it is"), "%s",
		  second.err);
	text = it_read_file(learned);
	cr_assert_str_eq(text, "these are my notes\n");
	free(text);
}

/* A mkdir of a name that exists changes nothing (EEXIST): no policy judges it. */
Test(policy, mkdir_of_an_existing_name_is_not_judged)
{
	char pol[160], fresh[160];

	skip_for_strace();
	it_init(&r);
	snprintf(pol, sizeof(pol), "%s/p.policy", r.dir);
	write_policy(pol, "deny mkdir mkdirat path=/**\nallow *\n");
	const char *const exists[] = {"--policy", pol,	 "--policy-action=deny",
				      "mkdir",	  r.dir, NULL};
	it_run(&r, exists);
	it_assert_exit(&r, 1); /* mkdir(1)'s own failure: File exists */
	cr_assert(strstr(r.err, "File exists") && strstr(r.err, "0 violations"), "%s", r.err);

	static struct it_run again;
	it_init(&again);
	snprintf(fresh, sizeof(fresh), "%s/new", again.dir);
	const char *const makes[] = {"--policy", pol, "--policy-action=deny", "mkdir", fresh, NULL};
	it_run(&again, makes);
	it_assert_exit(&again, 86);
	cr_assert(strstr(again.err, "Operation not permitted") && strstr(again.err, "1 violation"),
		  "%s", again.err);
}

/*
 * tp_race_exec under a policy that allows it and /usr/bin/true and denies every other exec,
 * in deny mode: 150 children, none of which may run /usr/bin/false.  through_link: the path
 * given to execve is a symlink (--link) rather than a path rewritten in memory.
 */
static void race_exec(bool through_link)
{
	char pol[160], text[600], link[160];

	skip_for_strace();
	it_init(&r);
	snprintf(pol, sizeof(pol), "%s/p.policy", r.dir);
	snprintf(text, sizeof(text),
		 "default allow\nallow execve exec=%s,/usr/bin/true\ndeny execve\n",
		 it_prog("tp_race_exec"));
	write_policy(pol, text);
	const char *argv[16] = {"--policy", pol,      "--policy-action=deny", "-f",
				"-o",	    "@TRACE", it_prog("tp_race_exec")};
	unsigned n = 7;
	if (through_link) {
		snprintf(link, sizeof(link), "%s/prog", r.dir);
		argv[n++] = "--link";
		argv[n++] = link;
	}
	argv[n++] = "/usr/bin/true";
	argv[n++] = "/usr/bin/false";
	argv[n++] = "150";
	/* Each violation's stack is symbolized in a new process: slow on a loaded machine. */
	it_start(&r, (const char *const *)argv);
	cr_assert(it_wait(&r, 150), "timed out after 150 s:\n%s", r.err);
	cr_assert(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 86, "status %#x:\n%s", r.status,
		  r.err);
	const char *leaked = r.out ? strstr(r.out, "leaked=") : NULL;
	cr_assert(leaked && strstr(r.out, "runs=150"), "%s\n%s", r.out, r.err);
	cr_assert_eq(atoi(leaked + 7), 0, "a denied program ran:\n%s", r.out);
}

/*
 * An execve whose path a second thread flips between an allowed program and a denied one
 * after ptrace's check: the program the kernel ran is judged again at PTRACE_EVENT_EXEC,
 * before its first instruction, and killed there.  Without that, 13 of 300 ran /usr/bin/false.
 */
Test(policy, a_racing_thread_never_runs_a_denied_program)
{
	race_exec(false);
	char *trace = it_read_trace(&r, NULL);
	/* Each one that got past the check is said, and dies before it runs. */
	for (const char *p = trace; (p = strstr(p, ", the path leads to /usr/bin/false; rule"));
	     p++) {
		const char *nl = strchr(p, '\n');
		cr_assert(nl && strstr(nl + 1, "+++ killed by SIGKILL +++"), "%.300s", p);
	}
	free(trace);
}

/*
 * The same race through a symlink: execve's path stays one link, which a second thread points
 * at the denied program and back.  The kernel's walk can find the denied program and ptrc's
 * second look the allowed one again, so the second check judges the file the kernel mapped
 * (/proc/PID/exe) when the path no longer leads to it.  Without that, 10 and 12 of 150 ran
 * /usr/bin/false.
 */
Test(policy, a_symlink_switched_back_after_the_exec_is_still_caught)
{
	race_exec(true);
}
