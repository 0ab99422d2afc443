/* --timeline: the run as Trace Event JSON, checked on tp_story, whose every event is known. */
#include "harness.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite(timeline, .fini = it_fini, .timeout = 120);

static struct it_run r;

static unsigned count(const char *text, const char *what)
{
	unsigned n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static void validate(const char *file)
{
	char cmd[1024];
	const char *src = getenv("PTRC_SOURCE_DIR");

	cr_assert(src);
	snprintf(cmd, sizeof(cmd),
		 "python3 %s/tests/integration/validate_timeline.py %s --expect-closed", src, file);
	int status = system(cmd);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s does not validate", file);
}

Test(timeline, every_process_thread_call_and_end)
{
	char file[160];

	if (it_tracer_is_strace())
		cr_skip_test("strace has no --timeline");
	it_init(&r);
	snprintf(file, sizeof(file), "%s/run.json", r.dir);
	const char *const argv[] = {"-f",     "--timeline",	   file, "-o",
				    "@TRACE", it_prog("tp_story"), NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	validate(file);
	char *tl = it_read_file(file);
	cr_assert(tl);
	cr_expect_eq(count(tl, "{\"name\":\"getppid\",\"cat\":\"syscall\",\"ph\":\"X\""), 7,
		     "the child's 7 getppid calls are 7 slices");
	cr_expect_eq(count(tl, "\"args\":{\"call\":\"getppid() = "), 7);
	cr_expect_eq(count(tl, "{\"name\":\"exit 3\",\"cat\":\"process\",\"ph\":\"i\""), 1);
	cr_expect_eq(count(tl, "{\"name\":\"killed by SIGKILL\""), 1);
	cr_expect_eq(count(tl, "{\"name\":\"killed by SIGTERM\""), 1);
	cr_expect_eq(count(tl, "{\"name\":\"killed by SIGSEGV\""), 1);
	cr_expect_eq(count(tl, "{\"name\":\"crash: SIGSEGV\",\"cat\":\"crash\""), 1);
	cr_expect(strstr(tl, "{\"name\":\"exec\",\"cat\":\"process\",\"ph\":\"i\"") &&
			  strstr(tl, "\"args\":{\"program\":\"/usr/bin/true\"}"),
		  "the exec of /bin/true");
	/* 1 parent, 6 children, 2 threads: a thread_name for each track. */
	cr_expect_geq(count(tl, "{\"name\":\"thread_name\""), 9);
	cr_expect_geq(count(tl, "{\"name\":\"process_name\""), 7);
	free(tl);
}

/* A filtered trace puts only its calls on the timeline, but every process and end. */
Test(timeline, follows_the_trace_filter)
{
	char file[160];

	if (it_tracer_is_strace())
		cr_skip_test("strace has no --timeline");
	it_init(&r);
	snprintf(file, sizeof(file), "%s/run.json", r.dir);
	const char *const argv[] = {"-f", "-e",	    "trace=getppid",	 "--timeline", file,
				    "-o", "@TRACE", it_prog("tp_story"), NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	validate(file);
	char *tl = it_read_file(file);
	cr_assert(tl);
	cr_expect_eq(count(tl, "\"ph\":\"X\""), 7, "only the selected calls");
	cr_expect_eq(count(tl, "{\"name\":\"exit 3\""), 1);
	free(tl);
}

Test(timeline, an_unwritable_file_is_one_line_and_nothing_runs)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace has no --timeline");
	it_init(&r);
	const char *const argv[] = {"--timeline", "/nonexistent/dir/t.json", it_prog("tp_story"),
				    NULL};
	it_run(&r, argv);
	it_assert_failed(&r);
	cr_assert(strstr(r.err, "--timeline: cannot write '/nonexistent/dir/t.json'"), "%s", r.err);
}
