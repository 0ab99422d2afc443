/*
 * --policy-report FILE --policy-format=text|json|sarif|github on real runs: each format's
 * file names the line of testprogs/tp_opts.c that made the denied call; an unwritable file;
 * the exit status when the command failed too; the report of a run ended by ^C (-p).
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite(policy_report, .fini = it_fini, .timeout = 120);

static struct it_run r;
static char pol[160], report[160];

/* Where tp_opts calls getppid: the line a report must name. */
#define GETPPID_MARKER "ppid = syscall(SYS_getppid);"

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	cr_assert(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

/* ptrc runs in the source tree, so testprogs/tp_opts.c is beneath its cwd. */
static void in_source_dir(void)
{
	const char *src = getenv("PTRC_SOURCE_DIR");

	if (!src || chdir(src) < 0)
		_exit(122);
}

static void setup(const char *policy_text)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace has no policy mode");
	it_init(&r);
	snprintf(pol, sizeof(pol), "%s/p.policy", r.dir);
	snprintf(report, sizeof(report), "%s/report", r.dir);
	write_file(pol, policy_text);
}

/* tp_opts under "deny getppid" (it calls getppid 5 times), the report in format. */
static char *run_format(const char *format, const char *action)
{
	char fmt[64];

	setup("deny getppid\nallow *\n");
	snprintf(fmt, sizeof(fmt), "--policy-format=%s", format);
	const char *const argv[] = {"--policy", pol,  action,	"--policy-report",  report,
				    fmt,	"-o", "@TRACE", it_prog("tp_opts"), r.dir,
				    NULL};
	r.before_exec = in_source_dir;
	it_run(&r, argv);
	it_assert_exit(&r, 86);
	char *text = it_read_file(report);
	cr_assert(text, "no report at %s; stderr:\n%s", report, r.err);
	return text;
}

static unsigned count(const char *text, const char *what)
{
	unsigned n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

/* python3 SCRIPT ARGS... from the source tree's tests/integration; its exit status. */
static int python(const char *script, const char *args)
{
	char cmd[2048];
	const char *src = getenv("PTRC_SOURCE_DIR");
	const char *py = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";

	cr_assert(src, "PTRC_SOURCE_DIR is not set");
	snprintf(cmd, sizeof(cmd), "%s %s/tests/integration/%s %s", py, src, script, args);
	int status = system(cmd);
	cr_assert(WIFEXITED(status), "%s", cmd);
	return WEXITSTATUS(status);
}

Test(policy_report, github_annotations_point_at_the_source_line)
{
	char want[512];
	char *t = run_format("github", "--policy-action=deny");
	unsigned line = it_marker_line("tp_opts.c", GETPPID_MARKER);

	snprintf(want, sizeof(want),
		 "::error file=testprogs/tp_opts.c,line=%u,title=ptrc policy violation::getppid() "
		 "in %s (pid ",
		 line, it_prog("tp_opts"));
	cr_assert_eq(count(t, want), 5, "5 denied getppid calls at line %u:\n%s", line, t);
	snprintf(want, sizeof(want), "); rule %s:1: deny getppid\n", pol);
	cr_assert_eq(count(t, want), 5, "%s", t);
	cr_assert_eq(it_count_lines(t), 5, "one command per violation:\n%s", t);
	free(t);
}

Test(policy_report, text_lines_are_file_line_pid_program_call_rule)
{
	char want[512];
	char *t = run_format("text", "--policy-action=report");

	snprintf(want, sizeof(want), "testprogs/tp_opts.c:%u: pid ",
		 it_marker_line("tp_opts.c", GETPPID_MARKER));
	cr_assert(!strncmp(t, want, strlen(want)), "want %s...:\n%s", want, t);
	snprintf(want, sizeof(want), " %s: getppid(); rule %s:1: deny getppid\n",
		 it_prog("tp_opts"), pol);
	cr_assert_eq(count(t, want), 5, "%s", t);
	free(t);
}

Test(policy_report, json_document_validates_and_names_the_line)
{
	char want[512], args[512];
	char *t = run_format("json", "--policy-action=deny");

	snprintf(want, sizeof(want),
		 "\"syscall\":\"getppid\",\"call\":\"getppid()\",\"action\":\"deny\",\"rule\":{"
		 "\"file\":\"%s\",\"line\":1,\"text\":\"deny getppid\"},\"location\":{\"file\":"
		 "\"testprogs/tp_opts.c\",\"line\":%u,\"function\":\"main\",\"python\":false}}",
		 pol, it_marker_line("tp_opts.c", GETPPID_MARKER));
	cr_assert_eq(count(t, want), 5, "want %s:\n%s", want, t);
	cr_assert(strstr(t, "],\"total\":5}\n"), "%s", t);
	snprintf(args, sizeof(args), "--document %s/docs/policy-report-schema.json %s",
		 getenv("PTRC_SOURCE_DIR"), report);
	int rc = python("validate_json.py", args);
	if (rc == 77)
		cr_skip_test("python3 jsonschema is not installed");
	cr_assert_eq(rc, 0, "the report does not validate (see the message above)");
	free(t);
}

Test(policy_report, sarif_log_has_what_code_scanning_requires)
{
	char args[1024];
	char *t = run_format("sarif", "--policy-action=deny");

	snprintf(args, sizeof(args),
		 "%s --results 5 --uri testprogs/tp_opts.c --line %u --base-uri file://%s/", report,
		 it_marker_line("tp_opts.c", GETPPID_MARKER), getenv("PTRC_SOURCE_DIR"));
	cr_assert_eq(python("check_sarif.py", args), 0, "not what SARIF requires:\n%s", t);
	cr_assert(
		strstr(t, "{\"id\":\"policy/1\",\"shortDescription\":{\"text\":\"deny getppid\"}"),
		"%s", t);
	free(t);
}

/* An unwritable report: one line; 74 when the run is otherwise clean, 86 with violations. */
Test(policy_report, an_unwritable_file_is_said_in_one_line)
{
	setup("allow *\n");
	const char *const argv[] = {
		"--policy", pol,      "--policy-report",  "/nonexistent/ptrc/report",
		"-o",	    "@TRACE", it_prog("tp_opts"), r.dir,
		NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 74);
	const char *msg = "ptrc: writing '/nonexistent/ptrc/report': No such file or directory\n";
	cr_assert(strstr(r.err, msg), "%s", r.err);
	cr_assert_eq(count(r.err, "/nonexistent/ptrc/report"), 1, "%s", r.err);
	char *v = it_info(&r, "env");
	cr_assert(v, "the command ran to its end");
	free(v);

	static struct it_run again; /* the harness keeps every run until it_fini() */
	it_init(&again);
	write_file(pol, "deny getppid\nallow *\n");
	it_run(&again, argv);
	it_assert_exit(&again, 86);
	cr_assert(strstr(again.err, msg), "%s", again.err);
}

/* 86 whatever the command's own status: an exit code, or death by a signal. */
Test(policy_report, violations_win_over_the_commands_failure)
{
	setup("deny openat\nallow *\n");
	const char *const failing[] = {
		"--policy", pol, "--policy-report", report, it_prog("tp_procs"), "exit", "3", NULL};
	it_run(&r, failing);
	it_assert_exit(&r, 86);
	char *t = it_read_file(report);
	cr_assert(t && strstr(t, "; rule "), "%s", t ? t : "(no report)");
	free(t);

	static struct it_run killed;
	it_init(&killed);
	write_file(pol, "deny kill\nallow *\n");
	const char *const dying[] = {"--policy", pol, it_prog("tp_procs"), "signal", "15", NULL};
	it_run(&killed, dying);
	it_assert_exit(&killed, 86); /* not death by SIGTERM */

	static struct it_run clean;
	it_init(&clean);
	write_file(pol, "allow *\n");
	it_run(&clean, failing);
	it_assert_exit(&clean, 3);
}

/* More than a report keeps: over 1,000 violation lines in the trace so far. */
static bool many_violations(pid_t pid, long arg)
{
	(void)pid;
	char *t = it_read_trace((struct it_run *)arg, NULL);
	bool yes = t && count(t, "!!! policy violation") > 1100;
	free(t);
	return yes;
}

/* -p, then ^C: ptrc detaches and writes the report; 1,000 kept, the rest counted. */
Test(policy_report, a_detached_run_writes_its_report)
{
	char arg[16];
	int stdin_w;

	setup("deny getppid\nallow *\n");
	const char *const target[] = {it_prog("tp_busy"), "0", NULL};
	pid_t pid = it_spawn(target, &stdin_w);
	snprintf(arg, sizeof(arg), "%d", (int)pid);
	const char *const argv[] = {
		"--policy", pol, "--policy-report", report, "-o", "@TRACE", "-p", arg, NULL};
	it_start(&r, argv);
	/* tp_busy calls getppid without pause. */
	cr_assert(it_poll(many_violations, pid, (long)&r), "not 1,100 violations in the trace");
	kill(r.pid, SIGINT);
	cr_assert(it_wait(&r, IT_TIMEOUT), "ptrc did not end on SIGINT");
	/* Detached by its own signal, ptrc dies of it, violations or not (docs/policy.md). */
	it_assert_signal_exit(&r, SIGINT);
	char *t = it_read_file(report);
	cr_assert(t, "no report; stderr:\n%s", r.err);
	cr_assert_eq(count(t, ": getppid(); rule "), 1000, "%s", t);
	cr_assert(strstr(t, " more violations not listed: a report keeps 1000\n"), "%s", t);
	cr_assert(strstr(r.err, "violations"), "the summary too:\n%s", r.err);
	free(t);
}

/* A path judged where it leads: the report says so, as the trace's violation line does. */
Test(policy_report, where_a_path_led_is_in_the_report)
{
	char secret[160], link[160], want[512], text[512];

	setup("allow *\n");
	snprintf(secret, sizeof(secret), "%s/secret", r.dir);
	snprintf(link, sizeof(link), "%s/link", r.dir);
	write_file(secret, "SECRET\n");
	cr_assert_eq(symlink(secret, link), 0);
	snprintf(text, sizeof(text), "deny openat path=%s\nallow *\n", secret);
	write_file(pol, text);
	const char *const argv[] = {"--policy",
				    pol,
				    "--policy-report",
				    report,
				    "--policy-format=json",
				    it_prog("tp_race"),
				    link,
				    link,
				    "1",
				    NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 86);
	char *t = it_read_file(report);
	cr_assert(t, "no report; stderr:\n%s", r.err);
	snprintf(want, sizeof(want), "\"leads_to\":\"%s\",\"location\":{\"file\":", secret);
	cr_assert(strstr(t, want), "want %s:\n%s", want, t);
	free(t);
}
