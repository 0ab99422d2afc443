/* --policy-report's formats: text, JSON, SARIF, GitHub workflow commands; the frame chosen. */
#include <criterion/criterion.h>
#include <string.h>

#include "out/policy_report.h"

/* A violation in the job's code beneath the root, one in a system file, one without a line. */
static const struct report_violation three[] = {
	{.pid = 42,
	 .exe = "/work/repo/build/job",
	 .syscall = "openat",
	 .call = "openat(AT_FDCWD, \"/etc/shadow\", O_RDONLY)",
	 .action = "deny",
	 .rule_line = 4,
	 .rule_text = "deny openat path=/etc/**",
	 .where = {.file = "/work/repo/src/job.c", .line = 17, .func = "main"}},
	{.pid = 43,
	 .exe = "/usr/bin/python3.11",
	 .syscall = "connect",
	 .call = "connect(3, {sa_family=AF_INET, sin_port=htons(443)}, 16)",
	 .action = "deny",
	 .rule_line = 0,
	 .where = {.file = "/usr/lib/python3.11/socket.py",
		   .line = 833,
		   .func = "create",
		   .python = true}},
	{.pid = 44,
	 .exe = NULL,
	 .syscall = "ptrace",
	 .call = "ptrace(PTRACE_TRACEME)",
	 .action = "deny",
	 .rule_line = 9,
	 .rule_text = "deny ptrace",
	 .leads_to = NULL},
};

static struct report make(const struct report_violation *v, size_t n, uint64_t total)
{
	return (struct report){.policy = "ci.policy",
			       .action = "deny",
			       .srcroot = "/work/repo",
			       .version = "9.9.9",
			       .info_uri = "https://example.invalid/ptrc",
			       .v = v,
			       .n = n,
			       .total = total};
}

static char *format(const struct report *r, enum report_format f)
{
	struct strbuf sb = {0};

	policy_report_format(&sb, r, f);
	cr_assert(sb.buf);
	return sb.buf;
}

Test(policy_report, format_names)
{
	enum report_format f = REPORT_TEXT;

	cr_assert_eq(policy_report_parse_format("sarif", &f), 0);
	cr_assert_eq(f, REPORT_SARIF);
	cr_assert_eq(policy_report_parse_format("github", &f), 0);
	cr_assert_eq(f, REPORT_GITHUB);
	cr_assert_eq(policy_report_parse_format("json", &f), 0);
	cr_assert_eq(f, REPORT_JSON);
	cr_assert_eq(policy_report_parse_format("text", &f), 0);
	cr_assert_eq(f, REPORT_TEXT);
	cr_assert_lt(policy_report_parse_format("SARIF", &f), 0);
	cr_assert_lt(policy_report_parse_format("", &f), 0);
}

Test(policy_report, text_lines_name_the_source_line_relative_to_the_root)
{
	struct report r = make(three, 3, 3);
	char *t = format(&r, REPORT_TEXT);

	cr_assert_str_eq(
		t, "src/job.c:17: pid 42 /work/repo/build/job: openat(AT_FDCWD, "
		   "\"/etc/shadow\", O_RDONLY); rule ci.policy:4: deny openat path=/etc/**\n"
		   "/usr/lib/python3.11/socket.py:833: pid 43 /usr/bin/python3.11: connect(3, "
		   "{sa_family=AF_INET, sin_port=htons(443)}, 16); rule ci.policy: the default\n"
		   "pid 44 ?: ptrace(PTRACE_TRACEME); rule ci.policy:9: deny ptrace\n");
	free(t);
}

Test(policy_report, text_says_where_a_path_led_and_how_many_were_not_kept)
{
	struct report_violation v = three[0];
	v.leads_to = "/etc/shadow";
	struct report r = make(&v, 1, 1234);
	char *t = format(&r, REPORT_TEXT);

	cr_assert(strstr(t, "O_RDONLY), the path leads to /etc/shadow; rule ci.policy:4:"), "%s",
		  t);
	cr_assert(strstr(t, "\nptrc: 1233 more violations not listed: a report keeps 1000\n"), "%s",
		  t);
	free(t);
}

Test(policy_report, github_commands_escape_data_and_properties)
{
	struct report_violation v = three[0];
	v.call = "write(1, \"100%\", 4)";
	v.rule_text = "deny write\r";
	v.where.file = "/work/repo/a:b,c%d.c";
	struct report r = make(&v, 1, 1);
	char *t = format(&r, REPORT_GITHUB);

	cr_assert_str_eq(t, "::error file=a%3Ab%2Cc%25d.c,line=17,title=ptrc policy violation::"
			    "write(1, \"100%25\", 4) in /work/repo/build/job (pid 42); rule "
			    "ci.policy:4: deny write\\x0d\n");
	free(t);
}

Test(policy_report, github_message_escapes_newlines_and_a_colon_stays)
{
	struct report_violation v = three[2];
	v.exe = "/opt/a\nb:c";
	struct report r = make(&v, 1, 2);
	char *t = format(&r, REPORT_GITHUB);

	/* No location: no file or line property.  The exe's newline is \x0a (fmt_escaped). */
	cr_assert_str_eq(t, "::error title=ptrc policy violation::ptrace(PTRACE_TRACEME) in "
			    "/opt/a\\x0ab:c (pid 44); rule ci.policy:9: deny ptrace\n"
			    "::warning title=ptrc policy report::1 more violations not listed: a "
			    "report keeps 1000\n");
	free(t);
}

Test(policy_report, github_escapes_raw_cr_lf_and_percent)
{
	struct report_violation v = three[0];
	v.call = "x\r\ny%";
	v.where.file = "/elsewhere/f\n.c";
	struct report r = make(&v, 1, 1);
	char *t = format(&r, REPORT_GITHUB);

	cr_assert(!strncmp(t,
			   "::error file=/elsewhere/f%0A.c,line=17,title=ptrc policy violation::"
			   "x%0D%0Ay%25 in ",
			   strlen("::error file=/elsewhere/f%0A.c,line=17,title=ptrc policy "
				  "violation::x%0D%0Ay%25 in ")),
		  "%s", t);
	cr_assert_eq(strchr(t, '\n'), t + strlen(t) - 1, "one line:\n%s", t);
	free(t);
}

Test(policy_report, json_document)
{
	struct report_violation v[2] = {three[0], three[2]};
	v[0].leads_to = "/etc/shadow";
	struct report r = make(v, 2, 2);
	char *t = format(&r, REPORT_JSON);

	cr_assert_str_eq(
		t,
		"{\"version\":1,\"policy\":\"ci.policy\",\"action\":\"deny\",\"srcroot\":\"/work/"
		"repo\",\"violations\":[\n"
		"{\"pid\":42,\"exe\":\"/work/repo/build/job\",\"syscall\":\"openat\",\"call\":"
		"\"openat(AT_FDCWD, \\\"/etc/shadow\\\", O_RDONLY)\",\"action\":\"deny\",\"rule\":"
		"{\"file\":\"ci.policy\",\"line\":4,\"text\":\"deny openat path=/etc/**\"},"
		"\"leads_to\":\"/etc/shadow\",\"location\":{\"file\":\"src/job.c\",\"line\":17,"
		"\"function\":\"main\",\"python\":false}},\n"
		"{\"pid\":44,\"exe\":null,\"syscall\":\"ptrace\",\"call\":\"ptrace(PTRACE_TRACEME)"
		"\","
		"\"action\":\"deny\",\"rule\":{\"file\":\"ci.policy\",\"line\":9,\"text\":\"deny "
		"ptrace\"},\"location\":null}\n"
		"],\"total\":2}\n");
	free(t);
}

Test(policy_report, json_without_violations)
{
	struct report r = make(NULL, 0, 0);
	r.srcroot = NULL;
	char *t = format(&r, REPORT_JSON);

	cr_assert_str_eq(t, "{\"version\":1,\"policy\":\"ci.policy\",\"action\":\"deny\","
			    "\"srcroot\":null,\"violations\":[],\"total\":0}\n");
	free(t);
}

static void has(const char *t, const char *want)
{
	cr_assert(strstr(t, want), "no %s in:\n%s", want, t);
}

Test(policy_report, sarif_log_tool_and_rules)
{
	struct report r = make(three, 3, 5);
	char *t = format(&r, REPORT_SARIF);

	has(t, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":"
	       "\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"ptrc\",\"version\":\"9.9.9\","
	       "\"informationUri\":\"https://example.invalid/ptrc\",\"rules\":[");
	/* One rule per policy rule that fired, in the order they fired; the default too. */
	has(t, "{\"id\":\"policy/4\",\"shortDescription\":{\"text\":\"deny openat path=/etc/**\"},"
	       "\"fullDescription\":{\"text\":\"ci.policy:4: deny openat path=/etc/**\"},"
	       "\"defaultConfiguration\":{\"level\":\"error\"}}");
	has(t, "{\"id\":\"policy/default\",\"shortDescription\":{\"text\":\"default deny\"}");
	has(t, "{\"id\":\"policy/9\"");
	cr_assert_lt(strstr(t, "policy/4"), strstr(t, "policy/default"));
	cr_assert_lt(strstr(t, "policy/default"), strstr(t, "\"policy/9\""));
	has(t, "\"originalUriBaseIds\":{\"%SRCROOT%\":{\"uri\":\"file:///work/repo/\"}}");
	has(t, "\"properties\":{\"policy\":\"ci.policy\",\"action\":\"deny\",\"total\":5,"
	       "\"listed\":3}}]}\n");
	free(t);
}

Test(policy_report, sarif_results_locations_and_fingerprints)
{
	struct report r = make(three, 3, 3);
	char *t = format(&r, REPORT_SARIF);

	/* Beneath the root: relative to %SRCROOT%. */
	has(t,
	    "{\"ruleId\":\"policy/4\",\"ruleIndex\":0,\"level\":\"error\",\"message\":{\"text\":"
	    "\"openat(AT_FDCWD, \\\"/etc/shadow\\\", O_RDONLY) in /work/repo/build/job (pid 42); "
	    "rule ci.policy:4: deny openat path=/etc/**\"},\"locations\":[{\"physicalLocation\":"
	    "{\"artifactLocation\":{\"uri\":\"src/job.c\",\"uriBaseId\":\"%SRCROOT%\"},"
	    "\"region\":{\"startLine\":17}}}],\"partialFingerprints\":{\"ptrcViolation/v1\":\"");
	/* Elsewhere: an absolute file: URI. */
	has(t, "{\"ruleId\":\"policy/default\",\"ruleIndex\":1,");
	has(t, "\"artifactLocation\":{\"uri\":\"file:///usr/lib/python3.11/socket.py\"},\"region\":"
	       "{\"startLine\":833}");
	/* No source line: the rule's line in the policy file, so code scanning shows it. */
	has(t, "{\"ruleId\":\"policy/9\",\"ruleIndex\":2,");
	has(t,
	    "\"artifactLocation\":{\"uri\":\"ci.policy\",\"uriBaseId\":\"%SRCROOT%\"},"
	    "\"region\":{\"startLine\":9}},\"message\":{\"text\":\"the policy's rule: the call's "
	    "stack has no source line\"}}]");
	has(t, "\"properties\":{\"pid\":43,\"exe\":\"/usr/bin/python3.11\",\"syscall\":\"connect\","
	       "\"action\":\"deny\",\"function\":\"create\"}");
	free(t);
}

static char *print_of(const struct report_violation *v)
{
	struct report r = make(v, 1, 1);
	char *t = format(&r, REPORT_SARIF);
	const char *key = "\"ptrcViolation/v1\":\"";
	const char *p = strstr(t, key);

	cr_assert(p, "%s", t);
	p += strlen(key);
	char *out = strndup(p, strcspn(p, "\""));
	cr_assert_eq(strlen(out), 16, "%s", out);
	free(t);
	return out;
}

Test(policy_report, sarif_fingerprint_is_stable_per_rule_syscall_file_line)
{
	struct report_violation a = three[0], b = three[0];
	char *pa = print_of(&a);

	b.pid = 99;
	b.call = "openat(AT_FDCWD, \"/etc/other\", O_RDONLY)";
	char *pb = print_of(&b);
	cr_assert_str_eq(pa, pb, "pid and arguments do not change it");
	free(pb);
	b.where.line = 18;
	pb = print_of(&b);
	cr_assert_str_neq(pa, pb, "the line does");
	free(pb);
	b = three[0];
	b.rule_line = 5;
	pb = print_of(&b);
	cr_assert_str_neq(pa, pb, "the rule does");
	free(pb);
	free(pa);
}

Test(policy_report, sarif_uris_are_percent_encoded)
{
	struct report_violation v = three[0];
	v.where.file = "/work/repo/my src/a#b%c:d.c";
	struct report r = make(&v, 1, 1);
	char *t = format(&r, REPORT_SARIF);

	has(t, "\"uri\":\"my%20src/a%23b%25c%3Ad.c\",\"uriBaseId\":\"%SRCROOT%\"");
	free(t);
	v.where.file = "/opt/x y.c";
	t = format(&r, REPORT_SARIF);
	has(t, "\"uri\":\"file:///opt/x%20y.c\"}");
	free(t);
}

Test(policy_report, no_root_or_root_slash_names_absolute_files)
{
	struct report r = make(three, 1, 1);
	r.srcroot = "/";
	char *t = format(&r, REPORT_SARIF);

	has(t, "\"uri\":\"file:///work/repo/src/job.c\"}");
	cr_assert_null(strstr(t, "originalUriBaseIds"), "%s", t);
	free(t);
	r.srcroot = NULL;
	t = format(&r, REPORT_TEXT);
	cr_assert(!strncmp(t, "/work/repo/src/job.c:17: ", 25), "%s", t);
	free(t);
	/* A root with a final slash is the same root; a file only sharing its prefix is not. */
	r.srcroot = "/work/repo/";
	t = format(&r, REPORT_TEXT);
	cr_assert(!strncmp(t, "src/job.c:17: ", 14), "%s", t);
	free(t);
	r.srcroot = "/work/re";
	t = format(&r, REPORT_TEXT);
	cr_assert(!strncmp(t, "/work/repo/src/job.c:17: ", 25), "%s", t);
	free(t);
}

/* --- The frame a report names --- */

static struct unwind_frame native(const char *module, const char *file, unsigned line)
{
	return (struct unwind_frame){.module = module, .func = "f", .file = file, .line = line};
}

static struct unwind_frame python(const char *file, unsigned line)
{
	return (struct unwind_frame){
		.func = "g", .file = file, .line = line, .flags = UNWIND_FRAME_PYTHON};
}

static const struct unwind_frame *pick(struct unwind_frame *f, size_t n, const char *cwd)
{
	struct unwind_trace st = {.frames = f, .n = n};

	return policy_report_pick(&st, "/work/repo", "/work/repo/build/job", cwd);
}

Test(policy_report, pick_prefers_the_jobs_own_code)
{
	struct unwind_frame f[] = {
		native("/usr/lib/libc.so.6", "../sysdeps/unix/syscall.S", 38),
		native("/usr/lib/libc.so.6", "/usr/src/glibc/open.c", 40),
		native("/opt/lib/libz.so", "/opt/src/z.c", 7),
		native("/work/repo/build/job", "/work/repo/src/job.c", 53),
		native("/usr/lib/libc.so.6", "../csu/libc-start.c", 360),
	};

	cr_assert_eq(pick(f, 5, NULL), &f[3]);
	/* Not beneath the root: the program's own module wins over a library with lines. */
	f[3].file = "/elsewhere/job.c";
	cr_assert_eq(pick(f, 5, NULL), &f[3]);
	/* Not the program either: the first absolute source path, not glibc's relative one. */
	f[3].module = "/elsewhere/job";
	cr_assert_eq(pick(f, 5, NULL), &f[1]);
	f[1].line = 0;
	cr_assert_eq(pick(f, 5, NULL), &f[2]);
}

Test(policy_report, pick_prefers_python_then_beneath_the_root)
{
	struct unwind_frame f[] = {
		native("/usr/lib/libc.so.6", "/usr/src/glibc/open.c", 40),
		native("/usr/bin/python3.11", "/usr/src/python/fileutils.c", 12),
		python("<frozen importlib._bootstrap>", 1007),
		python("/usr/lib/python3.11/json/__init__.py", 179),
		python("tools/train.py", 24),
	};

	/* Relative to a cwd beneath the root: the job's script. */
	cr_assert_eq(pick(f, 5, "/work/repo"), &f[4]);
	cr_assert_eq(pick(f, 5, "/work/repo/sub"), &f[4]);
	/* Elsewhere (or the cwd unknown): the innermost Python frame, never a frozen module. */
	cr_assert_eq(pick(f, 5, "/tmp"), &f[3]);
	cr_assert_eq(pick(f, 5, NULL), &f[3]);
	f[4].file = "../up.py";
	cr_assert_eq(pick(f, 5, "/work/repo"), &f[3]);
}

Test(policy_report, pick_finds_nothing_without_a_source_line)
{
	struct unwind_frame f[] = {
		native("/usr/lib/libc.so.6", NULL, 0),
		native("/work/repo/build/job", "/work/repo/src/job.c", 0),
		python("<string>", 1),
	};

	cr_assert_null(pick(f, 3, NULL));
	cr_assert_null(pick(f, 0, NULL));
	cr_assert_null(policy_report_pick(NULL, "/work/repo", NULL, NULL));
}

static char *path(const char *file, bool py, const char *cwd)
{
	struct strbuf sb = {0};

	policy_report_path(&sb, file, py, cwd);
	return sb.buf;
}

Test(policy_report, paths_are_joined_and_folded)
{
	char *p;

	p = path("tools/./train.py", true, "/work/repo/sub/..");
	cr_assert_str_eq(p, "/work/repo/tools/train.py");
	free(p);
	p = path("/a//b/../../../c/./d.c", false, NULL);
	cr_assert_str_eq(p, "/c/d.c");
	free(p);
	p = path("/..", false, NULL);
	cr_assert_str_eq(p, "/");
	free(p);
	/* A relative native name is relative to a build directory nobody gave: kept. */
	p = path("../sysdeps/unix/syscall.S", false, "/work/repo");
	cr_assert_str_eq(p, "../sysdeps/unix/syscall.S");
	free(p);
	p = path("train.py", true, NULL);
	cr_assert_str_eq(p, "train.py");
	free(p);
}
