/*
 * --summary-tree and --report: the story of a run, one record per process
 * (thread group) that outlives the tracer's own proc.  Pure data and its
 * formatters: the tracer (core/story.c) fills the records, this prints them.
 */
#ifndef PTRC_OUT_STORY_H
#define PTRC_OUT_STORY_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/strbuf.h"

/* Syscalls shown per process; files per line of the tree by default (--summary-top) and at
 * most. */
enum { STORY_TOP = 5, STORY_FILES_TOP = 10, STORY_FILES_TOP_MAX = 1000 };

/* One syscall's count in one process; names are static (the syscall table's). */
struct story_count {
	const char *name; /* NULL: a number ptrc has no name for */
	uint32_t calls, errors;
};

enum story_end {
	STORY_UNKNOWN, /* the run ended before it did, or its end was not seen */
	STORY_RUNNING, /* attach mode: detached, it runs on */
	STORY_EXITED,
	STORY_KILLED,
};

/* Calls that moved data through a descriptor, and the bytes they moved. */
struct story_io {
	uint32_t reads, writes;
	uint64_t rbytes, wbytes;
};

/*
 * A file a process opened (or failed to), by the path it gave; or, with no open of its
 * own (opens 0), one it used through a descriptor it inherited, by the kernel's path.
 */
struct story_file {
	char *path; /* owned */
	uint32_t opens, fails;
	int err;	    /* the errno of its last failed open */
	uint32_t last_fail; /* the process's open count at that failure: the latest first */
	struct story_io io;
};

/*
 * A socket endpoint a process used, as -yy names it: its protocol ("TCP", "UDPv6",
 * "UNIX"...), its own address and its peer's (NULL: none, a listening or bound socket).
 */
struct story_net {
	char proto[16];
	char *local, *peer; /* owned */
	struct story_io io;
};

/* A socket call that failed with the address it was given: connect to 127.0.0.1:1. */
struct story_netfail {
	const char *call; /* static: the syscall table's */
	char *addr;	  /* owned */
	int err;
	uint32_t count;
};

enum { STORY_NETS_MAX = 256 }; /* endpoints, and failed calls, kept per process */

enum { STORY_FILES_MAX = 1024 }; /* distinct paths kept per process */

/* One task (thread) of a process: when it started and ended, since the run's start. */
struct story_task {
	pid_t tid;
	int64_t start_ns, end_ns; /* end_ns < 0 until it ends */
};

enum { STORY_TASKS_MAX = 256 }; /* tasks kept per process, the first ones */

/* A signal a process received (a delivery stop): how often, and who sent the last one. */
struct story_sig {
	int sig;
	uint32_t count;
	pid_t from; /* a process (kill, tgkill, sigqueue; itself too), or 0: the kernel */
};

struct story_proc {
	pid_t pid;
	uint32_t parent; /* index + 1 of the parent's record; 0: a root */
	char *cmd;	 /* the last program's argv, printable and capped; owned, or NULL */
	char *progs;	 /* programs exec'd, oldest first, '\n'-separated; owned, or NULL */
	int64_t start_ns, end_ns;   /* since the run's start; end_ns < 0 until it ends */
	int64_t utime_ns, stime_ns; /* < 0: unknown */
	int64_t hwm_kib;	    /* peak RSS; < 0: unknown */
	uint32_t threads;	    /* tasks it had in all, the first one too */
	enum story_end end;
	int code;  /* STORY_EXITED: the exit code; STORY_KILLED: the signal */
	bool core; /* STORY_KILLED: core dumped */
	/* Why it ended, where the trace shows it: who sent the signal it died of (a pid, 0 when
	 * unknown or the kernel), and whether ptrc printed a crash report for it. */
	pid_t killed_by;
	int killer_sig; /* the signal killed_by sent */
	bool crash_report;
	bool likely_oom; /* SIGKILL while an OOM kill counter rose (core/oom.c) */
	char *full_fs;	 /* SIGBUS in a file mapping on this full filesystem (/dev/shm); owned */
	/* The kernel's SIGPIPE: the pipes it was writing to then, and the traced process
	 * whose end of their reading side came last, at that time (core/story_pipe.c);
	 * pipe_reader 0 when none is known. */
	uint64_t sigpipe_ino[4];
	uint8_t nsigpipe_ino;
	pid_t pipe_reader;
	int64_t pipe_reader_end_ns;
	/* The OOM counters when it started or exec'd: its memory cgroup's (that file,
	 * owned, or NULL) and the system's; -1 when unreadable. */
	char *memcg_events;
	int64_t oom_memcg_base, oom_vmstat_base;
	bool sampled;
	struct story_count *calls; /* unsorted; owned */
	uint32_t ncalls, cap;
	struct story_file *files; /* in the order first opened; owned */
	uint32_t nfiles, capfiles, files_dropped;
	uint32_t opens;		  /* every open it made, for story_file.last_fail */
	struct story_task *tasks; /* in the order they started, STORY_TASKS_MAX at most; owned */
	uint32_t ntasks, captasks;
	struct story_sig *sigs; /* in the order first received; owned */
	uint32_t nsigs;
	struct story_net *nets; /* in the order first seen; owned */
	uint32_t nnets, capnets, nets_dropped;
	struct story_netfail *netfails; /* in the order first seen; owned */
	uint32_t nnetfails, capnetfails;
	/* The descriptors above 2 still open at its end, "FD\tdescription\n" each in
	 * directory order (core/story_open.c), some of nleft_open; owned, or NULL. */
	char *left_open;
	uint32_t nleft_open;
};

/* A pipe's reading side as a traced process last let go of it (core/story_pipe.c). */
struct story_pipe_end {
	uint64_t ino; /* 0: a free slot */
	pid_t pid;
	int64_t end_ns;
};

enum { STORY_PIPES_MAX = 1 << 16 }; /* pipes kept, a hash by inode; later ones are not */

struct story {
	struct story_proc *p; /* by creation order; owned */
	uint32_t n, cap;
	bool partial;	    /* only the calls -e trace= selected stopped (the seccomp filter) */
	bool io_counted;    /* reads and writes were counted (every call stopped) */
	unsigned files_top; /* --summary-top: files shown per line; 0: STORY_FILES_TOP */
	bool color;	    /* --color: ANSI bold names, red bad ends, dim offsets */
	char *launch_fds;   /* what a launched command inherited from ptrc; owned, or NULL */
	struct story_pipe_end *pipes; /* open addressing, cappipes a power of 2; owned */
	uint32_t npipes, cappipes;
};

/* Adds a record (zeroed but for pid; unknowns set); returns its index + 1. */
uint32_t story_add(struct story *s, pid_t pid, int64_t start_ns);
/* An open of path (err: 0, or the errno it failed with) by record id; returns the file's
 * index + 1, or 0 when the record keeps no more files. */
uint32_t story_file(struct story *s, uint32_t id, const char *path, int err);
/* The file of record id at path with no open of its own (an inherited descriptor's),
 * found or added; index + 1, or 0 (story_io.c). */
uint32_t story_file_used(struct story *s, uint32_t id, const char *path);
/* The endpoint of record id, found or added (peer NULL: none); index + 1, or 0. */
uint32_t story_net(struct story *s, uint32_t id, const char *proto, const char *local,
		   const char *peer);
/* A failed socket call of record id with the address it gave. */
void story_netfail(struct story *s, uint32_t id, const char *call, const char *addr, int err);
/* A read (bytes > 0 into the tracee) or write counted on io. */
void story_io_add(struct story_io *io, bool reads, uint64_t bytes);
/* "network:" and "failed:" lines of a process, and "written:" (story_io.c). */
void story_net_lines(struct strbuf *sb, const struct story_proc *p, unsigned indent);
void story_written_line(struct strbuf *sb, const struct story_proc *p, unsigned indent);
void story_left_open_line(struct strbuf *sb, const struct story_proc *p, unsigned indent);
/* "12 B", "3.4 KiB", "1.2 MiB", "5.0 GiB". */
void story_bytes_text(char *buf, size_t len, uint64_t bytes);
void story_free_net(struct story_proc *p);
/* A task of record id starts; returns its index + 1 in tasks, or 0 past STORY_TASKS_MAX. */
uint32_t story_add_task(struct story *s, uint32_t id, pid_t tid, int64_t start_ns);
/* Task k (index + 1) of record id ends, known by tid now (an exec may have changed it). */
void story_end_task(struct story *s, uint32_t id, uint32_t k, pid_t tid, int64_t end_ns);
/* A signal delivered to record id; from: its sender, 0 for the kernel. */
void story_add_signal(struct story *s, uint32_t id, int sig, pid_t from);
/* At the end: a task whose end was not seen ended with its process (when that did). */
void story_settle_tasks(struct story *s);
/* One syscall exit of record id (index + 1). */
void story_count(struct story *s, uint32_t id, const char *name, bool error);
/* "exit 3", "killed by SIGSEGV (core dumped)", "still running", "unknown". */
void story_end_text(const struct story_proc *p, char *buf, size_t len);
/* The text summary, wrapped to 80 columns. */
void story_format(const struct story *s, struct strbuf *sb);
/* {"type":"summary_tree",...} (json_story.c). */
void json_story(struct strbuf *sb, const struct story *s);
/* Indices of p's top n calls by count (then name) into top; returns how many. */
unsigned story_top(const struct story_proc *p, uint32_t *top, unsigned n);
void story_free(struct story *s);

#endif
