/* --json: a real run's every line parses and validates against docs/json-schema.json. */
#include "harness.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite(json, .fini = it_fini, .timeout = 120);

static struct it_run r;

/* Runs the validator; returns the event types it saw (static), or skips. */
static const char *validate(const char *trace_path)
{
	static char types[512];
	char cmd[2048];
	const char *src = getenv("PTRC_SOURCE_DIR");

	cr_assert(src, "PTRC_SOURCE_DIR is not set");
	/* Debian's python3 is the one scripts/dev.sh gives python3-jsonschema. */
	const char *py = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
	snprintf(cmd, sizeof(cmd),
		 "%s %s/tests/integration/validate_json.py %s/docs/json-schema.json %s", py, src,
		 src, trace_path);
	FILE *p = popen(cmd, "r");
	cr_assert(p);
	size_t n = fread(types, 1, sizeof(types) - 1, p);
	types[n] = '\0';
	int status = pclose(p);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77)
		cr_skip_test("python3 jsonschema is not installed");
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		  "the trace does not validate (see the message above)");
	return types;
}

Test(json, follow_run_validates)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace has no --json");
	it_init(&r);
	const char *const argv[] = {"--json", "-f", "-o", "@TRACE", it_prog("tp_procs"),
				    "fork",   NULL};
	it_run(&r, argv);
	const char *types = validate(r.trace);
	cr_assert(strstr(types, "header") && strstr(types, "syscall") &&
			  strstr(types, "task_start") && strstr(types, "task_exit") &&
			  strstr(types, "exec") && strstr(types, "signal"),
		  "event types seen: %s", types);
	char *t = it_read_trace(&r, NULL);
	cr_assert(strstr(t, "\"name\":\"exit_group\""), "%s", t);
	cr_assert(strstr(t, "\"how\":\"fork\""), "a forked child is announced:\n%s", t);
	free(t);
}

/*
 * The questions a run is asked without joins: what each process ran (argv
 * whole, not cut at -s; its cwd) and how each process ended, with its program.
 */
Test(json, exec_and_exit_carry_the_program)
{
	static const char long_arg[] = "an-argument-much-longer-than-strace's-32-bytes-default";
	char want[512];

	if (it_tracer_is_strace())
		cr_skip_test("strace has no --json");
	it_init(&r);
	const char *const argv[] = {"--json", "-f",	"-o",	  "@TRACE", "/bin/sh",
				    "-c",     "exit 3", long_arg, NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 3);
	validate(r.trace);
	char *t = it_read_trace(&r, NULL);
	snprintf(want, sizeof(want), "\"argv\":[\"/bin/sh\",\"-c\",\"exit 3\",\"%s\"]", long_arg);
	cr_expect(strstr(t, want), "no whole argv %s in:\n%s", want, t);
	cr_expect(strstr(t, "\"cwd\":\"/"), "no cwd in:\n%s", t);
	/* The launched process is the run's first, with its program named at its end. */
	const char *end = strstr(t, "\"type\":\"task_exit\"");
	cr_assert(end, "%s", t);
	cr_expect(strstr(end, "\"proc\":1,\"task\":1,\"how\":\"exited\",\"code\":3,\"exe\":\"/"),
		  "%s", end);
	free(t);
}

static long member(const char *line, const char *key)
{
	char pat[32];
	const char *p;

	snprintf(pat, sizeof(pat), "\"%s\":", key);
	p = strstr(line, pat);
	return p ? strtol(p + strlen(pat), NULL, 10) : -1;
}

/*
 * Every task gets its task_start before any other line of it, with who made
 * it, even when its first stop beats its parent's clone event: 25 threads
 * that each start 8 make a third of them do that.
 */
Test(json, every_thread_has_its_task_start)
{
	enum { THREADS = 25 + 25 * 8 };
	static bool started[THREADS + 8];
	unsigned threads = 0;

	if (it_tracer_is_strace())
		cr_skip_test("strace has no --json");
	it_init(&r);
	const char *const argv[] = {"--json", "-f", "-o", "@TRACE", it_prog("tp_threads"),
				    "tree",   "25", "8",  NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	validate(r.trace);
	char *t = it_read_trace(&r, NULL);
	for (char *line = strtok(t, "\n"); line; line = strtok(NULL, "\n")) {
		long task = member(line, "task");
		if (task < 0)
			continue; /* the header */
		cr_assert(task < THREADS + 8, "task id %ld: more tasks than threads", task);
		if (strstr(line, "\"type\":\"task_start\"")) {
			cr_assert(!started[task], "task %ld started twice: %s", task, line);
			started[task] = true;
			if (strstr(line, "\"how\":\"clone\"")) {
				threads++;
				long parent = member(line, "parent_task");
				cr_expect(parent > 0 && parent < task && started[parent],
					  "not made by a task started before: %s", line);
			}
			continue;
		}
		cr_assert(started[task], "a line of task %ld before its task_start: %s", task,
			  line);
	}
	cr_expect_eq(threads, THREADS, "%u threads announced as made by clone, not %d", threads,
		     THREADS);
	free(t);
}
