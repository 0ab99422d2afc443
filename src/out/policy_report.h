/*
 * --policy-report: every violation of a run, written at its end as a file a CI system
 * shows (docs/policy.md, "Reports"):
 *
 *   text    testprogs/job.c:53: pid 7762 /work/job: getppid(); rule ci.policy:4: deny getppid
 *   json    {"version":1,"policy":..,"action":..,"srcroot":..,"violations":[..],"total":N}
 *   sarif   SARIF 2.1.0, one run, one rule per policy rule that fired (GitHub code scanning)
 *   github  ::error file=testprogs/job.c,line=53,title=ptrc policy violation::getppid() in ...
 *
 * Pure: facts in, text appended to a strbuf; the core captures the facts at each
 * violation (src/core/policy_report.c) and writes the file.
 */
#ifndef PTRC_OUT_POLICY_REPORT_H
#define PTRC_OUT_POLICY_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../unwind/unwind.h"
#include "../util/strbuf.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_SARIF, REPORT_GITHUB };

/* The violations a report holds in full; the rest are counted (total). */
enum { REPORT_KEEP = 1000 };

/* Where the code that made the call is: a source line of its stack. */
struct report_where {
	const char *file; /* absolute, or relative when its base is unknown; NULL: no line known */
	unsigned line;
	const char *func; /* or NULL */
	bool python;	  /* a CPython frame */
};

struct report_violation {
	int pid;
	const char *exe;       /* the calling program, or NULL */
	const char *syscall;   /* its name */
	const char *call;      /* decoded, as the trace's violation line: "openat(AT_FDCWD, ...)" */
	const char *action;    /* "report", "deny" or "kill" */
	unsigned rule_line;    /* 0: the policy's default decided */
	const char *rule_text; /* the rule as written; NULL for the default */
	const char *leads_to;  /* where a path argument led that its name does not say, or NULL */
	struct report_where where;
};

struct report {
	const char *policy;   /* the policy file, as given */
	const char *action;   /* --policy-action */
	const char *srcroot;  /* absolute (ptrc's cwd): files beneath it are named relative to it */
	const char *version;  /* ptrc's */
	const char *info_uri; /* SARIF's tool.driver.informationUri */
	const struct report_violation *v;
	size_t n;	/* kept, at most REPORT_KEEP */
	uint64_t total; /* every violation of the run */
};

/* "text", "json", "sarif", "github"; 0, or -EINVAL for another name. */
int policy_report_parse_format(const char *name, enum report_format *out);
/* The whole report in format f. */
void policy_report_format(struct strbuf *sb, const struct report *r, enum report_format f);

/*
 * The frame a report names as the code that made the call, or NULL when no frame has a
 * source line.  Innermost first, the best kind wins: a file beneath srcroot (the job's
 * own code, what an annotation can point at), then a Python frame, then the program's own
 * native code (module exe), then any absolute source path, then any.  Files named "<...>"
 * (Python's frozen modules) are not sources.  cwd is the caller's working directory, which
 * a relative Python file name is relative to; NULL when unknown.
 */
const struct unwind_frame *policy_report_pick(const struct unwind_trace *st, const char *srcroot,
					      const char *exe, const char *cwd);
/*
 * A frame's file as a report keeps it: a relative Python file joined to cwd, and "."
 * and ".." folded as text (no link is followed).  A relative native file (DWARF names
 * relative to a build directory it does not give, like glibc's "../sysdeps/...") stays.
 */
void policy_report_path(struct strbuf *out, const char *file, bool python, const char *cwd);

#endif
