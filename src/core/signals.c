/* ptrc's own signals (signals.h). */
#include "signals.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "tracer.h"

/* How long ptrc looks for a sign that the job got a signal too, before forwarding it. */
enum { FORWARD_WAIT_MS = 50, SEEN_WINDOW_MS = 500, RING = 64 };

static struct sigaction inherited[NSIG];
static sigset_t inherited_mask;

/* Signals the handler took, for the event loop: the handler writes, the loop reads. */
static struct sig_note {
	int signo, code;
	pid_t from;
} ring[RING];
static int ring_head; /* written by the handler only */
static unsigned ring_tail;
static timer_t wake;
static bool have_wake;
/* Set by either handler: a spinning wait (spin.c) is not interrupted, so it looks here. */
static volatile sig_atomic_t woke;

void sig_save_inherited(void)
{
	for (int s = 1; s < NSIG; s++)
		sigaction(s, NULL, &inherited[s]);
	sigprocmask(SIG_SETMASK, NULL, &inherited_mask);
}

void sig_restore_inherited(void)
{
	for (int s = 1; s < NSIG; s++)
		if (s != SIGKILL && s != SIGSTOP)
			sigaction(s, &inherited[s], NULL);
	sigprocmask(SIG_SETMASK, &inherited_mask, NULL);
}

static bool inherited_ignored(int s)
{
	return !(inherited[s].sa_flags & SA_SIGINFO) && inherited[s].sa_handler == SIG_IGN;
}

/* Makes the event loop's wait4 return soon (EINTR): the wake signal does not restart. */
static void wake_in(long ns)
{
	struct itimerspec its = {.it_value = {ns / 1000000000L, ns % 1000000000L}};

	if (have_wake)
		timer_settime(wake, 0, &its, NULL);
}

void sig_wake_within(long ns)
{
	struct itimerspec cur;

	if (!have_wake || timer_gettime(wake, &cur) < 0)
		return;
	long left = cur.it_value.tv_sec * 1000000000L + cur.it_value.tv_nsec;
	if (left == 0 || left > ns)
		wake_in(ns);
}

static void on_signal(int signo, siginfo_t *si, void *ctx)
{
	int saved = errno;

	(void)ctx;
	int head = __atomic_load_n(&ring_head, __ATOMIC_RELAXED);
	ring[head % RING] = (struct sig_note){signo, si->si_code, si->si_pid};
	/* Handlers block every signal, so only the event loop reads concurrently. */
	__atomic_store_n(&ring_head, head + 1, __ATOMIC_RELEASE);
	/* Within wait4 the wake's EINTR ends the wait; just before it, the wake still comes. */
	wake_in(1000000);
	woke = 1;
	errno = saved;
}

static void on_wake(int signo)
{
	(void)signo;
	woke = 1;
}

bool sig_woken(void)
{
	if (!woke)
		return false;
	woke = 0;
	return true;
}

static int handle(int s, bool restart)
{
	struct sigaction sa = {.sa_sigaction = on_signal, .sa_flags = SA_SIGINFO};

	if (restart)
		sa.sa_flags |= SA_RESTART;
	sigfillset(&sa.sa_mask);
	return sigaction(s, &sa, NULL) < 0 ? -errno : 0;
}

static int make_wake(void)
{
	struct sigaction sa = {.sa_handler = on_wake}; /* no SA_RESTART: it is the point */
	struct sigevent sev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGRTMIN};

	if (sigaction(SIGRTMIN, &sa, NULL) < 0 || timer_create(CLOCK_MONOTONIC, &sev, &wake) < 0)
		return -errno;
	have_wake = true;
	return 0;
}

static const int fatal[] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM};
/*
 * What ptrc passes on to the command by default, as a process supervisor does.
 * Not SIGUSR1: that one asks ptrc for its hang report (dump_live.c).
 */
static const int forwarded[] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR2};

int sig_setup(struct tracer *t)
{
	unsigned mode = t->cfg->interruptible;
	int rc = make_wake();

	/* Writes to a closed pipe are errors ptrc reports, not a death. */
	signal(SIGPIPE, SIG_IGN);
	if (rc < 0)
		return rc;
	/* The hang report of every traced thread, in every mode; the run goes on. */
	rc = handle(SIGUSR1, true);
	if (rc < 0)
		return rc;
	if (mode == SIG_INTR_NEVER || mode == SIG_INTR_NEVER_TSTP) {
		for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
			signal(fatal[i], SIG_IGN);
		if (mode == SIG_INTR_NEVER_TSTP)
			signal(SIGTSTP, SIG_IGN);
		return 0;
	}
	bool forward = !t->attach_mode && mode == SIG_INTR_DEFAULT;
	const int *set = forward ? forwarded : fatal;
	size_t n = forward ? sizeof(forwarded) / sizeof(forwarded[0])
			   : sizeof(fatal) / sizeof(fatal[0]);
	for (size_t i = 0; i < n && rc == 0; i++)
		/*
		 * nohup's SIGHUP stays ignored, in ptrc as in the command it launches; a
		 * signal that detaches (-p) is taken whatever ptrc inherited, as strace does.
		 */
		if (t->attach_mode || !inherited_ignored(set[i]))
			rc = handle(set[i], forward);
	return rc;
}

static int64_t ms_since(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000;
}

void sig_note_delivery(struct tracer *t, int signo, int code, pid_t from)
{
	struct sig_state *ss = &t->sig;
	struct sig_seen *s = &ss->seen[ss->nseen++ % SIG_SEEN];

	s->signo = signo;
	s->code = code;
	s->from = from;
	clock_gettime(CLOCK_MONOTONIC, &s->when);
}

/* Whether a tracee got signo from the same sender lately: the job had it too. */
static bool job_got_it(const struct tracer *t, const struct sig_pending *p,
		       const struct timespec *now)
{
	const struct sig_state *ss = &t->sig;

	for (unsigned i = 0; i < SIG_SEEN && i < ss->nseen; i++) {
		const struct sig_seen *s = &ss->seen[i];
		if (s->signo == p->signo && s->from == p->from && s->code == p->code &&
		    ms_since(&s->when, now) < SEEN_WINDOW_MS)
			return true;
	}
	return false;
}

/* Whether signo waits in the command's pending sets (it blocks the signal). */
static bool pending_in(pid_t pid, int signo)
{
	char path[64], line[256];
	bool found = false;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		unsigned long long mask;
		if ((sscanf(line, "SigPnd: %llx", &mask) == 1 ||
		     sscanf(line, "ShdPnd: %llx", &mask) == 1) &&
		    (mask >> (signo - 1)) & 1)
			found = true;
	}
	fclose(f);
	return found;
}

static void take(struct tracer *t, const struct sig_note *n)
{
	struct sig_state *ss = &t->sig;

	if (n->signo == SIGUSR1) {
		t->dump_live = true;
		return;
	}
	/*
	 * Under a policy a tracee must not end its tracing: in attach mode a SIGINT
	 * from a traced task to ptrc (its TracerPid) would detach and drop the policy.
	 */
	if (t->pol.policy && n->code <= 0 && n->from > 0 && task_find(t, n->from)) {
		if (!t->said_tracee_signal)
			tracer_msg("signal %d from traced task %d ignored: a policy is in force",
				   n->signo, (int)n->from);
		t->said_tracee_signal = true;
		return;
	}
	if (t->attach_mode || t->cfg->interruptible != SIG_INTR_DEFAULT) {
		t->stop_signal = n->signo; /* detach, or stop as strace would */
		return;
	}
	/* A terminal's ^C or ^\ went to the whole foreground group, the job with it. */
	if (n->code == SI_KERNEL || !t->child || t->child_done || ss->npending == SIG_PENDING)
		return;
	struct sig_pending *p = &ss->pending[ss->npending++];
	p->signo = n->signo;
	p->code = n->code;
	p->from = n->from;
	clock_gettime(CLOCK_MONOTONIC, &p->deadline);
	p->deadline.tv_nsec += FORWARD_WAIT_MS * 1000000L;
	if (p->deadline.tv_nsec >= 1000000000L) {
		p->deadline.tv_sec++;
		p->deadline.tv_nsec -= 1000000000L;
	}
}

/* Decides each signal waiting for its evidence: the job got it, or it is forwarded. */
static void decide(struct tracer *t)
{
	struct sig_state *ss = &t->sig;
	struct timespec now;
	unsigned k = 0;
	int64_t soonest = -1;

	clock_gettime(CLOCK_MONOTONIC, &now);
	for (unsigned i = 0; i < ss->npending; i++) {
		struct sig_pending *p = &ss->pending[i];
		int64_t left = -ms_since(&p->deadline, &now);
		if (job_got_it(t, p, &now) || t->child_done)
			continue;
		if (left > 0) {
			ss->pending[k++] = *p;
			soonest = soonest < 0 || left < soonest ? left : soonest;
			continue;
		}
		if (!pending_in(t->child, p->signo) && kill(t->child, p->signo) < 0 &&
		    errno != ESRCH)
			tracer_msg("cannot pass signal %d on to %d: %s", p->signo, (int)t->child,
				   strerror(errno));
	}
	ss->npending = k;
	if (soonest >= 0)
		sig_wake_within((soonest + 1) * 1000000L);
}

int sig_after_fork(void)
{
	/* POSIX timers are the process's own: the parent's id means nothing here. */
	have_wake = false;
	return make_wake();
}

void sig_poll(struct tracer *t)
{
	while (ring_tail != (unsigned)__atomic_load_n(&ring_head, __ATOMIC_ACQUIRE))
		take(t, &ring[ring_tail++ % RING]);
	if (t->sig.npending)
		decide(t);
}

_Noreturn void sig_die_of(int signo, int fallback_status)
{
	struct rlimit none = {0, 0};
	sigset_t set;

	/* The command's death, not a core of ptrc's own. */
	setrlimit(RLIMIT_CORE, &none);
	signal(signo, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, signo);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(signo);
	exit(fallback_status);
}
