/* The Landlock ruleset of a launched job under a policy (landlock.c). */
#ifndef PTRC_CORE_LANDLOCK_H
#define PTRC_CORE_LANDLOCK_H

struct tracer;

/*
 * Builds the ruleset when the job gets one (a policy in deny or kill mode, a
 * command, Landlock ABI 2 or later) and says once what the kernel enforces
 * and what only ptrace checks; says why not when Landlock is missing.
 * Returns 0, or -errno when --landlock=yes cannot be had (said).
 */
int landlock_plan(struct tracer *t);
/* In the launched child, before the seccomp filter: restricts itself.  0 or -errno. */
int landlock_child(const struct tracer *t);
void landlock_free(struct tracer *t);

#endif
