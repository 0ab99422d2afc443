/* The seccomp-bpf filter of a launched job: which calls stop (seccomp.c). */
#ifndef PTRC_CORE_SECCOMP_H
#define PTRC_CORE_SECCOMP_H

#include <stdbool.h>

struct tracer;

/*
 * Decides whether the launched command gets a filter, and compiles it: the
 * policy's, with the calls the trace selects trapped too.  Says why not
 * when --seccomp-bpf was asked for and cannot be had.  Returns 0.
 */
int seccomp_plan(struct tracer *t);
/* In the launched child, just before execve: installs the filter.  0 or -errno. */
int seccomp_child(const struct tracer *t);
void seccomp_free(struct tracer *t);

#endif
