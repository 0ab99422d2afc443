/*
 * The launched command gets its signals as it would untraced: a signal to
 * ptrc alone is passed on once, one to the process group or from a terminal
 * arrives once, and what the command inherits (ignored SIGHUP under nohup, a
 * blocked mask) is what ptrc inherited.  -I gives strace's behaviour.  The
 * program (tp_signals catch) states what it inherited and counts what it got.
 */
#include "harness.h"

#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

TestSuite(signals, .fini = it_fini, .timeout = 120);

static struct it_run r;

static void skip_for_strace(void)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace -o FILE PROG blocks fatal signals (its -I3)");
}

static bool is_ready(pid_t unused, long unused2)
{
	(void)unused, (void)unused2;
	char *v = it_info(&r, "ready");
	free(v);
	return v != NULL;
}

/* Starts the tracer on tp_signals catch, with extra options, and waits until it listens. */
static void start_catch(const char *opt)
{
	const char *argv[8];
	int n = 0;

	if (opt)
		argv[n++] = opt;
	argv[n++] = "-o";
	argv[n++] = "@TRACE";
	argv[n++] = it_prog("tp_signals");
	argv[n++] = "catch";
	argv[n] = NULL;
	it_start(&r, argv);
	cr_assert(it_poll(is_ready, 0, 0), "the program never got ready; stderr:\n%s", r.err);
}

static void expect_info(const char *key, const char *want)
{
	char *v = it_info(&r, key);
	cr_expect(v && !strcmp(v, want), "%s=%s, expected %s; stderr:\n%s", key, v ? v : "(none)",
		  want, r.err);
	free(v);
}

static void finish(void)
{
	cr_assert(it_wait(&r, IT_TIMEOUT), "the tracer did not end");
}

/* kill PTRC_PID, as a user or a container runtime does: the command gets it, once. */
Test(signals, a_signal_to_ptrc_alone_is_passed_on)
{
	skip_for_strace();
	it_init(&r);
	start_catch(NULL);
	kill(r.pid, SIGTERM);
	finish();
	expect_info("term", "1");
	/* The command handled it and ended on its own: ptrc goes on to that end. */
	it_assert_exit(&r, 0);
}

/* timeout(1) and batch schedulers signal the whole group: the command gets it once. */
Test(signals, a_signal_to_the_group_arrives_once)
{
	skip_for_strace();
	it_init(&r);
	start_catch(NULL);
	kill(-r.pgid, SIGTERM);
	finish();
	expect_info("term", "1");
	it_assert_exit(&r, 0);
}

/* Both: sent to the command and to ptrc, it still arrives once. */
Test(signals, sent_to_both_arrives_once)
{
	skip_for_strace();
	it_init(&r);
	start_catch(NULL);
	char *pid = it_info(&r, "pid");
	cr_assert(pid);
	kill(atoi(pid), SIGUSR1);
	free(pid);
	kill(r.pid, SIGUSR1);
	finish();
	expect_info("usr1", "1");
	it_assert_exit(&r, 0);
}

static char pty_slave[64];

/* The tracer as a session leader on a terminal, which becomes its controlling one. */
static void on_terminal(void)
{
	setsid();
	int fd = open(pty_slave, O_RDWR);
	if (fd >= 0)
		ioctl(fd, TIOCSCTTY, 0);
}

/* ^C on the terminal goes to the foreground group: the command gets one SIGINT. */
Test(signals, control_c_on_a_terminal_arrives_once)
{
	skip_for_strace();
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	cr_assert(master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0);
	snprintf(pty_slave, sizeof(pty_slave), "%s", ptsname(master));
	it_init(&r);
	r.before_exec = on_terminal;
	start_catch(NULL);
	cr_assert_eq(write(master, "\003", 1), 1);
	finish();
	close(master);
	expect_info("intr", "1");
	it_assert_exit(&r, 0);
}

/* nohup ptrc ... &, with SIGUSR2 blocked: the command inherits both, and ptrc keeps SIGHUP off. */
static void nohup_and_mask(void)
{
	sigset_t set;

	signal(SIGHUP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

Test(signals, the_command_inherits_dispositions_and_mask)
{
	it_init(&r);
	r.before_exec = nohup_and_mask;
	start_catch(NULL);
	/* Under nohup a hangup ends neither ptrc nor the command. */
	kill(r.pid, SIGHUP);
	kill(r.pid, SIGTERM);
	finish();
	expect_info("hup", "ignored");
	expect_info("pipe", "ignored");
	expect_info("usr2_blocked", "yes");
	if (!it_tracer_is_strace()) {
		expect_info("term", "1");
		it_assert_exit(&r, 0);
	}
}

/* ptrc's own handlers and its ignored SIGPIPE are not the command's. */
Test(signals, ptrc_handlers_are_not_inherited)
{
	it_init(&r);
	start_catch(NULL);
	kill(-r.pgid, SIGTERM);
	finish();
	expect_info("hup", "default");
	expect_info("int", "default");
	expect_info("pipe", "default");
	expect_info("usr2_blocked", "no");
}

/* -I3 (strace's "never"): ptrc ignores fatal signals; the command goes on untouched. */
Test(signals, interruptible_never_ignores)
{
	skip_for_strace();
	it_init(&r);
	start_catch("-I3");
	kill(r.pid, SIGTERM);
	usleep(200000);
	cr_assert_eq(waitpid(r.pid, NULL, WNOHANG), 0, "ptrc ended on SIGTERM under -I3");
	char *pid = it_info(&r, "pid");
	cr_assert(pid);
	kill(atoi(pid), SIGUSR1); /* ends the program */
	free(pid);
	finish();
	expect_info("term", "0");
	it_assert_exit(&r, 0);
}

/* -I1 (strace's "anywhere"): the old behaviour, ptrc dies of the signal and the job with it. */
Test(signals, interruptible_anywhere_stops_ptrc)
{
	skip_for_strace();
	it_init(&r);
	start_catch("-I1");
	kill(r.pid, SIGTERM);
	finish();
	it_assert_signal_exit(&r, SIGTERM);
	char *v = it_info(&r, "term");
	cr_expect_null(v, "the command ran on after ptrc died: term=%s", v);
	free(v);
}
