/*
 * JSON Lines output: one JSON object per event, ending with '\n'.  Pure:
 * events and values in, text appended to a strbuf out; the caller writes
 * the line to its stream.  docs/json.md documents every object and
 * docs/json-schema.json is its schema.
 *
 * Strings: valid UTF-8 is written as a JSON string.  Bytes that are not
 * valid UTF-8 (or buffers decoded as binary) make the value an object
 * {"hex": "00ff..."} holding every byte, so no line is ever invalid and no
 * byte is lost.  A truncated string is {"str": "...", "truncated": true}.
 */
#ifndef PTRC_OUT_JSON_H
#define PTRC_OUT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "../event/event.h"
#include "../util/strbuf.h"

/* Bumped on incompatible changes; every "header" line carries it (docs/json.md). */
enum { JSON_SCHEMA_VERSION = 2 };

struct unwind_trace;
struct summary;

/* The fields every event line starts with. */
struct json_head {
	pid_t pid;	    /* thread group id */
	pid_t tid;	    /* thread id */
	uint64_t proc;	    /* the process's id, unique in the run; 0 leaves it out */
	uint64_t task;	    /* the thread's id, unique in the run; 0 leaves it out */
	struct timespec ts; /* CLOCK_REALTIME of the event; {0, 0} leaves "ts" out */
};

/* --- Values (json_val.c) --- */

/* A JSON string literal of s; bytes of invalid UTF-8 become U+FFFD. */
void json_str(struct strbuf *sb, const char *s, size_t n);
/* A NUL-terminated string, or null for NULL. */
void json_cstr(struct strbuf *sb, const char *s);
/* Bytes as a string value: "text", {"str":..,"truncated":true} or {"hex":..}. */
void json_bytes(struct strbuf *sb, const char *s, size_t n, bool trunc, bool binary);
/* A decoded value; see docs/json.md for each kind's form. */
void json_val(struct strbuf *sb, const struct val *v);
/* A date as an ISO 8601 string in UTC: "2026-11-28T08:18:06.183747282Z". */
void json_date(struct strbuf *sb, int64_t sec, uint32_t nsec);
/* A signal's name ("SIGSEGV"), or its number when it has none. */
void json_signame(struct strbuf *sb, int sig);
/* A wait status's members, without braces: "how":"exited","code":3 (docs/json.md). */
void json_wstatus_members(struct strbuf *sb, int wait_status);
/* A VAL_ARRAY or VAL_INDEXED (json_list.c). */
void json_list_val(struct strbuf *sb, const struct val *v);
/* A VAL_HWADDR, VAL_IFINDEX or VAL_ERRNO (json_net.c). */
void json_net_val(struct strbuf *sb, const struct val *v);
/* Seconds and nanoseconds as a JSON number with 6 decimals: 1700000000.123456. */
void json_time(struct strbuf *sb, const struct timespec *ts);

/* --- Events (json_event.c); each appends one whole line --- */

/* The first line of a stream: {"type":"header","schema":1,"ptrc":"0.1.0"}. */
void json_header(struct strbuf *sb, const char *ptrc_version);
/*
 * A syscall, entry and exit together.  ev->exited == false gives "ret": null
 * (a call that never returned: exit_group, a task that died inside it).
 * stack is NULL unless frames were collected.
 */
void json_syscall(struct strbuf *sb, const struct json_head *h, const struct sc_event *ev,
		  const struct unwind_trace *stack);
/* A signal delivered to the task; siginfo may be NULL when unreadable. */
void json_signal(struct strbuf *sb, const struct json_head *h, int sig, const struct val *siginfo);
struct json_exec {
	const char *exe;  /* the new program, or NULL when unknown */
	const char *abi;  /* its ABI's name */
	const char *argv; /* its arguments as /proc/PID/cmdline holds them, or NULL */
	size_t argv_len;  /* bytes of argv, NULs included */
	const char *cwd;  /* its working directory, or NULL */
	pid_t former_tid; /* a non-leader thread that exec'd, or 0 */
};

/* A successful execve. */
void json_exec(struct strbuf *sb, const struct json_head *h, const struct json_exec *e);

enum json_start {
	JSON_START_LAUNCH, /* the command ptrc started */
	JSON_START_ATTACH, /* -p */
	JSON_START_FORK,
	JSON_START_VFORK,
	JSON_START_CLONE,   /* a thread, or clone() without SIGCHLD semantics */
	JSON_START_UNKNOWN, /* its parent's event never came (the parent was killed) */
};

/* A new task; parent_tid 0 when there is none (launch, attach), parent_task its id. */
void json_task_start(struct strbuf *sb, const struct json_head *h, enum json_start how,
		     pid_t parent_tid, uint64_t parent_task);
/* A task ended: wait_status as waitpid returned it; exe its program, or NULL. */
void json_task_exit(struct strbuf *sb, const struct json_head *h, int wait_status, const char *exe);
struct crash_report;
/* A fatal signal's report (json_crash.c): the fault, registers, code, stack, last calls. */
void json_crash(struct strbuf *sb, const struct json_head *h, const struct crash_report *r);

struct json_violation {
	const char *action;    /* "report", "deny" or "kill": what ptrc did */
	const char *exe;       /* the calling program, or NULL */
	const char *rule_file; /* the deny rule, or NULL for the policy's default */
	unsigned rule_line;
	const char *rule_text;
	const char *leads_to; /* where a path argument led that its name does not say, or NULL */
};

/* A syscall the policy does not allow, with the decoded call and its stack. */
void json_violation(struct strbuf *sb, const struct json_head *h, const struct sc_event *ev,
		    const struct json_violation *v, const struct unwind_trace *stack);

/* The -c counts: {"type":"summary","abis":[{"abi":..,"syscalls":[..]}]}. */
void json_summary(struct strbuf *sb, const struct summary *s);

struct json_violation_count {
	const char *syscall;
	const char *exe; /* or NULL */
	const char *rule_file;
	unsigned rule_line; /* 0 with rule_file NULL: the default */
	uint64_t count;
};

/* The end-of-run policy summary. */
void json_policy_summary(struct strbuf *sb, const struct json_violation_count *items, size_t n,
			 const char *action);

/* --- Pieces of event lines, for the files that write events --- */

/* {"type":TYPE,"ts":..,"pid":..,"tid":..,"proc":..,"task":.. and the line's end "}\n". */
void json_begin(struct strbuf *sb, const char *type, const struct json_head *h);
void json_end(struct strbuf *sb);
/* ,"name":..,"abi":..,"nr":..,"args":[..] and ,"ret":..,"errno":.. of a call. */
void json_call_members(struct strbuf *sb, const struct sc_event *ev);
void json_ret_members(struct strbuf *sb, const struct sc_event *ev);
/* ,"KEY":path (bytes kept), or null. */
void json_path_member(struct strbuf *sb, const char *key, const char *path);
/* ,"KEY":"SIGSEGV" (or the number). */
void json_signal_member(struct strbuf *sb, const char *key, int sig);

/* --- Stacks (json_stack.c) --- */

/* "stack": [frames] and, for a cut walk, "stack_truncated": reason (with a leading comma). */
void json_stack_member(struct strbuf *sb, const struct unwind_trace *t);

#endif
