/*
 * The live tracer: the task table, the event loop and what it prints.
 * Only core/ calls ptrace.
 */
#ifndef PTRC_CORE_TRACER_H
#define PTRC_CORE_TRACER_H

#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/resource.h>
#include <sys/types.h>

#include "cli/options.h"
#include "crash/lastsc.h"
#include "event/event.h"
#include "mem/tmem.h"
#include "out/policy_report.h"
#include "out/report_page.h"
#include "out/story.h"
#include "out/summary.h"
#include "policy/policy.h"
#include "core/spin.h"
#include "out/text.h"
#include "sys/decode.h"
#include "unwind/unwind.h"
#include "util/arena.h"

/* A thread group: what its threads share. */
struct proc {
	pid_t tgid;
	uint64_t id; /* unique in the run, whatever pids the kernel reuses */
	int refs;
	struct tmem_live live;
	struct tmem mem;
	const struct ptrc_abi *abi;  /* of its last syscall stop */
	char *exe;		     /* the program (proc_exe); owned, NULL until known */
	struct unwind_proc *unwind;  /* -k, crash reports, violations; created on first use */
	uint32_t story;		     /* --summary-tree: its record (index + 1), 0 without */
	struct story_fds *story_fds; /* the story's descriptors (story_fds.c), or NULL */
	unsigned nlive;		     /* its tasks not yet at PTRACE_EVENT_EXIT */
};

enum task_flags {
	TASK_IN_SYSCALL = 1 << 0,   /* between entry and exit stops */
	TASK_PRINTED = 1 << 1,	    /* the current syscall's entry was printed */
	TASK_HIDDEN = 1 << 2,	    /* launched child before its execve: print nothing */
	TASK_LISTENING = 1 << 3,    /* in a group stop, restarted with PTRACE_LISTEN */
	TASK_DETACHING = 1 << 4,    /* interrupted for detach */
	TASK_EXITING = 1 << 5,	    /* PTRACE_EVENT_EXIT seen */
	TASK_DENIED = 1 << 7,	    /* the policy skipped this call; it returns -EPERM */
	TASK_DECODED = 1 << 8,	    /* the current call's entry was decoded */
	TASK_SELECTED = 1 << 6,	    /* the current syscall passed -e trace= and -P */
	TASK_HELD = 1 << 9,	    /* detaching: stopped, detached once every task is */
	TASK_UNANNOUNCED = 1 << 10, /* held in its first stop until its parent's event (early.c) */
	TASK_DETACH_NOW = 1 << 12,  /* -b execve: detached instead of resumed from this stop */
	TASK_DELAYED = 1 << 11,	    /* -e inject=:delay_*: left stopped until resume_at */
};

struct task {
	pid_t tid;
	uint64_t id; /* unique in the run, whatever tids the kernel reuses */
	unsigned flags;
	struct proc *proc;
	struct sc_event ev;
	struct arena ar;
	const char *prev_name;	   /* the previous call's name (static), for restart_syscall */
	int held_sig;		   /* TASK_HELD: the signal to hand back at the detach */
	int early_status;	   /* TASK_UNANNOUNCED: its first stop, not yet dispatched */
	int64_t early_since_ms;	   /* when that stop came (CLOCK_MONOTONIC) */
	struct task *next;	   /* hash chain */
	struct unwind_trace stack; /* -k: walked at entry (in ar), printed after the exit line */
	struct crash_ring last;	   /* the last syscalls, for a crash report */
	struct crash_sc *last_sc;  /* this syscall's record in last */
	struct out_stream *out;	   /* -ff: this thread's own file (ff.c), opened on first use */
	bool out_failed;	   /* -ff: that file could not be opened */
	bool tp_read;		   /* thread_ptr was read and is set (redone after an exec) */
	char lead_comm[16];	   /* -Y: its name, read for each line (exec and prctl change it) */
	uint64_t lead_ip;	   /* -i: the pc of its last stop that prints (a call, a signal) */
	bool lead_ip_known;
	/* -e inject= (inject.c): the spec tampering with this call, its counts, its delay. */
	const struct inject_spec *inject;
	int inject_sig;		 /* sent when the task leaves its stop */
	uint16_t *inject_counts; /* invocations per syscall number of inject_abi */
	unsigned inject_ncounts;
	const struct ptrc_abi *inject_abi;
	struct timespec resume_at; /* TASK_DELAYED: when it goes on (CLOCK_MONOTONIC) */
	uint64_t thread_ptr;	   /* its pthread_self(), for a hang report on old CPythons */
	uint64_t out_used;	   /* -ff: when it was last written, for closing the oldest */
	uint32_t story_task;	   /* its record in its proc's story (index + 1), 0 without */
};

struct policy;
struct policy_learn;
struct policy_rule;

struct violation_count {
	char *name;			/* the syscall; owned */
	char *exe;			/* owned, or NULL */
	const struct policy_rule *rule; /* NULL: the policy's default */
	uint64_t count;
};

/* --policy and --learn (policy_hook.c). */
/* status.c: the live status line on stderr. */
struct status_line {
	bool on, shown;
	bool job_line_open;	   /* the job's last write to fd 1 or 2 did not end its line */
	int64_t start_ns, last_ns; /* CLOCK_MONOTONIC: the run's start, the last redraw */
	uint64_t calls;		   /* syscall entries seen */
	char last_exec[64];	   /* the last program run, its base name */
};

struct policy_state {
	struct policy *policy;
	struct policy_learn *learn;
	struct policy_vars vars; /* ${CWD}, ${HOME}, ${TMPDIR} and $PATH at the start */
	char cwd[PATH_MAX];	 /* vars.cwd points here */
	bool killed;		 /* --policy-action=kill fired */
	struct violation_count *v;
	size_t nv;
	uint64_t total;
	/* --policy-report (policy_report.c): the first REPORT_KEEP violations, their strings in
	 * report_ar, and ptrc's cwd, which files beneath are named relative to. */
	struct report_violation *rv;
	size_t nrv;
	struct arena report_ar;
	char *srcroot;
};

/* signals.c: what ptrc's own signals wait for. */
enum { SIG_SEEN = 16, SIG_PENDING = 8 };
struct sig_seen {
	int signo, code;
	pid_t from;
	struct timespec when;
};
struct sig_pending {
	int signo, code;
	pid_t from;
	struct timespec deadline; /* forwarded then, unless the job got it meanwhile */
};
struct sig_state {
	struct sig_seen seen[SIG_SEEN]; /* the tracees' last signal deliveries */
	unsigned nseen;
	struct sig_pending pending[SIG_PENDING];
	unsigned npending;
};

/* -ff's files (ff.c). */
struct ff_state {
	pid_t *made; /* sorted: the tids whose file this run created */
	size_t nmade, cap;
	unsigned nopen, max_open; /* files open now, and at most */
	uint64_t clock;		  /* counts writes, for task->out_used */
	bool failed_said;
};

struct tracer {
	const struct config *cfg;
	struct sysfilter *trace; /* cfg's, with its lazily built tables */
	struct decode_opts dopt;
	struct text_opts topt;
	struct out_stream out; /* stderr or the -o file */
	struct task **buckets;
	unsigned nbuckets;
	unsigned ntasks;
	unsigned nearly;		     /* tasks TASK_UNANNOUNCED */
	uint64_t last_task_id, last_proc_id; /* ids handed out so far */
	pid_t child;			     /* the launched command, 0 in attach mode */
	int child_status;		     /* its wait status, once it ended */
	bool child_done;
	bool attach_mode;
	/* -D: ptrc is the command's grandchild (daemon.c); its end is reaped last. */
	bool daemon;
	pid_t reap_pid; /* the command's end, printed and not yet reaped (loop.c) */
	/* -o: several tasks as the loop began (-p and a command): every line has its pid. */
	bool many_at_start;
	int ptrace_opts;
	int stop_signal; /* a fatal signal that ends the run (attach mode, -I1/2), or 0 */
	int exit_signal; /* ptrc dies of this at the end: the command's, or stop_signal */
	struct sig_state sig;
	struct timespec last_line; /* for -r */
	uint64_t stop_stime_ns;	   /* system time of the stopped task's process, for -c */
	struct rusage stop_ru;	   /* what wait4 gave for it (-c only) */
	struct spin spin;	   /* how long the next wait polls before it blocks */
	struct summary summary;
	struct story story;	  /* --summary-tree (story.c) */
	struct timespec story_t0; /* the run's start, for its offsets */
	struct policy_state pol;
	struct status_line status;
	/* seccomp.c: the launched job's filter; on: only trapped calls stop. */
	struct {
		bool on;
		struct policy_bpf bpf;
	} sc;
	/* timeline.c: --timeline's stream. */
	struct {
		bool on, first, failed;
		int fd;
		struct strbuf buf;
		struct timespec t0;
	} tl;
	/* report_page.c: --report's crash reports and violations, kept for the page. */
	struct {
		struct report_list crashes, violations;
		struct timespec started; /* CLOCK_REALTIME at the start, for the page */
		bool written;
	} rp;
	/* landlock.c: the launched job's ruleset; on: the child restricts itself with fd. */
	struct {
		bool on;
		int fd;
	} ll;
	struct ff_state ff;
	bool lifecycle_quiet;
	bool said_untraced;	 /* a CLONE_UNTRACED was taken out (said once) */
	bool said_tracee_signal; /* a tracee's signal to ptrc was ignored (said once) */
	bool dump_live;		 /* SIGUSR1 came: print the hang report (dump_live.c) */
	unsigned ndelayed;	 /* tasks TASK_DELAYED by -e inject= */
	bool output_lost;	 /* a trace stream could not be written, or calls were lost */
	bool have_syscall_info;	 /* a PTRACE_GET_SYSCALL_INFO succeeded */
	bool syscall_info_lost;	 /* one failed later (said once) */
	bool unsupported;	 /* the kernel cannot report calls: the run ends */
	/* policy runs: no signal or exit lines, but "killed by" */ /* -c, -C */
};

/* tasks.c */
struct task *task_find(struct tracer *t, pid_t tid);
/* Adds a task of thread group tgid (created on first sight). */
struct task *task_add(struct tracer *t, pid_t tid, pid_t tgid);
void task_remove(struct tracer *t, struct task *task);
/* Files a task under a new tid (execve from a non-leader thread). */
void task_retid(struct tracer *t, struct task *task, pid_t tid);
/* Reads a task's thread group id from /proc; -errno when it is gone. */
pid_t task_read_tgid(pid_t tid);
pid_t task_read_status_id(pid_t tid, const char *key);
/* The program a process runs, read from /proc on first need and kept; NULL when unknown. */
const char *proc_exe(struct task *task);
/* Reads the program again (after an exec); gone is not an error. */
void proc_reread_exe(struct task *task);
/* A new process starts with its parent's program (fork, vfork, clone without CLONE_THREAD). */
void proc_inherit_exe(struct proc *child, const struct proc *parent);
/* Calls fn on every task; fn may remove the task it is given. */
void task_for_each(struct tracer *t, void (*fn)(struct tracer *, struct task *, void *), void *arg);

/* ff.c: -ff's file for a task, opened (or opened again) for writing now. */
struct out_stream *ff_stream(struct tracer *t, struct task *task);
void ff_close(struct tracer *t, struct task *task);
/* execve from a non-leader thread: the exec'ing task writes on in the leader's file. */
void ff_take_over(struct tracer *t, struct task *execer, struct task *leader);
void ff_free(struct tracer *t);

/* report.c: where and how a task's lines are printed. */
struct out_stream *task_stream(struct tracer *t, struct task *task);
struct text_lead task_lead(struct tracer *t, struct task *task);
/* Whether a task's lines are printed: not before its execve, not with -c. */
bool task_visible(const struct tracer *t, const struct task *task);
/* Whether "Process N attached/detached" messages are wanted (not -q, not --json). */
bool tracer_chatty(const struct tracer *t);
/* Says once that a stream could not be written (the run then exits PTRC_EXIT_OUTPUT). */
void tracer_check_output(struct tracer *t, struct out_stream *s);
/* Messages for the user, on stderr: "ptrc: Process 12 attached". */
__attribute__((format(printf, 1, 2))) void tracer_msg(const char *fmt, ...);

/* launch.c / attach.c */
int tracer_launch(struct tracer *t, char **argv);
/*
 * -D: the calling process becomes the command and returns only in the tracer,
 * its grandchild: 0 there, or the exit status to end with.
 */
int tracer_launch_daemon(struct tracer *t, char **argv);
int tracer_attach_all(struct tracer *t);
void tracer_detach_all(struct tracer *t);

/* loop.c */
int tracer_init(struct tracer *t, struct config *cfg);
int tracer_loop(struct tracer *t);
void tracer_fini(struct tracer *t);
/* Acts on one wait status of a traced task. */
void tracer_dispatch(struct tracer *t, pid_t pid, int status);

/* early.c: a task whose first stop came before its parent's fork/clone event. */
void early_hold(struct tracer *t, struct task *task, int status);
/* The parent's event came: announce the task as made by parent, then dispatch its stop. */
void early_claim(struct tracer *t, struct task *task, int how, const struct task *parent);
/* It will not come (the task ended, or waited too long): announced as "unknown". */
void early_announce_unknown(struct tracer *t, struct task *task);
/* The task goes without being announced (detach, end of run). */
void early_forget(struct tracer *t, struct task *task);
/* Every turn of the event loop: lets go of tasks held too long. */
void early_poll(struct tracer *t);
/* tasks.c: resumes a task (PTRACE_SYSCALL, or PTRACE_CONT under the policy's filter). */
void task_resume(struct tracer *t, struct task *task, int sig);

/* syscall.c */
void on_syscall_stop(struct tracer *t, struct task *task);
/* At a PTRACE_EVENT_SECCOMP stop: the policy check of the fast path. */
void on_seccomp_stop(struct tracer *t, struct task *task);
/* The task ended (or execve replaced it) inside a syscall: print "= ?". */
void syscall_abandon(struct tracer *t, struct task *task);

/* emit.c: events to text or JSON; callers have decided they are shown. */
void emit_sc_entry(struct tracer *t, struct task *task);
/* The end of the call, or "= ?" when task->ev.exited is false. */
void emit_sc_exit(struct tracer *t, struct task *task);
/* -e read=, -e write=: the data a shown call moved through a descriptor of the set. */
void iodump_exit(struct tracer *t, struct task *task);
void emit_sc_detached(struct tracer *t, struct task *task);
void emit_signal(struct tracer *t, struct task *task, int sig, const struct val *siginfo);
void emit_group_stop(struct tracer *t, struct task *task, int sig);
void emit_task_end(struct tracer *t, struct task *task, int status);
void emit_superseded(struct tracer *t, struct task *leader, pid_t old_tid);
void emit_exec(struct tracer *t, struct task *task, const struct ptrc_abi *abi, pid_t former_tid);
void emit_task_start(struct tracer *t, struct task *task, int how, const struct task *parent);
void emit_personality(struct tracer *t, struct task *task, const struct ptrc_abi *abi);
void emit_summary(struct tracer *t);
struct policy_verdict;
void emit_violation(struct tracer *t, struct task *task, const struct policy_verdict *verdict,
		    const char *action);
void emit_policy_summary(struct tracer *t);
struct crash_report;
void emit_crash(struct tracer *t, struct task *task, const struct crash_report *rep);
/* The frames walked for task's current call (task->stack), as -k prints them. */
void emit_stack(struct tracer *t, struct task *task);

/* fdpaths.c: -y; arguments [from, to) and, when with_ret, the result. */
void fdpaths_annotate(struct tracer *t, struct task *task, unsigned from, unsigned to,
		      bool with_ret);
/* decenv.c: the live facts a decoder may ask of task's descriptors and the host. */
void decenv_init(struct dec_env *env, struct task *task);
/* pidcomm.c: -Y, the names of the processes a decoded call's pids name. */
void pidcomm_annotate(struct tracer *t, struct task *task, unsigned from, unsigned to,
		      bool with_ret);
/* /proc/PID/comm into buf; false when pid is not a live process or thread. */
bool pid_comm(pid_t pid, char *buf, size_t len);

/* select.c */
bool select_by_path(const struct tracer *t, const struct task *task);
/* status: STATUS_* of a call that did not return, or 0 to use ev's result. */
bool select_by_status(const struct tracer *t, const struct sc_event *ev, unsigned status);

/* events.c */
void on_ptrace_event(struct tracer *t, struct task *task, int event);
void on_signal_stop(struct tracer *t, struct task *task, int sig);
void on_task_end(struct tracer *t, struct task *task, int status);

/* story.c: --summary-tree's records, at the lifecycle's events. */
void story_init(struct tracer *t);
void story_proc_new(struct tracer *t, struct proc *p);
void story_task_new(struct tracer *t, struct task *task);
void story_task_start(struct tracer *t, struct task *task, const struct task *parent);
void story_exec(struct tracer *t, struct task *task);
/* At PTRACE_EVENT_EXIT, before TASK_EXITING is set; story_task_gone at its removal. */
void story_task_exiting(struct tracer *t, struct task *task);
/* story_pipe.c: a SIGPIPE's likely cause, the reader of the pipe that let go last. */
/* The pipe's inode when fd of tid is one with that access mode (O_RDONLY...), else 0. */
uint64_t story_pipe_of(pid_t tid, int fd, int mode);
/* pid let go of the reading side of pipe ino (a close), or of each it held (its end). */
void story_pipe_let_go(struct story *s, uint64_t ino, pid_t pid, int64_t end_ns);
void story_pipe_readers_end(struct story *s, pid_t pid, pid_t tid, int64_t end_ns);
/* The kernel's SIGPIPE to r: the pipes it writes to; story_pipe_settle finds the reader. */
void story_pipe_sigpipe(struct story_proc *r, pid_t tid);
void story_pipe_settle(struct story *s);
/* Fills r's left_open from /proc/TID/fd (story_open.c), leaving out s->launch_fds. */
void story_read_left_open(struct story *s, struct story_proc *r, pid_t tid);
/* ptrc's descriptors a launched command inherits, in left_open's form; owned, or NULL. */
char *story_launch_fds(void);
void story_task_gone(struct tracer *t, struct task *task);
void story_task_end(struct tracer *t, struct task *task, int status);
void story_sc_exit(struct tracer *t, struct task *task, bool error, int64_t ret);
/* status.c: --status-line; status_clear_any() for tracer_msg, which has no tracer. */
void status_init(struct tracer *t);
void status_tick(struct tracer *t);
void status_clear(struct status_line *s);
void status_clear_any(void);
void status_syscall_entry(struct tracer *t, const struct task *task);
void status_exec(struct tracer *t, const char *exe);
void status_end(struct tracer *t);
/* syscall.c: at PTRACE_EVENT_EXEC, the policy on the program the kernel really ran. */
void policy_exec_check(struct tracer *t, struct task *task, unsigned word_size, const char *caller);
/* story_fds.c: bytes per file and endpoint; file: an open's story file (index + 1), or 0. */
void story_fds_exit(struct tracer *t, struct task *task, bool error, int64_t ret, uint32_t file);
void story_fds_exec(struct proc *p);
void story_fds_free(struct proc *p);
/* The path argument of a call that opens a file (a descriptor back, a path in), or -1. */
int story_opened_path(const struct sysent *e);
/* Whether --summary-tree needs the call's exit (the job's filter stops at it). */
bool story_wants(const struct tracer *t, const struct sysent *e);
/* A signal on its way to task: who sent it, when another process did (si_code <= 0). */
void story_signal(struct tracer *t, struct task *task, int sig, const siginfo_t *si);
/* A crash report was printed for task's process. */
struct crash_report;
void story_crash(struct tracer *t, struct task *task, const struct crash_report *rep);
/* At the end of the run (also a detach, Ctrl-C): ends what never ended; idempotent. */
void story_settle(struct tracer *t);
/* --summary-tree: the tree, settled, where the trace goes. */
void emit_story(struct tracer *t);

/* debug.c: -k stacks and crash reports (src/unwind, src/crash). */
void debug_proc_free(struct proc *p);
void debug_task_init(struct tracer *t, struct task *task);
void debug_task_free(struct task *task);
void debug_sc_record(struct tracer *t, struct task *task);
void debug_sc_walk(struct tracer *t, struct task *task);
/* inject.c: -e inject= and -e fault= */
/*
 * At a call's entry, after the policy and before its line: counts it and tampers
 * with it when asked.  True when poke_enter= changed the memory its arguments show.
 */
bool inject_entry(struct tracer *t, struct task *task);
/* At its exit: the injected result (true: ev->ret is it), the signal and delay to come. */
bool inject_exit(struct tracer *t, struct task *task);
/* Resumes the delayed tasks that are due; arms the wake for the others. */
void inject_poll(struct tracer *t);
void inject_task_free(struct tracer *t, struct task *task);
/* oom.c: --summary-tree's OOM evidence, taken when a process starts or execs. */
struct story_proc;
void oom_mark(struct story_proc *r, pid_t pid);
/* Whether an OOM kill counter rose since the mark (its cgroup's, else the system's). */
bool oom_rose(const struct story_proc *r);
/* The process's unwinder, made on first use. */
struct unwind_proc *debug_unwinder(struct tracer *t, struct proc *p);
/* Exit stop of a printed syscall, before its line: the walk an exec leaves for its exit. */
void debug_sc_exit_walk(struct tracer *t, struct task *task);
/* Walks the stack whatever -k says (a policy violation); the trace lives in task->ar. */
void debug_walk_now(struct tracer *t, struct task *task);
void debug_sc_exit(struct tracer *t, struct task *task, int64_t ret, bool is_error);
void debug_sc_print_stack(struct tracer *t, struct task *task);
void debug_exec(struct task *task);
void debug_signal(struct tracer *t, struct task *task, const siginfo_t *si);

#endif
