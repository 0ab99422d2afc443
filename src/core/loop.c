#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../arch/host.h"
#include "classify.h"
#include "dump.h"
#include "exit_status.h"
#include "sys/signame.h"
#include "policy_hook.h"
#include "landlock.h"
#include "report_page.h"
#include "timeline.h"
#include "seccomp.h"
#include "signals.h"
#include "spin.h"
#include "ptrace.h"
#include "tracer.h"
#include "util/clock.h"
#include "util/outfile.h"
#include "util/xalloc.h"

/* --color=auto: a terminal that is not "dumb", and no NO_COLOR (no-color.org). */
static bool want_color(const struct config *cfg, int fd)
{
	const char *term = getenv("TERM");

	if (cfg->color != COLOR_AUTO)
		return cfg->color == COLOR_ALWAYS;
	if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
		return false;
	return isatty(fd) && term && strcmp(term, "dumb");
}

/* The trace's stream: -o FILE (unless -ff), -o '|COMMAND', or stderr.  0 or -errno, said. */
static int open_output(struct tracer *t)
{
	const struct config *cfg = t->cfg;

	if (cfg->outfile && (cfg->outfile[0] == '|' || cfg->outfile[0] == '!')) {
		int fd = outfile_pipe(cfg->outfile + 1);
		if (fd < 0) {
			tracer_msg("can't run '%s': %s", cfg->outfile + 1, strerror(-fd));
			return fd;
		}
		out_init_fd(&t->out, fd, false);
		t->out.owns_fd = true;
	} else if (cfg->outfile && cfg->follow < 2) {
		int rc = out_open(&t->out, cfg->outfile, cfg->append);
		if (rc < 0) {
			tracer_msg("can't open '%s': %s", cfg->outfile, outfile_strerror(rc));
			return rc;
		}
	} else {
		out_init_fd(&t->out, STDERR_FILENO, true);
	}
	return 0;
}

int tracer_init(struct tracer *t, struct config *cfg)
{
	memset(t, 0, sizeof(*t));
	t->cfg = cfg;
	t->trace = &cfg->trace;
	t->attach_mode = cfg->npids > 0;
	t->dopt.strsize = cfg->strsize;
	t->dopt.verbose = cfg->verbose;
	t->topt.acolumn = cfg->acolumn;
	t->topt.xflag = (uint8_t)cfg->xflag;
	t->topt.durations = cfg->Tflag;
	t->topt.dur_digits = cfg->dur_digits;
	t->topt.numbers = cfg->nflag;
	t->topt.xstyle = (uint8_t)cfg->xstyle;
	t->nbuckets = 1024;
	t->buckets = xcalloc(t->nbuckets, sizeof(*t->buckets));
	story_init(t);
	t->ptrace_opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
	if (cfg->follow)
		t->ptrace_opts |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
	int rc = open_output(t);
	if (rc < 0)
		goto free_buckets;
	t->out.color = want_color(cfg, t->out.fd);
	rc = pt_faults_init(getenv("PTRC_INJECT_FAULTS"));
	if (rc < 0) {
		tracer_msg("PTRC_INJECT_FAULTS: expected REQUEST:ERRNO:N[,...]");
		goto close_output;
	}
	rc = timeline_open(t);
	if (rc < 0)
		goto close_output;
	rc = policy_hook_init(t);
	if (rc < 0)
		goto close_timeline;
	seccomp_plan(t);
	if (t->sc.on)
		t->ptrace_opts |= PTRACE_O_TRACESECCOMP;
	rc = landlock_plan(t);
	if (rc < 0)
		goto free_policy;
	rc = sig_setup(t);
	if (rc < 0) {
		tracer_msg("cannot set up signal handling: %s", strerror(-rc));
		goto free_policy;
	}
	spin_init(&t->spin, t->cfg->spin_wait != SECCOMP_BPF_NO);
	return 0;

free_policy:
	policy_hook_free(t);
	seccomp_free(t);
	landlock_free(t);
close_timeline:
	timeline_close(t);
close_output:
	out_close(&t->out);
free_buckets:
	story_free(&t->story); /* story_init's list of inherited descriptors */
	free(t->buckets);
	t->buckets = NULL;
	return rc;
}

/*
 * -D: the shell learns of the command's end when ptrc reaps it, so that end is
 * looked at first (WNOWAIT) and reaped once printed and flushed (reap_end), and
 * the shell's prompt comes after the trace's last line.  The pid of the next
 * event (its status made from the siginfo when it is that end), or -errno.
 */
static pid_t peek_end(struct tracer *t, int *status)
{
	siginfo_t si = {0};

	/* ptrace stops are reported without WSTOPPED; WNOWAIT leaves each for wait4. */
	if (waitid(P_ALL, 0, &si, WEXITED | __WALL | WNOWAIT) < 0)
		return -errno;
	if (si.si_pid <= 0)
		return -ECHILD; /* cannot be without WNOHANG */
	if (si.si_pid != t->child)
		return si.si_pid;
	if (si.si_code == CLD_EXITED)
		*status = (si.si_status & 0xff) << 8;
	else if (si.si_code == CLD_KILLED || si.si_code == CLD_DUMPED)
		*status = (si.si_status & 0x7f) | (si.si_code == CLD_DUMPED ? 0x80 : 0);
	else
		return si.si_pid; /* a stop of the command's: wait4 takes it */
	t->reap_pid = si.si_pid;
	return si.si_pid;
}

/* -D: hands the command's end to its parent, the trace written up to it. */
static void reap_end(struct tracer *t)
{
	if (!t->reap_pid)
		return;
	out_flush(&t->out);
	while (waitpid(t->reap_pid, NULL, __WALL) < 0 && errno == EINTR)
		;
	t->reap_pid = 0;
}

/* A blocking wait4 for pid (-1: any), timed when the spin learns from it. */
static pid_t wait_blocking(struct spin *spin, pid_t pid, int *status, struct rusage *ru)
{
	bool learns = spin_learns(spin);
	int64_t t0 = learns ? mono_now_ns() : 0;

	pid = wait4(pid, status, __WALL, ru);
	if (pid < 0)
		return -errno;
	if (learns)
		spin_learn(spin, mono_now_ns() - t0);
	return pid;
}

/*
 * Waits for the next stop; -EINTR when a signal to ptrc ended the wait (signals.c).
 * wait4 gives the stopped task's resource use, which -c needs: only -c asks for
 * it, and the rusage lives in the tracer, so the common wait has no frame to fill.
 */
static pid_t wait_next(struct tracer *t, int *status)
{
	struct rusage *ru = t->cfg->cflag ? &t->stop_ru : NULL;
	pid_t pid = -1, got = 0;

	if (t->daemon) {
		/* -D waits for the pid peek_end found; the spin waits for any. */
		pid = peek_end(t, status);
		if (pid < 0 || t->reap_pid)
			return pid;
	} else {
		got = spin_wait4(&t->spin, status, ru);
	}
	/* One call site, so that the compiler folds it in: the loop's hot path. */
	if (got == 0)
		got = wait_blocking(&t->spin, pid, status, ru);
	if (got > 0 && ru)
		t->stop_stime_ns = (uint64_t)ru->ru_stime.tv_sec * 1000000000ULL +
				   (uint64_t)ru->ru_stime.tv_usec * 1000ULL;
	return got;
}

static struct task *adopt(struct tracer *t, pid_t pid)
{
	pid_t tgid = task_read_tgid(pid);
	struct task *task = task_add(t, pid, tgid > 0 ? tgid : pid);

	if (tracer_chatty(t) && !t->cfg->outfile)
		tracer_msg("Process %d attached", (int)pid);
	return task;
}

static void on_group_stop(struct tracer *t, struct task *task, int sig)
{
	/* The launched child's own SIGSTOP, before its execve: just go on. */
	if (task->flags & TASK_HIDDEN) {
		task_resume(t, task, 0);
		return;
	}
	if (task_visible(t, task) && !(task->flags & TASK_LISTENING))
		emit_group_stop(t, task, sig);
	task->flags |= TASK_LISTENING;
	if (pt(PTRACE_LISTEN, task->tid, NULL, NULL) == 0 || errno == ESRCH)
		return;
	/* Not left stopped for good: it runs on, as after a SIGCONT. */
	tracer_msg("cannot leave task %d in its group stop: %s; resumed it", (int)task->tid,
		   strerror(errno));
	task->flags &= ~TASK_LISTENING;
	task_resume(t, task, 0);
}

void tracer_dispatch(struct tracer *t, pid_t pid, int status)
{
	struct stop s = stop_classify(status);
	struct task *task = task_find(t, pid);

	if (!task) {
		if (s.kind == STOP_EXITED || s.kind == STOP_KILLED) {
			/* The command, detached when it could not be resumed: still ptrc's child.
			 */
			if (pid == t->child) {
				t->child_status = status;
				t->child_done = true;
			}
			return;
		}
		/* A new child whose stop beat its parent's fork event: held until it comes. */
		early_hold(t, adopt(t, pid), status);
		return;
	}
	/* Held in its first stop, it got SIGKILLed before its parent's event came. */
	if (task->flags & TASK_UNANNOUNCED)
		early_announce_unknown(t, task);
	/*
	 * Memory is read through the task that stopped: it is alive, while the
	 * group's leader may have exited (pthread_exit in main) and left a zombie.
	 */
	tmem_live_use(&task->proc->live, task->tid);
	/*
	 * What CPython before 3.11 knows a thread by, once per thread and program:
	 * read again while it is 0 (after an execve, until ld.so sets the TLS up).
	 */
	if (!task->tp_read && s.kind != STOP_EXITED && s.kind != STOP_KILLED) {
		if (host_thread_pointer(task->tid, &task->thread_ptr) < 0)
			task->thread_ptr = 0;
		task->tp_read = task->thread_ptr != 0;
	}
	switch (s.kind) {
	case STOP_EXITED:
	case STOP_KILLED:
		on_task_end(t, task, status);
		break;
	case STOP_SYSCALL:
		on_syscall_stop(t, task);
		break;
	case STOP_SIGNAL:
		on_signal_stop(t, task, s.sig);
		break;
	case STOP_GROUP:
		on_group_stop(t, task, s.sig);
		break;
	case STOP_EVENT:
		on_ptrace_event(t, task, s.event);
		break;
	case STOP_INTERRUPT:
	default:
		task->flags &= ~TASK_LISTENING;
		task_resume(t, task, 0);
		break;
	}
}

static int exit_status(const struct tracer *t)
{
	if (!t->child)
		return 0;
	if (!t->child_done)
		return 1;
	if (WIFEXITED(t->child_status))
		return WEXITSTATUS(t->child_status);
	if (WIFSIGNALED(t->child_status))
		return PTRC_EXIT_SIGNAL + WTERMSIG(t->child_status);
	return 1;
}

static void print_summary(struct tracer *t)
{
	status_end(t);
	if (t->cfg->cflag)
		emit_summary(t);
	emit_story(t);
}

/* Lines of calls still open end whole: ptrc dies now and EXITKILL takes the tracees. */
static void end_open_line(struct tracer *t, struct task *task, void *arg)
{
	(void)arg;
	if (!(task->flags & TASK_PRINTED) || !task_visible(t, task))
		return;
	if (t->cfg->json) {
		emit_sc_detached(t, task); /* the call, as one that did not return */
		return;
	}
	struct out_stream *s = task_stream(t, task);
	out_close_open_line(s);
	if (s != &t->out)
		out_flush(s);
}

/* A fatal signal ends the run: attach mode detaches, -I1 and -I2 stop as strace does. */
static int stop_now(struct tracer *t)
{
	int sig = t->stop_signal;

	t->exit_signal = sig;
	/* -D has no EXITKILL: the command is let go of and runs on, as under strace. */
	if (t->attach_mode || t->daemon) {
		tracer_detach_all(t);
		print_summary(t);
		int status = policy_hook_finish(t, PTRC_EXIT_SIGNAL + sig);
		report_write(t);
		return status;
	}
	/* PTRACE_O_EXITKILL takes the tracees when ptrc dies of it. */
	task_for_each(t, end_open_line, NULL);
	emit_story(t);
	report_write(t);
	out_flush(&t->out);
	return PTRC_EXIT_SIGNAL + sig;
}

/* The kernel cannot report system calls: let go of everything, run nothing. */
static int give_up(struct tracer *t)
{
	if (t->attach_mode)
		tracer_detach_all(t);
	else if (t->child && !t->child_done)
		kill(t->child, SIGKILL); /* still ptrc's own code, before the command's execve */
	return PTRC_EXIT_FAILURE;
}

int tracer_loop(struct tracer *t)
{
	status_init(t);
	/* strace decides the -o file's pid prefixes once, from the tasks it starts with. */
	t->many_at_start = t->ntasks > 1;
	for (;;) {
		sig_poll(t);
		inject_poll(t);
		if (t->dump_live) {
			t->dump_live = false;
			status_clear(&t->status);
			tracer_dump_live(t);
		}
		status_tick(t);
		early_poll(t);
		if (t->unsupported)
			return give_up(t);
		if (t->stop_signal)
			return stop_now(t);
		int status;
		pid_t pid = wait_next(t, &status);
		if (pid == -EINTR)
			continue;
		if (pid < 0)
			break; /* ECHILD: nothing is traced any more */
		tracer_dispatch(t, pid, status);
		tracer_check_output(t, &t->out);
		/* The command was the last: the summary too before the shell goes on. */
		if (t->reap_pid && !t->ntasks)
			break;
		reap_end(t);
	}
	print_summary(t);
	int status = policy_hook_finish(t, exit_status(t));
	report_write(t);
	out_flush(&t->out);
	tracer_check_output(t, &t->out);
	reap_end(t);
	if (status == PTRC_EXIT_OK && t->output_lost)
		return PTRC_EXIT_OUTPUT;
	/* Died of signal N: ptrc dies of N too, so its parent sees what it would untraced. */
	if (t->child_done && WIFSIGNALED(t->child_status) &&
	    status == PTRC_EXIT_SIGNAL + WTERMSIG(t->child_status))
		t->exit_signal = WTERMSIG(t->child_status);
	return status;
}

static void drop(struct tracer *t, struct task *task, void *arg)
{
	(void)arg;
	task_remove(t, task);
}

void tracer_fini(struct tracer *t)
{
	task_for_each(t, drop, NULL);
	summary_free(&t->summary);
	story_free(&t->story);
	report_free(t);
	ff_free(t);
	policy_hook_free(t);
	seccomp_free(t);
	landlock_free(t);
	timeline_close(t);
	out_close(&t->out);
	free(t->buckets);
	t->buckets = NULL;
}
