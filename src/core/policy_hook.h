/* The policy mode in the event loop: enforce (--policy), learn (--learn), export. */
#ifndef PTRC_CORE_POLICY_HOOK_H
#define PTRC_CORE_POLICY_HOOK_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "exit_status.h"

struct arena;
struct tracer;
struct task;

/* Loads the policy and prepares learning; prints the error and returns -errno. */
int policy_hook_init(struct tracer *t);
struct policy_verdict;
/*
 * At a syscall entry (or a seccomp stop) of a visible task: records the call
 * for --learn and returns true when the policy does not allow it, with the
 * rule in v.  What is done about it is the caller's (syscall.c).
 */
bool policy_hook_check(struct tracer *t, struct task *task, struct policy_verdict *v);
/*
 * At PTRACE_EVENT_EXEC of an execve whose entry was judged: judges the program the kernel
 * really ran (the path it copied to the new stack, AT_EXECFN, as caller ran it, or the file
 * it mapped when that path leads elsewhere now), which a racing thread may have changed
 * after the check.  True when the policy does not allow
 * it, with the rule in v and the program in v->leads_to.
 */
/*
 * The program the kernel ran for tgid's exec (/proc/PID/exe) when it is neither the file path
 * leads to now nor that script's interpreter: a path switched back after the exec.  NULL when
 * they agree or it cannot tell.
 */
const char *exec_ran_other(pid_t tgid, const char *path, struct arena *ar);
bool policy_hook_recheck_exec(struct tracer *t, struct task *task, unsigned word_size,
			      const char *caller, struct policy_verdict *v);
/* Counts a violation of the current call for the end-of-run summary. */
void policy_hook_count(struct tracer *t, struct task *task, const struct policy_verdict *v);
/*
 * --policy-report: keeps the facts of the current call's violation (its decoded call and
 * the source line its stack names), after the stack was walked; the first REPORT_KEEP.
 */
void policy_hook_record(struct tracer *t, struct task *task, const struct policy_verdict *v);
struct strbuf;
/* The report of every violation kept, in --policy-format's format (policy_report.c). */
void policy_hook_report(struct tracer *t, struct strbuf *sb);
void policy_hook_report_free(struct tracer *t);
/* "report", "deny" or "kill": what --policy-action makes ptrc do. */
const char *policy_hook_action_name(const struct tracer *t);
/*
 * The end of the run: summary, report, learned policy, exported profile.  Returns the exit
 * status: 86 when there was any violation, whatever the command's own status; else a file
 * that could not be written makes it 74 when it would be 0 (t->output_lost), and a learned
 * policy that does not parse 1.
 */
int policy_hook_finish(struct tracer *t, int status);
void policy_hook_free(struct tracer *t);

#endif
