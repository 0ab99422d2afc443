/* -p: attach to running processes and all their threads, detach cleanly on a signal. */
#include "harness.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite(attach, .fini = it_fini, .timeout = 120);

static struct it_run r;

/* All tasks of PID blocked in read, traced by TRACER (or, with TRACER 0, by no one). */
static bool traced_by(pid_t pid, long tracer)
{
	pid_t tids[64];
	int n = it_tasks(pid, tids, 64);

	for (int i = 0; i < n; i++)
		if (it_tracer_pid(pid, tids[i]) != tracer)
			return false;
	return n > 0;
}

static bool running_untraced(pid_t pid, long unused)
{
	pid_t tids[64];
	int n = it_tasks(pid, tids, 64);

	(void)unused;
	for (int i = 0; i < n; i++) {
		char s = it_task_state(pid, tids[i]);
		if (it_tracer_pid(pid, tids[i]) != 0 || (s != 'S' && s != 'R'))
			return false;
	}
	return n > 0;
}

static pid_t start_target(int threads, int *stdin_w)
{
	char count[16];
	pid_t pid;

	snprintf(count, sizeof(count), "%d", threads);
	const char *const argv[] = {it_prog("tp_attach"), count, NULL};
	pid = it_spawn(argv, stdin_w);
	cr_assert(it_poll(it_has_tasks, pid, threads + 1), "the target never started its threads");
	return pid;
}

static void describe(pid_t pid, char *buf, size_t size)
{
	pid_t tids[64];
	int n = it_tasks(pid, tids, 64);
	size_t len = 0;

	buf[0] = 0;
	for (int i = 0; i < n && len < size; i++)
		len += snprintf(buf + len, size - len, " %d:%c/TracerPid=%d", (int)tids[i],
				it_task_state(pid, tids[i]), it_tracer_pid(pid, tids[i]));
}

/* The target still works: give it a byte, it exits with that status. */
static void assert_target_runs(pid_t pid, int stdin_w, int code)
{
	unsigned char c = (unsigned char)code;
	int status;

	cr_assert(write(stdin_w, &c, 1) == 1);
	for (int i = 0; i < IT_TIMEOUT * 200; i++) {
		pid_t p = waitpid(pid, &status, WNOHANG);
		if (p == pid) {
			cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == code,
				  "the detached target ended with status %#x", status);
			return;
		}
		usleep(5000);
	}
	cr_assert_fail("the detached target did not run on");
}

static void attach_then_detach_on(int sig, bool quiet)
{
	char buf[1024], arg[16];
	int stdin_w;
	pid_t target = start_target(3, &stdin_w);

	it_init(&r);
	snprintf(arg, sizeof(arg), "%d", (int)target);
	/* -f: strace attaches all threads only with -f; ptrc may do so without it. */
	const char *const argv[] = {"-f", "-o", "@TRACE", "-p", arg, NULL};
	const char *const qargv[] = {"-q", "-f", "-o", "@TRACE", "-p", arg, NULL};
	it_start(&r, quiet ? qargv : argv);
	describe(target, buf, sizeof(buf));
	cr_assert(it_poll(traced_by, target, r.pid), "not all threads got attached:%s", buf);

	kill(r.pid, sig);
	cr_assert(it_wait(&r, IT_TIMEOUT), "the tracer did not exit on signal %d", sig);
	/* Detached, it dies of the signal, as strace does. */
	it_assert_signal_exit(&r, sig);
	cr_assert(it_poll(running_untraced, target, 0), "after detach:%s",
		  (describe(target, buf, sizeof(buf)), buf));
	if (quiet) {
		cr_assert(!strstr(r.err, "attached"), "-q printed:\n%s", r.err);
	} else {
		snprintf(buf, sizeof(buf), "Process %d attached", (int)target);
		cr_assert(strstr(r.err, buf), "no \"%s\" message; stderr:\n%s", buf, r.err);
	}
	assert_target_runs(target, stdin_w, 42);
}

Test(attach, detach_on_sigint_leaves_it_running)
{
	attach_then_detach_on(SIGINT, false);
}

Test(attach, detach_on_sigterm_leaves_it_running)
{
	attach_then_detach_on(SIGTERM, false);
}

Test(attach, detach_on_sighup_quietly)
{
	attach_then_detach_on(SIGHUP, true);
}

Test(attach, several_pids_and_their_end)
{
	char list[64], one[16];
	int w1, w2, w3;
	pid_t t1 = start_target(2, &w1), t2 = start_target(0, &w2), t3 = start_target(1, &w3);

	it_init(&r);
	snprintf(list, sizeof(list), "%d,%d", (int)t1, (int)t2);
	snprintf(one, sizeof(one), "%d", (int)t3);
	const char *const argv[] = {"-f", "-o", "@TRACE", "-p", list, "-p", one, NULL};
	it_start(&r, argv);
	cr_assert(it_poll(traced_by, t1, r.pid), "first pid of the list not attached");
	cr_assert(it_poll(traced_by, t2, r.pid), "second pid of the list not attached");
	cr_assert(it_poll(traced_by, t3, r.pid), "the second -p not attached");

	/* The targets exit while traced: their ends are in the trace and the tracer ends. */
	assert_target_runs(t1, w1, 7);
	assert_target_runs(t2, w2, 8);
	assert_target_runs(t3, w3, 9);
	cr_assert(it_wait(&r, IT_TIMEOUT), "the tracer did not exit after all its tracees");
	char *trace = it_read_trace(&r, NULL);
	cr_assert(trace, "no trace; stderr:\n%s", r.err);
	char want[64];
	snprintf(want, sizeof(want), "%-5d +++ exited with 7 +++", (int)t1);
	cr_assert(strstr(trace, want), "missing \"%s\" in:\n%s", want, trace);
	snprintf(want, sizeof(want), "%-5d +++ exited with 8 +++", (int)t2);
	cr_assert(strstr(trace, want), "missing \"%s\" in:\n%s", want, trace);
	snprintf(want, sizeof(want), "%-5d +++ exited with 9 +++", (int)t3);
	cr_assert(strstr(trace, want), "missing \"%s\" in:\n%s", want, trace);
	free(trace);
}

/*
 * Every task of the process sleeps in a call on descriptor 0: tp_attach's only blocking
 * call is its read(0, ...) (/proc/PID/task/TID/syscall: the number, whatever the ABI's,
 * then 0x0).
 */
static bool blocked_in_read(pid_t pid, long unused)
{
	pid_t tids[64];
	int n = it_tasks(pid, tids, 64);
	bool all = n > 0;

	(void)unused;
	for (int i = 0; i < n && all; i++) {
		char path[96];
		snprintf(path, sizeof(path), "/proc/%d/task/%d/syscall", (int)pid, (int)tids[i]);
		char *s = it_read_file(path);
		const char *sp = s ? strchr(s, ' ') : NULL;
		all = sp && s[0] != '-' && strncmp(s, "running", 7) && !strncmp(sp, " 0x0 ", 5) &&
		      it_task_state(pid, tids[i]) == 'S';
		free(s);
	}
	return all;
}

/* --dump: each thread's state, its blocked call and stack; then it runs on, untraced. */
Test(attach, dump_reports_each_thread_and_leaves_it_running)
{
	char arg[16], buf[1024];
	int stdin_w;
	pid_t target = start_target(2, &stdin_w);

	if (it_tracer_is_strace())
		cr_skip_test("--dump is ptrc's");
	cr_assert(it_poll(blocked_in_read, target, 0),
		  "the target's threads never blocked in read");
	it_init(&r);
	snprintf(arg, sizeof(arg), "%d", (int)target);
	const char *const argv[] = {"--dump", "-p", arg, NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 0);
	const char *out = r.out && *r.out ? r.out : r.err;
	snprintf(buf, sizeof(buf), "=== ptrc dump: pid %d: ", (int)target);
	cr_assert(strstr(out, buf), "no header %s:\n%s", buf, out);
	cr_assert(strstr(out, "=== end of dump"), "%s", out);
	size_t blocked = 0;
	for (const char *p = out; (p = strstr(p, "blocked in read(0, ")); p++)
		blocked++;
	cr_assert_eq(blocked, 3, "three threads blocked in read(0, ...):\n%s", out);
	cr_assert(strstr(out, "(wait_byte+"), "their stacks:\n%s", out);
	cr_assert(it_poll(running_untraced, target, 0), "after the dump:%s",
		  (describe(target, buf, sizeof(buf)), buf));
	assert_target_runs(target, stdin_w, 7);
}

Test(attach, dump_needs_a_running_process)
{
	if (it_tracer_is_strace())
		cr_skip_test("--dump is ptrc's");
	it_init(&r);
	const char *const argv[] = {"--dump", "/bin/true", NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 64);
	cr_assert(strstr(r.err, "--dump"), "%s", r.err);
	it_init(&r);
	const char *const gone[] = {"--dump", "-p", "4194303", NULL};
	it_run(&r, gone);
	it_assert_failed(&r);
	cr_assert_eq(it_count_lines(r.err), 1, "one line:\n%s", r.err);
}

/* -p and a command together, as strace: both traced; the command's status is ptrc's. */
Test(attach, pid_and_command_are_both_traced)
{
	char arg[16], line[64];
	int stdin_w;
	pid_t target = start_target(0, &stdin_w);

	cr_assert(it_poll(blocked_in_read, target, 0), "the target never blocked in read");
	it_init(&r);
	snprintf(arg, sizeof(arg), "%d", (int)target);
	/* The command reads ptrc's stdin (/dev/null): read returns 0, it exits 100. */
	const char *const argv[] = {"-f",
				    "-o",
				    "@TRACE",
				    "-e",
				    "trace=read,exit_group",
				    "-p",
				    arg,
				    it_prog("tp_attach"),
				    "0",
				    NULL};
	it_start(&r, argv);
	cr_assert(it_poll(traced_by, target, r.pid), "the -p process was not attached");
	/* In its read again, under ptrc: the byte must not end the read before it is traced. */
	cr_assert(it_poll(blocked_in_read, target, 0), "the target did not go back to its read");
	unsigned char c = 42;
	cr_assert(write(stdin_w, &c, 1) == 1);
	cr_assert(it_wait(&r, IT_TIMEOUT), "ptrc did not end with both processes");
	it_assert_exit(&r, 100);
	char *t = it_read_trace(&r, NULL);
	/* "PID read(0, "*", 1) = 1", or its "<... read resumed>" half: a line of the target. */
	bool found = false;
	snprintf(line, sizeof(line), "%d ", (int)target);
	for (char *l = t; l && *l && !found; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		char *end = strchr(l, '\n');
		char *hit = strstr(l, "\"*\", 1)");
		found = !strncmp(l, line, strlen(line)) && hit && (!end || hit < end);
	}
	cr_assert(found, "the attached process's read of the byte, prefixed with %s:\n%s", line, t);
	/* Whole, or split in two when the target's lines came in between (a loaded machine). */
	cr_assert(strstr(t, "read(0, \"\", 1)") || strstr(t, "<... read resumed>\"\", 1)"),
		  "the command's read at EOF:\n%s", t);
	free(t);
	int status;
	cr_assert_eq(waitpid(target, &status, 0), target);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 42);
}
