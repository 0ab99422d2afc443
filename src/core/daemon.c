/*
 * -D, -DD, -DDD (--daemonize=grandchild|pgroup|session), as strace runs them:
 * the process the shell started becomes the command, and ptrc traces it from
 * a grandchild, so the command keeps its pid, its parent, the terminal's
 * signals and the shell's $?.  -DD puts the tracer in a process group of its
 * own, -DDD in a session of its own, out of reach of the terminal's signals.
 *
 * The command (P) and the tracer (G) talk over a socket pair until G has
 * seized P; P runs nothing of the command's before that:
 *
 *   P: fork C        C: fork G, exit         G: setpgid/setsid, send its pid
 *   P: reap C, read G's pid, allow G to trace it (Yama), send "a"
 *   G: PTRACE_SEIZE + PTRACE_INTERRUPT P, send "g"; P: exec the command
 *
 * G sends "f" when it failed and said why; P then exits 1 without a word
 * more.  When G dies without a word, P reads the end of the stream and says
 * so.  Either way P never runs the command untraced, and is never left
 * stopped: a tracer that dies takes its ptrace attachment with it (no
 * PTRACE_O_EXITKILL here, so that a tracer killed later lets the command run
 * on, as strace's does).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "exit_status.h"
#include "launch.h"
#include "out/json.h"
#include "ptrace.h"
#include "signals.h"
#include "tracer.h"

/* The whole of a small message, through EINTR; 0, or -errno (-EPIPE at the end). */
static int xfer(int fd, void *buf, size_t len, bool out)
{
	char *p = buf;

	while (len) {
		ssize_t n = out ? send(fd, p, len, MSG_NOSIGNAL) : read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EPIPE;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Yama's scope 1 lets a process trace only its descendants: G is P's grandchild. */
static void allow_tracer(pid_t tracer)
{
	/* EINVAL: no Yama in this kernel, and nothing to allow. */
	(void)prctl(PR_SET_PTRACER, (unsigned long)tracer, 0, 0, 0);
}

/*
 * In P: waits for the tracer to have seized it.  0, or 1 when it could not
 * (G said why, or P says it now).
 */
static int await_tracer(pid_t mid, int sock)
{
	pid_t tracer;
	char ok = 0;

	/* The middle child only forks: reaped at once, so G is nobody's child of ours. */
	while (waitpid(mid, NULL, 0) < 0 && errno == EINTR)
		;
	int rc = xfer(sock, &tracer, sizeof(tracer), false);
	if (rc == 0) {
		allow_tracer(tracer);
		rc = xfer(sock, "a", 1, true);
	}
	if (rc == 0)
		rc = xfer(sock, &ok, 1, false);
	/* The exception is G's alone and only for the attach: not kept for the command. */
	(void)prctl(PR_SET_PTRACER, 0UL, 0, 0, 0);
	if (rc == 0 && ok == 'g')
		return 0;
	if (ok != 'f')
		tracer_msg("-D: the tracer ended before it could trace the command");
	return 1;
}

/* Yama's scope, or 0 without Yama: above 1, PR_SET_PTRACER does not help. */
static int yama_scope(void)
{
	FILE *f = fopen("/proc/sys/kernel/yama/ptrace_scope", "re");
	int scope = 0;

	if (f && fscanf(f, "%d", &scope) != 1)
		scope = 0;
	if (f)
		fclose(f);
	return scope;
}

/* In G: seizes P, stopped at once so that none of its calls go by untraced. */
static int seize_tracee(struct tracer *t, pid_t tracee)
{
	const char *req = "PTRACE_SEIZE";
	int rc;

	if (pt(PTRACE_SEIZE, tracee, NULL, (void *)(long)t->ptrace_opts) < 0) {
		rc = -errno;
		goto say;
	}
	/*
	 * P waits in read() for our "g", at a known point, not inside fork()'s own
	 * code (where PTRACE_INTERRUPT once hung a child on aarch64).  It stops
	 * before it can read the "g" that follows.
	 */
	if (pt(PTRACE_INTERRUPT, tracee, NULL, NULL) < 0) {
		rc = -errno;
		req = "PTRACE_INTERRUPT";
		goto detach;
	}
	struct task *task = task_add(t, tracee, tracee);
	emit_task_start(t, task, JSON_START_LAUNCH, NULL);
	task->flags |= TASK_HIDDEN;
	t->child = tracee;
	t->daemon = true;
	if (tracer_chatty(t) && !t->cfg->outfile)
		tracer_msg("Process %d attached", (int)tracee);
	return 0;

detach:
	(void)pt(PTRACE_DETACH, tracee, NULL, NULL);
say:
	if (rc == -EPERM && yama_scope() > 1)
		tracer_msg("-D: ptrace(%s, %d): %s (kernel.yama.ptrace_scope=%d lets only root "
			   "trace)",
			   req, (int)tracee, strerror(-rc), yama_scope());
	else
		tracer_msg("-D: ptrace(%s, %d): %s", req, (int)tracee, strerror(-rc));
	return rc;
}

static int detach_session(unsigned mode)
{
	if (mode == DAEMON_PGROUP && setpgid(0, 0) < 0)
		return -errno;
	if (mode == DAEMON_SESSION && setsid() < 0)
		return -errno;
	return 0;
}

/* In G: becomes the tracer of P.  0, or -errno once said (and told to P). */
static int become_tracer(struct tracer *t, pid_t tracee, int sock)
{
	pid_t me = getpid();
	char go = 0;
	int rc = detach_session(t->cfg->daemonize);

	if (rc < 0) {
		tracer_msg("-D: cannot leave the command's %s: %s",
			   t->cfg->daemonize == DAEMON_PGROUP ? "process group" : "session",
			   strerror(-rc));
		goto tell_failed;
	}
	/* Timers are not inherited: the wake signal's, made again in this process. */
	rc = sig_after_fork();
	if (rc < 0) {
		tracer_msg("cannot set up signal handling: %s", strerror(-rc));
		goto tell_failed;
	}
	rc = xfer(sock, &me, sizeof(me), true);
	if (rc == 0)
		rc = xfer(sock, &go, 1, false);
	if (rc < 0)
		return rc; /* P is gone: nothing to trace, nobody to tell */
	rc = seize_tracee(t, tracee);
	if (rc < 0)
		goto tell_failed;
	/* -p with -D: the other processes too, before the command starts. */
	if (t->cfg->npids && tracer_attach_all(t) == 0) {
		rc = -ESRCH;
		goto detach_tracee;
	}
	return xfer(sock, "g", 1, true) < 0 ? -EPIPE : 0;

detach_tracee:
	(void)pt(PTRACE_DETACH, tracee, NULL, NULL);
tell_failed:
	(void)xfer(sock, "f", 1, true);
	return rc;
}

int tracer_launch_daemon(struct tracer *t, char **argv)
{
	char path[PATH_MAX];
	struct run_as ra = {0};
	int sv[2];
	pid_t tracee = getpid();

	int rc = launch_prepare(t, argv, path, sizeof(path), &ra);
	if (rc)
		return rc;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
		tracer_msg("socketpair: %s", strerror(errno));
		return PTRC_EXIT_FAILURE;
	}
	pid_t mid = launch_fork();
	if (mid < 0) {
		tracer_msg("fork: %s", strerror(errno));
		goto close_socket;
	}
	if (mid == 0) {
		close(sv[0]);
		pid_t g = launch_fork();
		if (g < 0) {
			tracer_msg("fork: %s", strerror(errno));
			(void)xfer(sv[1], "f", 1, true); /* said: P adds nothing */
		}
		if (g != 0)
			_exit(g < 0 ? PTRC_EXIT_FAILURE : 0);
		/* G: the tracer, from here on through main's loop. */
		rc = become_tracer(t, tracee, sv[1]);
		close(sv[1]);
		return rc < 0 ? PTRC_EXIT_FAILURE : 0;
	}
	close(sv[1]);
	rc = await_tracer(mid, sv[0]);
	close(sv[0]);
	if (rc)
		_exit(PTRC_EXIT_FAILURE); /* the tracer's state is G's: nothing of it to undo */
	/* The command inherits what ptrc inherited, not ptrc's own handlers. */
	sig_restore_inherited();
	launch_exec(path, argv, t, &ra);

close_socket:
	close(sv[0]);
	close(sv[1]);
	return PTRC_EXIT_FAILURE;
}
