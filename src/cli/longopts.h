/*
 * ptrc's option table: every long option, ptrc's and strace 6.1's, with the
 * code options.c's parser switches on.  Data only.
 */
#ifndef PTRC_CLI_LONGOPTS_H
#define PTRC_CLI_LONGOPTS_H

#include <getopt.h>

enum {
	OPT_COLOR = 256,
	OPT_JSON,
	OPT_SUMMARY_TREE,
	OPT_POLICY,
	OPT_POLICY_ACTION,
	OPT_POLICY_REPORT,
	OPT_POLICY_FORMAT,
	OPT_LEARN,
	OPT_SECCOMP_PROFILE,
	OPT_UNWINDER,
	OPT_CRASH_HANDLED,
	OPT_PY_STACKS,
	OPT_DUMP,
	OPT_DECODE_PIDS,
	OPT_PY_FRAMES,
	OPT_LAST_SYSCALLS,
	OPT_INTERRUPTIBLE,
	OPT_SECCOMP_BPF,
	OPT_LANDLOCK,
	OPT_SPIN_WAIT,
	OPT_TIMELINE,
	OPT_PIDNS,
	OPT_REPORT,
	OPT_TIMESTAMPS,
	OPT_RELATIVE,
	OPT_SYSCALL_TIMES,
	OPT_STRINGS_IN_HEX,
	OPT_OUTPUT_SEPARATELY,
	OPT_STATUS_LINE,
	OPT_SUMMARY_TOP,
	OPT_DAEMONIZE,
	OPT_UNSUPPORTED, /* strace's options ptrc does not have: said so, by name */
	OPT_QUALIFIER,	 /* + index into qualifiers[]: --NAME=VALUE is -e NAME=VALUE */
};

/* strace's -e qualifiers that have a long option of their own (OPT_QUALIFIER + index). */
extern const char *const cli_qualifiers[];
extern const unsigned cli_nqualifiers;
extern const struct option cli_long_opts[];
/* The short options, getopt's way. */
extern const char cli_short_opts[];

#endif
