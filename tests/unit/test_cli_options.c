/* Option parsing: values, expressions, usage errors. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>

#include "cli/options.h"

static int parse(struct config *cfg, char **argv)
{
	int argc = 0;

	while (argv[argc])
		argc++;
	return cli_parse(cfg, argc, argv);
}

Test(cli, basic_values, .init = cr_redirect_stderr)
{
	struct config cfg;
	char *argv[] = {"ptrc", "-f", "-s", "64", "-a", "20", "-qq",
			"-o",	"x",  "--", "ls", "-l", NULL};

	cr_assert_eq(parse(&cfg, argv), CLI_RUN);
	cr_assert_eq(cfg.follow, 1);
	cr_assert_eq(cfg.strsize, 64);
	cr_assert_eq(cfg.acolumn, 20);
	cr_assert_eq(cfg.quiet, 2);
	cr_assert_str_eq(cfg.outfile, "x");
	cr_assert_str_eq(cfg.argv[0], "ls");
	cr_assert_str_eq(cfg.argv[1], "-l");
	cli_free(&cfg);
}

Test(cli, pids_repeat_and_commas, .init = cr_redirect_stderr)
{
	struct config cfg;
	char *argv[] = {"ptrc", "-p", "12,13", "-p", "14", NULL};

	cr_assert_eq(parse(&cfg, argv), CLI_RUN);
	cr_assert_eq(cfg.npids, 3);
	cr_assert_eq(cfg.pids[0], 12);
	cr_assert_eq(cfg.pids[2], 14);
	cli_free(&cfg);
}

Test(cli, usage_errors, .init = cr_redirect_stderr)
{
	struct config cfg;
	char *bad_opt[] = {"ptrc", "-Q", "ls", NULL};
	char *bad_pid[] = {"ptrc", "-p", "12abc", NULL};
	char *nothing[] = {"ptrc", NULL};
	char *both[] = {"ptrc", "-p", "1", "ls", NULL};
	char *ff[] = {"ptrc", "-ff", "ls", NULL};
	char *bad_s[] = {"ptrc", "-s", "-1", "ls", NULL};

	cr_assert_lt(parse(&cfg, bad_opt), 0);
	cli_free(&cfg);
	cr_assert_lt(parse(&cfg, bad_pid), 0);
	cli_free(&cfg);
	cr_assert_lt(parse(&cfg, nothing), 0);
	cli_free(&cfg);
	cr_assert_lt(parse(&cfg, both), 0);
	cli_free(&cfg);
	cr_assert_lt(parse(&cfg, ff), 0);
	cli_free(&cfg);
	cr_assert_lt(parse(&cfg, bad_s), 0);
	cli_free(&cfg);
}

Test(cli, signal_and_status_sets, .init = cr_redirect_stderr)
{
	struct config cfg;
	char *argv[] = {"ptrc", "-e", "signal=!SIGUSR1,TERM", "-e", "status=failed,unfinished",
			"ls",	NULL};

	cr_assert_eq(parse(&cfg, argv), CLI_RUN);
	cr_assert_not(cli_signal_shown(&cfg, 10));
	cr_assert_not(cli_signal_shown(&cfg, 15));
	cr_assert(cli_signal_shown(&cfg, 2));
	cr_assert_eq(cfg.status_mask, STATUS_FAILED | STATUS_UNFINISHED);
	cli_free(&cfg);
}

Test(cli, z_and_summary_flags, .init = cr_redirect_stderr)
{
	struct config cfg;
	char *argv[] = {"ptrc", "-z", "-C", "-w", "-S", "calls", "-yy", "-n", "ls", NULL};

	cr_assert_eq(parse(&cfg, argv), CLI_RUN);
	cr_assert_eq(cfg.status_mask, STATUS_SUCCESSFUL);
	cr_assert_eq(cfg.cflag, 2);
	cr_assert(cfg.wflag);
	cr_assert_eq(cfg.sort, SORT_CALLS);
	cr_assert_eq(cfg.yflag, 2);
	cr_assert(cfg.nflag);
	cli_free(&cfg);
}
