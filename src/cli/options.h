/* Command-line options, parsed once into a read-only configuration. */
#ifndef PTRC_CLI_OPTIONS_H
#define PTRC_CLI_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "out/policy_report.h"
#include "out/summary.h"
#include "unwind/unwind.h"
#include "sys/filter.h"

struct inject_spec;

/* -e status= outcomes. */
enum {
	STATUS_SUCCESSFUL = 1 << 0,
	STATUS_FAILED = 1 << 1,
	STATUS_UNFINISHED = 1 << 2,
	STATUS_UNAVAILABLE = 1 << 3,
	STATUS_DETACHED = 1 << 4,
};

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

enum policy_act { POLICY_ACT_REPORT, POLICY_ACT_DENY, POLICY_ACT_KILL };

/* -e read=SET, -e write=SET: the descriptors whose data is dumped (fds below 1024). */
enum { FDSET_MAX = 1024 };
struct fdset {
	bool any; /* some fd is in the set */
	uint64_t bits[FDSET_MAX / 64];
};

/* strace's --decode-pids set: the last option given sets it. */
enum {
	DECODE_PIDS_COMM = 1 << 0,  /* -Y: a pid with its process's name */
	DECODE_PIDS_PIDNS = 1 << 1, /* --pidns-translation: and its number in ptrc's namespace */
};

/* strace's --quiet set. */
enum {
	QUIET_ATTACH = 1 << 0,		/* "Process N attached", "detached" */
	QUIET_PERSONALITY = 1 << 1,	/* "[ Process PID=N runs in 32 bit mode. ]" */
	QUIET_EXIT = 1 << 2,		/* "+++ exited with N +++" */
	QUIET_THREAD_EXECVE = 1 << 3,	/* "+++ superseded by execve in pid N +++" */
	QUIET_PATH_RESOLUTION = 1 << 4, /* -P's resolution messages (ptrc prints none) */
	QUIET_ALL = (1 << 5) - 1,
};

/* -t, -tt, -ttt and --absolute-timestamps: which clock the stamp shows. */
enum ts_format { TS_NONE, TS_CLOCK, TS_UNIX };

/* A seccomp filter for a filtered launch: when it helps (default), asked for, or never. */
enum seccomp_bpf_use { SECCOMP_BPF_AUTO, SECCOMP_BPF_YES, SECCOMP_BPF_NO };

struct config {
	unsigned follow; /* -f: 1, -ff: 2 */
	bool separately; /* --output-separately: with -f, -ff */
	bool append;	 /* -A: -o files are appended to */
	const char *outfile;
	unsigned strsize;	  /* -s */
	unsigned acolumn;	  /* -a */
	unsigned quiet;		  /* QUIET_*: what -q, -qq, -qqq, --quiet=SET leave out */
	unsigned qcount;	  /* -q given this many times */
	bool quiet_given;	  /* --quiet=SET */
	unsigned xflag;		  /* -x: 1, -xx: 2 */
	unsigned tflag;		  /* -t: 1, -tt: 2, -ttt: 3 */
	enum ts_format ts_format; /* from -t... or --absolute-timestamps */
	uint8_t ts_digits;	  /* digits of a second after the point: 0, 3, 6, 9 */
	bool ts_given;		  /* --absolute-timestamps */
	bool rflag;		  /* -r: relative timestamps */
	uint8_t rel_digits;	  /* -r's precision (default 6: microseconds) */
	bool Tflag;		  /* -T: time spent in syscalls */
	uint8_t dur_digits;	  /* -T's precision (default 6) */
	bool verbose;		  /* -v */
	unsigned xstyle;	  /* -X: enum const_style (raw, abbrev, verbose) */
	bool nflag;		  /* -n: syscall numbers */
	unsigned yflag;		  /* -y: 1 descriptor paths, -yy: 2 with socket endpoints */
	unsigned cflag;		  /* -c: 1 (summary only), -C: 2 (trace and summary) */
	bool wflag;		  /* -w: summary of wall-clock latency */
	enum summary_sort sort;	  /* -S */
	struct summary_layout summary_layout; /* -U */
	uint64_t overhead_ns;		      /* -O */
	unsigned status_mask;		      /* -e status=, -z, -Z; 0 means every outcome */
	char **paths;			      /* -P, owned */
	size_t npaths;
	uint64_t sigmask[2]; /* -e signal=: bit n-1 set when signal n is shown */
	char **env;	     /* -E VAR=VAL or -E VAR (unset), pointing into argv */
	size_t nenv;
	const char *user; /* -u */
	enum color_mode color;
	enum color_mode status_line;  /* --status-line: auto, always or never, as --color */
	bool json;		      /* --json: JSON Lines instead of strace's text */
	bool story;		      /* the story of the run is collected (core/story.c) */
	unsigned summary_top;	      /* --summary-top N: files per line of the tree, 0: default */
	bool story_print;	      /* --summary-tree: and printed as the tree at the end */
	bool trace_given;	      /* -e trace= was used */
	unsigned kflag;		      /* -k: print each syscall's stack */
	enum unwind_backend unwinder; /* --unwinder=libdw|libunwind */
	bool crash_handled;	      /* --crash-handled: report handled fault signals too */
	bool py_stacks;		      /* --py-stacks: -k with the Python frames alone */
	bool dump;		      /* --dump: report where each -p thread is, then detach */
	bool iflag;		      /* -i: the instruction pointer on each line */
	bool detach_on_exec;	      /* -b execve: let a task go when it calls execve */
	unsigned decode_pids;	      /* DECODE_PIDS_*: -Y, --decode-pids=, --pidns-translation */
	struct inject_spec *injects;  /* -e inject= and -e fault=, in order (cli/inject.h) */
	size_t ninjects;
	bool no_py_frames;		  /* --py-frames=no: CPython's eval loop as native frames */
	unsigned interruptible;		  /* -I: enum sig_interruptible, 0 for ptrc's default */
	unsigned last_syscalls;		  /* --last-syscalls N; 0 means the default */
	enum seccomp_bpf_use seccomp_bpf; /* --seccomp-bpf[=yes|no] */
	enum seccomp_bpf_use landlock;	  /* --landlock[=yes|no]: the same three choices */
	enum seccomp_bpf_use spin_wait;	  /* --spin-wait[=yes|no] (core/spin.h) */
	const char *policy_file;	  /* --policy */
	const char *timeline_file;	  /* --timeline */
	struct fdset dump_read, dump_write; /* -e read=, -e write= */
	enum policy_act policy_action;	    /* --policy-action */
	const char *learn_file;		    /* --learn */
	const char *seccomp_file;	    /* --seccomp-profile */
	const char *report_file;	    /* --policy-report */
	enum report_format report_format;   /* --policy-format */
	bool report_format_given;
	const char *page_file; /* --report: the run as one HTML page */
	/*
	 * -D, -DD, -DDD or --daemonize=: the tracer runs as the command's detached
	 * grandchild (enum daemon_mode); dcount counts the -D's, for strace's limit.
	 */
	unsigned daemonize, dcount;
	bool daemonize_long;
	pid_t *pids; /* -p, owned */
	size_t npids;
	char **argv; /* the command, pointing into main's argv */
	struct sysfilter trace;
};

enum daemon_mode { DAEMON_OFF, DAEMON_GRANDCHILD, DAEMON_PGROUP, DAEMON_SESSION };

enum cli_result {
	CLI_RUN,  /* trace as configured */
	CLI_EXIT, /* -h or -V was handled: exit 0 */
};

/*
 * Parses argv into cfg.  Returns CLI_RUN or CLI_EXIT, or -EINVAL after
 * printing a one-line message for a usage error (exit 64).
 */
int cli_parse(struct config *cfg, int argc, char **argv);
void cli_free(struct config *cfg);
/* True when signal sig's "--- SIG ---" lines are selected by -e signal=. */
bool cli_signal_shown(const struct config *cfg, int sig);

#endif
