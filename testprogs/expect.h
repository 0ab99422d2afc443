/* The expectation channel: a test program states the trace lines a tracer must print for it.
 *
 * If $PTRC_EXPECT names a file, records are appended to it, one per line:
 *
 *     TID <TAB> KIND <TAB> TEXT
 *
 * KIND is one of:
 *   ~  TEXT is a line the trace must contain for task TID.  The tracer may have split it
 *      into "... <unfinished ...>" and "<... NAME resumed>..." lines, and the spaces before
 *      the "= RESULT" column are not compared.
 *   =  TEXT must appear exactly as one line for TID, after aligning "= RESULT" to the -a
 *      column (TEXT holds a single space there).
 *   #  TEXT is "key=value" information for the harness (for example pid=1234).
 *
 * For each TID, the ~ and = lines must appear in the trace in the order they were stated
 * (a subsequence of that task's lines).  Records are buffered in memory and written with one
 * O_APPEND write by xp_flush(), so that stating expectations adds no syscalls in the middle
 * of the calls under test.  A process must flush before it exits or execs; a forked child
 * starts with an empty buffer.  Lines for a task that cannot speak for itself (a killed
 * child, a vfork child) are stated by its parent after waiting for it.
 */
#ifndef PTRC_TESTPROGS_EXPECT_H
#define PTRC_TESTPROGS_EXPECT_H

#include <stdbool.h>

#include <signal.h>
#include <stddef.h>
#include <sys/types.h>

void xp_init(void);
__attribute__((format(printf, 2, 3))) void xp_line(pid_t tid, const char *fmt, ...);
__attribute__((format(printf, 2, 3))) void xp_exact(pid_t tid, const char *fmt, ...);
__attribute__((format(printf, 3, 4))) void xp_info(pid_t tid, const char *key, const char *fmt,
						   ...);
void xp_flush(void);
/* A call's result as strace prints it: "3", or "-1 EPERM (Operation not permitted)" from
 * errno when n is -1; is_unsigned prints others as unsigned long.  Four rotating buffers. */
const char *xp_result(long n, bool is_unsigned);
/* Makes ioctl(-1, req, arg) and states it as "ioctl(-1, <text>) = -1 EBADF (...)", text
 * being what fmt makes of the request and argument. */
__attribute__((format(printf, 4, 5))) void xp_ioctl_bad_fd(pid_t tid, unsigned long req,
							   unsigned long arg, const char *fmt, ...);
/* A signed result the way strace prints it: "3", or "-1 ENOENT (No such file or directory)". */
static inline const char *xp_res(long n)
{
	return xp_result(n, false);
}
/* A number from /proc/self/status ("PPid: %ld", "TracerPid: %ld"), -1 when unreadable. */
long xp_status_field(const char *format);
/* States "exit_group(CODE) = ?" and "+++ exited with CODE +++" for TID, flushes, exits. */
_Noreturn void xp_exit(pid_t tid, int code);

/* A test program's modes: argv[1] names one. */
struct xp_mode {
	const char *name;
	int (*run)(void);
};
/*
 * Runs the mode argv[1] names (modes ends with a NULL name) and exits with its
 * result through xp_exit(); prints a usage line and exits 2 when it names none.
 */
_Noreturn void xp_main(const char *prog, int argc, char **argv, const struct xp_mode *modes);

/* Signals caught with xp_catch(sig): how many arrived, and the siginfo of the first 8. */
extern volatile sig_atomic_t xp_nsig;
extern siginfo_t xp_siginfos[8];
void xp_catch(int sig);
pid_t xp_gettid(void);

/* "--- SIGCHLD {si_signo=SIGCHLD, ...} ---" for a siginfo received by a handler. */
void xp_clock_ticks(char *buf, size_t size, long ticks);
void xp_siginfo_line(pid_t tid, const siginfo_t *si);
/* strace's name of a signal, "SIGUSR1". */
const char *xp_signame(int sig);
/* Wait until task TID of process PID is in one of the /proc states in STATES (e.g. "S")
 * and, if NR >= 0, blocked in syscall NR.  Gives up (returns -1) after a long while. */
int xp_wait_task_state(pid_t pid, pid_t tid, const char *states, long nr);
/* Count the entries of a NULL-terminated environment. */
int xp_count_env(char *const *envp);

#endif
