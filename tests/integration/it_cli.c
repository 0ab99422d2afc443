/* The command line: exit statuses, errors, output options. */
#include "harness.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite(cli, .fini = it_fini, .timeout = 120);

static struct it_run r;

#define RUN(...) IT_RUN(&r, __VA_ARGS__)

/* ptrc's errors are one line starting with "ptrc: "; strace's are checked more loosely. */
static void assert_one_line_error(const char *must_contain)
{
	if (it_tracer_is_strace()) {
		cr_assert(strstr(r.err, "strace: "), "no error message; stderr:\n%s", r.err);
	} else {
		cr_assert(!strncmp(r.err, "ptrc: ", 6) && it_count_lines(r.err) == 1,
			  "expected one line \"ptrc: ...\" on stderr, got:\n%s", r.err);
	}
	if (must_contain && !it_tracer_is_strace())
		cr_assert(strstr(r.err, must_contain), "the error does not mention \"%s\":\n%s",
			  must_contain, r.err);
}

/* ptrc: usage errors exit 64.  strace exits 1. */
static void assert_usage_error(void)
{
	if (it_tracer_is_strace())
		it_assert_failed(&r);
	else
		it_assert_exit(&r, 64);
}

static bool program_ran(void)
{
	return access(r.expect, F_OK) == 0;
}

Test(cli, exit_status_is_the_programs)
{
	RUN("-o", "@TRACE", it_prog("tp_procs"), "exit", "3");
	it_assert_exit(&r, 3);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(cli, exit_status_zero)
{
	RUN("-o", "@TRACE", it_prog("tp_procs"), "exit", "0");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(cli, killed_by_sigterm_dies_of_it)
{
	RUN("-o", "@TRACE", it_prog("tp_procs"), "signal", "15");
	it_assert_signal_exit(&r, SIGTERM);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(cli, killed_by_sigsegv_dies_of_it)
{
	RUN("-o", "@TRACE", it_prog("tp_procs"), "segv-self");
	it_assert_signal_exit(&r, SIGSEGV);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(cli, command_not_found_127)
{
	RUN("-o", "@TRACE", "ptrc-no-such-command-xyz");
	if (it_tracer_is_strace())
		it_assert_failed(&r);
	else
		it_assert_exit(&r, 127);
	assert_one_line_error("ptrc-no-such-command-xyz");
}

Test(cli, command_not_executable_126)
{
	char path[160];
	int fd;

	it_init(&r);
	snprintf(path, sizeof(path), "%s/not-executable", r.dir);
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	cr_assert(fd >= 0);
	cr_assert(write(fd, "#!/bin/sh\nexit 0\n", 17) == 17);
	close(fd);
	const char *const argv[] = {"-o", "@TRACE", path, NULL};
	it_run(&r, argv);
	if (it_tracer_is_strace())
		it_assert_failed(&r);
	else
		it_assert_exit(&r, 126);
	assert_one_line_error("not-executable");
}

Test(cli, command_found_on_path_after_double_dash)
{
	char path[1024];

	it_init(&r);
	snprintf(path, sizeof(path), "%s:/usr/bin:/bin", getenv("PTRC_TESTPROGS"));
	r.path = path;
	const char *const argv[] = {"-o", "@TRACE", "--", "tp_procs", "exit", "5", NULL};
	it_run(&r, argv);
	it_assert_exit(&r, 5);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(cli, unknown_option_is_a_usage_error)
{
	RUN("--no-such-option-xyz", it_prog("tp_procs"), "exit", "0");
	assert_usage_error();
	assert_one_line_error("no-such-option-xyz");
	cr_assert(!program_ran(), "the program ran despite the usage error");
}

Test(cli, no_command_is_a_usage_error)
{
	RUN("-o", "@TRACE");
	assert_usage_error();
	assert_one_line_error(NULL);
}

Test(cli, help_and_version)
{
	RUN("-h");
	it_assert_exit(&r, 0);
	cr_assert(strstr(r.out, "sage"), "-h prints no usage on stdout:\n%s", r.out);
	if (!it_tracer_is_strace())
		cr_assert(strstr(r.out, "ptrc dies of N too"),
			  "-h does not document the exit status of a killed command:\n%s", r.out);
	it_fini();
	RUN("-V");
	it_assert_exit(&r, 0);
	cr_assert(strstr(r.out, it_tracer_name()), "-V does not name the tracer:\n%s", r.out);
}

Test(cli, attach_to_nonexistent_pid_fails)
{
	/* A pid that existed a moment ago and has been reaped. */
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	char arg[16];
	snprintf(arg, sizeof(arg), "%d", (int)pid);
	RUN("-o", "@TRACE", "-p", arg);
	it_assert_failed(&r);
	assert_one_line_error(NULL);
}

Test(cli, attach_to_garbage_pid_is_a_usage_error)
{
	RUN("-p", "12abc");
	assert_usage_error();
	assert_one_line_error("12abc");
}

Test(cli, attach_without_permission_fails)
{
	/* Another user's process: as root, trace our own child as nobody; otherwise pid 1. */
	char arg[16];
	pid_t target;

	it_init(&r);
	if (geteuid() == 0) {
		if (access("/usr/bin/setpriv", X_OK) != 0 && access("/bin/setpriv", X_OK) != 0)
			cr_skip_test("running as root without setpriv: cannot test EPERM");
		if (access(it_tracer(), X_OK) != 0)
			cr_skip_test("the tracer is not reachable");
		const char *const targv[] = {it_prog("tp_attach"), "0", NULL};
		target = it_spawn(targv, NULL);
		r.as_nobody = true;
	} else {
		struct stat st;
		if (stat("/proc/1", &st) != 0 || st.st_uid == geteuid())
			cr_skip_test("no process of another user to attach to");
		target = 1;
	}
	snprintf(arg, sizeof(arg), "%d", (int)target);
	const char *const argv[] = {"-p", arg, NULL};
	it_run(&r, argv);
	if (r.as_nobody && strstr(r.err, "setpriv"))
		cr_skip_test("setpriv failed: %s", r.err);
	if (r.as_nobody && WIFEXITED(r.status) && WEXITSTATUS(r.status) == 126 &&
	    strstr(r.err, "ermission denied") && !strstr(r.err, "ptrace"))
		cr_skip_test("uid 65534 cannot execute the tracer: %s", r.err);
	it_assert_failed(&r);
	assert_one_line_error(NULL);
	cr_assert(it_tracer_pid(target, target) == 0, "the target is traced after EPERM");
}

Test(cli, unwritable_output_file_fails)
{
	RUN("-o", "/nonexistent-ptrc-dir/trace", it_prog("tp_procs"), "exit", "0");
	it_assert_failed(&r);
	assert_one_line_error("/nonexistent-ptrc-dir/trace");
	cr_assert(!program_ran(), "the program ran although the output could not be opened");
}

/*
 * A trace that cannot be written (a full disk) is said once, on stderr; the
 * command still runs as it would, and a run that otherwise succeeded exits 74.
 */
Test(cli, trace_write_error_is_said_and_fails_the_run)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace's exit status and message differ");
	RUN("-q", "-o", "/dev/full", it_prog("tp_procs"), "exit", "0");
	it_assert_exit(&r, 74);
	assert_one_line_error("/dev/full: No space left on device");
}

/* The command's own failure wins over the lost trace. */
Test(cli, trace_write_error_keeps_the_commands_status)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace's message differs");
	RUN("-q", "-o", "/dev/full", it_prog("tp_procs"), "exit", "3");
	it_assert_exit(&r, 3);
	assert_one_line_error("/dev/full");
}

Test(cli, trace_filter_by_name)
{
	RUN("-e", "trace=getpid,close", "-o", "@TRACE", it_prog("tp_files"), "basic");
	it_assert_exit(&r, 0);
	char *trace = it_read_trace(&r, NULL);
	cr_assert(trace, "no trace written; stderr:\n%s", r.err);
	bool saw_close = false, saw_getpid = false;
	for (char *line = strtok(trace, "\n"); line; line = strtok(NULL, "\n")) {
		/* strace 6.1 never filters out numbers it has no name for. */
		cr_assert(
			!strncmp(line, "getpid(", 7) || !strncmp(line, "close(", 6) ||
				!strncmp(line, "+++ ", 4) || !strncmp(line, "--- ", 4) ||
				!strncmp(line, "syscall_0x", 10) ||
				/* i386 programs (testprogs/m32); strace prints it on stderr only */
				!strncmp(line, "[ Process PID=", 14),
			"-e trace=getpid,close printed:\n%s", line);
		saw_close |= !strncmp(line, "close(1000)", 11);
		saw_getpid |= !strncmp(line, "getpid()", 8);
	}
	cr_assert(saw_close && saw_getpid, "the selected calls are missing");
	free(trace);
}

Test(cli, trace_filter_rejects_unknown_name)
{
	RUN("-e", "trace=no_such_syscall_xyz", "-o", "@TRACE", it_prog("tp_procs"), "exit", "0");
	assert_usage_error();
	assert_one_line_error("no_such_syscall_xyz");
	cr_assert(!program_ran(), "the program ran despite the bad filter");
}

Test(cli, qq_hides_exited_lines_but_not_killed)
{
	RUN("-qq", "-f", "-o", "@TRACE", it_prog("tp_procs"), "segv");
	it_assert_exit(&r, 0);
	char *trace = it_read_trace(&r, NULL);
	cr_assert(trace, "no trace written; stderr:\n%s", r.err);
	cr_assert(!strstr(trace, "+++ exited"), "-qq printed an exit line:\n%s", trace);
	cr_assert(strstr(trace, "+++ killed by SIGSEGV"), "-qq hid the killed line:\n%s", trace);
	cr_assert(strstr(trace, "wait4("), "-qq hid syscalls");
	free(trace);
}

static bool has_info_pid(pid_t unused, long arg)
{
	(void)unused;
	char *pid = it_info((struct it_run *)arg, "pid");
	bool ok = pid != NULL;
	free(pid);
	return ok;
}

static bool gone_or_zombie(pid_t pid, long unused)
{
	(void)unused;
	char s = it_task_state(pid, pid);
	return s == '?' || s == 'Z' || s == 'X';
}

Test(cli, tracee_dies_with_the_tracer)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace 6.1 does not kill its tracees when it dies (no EXITKILL)");
	it_init(&r);
	const char *const argv[] = {"-f", "-o", "@TRACE", it_prog("tp_procs"), "sleeper", NULL};
	it_start(&r, argv);
	cr_assert(it_poll(has_info_pid, 0, (long)&r), "the sleeper never started; stderr:\n%s",
		  it_read_file(r.expect) ? "" : "(no expectations)");
	char *s = it_info(&r, "pid");
	pid_t tracee = atoi(s);
	free(s);
	r.keep_group = true; /* the tracee is in the tracer's group: leave it to EXITKILL */
	kill(r.pid, SIGKILL);
	it_wait(&r, IT_TIMEOUT);
	cr_assert(it_poll(gone_or_zombie, tracee, 0),
		  "the tracee %d outlived its tracer (state %c)", (int)tracee,
		  it_task_state(tracee, tracee));
}

/* A user who is in some group besides their own, or NULL. */
static const struct passwd *user_with_groups(void)
{
	static struct passwd found;
	static char name[256];
	struct group *g;

	setgrent();
	while ((g = getgrent())) {
		for (char **m = g->gr_mem; *m; m++) {
			struct passwd *pw = getpwnam(*m);
			if (pw && pw->pw_gid != g->gr_gid && strlen(pw->pw_name) < sizeof(name)) {
				strcpy(name, pw->pw_name);
				found = *pw;
				found.pw_name = name;
				endgrent();
				return &found;
			}
		}
	}
	endgrent();
	return NULL;
}

/* -u UID runs the command with that user's supplementary groups, as -u NAME does. */
Test(cli, numeric_user_keeps_supplementary_groups)
{
	char uid[16], want[1024] = "";
	gid_t groups[64];
	int n = 64;

	if (it_tracer_is_strace())
		cr_skip_test("strace refuses a numeric -u");
	if (geteuid() != 0)
		cr_skip_test("-u needs root");
	const struct passwd *pw = user_with_groups();
	if (!pw)
		cr_skip_test("no user here is in a group besides their own");
	cr_assert(getgrouplist(pw->pw_name, pw->pw_gid, groups, &n) >= 0);
	for (int i = 0; i < n; i++)
		snprintf(want + strlen(want), sizeof(want) - strlen(want), "%s%d", i ? " " : "",
			 (int)groups[i]);
	snprintf(uid, sizeof(uid), "%d", (int)pw->pw_uid);
	RUN("-q", "-e", "trace=none", "-u", uid, "/usr/bin/id", "-G");
	it_assert_exit(&r, 0);
	/* id -G prints the primary group first, then the others in the kernel's order. */
	char *nl = strchr(r.out, '\n');
	cr_assert(nl, "%s", r.out);
	*nl = '\0';
	char *got[64], *wanted[64];
	size_t ng = 0, nw = 0;
	for (char *s = strtok(r.out, " "); s && ng < 64; s = strtok(NULL, " "))
		got[ng++] = s;
	for (char *s = strtok(want, " "); s && nw < 64; s = strtok(NULL, " "))
		wanted[nw++] = s;
	cr_assert_eq(ng, nw, "groups %zu, expected %zu (%s)", ng, nw, pw->pw_name);
	for (size_t i = 0; i < nw; i++) {
		bool in = false;
		for (size_t j = 0; j < ng; j++)
			in |= !strcmp(got[j], wanted[i]);
		cr_expect(in, "group %s of %s is missing", wanted[i], pw->pw_name);
	}
}
