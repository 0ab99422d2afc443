/* The policy mode in the event loop: enforce (--policy), learn (--learn), export. */
#ifndef PTRC_CORE_POLICY_HOOK_H
#define PTRC_CORE_POLICY_HOOK_H

#include <stdbool.h>
#include <stdint.h>

#include "exit_status.h"

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
/* Counts a violation of the current call for the end-of-run summary. */
void policy_hook_count(struct tracer *t, struct task *task, const struct policy_verdict *v);
/* "report", "deny" or "kill": what --policy-action makes ptrc do. */
const char *policy_hook_action_name(const struct tracer *t);
/* The end of the run: summary, learned policy, exported profile.  Returns the exit status. */
int policy_hook_finish(struct tracer *t, int status);
void policy_hook_free(struct tracer *t);

#endif
