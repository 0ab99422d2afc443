/*
 * ptrc's own signals.  The launched command inherits ptrc's dispositions and
 * mask as ptrc found them (saved first thing in main, restored in the child
 * before exec).  By default a signal sent to ptrc alone is forwarded to the
 * command, and one that the command got too (a terminal's ^C, a signal to the
 * process group) is left to it: ptrc goes on tracing until the job ends.  -I
 * gives strace's behaviour instead; in attach mode a fatal signal detaches.
 */
#ifndef PTRC_CORE_SIGNALS_H
#define PTRC_CORE_SIGNALS_H

#include <stdbool.h>
#include <sys/types.h>

struct tracer;

/* strace's -I: 0 is ptrc's own default (forward, see above). */
enum sig_interruptible {
	SIG_INTR_DEFAULT = 0,
	SIG_INTR_ANYWHERE = 1,	/* a fatal signal stops ptrc (attach: detaches) */
	SIG_INTR_WAITING = 2,	/* the same, as ptrc never decodes with signals pending */
	SIG_INTR_NEVER = 3,	/* fatal signals are ignored by ptrc */
	SIG_INTR_NEVER_TSTP = 4 /* and SIGTSTP too */
};

/* First thing in main: what the command must inherit. */
void sig_save_inherited(void);
/* In the launched child, before exec: async-signal-safe. */
void sig_restore_inherited(void);
/* Installs ptrc's handlers for its mode; 0 or -errno. */
int sig_setup(struct tracer *t);
/* Every turn of the event loop: acts on the signals ptrc received (cheap when none). */
void sig_poll(struct tracer *t);
/* In a forked child that goes on as the tracer: its own wake timer.  0 or -errno. */
int sig_after_fork(void);
/* Whether a signal or the wake came since last asked (a spinning wait polls this). */
bool sig_woken(void);
/* Makes the event loop's wait end within ns nanoseconds (or sooner, if already due). */
void sig_wake_within(long ns);
/* A tracee's signal-delivery stop: evidence that a signal reached the job. */
void sig_note_delivery(struct tracer *t, int signo, int code, pid_t from);
/* The end: when the command died of signal N (returned), ptrc should die of it too. */
_Noreturn void sig_die_of(int signo, int fallback_status);

#endif
