/*
 * --status-line: ptrc on a terminal with the trace in a file.  The line is drawn, erased
 * before the job's own writes to the terminal and at the end, and absent when asked.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite(status, .fini = it_fini, .timeout = 120);

#define ERASE "\r\033[K"

/* Runs the tracer with stdout and stderr on a new terminal; returns what it showed. */
static char *on_terminal(const char *const *args)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	cr_assert(master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0);
	const char *slave = ptsname(master);
	const char *argv[32] = {it_tracer()};
	unsigned n = 1;
	for (; args[n - 1]; n++)
		argv[n] = args[n - 1];
	argv[n] = NULL;
	pid_t pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		int fd = open(slave, O_RDWR);
		if (fd < 0)
			_exit(126);
		dup2(fd, 1);
		dup2(fd, 2);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	size_t len = 0, cap = 1 << 16;
	char *out = calloc(1, cap);
	cr_assert(out);
	for (;;) {
		struct pollfd p = {.fd = master, .events = POLLIN};
		if (poll(&p, 1, 60000) <= 0)
			break;
		ssize_t k = read(master, out + len, cap - 1 - len);
		if (k <= 0) /* EIO: every slave descriptor closed */
			break;
		len += (size_t)k;
	}
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x:\n%s", status, out);
	close(master);
	return out;
}

static char trace[128];

static const char *job[] = {"/bin/sh", "-c", "echo one; sleep 2.5; echo two", NULL};

static char *run(const char *opt)
{
	const char *args[16];
	unsigned n = 0;

	snprintf(trace, sizeof(trace), "/tmp/ptrc-it-status-%d.trace", (int)getpid());
	if (opt)
		args[n++] = opt;
	args[n++] = "-f";
	args[n++] = "-o";
	args[n++] = trace;
	for (unsigned i = 0; job[i]; i++)
		args[n++] = job[i];
	args[n] = NULL;
	char *out = on_terminal(args);
	unlink(trace);
	return out;
}

Test(status, drawn_and_erased_before_the_job_writes)
{
	if (it_tracer_is_strace())
		cr_skip_test("--status-line is ptrc's");
	char *out = run(NULL);
	const char *s = strstr(out, ERASE "ptrc: ");
	cr_assert(s && strstr(s, " calls") && strstr(s, "last exec "), "no status line:\n%s", out);
	/* "two" comes after a redraw (the sleep), and the line was erased just before it. */
	const char *two = strstr(out, "two");
	cr_assert(two && two - out >= 4 && !strncmp(two - 4, ERASE, 4), "%s", out);
	/* Nothing of the line is left on the terminal: the last one is erased. */
	const char *last = s;
	while ((s = strstr(last + 1, ERASE "ptrc: ")))
		last = s;
	cr_assert(strstr(last + 4, ERASE), "the last status line stays:\n%s", out);
	free(out);
}

/* A prompt the job left open (no newline) is its line: no redraw erases it. */
Test(status, not_over_a_prompt)
{
	if (it_tracer_is_strace())
		cr_skip_test("--status-line is ptrc's");
	snprintf(trace, sizeof(trace), "/tmp/ptrc-it-status-%d.trace", (int)getpid());
	const char *args[] = {"-f",  "-o",
			      trace, "/bin/sh",
			      "-c",  "echo one; sleep 1.5; printf 'answer? '; sleep 2.5; echo done",
			      NULL};
	char *out = on_terminal(args);
	unlink(trace);
	const char *prompt = strstr(out, "answer? "), *done = strstr(out, "done");
	cr_assert(prompt && done && done > prompt, "%s", out);
	cr_assert(strstr(out, ERASE "ptrc: ") < prompt, "drawn before the prompt:\n%s", out);
	char *between = strndup(prompt, (size_t)(done - prompt));
	cr_assert_null(strstr(between, "ptrc: "), "redrawn over the prompt:\n%s", out);
	free(between);
	free(out);
}

Test(status, never_and_quiet_and_a_trace_on_the_terminal_show_none)
{
	if (it_tracer_is_strace())
		cr_skip_test("--status-line is ptrc's");
	char *out = run("--status-line=never");
	cr_assert(strstr(out, "two") && !strstr(out, "ptrc: "), "%s", out);
	free(out);
	out = run("-q");
	cr_assert(strstr(out, "two") && !strstr(out, "ptrc: "), "%s", out);
	free(out);
	const char *args[] = {"-f", job[0], job[1], job[2], NULL};
	out = on_terminal(args);
	cr_assert(strstr(out, "+++ exited with 0 +++") && !strstr(out, ERASE "ptrc: "), "%s", out);
	free(out);
}

Test(status, a_bad_value_is_refused)
{
	if (it_tracer_is_strace())
		cr_skip_test("--status-line is ptrc's");
	struct it_run r;
	IT_RUN(&r, "--status-line=sometimes", "true");
	it_assert_exit(&r, 64);
	cr_assert(strstr(r.err, "invalid --status-line: 'sometimes'"), "%s", r.err);
}
