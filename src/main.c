#include <errno.h>
#include <stdlib.h>

#include "cli/options.h"
#include "core/dump.h"
#include "core/signals.h"
#include "core/tracer.h"
#include "exit_status.h"

int main(int argc, char **argv)
{
	struct config cfg;
	struct tracer t;
	int rc, die_of = 0;

	/* Before anything changes them: the command inherits these. */
	sig_save_inherited();
	rc = cli_parse(&cfg, argc, argv);
	if (rc < 0 || rc == CLI_EXIT) {
		cli_free(&cfg);
		return rc < 0 ? PTRC_EXIT_USAGE : 0;
	}
	rc = tracer_init(&t, &cfg);
	if (rc < 0) {
		/* A policy that does not parse is a usage error; anything else failed. */
		rc = rc == -EINVAL ? PTRC_EXIT_USAGE : PTRC_EXIT_FAILURE;
		goto out_cli;
	}
	if (cfg.dump) {
		rc = tracer_dump(&t);
		goto out_tracer;
	}
	if (cfg.daemonize) {
		/* -D: only the tracer, the grandchild, comes back (-p's processes in it). */
		rc = tracer_launch_daemon(&t, cfg.argv);
		if (rc)
			goto out_tracer;
	} else {
		/* -p and a command, as strace: the running processes, then the command too. */
		if (cfg.npids && tracer_attach_all(&t) == 0) {
			rc = PTRC_EXIT_FAILURE;
			goto out_tracer;
		}
		if (cfg.argv[0]) {
			rc = tracer_launch(&t, cfg.argv);
			if (rc)
				goto out_tracer;
		}
	}
	rc = tracer_loop(&t);
	/* Under -D nobody waits for ptrc: the command's own death is the shell's to see. */
	die_of = t.daemon ? 0 : t.exit_signal;
out_tracer:
	tracer_fini(&t);
out_cli:
	cli_free(&cfg);
	if (die_of)
		sig_die_of(die_of, rc);
	return rc;
}
