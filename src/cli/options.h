/* Command-line options, parsed once into a read-only configuration. */
#ifndef PTRC_CLI_OPTIONS_H
#define PTRC_CLI_OPTIONS_H

#include <stdbool.h>
#include <sys/types.h>

#include "sys/filter.h"

/* ptrc's own exit status for a usage error (sysexits' EX_USAGE). */
enum { PTRC_EXIT_USAGE = 64 };

struct config {
	unsigned follow; /* -f: 1, -ff: 2 */
	const char *outfile;
	unsigned strsize; /* -s */
	unsigned acolumn; /* -a */
	unsigned quiet;	  /* -q: 1, -qq: 2 */
	unsigned xflag;	  /* -x: 1, -xx: 2 */
	unsigned tflag;	  /* -t: 1, -tt: 2, -ttt: 3 */
	bool rflag;	  /* -r: relative timestamps */
	bool Tflag;	  /* -T: time spent in syscalls */
	bool verbose;	  /* -v */
	pid_t *pids;	  /* -p, owned */
	size_t npids;
	char **argv; /* the command, pointing into main's argv */
	struct sysfilter trace;
};

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

#endif
