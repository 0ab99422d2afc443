/*
 * ptrc's exit statuses: the one list, which docs/usage.md and docs/ptrc.1
 * describe.  Otherwise ptrc exits with the traced command's own status.
 */
#ifndef PTRC_EXIT_STATUS_H
#define PTRC_EXIT_STATUS_H

enum ptrc_exit {
	PTRC_EXIT_OK = 0,	   /* -p: detached, or every attached process ended */
	PTRC_EXIT_FAILURE = 1,	   /* -p attached nothing; ptrc could not start or write */
	PTRC_EXIT_USAGE = 64,	   /* a bad option or value, a policy that does not parse */
	PTRC_EXIT_OUTPUT = 74,	   /* the trace could not be written (the command exited 0) */
	PTRC_EXIT_VIOLATION = 86,  /* --policy: the command made calls the policy forbids */
	PTRC_EXIT_NOT_EXEC = 126,  /* the command was found but cannot be executed */
	PTRC_EXIT_NOT_FOUND = 127, /* the command was not found */
	PTRC_EXIT_SIGNAL = 128,	   /* + N: the command was killed by signal N */
};

#endif
