/* Integration harness: run a tracer (ptrc, or strace to validate the tests) on a test
 * program and check the trace against the lines the program stated (testprogs/expect.h).
 *
 * The tracer is $PTRC_TRACER if set, else $PTRC_DEFAULT_TRACER (set by CTest to the ptrc
 * that was built).  Test programs are in $PTRC_TESTPROGS.  Every run has a timeout; every
 * process a test starts runs in a process group that it_fini() kills.
 */
#ifndef PTRC_IT_HARNESS_H
#define PTRC_IT_HARNESS_H

#include <stdbool.h>
#include <sys/types.h>

#define IT_TIMEOUT 30

enum it_layout {
	IT_LAYOUT_SINGLE,   /* -o FILE without -f: no pid prefix */
	IT_LAYOUT_PREFIXED, /* -f -o FILE: "PID  " before each line */
	IT_LAYOUT_PERFILE,  /* -ff -o FILE: FILE.PID per process, no prefix */
	IT_LAYOUT_STDERR,   /* -f without -o: "[pid  N] " while several tasks live */
};

struct it_run {
	char dir[64];	  /* private temporary directory */
	char trace[96];	  /* DIR/trace: pass as "@TRACE" in argv */
	char expect[96];  /* DIR/expect: $PTRC_EXPECT of the program */
	const char *path; /* $PATH for the tracer, or NULL to keep it */
	bool as_nobody;	  /* run the tracer as uid/gid 65534 through setpriv */
	int stdin_fd;	  /* the tracer's stdin, or -1 for /dev/null */
	int stdout_fd;	  /* the tracer's stdout, or -1 for DIR/stdout (read into out) */
	bool keep_group;  /* it_wait() leaves the tracer's process group alone */
	/* In the tracer's child before anything else (signal dispositions, a terminal). */
	void (*before_exec)(void);
	pid_t pid;  /* the tracer, while it runs */
	pid_t pgid; /* its process group, killed by it_fini() */
	int status; /* its wait status */
	bool timed_out;
	char *out, *err; /* its stdout and stderr */
};

const char *it_tracer(void);
bool it_tracer_is_strace(void);
/* "ptrc" or "strace": how the tracer names itself in messages. */
const char *it_tracer_name(void);
const char *it_prog(const char *name);

/* it_init(RUN_PTR) then it_run() with the tracer arguments given. */
#define IT_RUN(run, ...)                                                                           \
	do {                                                                                       \
		it_init(run);                                                                      \
		const char *const argv_[] = {__VA_ARGS__, NULL};                                   \
		it_run(run, argv_);                                                                \
	} while (0)

/* Set up R (a temporary directory); remembered for it_fini(). */
void it_init(struct it_run *r);
/* Start the tracer with ARGV (after the tracer's own name), "@TRACE" replaced. */
void it_start(struct it_run *r, const char *const *argv);
/* Wait for it, at most TIMEOUT seconds; on timeout kill its group.  Returns false on timeout. */
bool it_wait(struct it_run *r, int timeout);
/* it_start + it_wait, and fail the test if it timed out. */
void it_run(struct it_run *r, const char *const *argv);

/* Check the trace against the program's expectations: fails the test with the first line
 * that is missing and the task's trace around it. */
void it_check(struct it_run *r, enum it_layout layout, int acolumn);
/* The value of "#" record KEY for any task, or NULL. */
char *it_info(struct it_run *r, const char *key);
/* The whole trace file (or FILE.PID), NULL if missing. */
char *it_read_trace(struct it_run *r, const char *suffix);
char *it_read_file(const char *path);
/* The number of the line of testprogs/SRC that holds MARKER (CRASH-LINE...); fails without. */
unsigned it_marker_line(const char *src, const char *marker);
size_t it_count_lines(const char *text);

/* Exit status checks with readable failures. */
void it_assert_exit(struct it_run *r, int code);
/* ptrc: exit 128+SIG; strace (which re-raises) is also accepted with the signal itself. */
void it_assert_signal_exit(struct it_run *r, int sig);
void it_assert_failed(struct it_run *r);

/* Start a program (not traced) in its own process group, stdin from a pipe whose write end is
 * returned in *STDIN_W; killed by it_fini(). */
pid_t it_spawn(const char *const *argv, int *stdin_w);
/* The state letter of /proc/PID/task/TID/stat, '?' if gone. */
char it_task_state(pid_t pid, pid_t tid);
/* TracerPid of a task, -1 if gone. */
int it_tracer_pid(pid_t pid, pid_t tid);
/* Tids of a process; returns the count. */
int it_tasks(pid_t pid, pid_t *tids, int max);
/* Poll until COND(pid, arg) holds; false after IT_TIMEOUT seconds. */
bool it_poll(bool (*cond)(pid_t, long), pid_t pid, long arg);
/* For it_poll(): PID has at least want tasks. */
bool it_has_tasks(pid_t pid, long want);

void it_fini(void);

#endif
