/* Option parsing: values, expressions, usage errors. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <errno.h>
#include <string.h>

#include "cli/inject.h"
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
	cr_assert_eq(cfg.quiet, QUIET_ATTACH | QUIET_PERSONALITY | QUIET_EXIT, "-qq is strace's");
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
	char *dump_cmd[] = {"ptrc", "--dump", "ls", NULL};
	char *ff[] = {"ptrc", "-ff", "ls", NULL};
	char *bad_s[] = {"ptrc", "-s", "-1", "ls", NULL};

	cr_assert_lt(parse(&cfg, bad_opt), 0);
	cli_free(&cfg);
	cr_assert_lt(parse(&cfg, bad_pid), 0);
	cli_free(&cfg);
	cr_assert_lt(parse(&cfg, nothing), 0);
	cli_free(&cfg);
	cr_assert_lt(parse(&cfg, dump_cmd), 0, "--dump reports on -p processes, not a command");
	cli_free(&cfg);
	cr_assert_lt(parse(&cfg, ff), 0);
	cli_free(&cfg);
	cr_assert_lt(parse(&cfg, bad_s), 0);
	cli_free(&cfg);
}

/* --spin-wait: on unless asked not to, and only yes or no. */
Test(cli, spin_wait, .init = cr_redirect_stderr)
{
	struct config cfg;
	char *dflt[] = {"ptrc", "ls", NULL};
	char *no[] = {"ptrc", "--spin-wait=no", "ls", NULL};
	char *bad[] = {"ptrc", "--spin-wait=maybe", "ls", NULL};

	cr_assert_eq(parse(&cfg, dflt), CLI_RUN);
	cr_assert_neq(cfg.spin_wait, SECCOMP_BPF_NO);
	cli_free(&cfg);
	cr_assert_eq(parse(&cfg, no), CLI_RUN);
	cr_assert_eq(cfg.spin_wait, SECCOMP_BPF_NO);
	cli_free(&cfg);
	cr_assert_lt(parse(&cfg, bad), 0);
	cli_free(&cfg);
}

/* -p and a command: both, as strace 6.1 traces them. */
Test(cli, pid_and_command_together)
{
	struct config cfg;
	char *both[] = {"ptrc", "-p", "1", "ls", NULL};

	cr_assert_geq(parse(&cfg, both), 0);
	cr_assert_eq(cfg.npids, 1);
	cr_assert_str_eq(cfg.argv[0], "ls");
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

/* strace's long spellings mean what strace's do; -e qualifiers have a long form of their own. */
Test(cli, strace_long_options, .init = cr_redirect_stderr)
{
	struct config cfg;
	char *a1[] = {"ptrc",
		      "--trace=openat",
		      "--absolute-timestamps=unix,ns",
		      "--relative-timestamps=ms",
		      "--syscall-times=ns",
		      "--quiet=exit,thread-execve",
		      "--strings-in-hex=non-ascii",
		      "--decode-fds=all",
		      "--no-abbrev",
		      "ls",
		      NULL};

	cr_assert_eq(parse(&cfg, a1), CLI_RUN);
	cr_expect(cfg.trace_given);
	cr_expect_eq(cfg.ts_format, TS_UNIX);
	cr_expect_eq(cfg.ts_digits, 9);
	cr_expect(cfg.rflag);
	cr_expect_eq(cfg.rel_digits, 3);
	cr_expect(cfg.Tflag);
	cr_expect_eq(cfg.dur_digits, 9);
	cr_expect_eq(cfg.quiet, QUIET_EXIT | QUIET_THREAD_EXECVE);
	cr_expect_eq(cfg.xflag, 1);
	cr_expect_eq(cfg.yflag, 2);
	cr_expect(cfg.verbose);
	cli_free(&cfg);

	char *a2[] = {"ptrc", "-ttt", "-q", "-e", "quiet=!exit", "ls", NULL};
	cr_assert_eq(parse(&cfg, a2), CLI_RUN);
	cr_expect_eq(cfg.ts_format, TS_UNIX);
	cr_expect_eq(cfg.ts_digits, 6);
	cr_expect_eq(cfg.quiet, QUIET_ALL & ~QUIET_EXIT, "-e quiet=!exit, and -q's attach with it");
	cli_free(&cfg);

	char *a3[] = {"ptrc", "-t", "--absolute-timestamps=format:time,precision:ms", "ls", NULL};
	cr_assert_eq(parse(&cfg, a3), CLI_RUN);
	cr_expect_eq(cfg.ts_format, TS_CLOCK);
	cr_expect_eq(cfg.ts_digits, 3);
	cli_free(&cfg);
}

/* No abbreviation, and what ptrc does not have is refused by name, in one line. */
Test(cli, abbreviations_and_unsupported_options_are_refused, .init = cr_redirect_stderr)
{
	static char *refused[][5] = {
		{"ptrc", "--trace-p=x", "ls", NULL},
		{"ptrc", "--follow", "ls", NULL},
		{"ptrc", "-d", "ls", NULL},
		{"ptrc", "--kill-on-exit", "ls", NULL},
		{"ptrc", "-DDDD", "ls", NULL},
		{"ptrc", "--daemonize=bogus", "ls", NULL},
		{"ptrc", "-D", "--daemonize", "ls"},
		{"ptrc", "-D", "-p", "1"},
		{"ptrc", "-e", "read=3", NULL},
		{"ptrc", "--quiet=bogus", "ls", NULL},
		{"ptrc", "--absolute-timestamps=ps", "ls", NULL},
		{"ptrc", "-e", "verbose=none", NULL},
		{"ptrc", "--output-separately", "ls", NULL},
	};
	struct config cfg;

	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		cr_expect_eq(parse(&cfg, refused[i]), -EINVAL, "%s %s", refused[i][1],
			     refused[i][2] ? refused[i][2] : "");
		cli_free(&cfg);
	}
}

/* poke_enter=/poke_exit=: strace's hex pairs (strtol on two characters), each argument once. */
Test(cli, inject_pokes, .init = cr_redirect_stderr)
{
	struct config cfg;
	char *argv[] = {"ptrc", "-e",
			"inject=write:poke_enter=@arg2=4a4b,@arg1=-1:poke_exit=@arg7=0x41", "ls",
			NULL};

	cr_assert_eq(parse(&cfg, argv), CLI_RUN);
	cr_assert_eq(cfg.ninjects, 1);
	const struct inject_spec *s = &cfg.injects[0];
	cr_assert_eq(s->npoke[INJECT_AT_ENTRY], 2);
	cr_expect_eq(s->poke[INJECT_AT_ENTRY][0].arg, 2);
	cr_expect_eq(s->poke[INJECT_AT_ENTRY][0].len, 2);
	cr_expect(!memcmp(s->poke[INJECT_AT_ENTRY][0].data, "JK", 2));
	cr_expect_eq(s->poke[INJECT_AT_ENTRY][1].arg, 1);
	cr_expect_eq(s->poke[INJECT_AT_ENTRY][1].data[0], 0xff,
		     "\"-1\" is 0xff, as strace reads it");
	cr_assert_eq(s->npoke[INJECT_AT_EXIT], 1);
	cr_expect_eq(s->poke[INJECT_AT_EXIT][0].arg, 7);
	cr_expect(!memcmp(s->poke[INJECT_AT_EXIT][0].data, "\0A", 2),
		  "\"0x\" is 0, as strace reads it");
	cli_free(&cfg);
}

/* -D counts up to -DDD; --daemonize= names the same three modes. */
Test(cli, daemonize_modes, .init = cr_redirect_stderr)
{
	static const struct {
		char *argv[5];
		unsigned mode;
	} cases[] = {
		{{"ptrc", "-D", "ls", NULL}, DAEMON_GRANDCHILD},
		{{"ptrc", "-DD", "ls", NULL}, DAEMON_PGROUP},
		{{"ptrc", "-D", "-DD", "ls"}, DAEMON_SESSION},
		{{"ptrc", "--daemonize", "ls", NULL}, DAEMON_GRANDCHILD},
		{{"ptrc", "--daemonize=pgroup", "ls", NULL}, DAEMON_PGROUP},
		{{"ptrc", "--daemonize=session", "ls", NULL}, DAEMON_SESSION},
		{{"ptrc", "ls", NULL, NULL}, DAEMON_OFF},
	};
	struct config cfg;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *argv[5];
		memcpy(argv, cases[i].argv, sizeof(argv));
		cr_assert_eq(parse(&cfg, argv), CLI_RUN, "%s %s", argv[1], argv[2]);
		cr_expect_eq(cfg.daemonize, cases[i].mode, "%s %s", argv[1], argv[2]);
		cli_free(&cfg);
	}
}

/* --policy-report FILE [--policy-format=F]: text by default; each needs the one before it. */
Test(cli, policy_report_options, .init = cr_redirect_stderr)
{
	struct config cfg;
	char *a1[] = {
		"ptrc", "--policy", "p", "--policy-report", "r.sarif", "--policy-format=sarif",
		"ls",	NULL};
	char *a2[] = {"ptrc", "--policy", "p", "--policy-report", "r.txt", "ls", NULL};
	static char *refused[][8] = {
		{"ptrc", "--policy", "p", "--policy-format=json", "ls", NULL},
		{"ptrc", "--policy-report", "r", "ls", NULL},
		{"ptrc", "--learn", "l", "--policy-report", "r", "ls", NULL},
		{"ptrc", "--policy", "p", "--policy-report", "r", "--policy-format=xml", "ls",
		 NULL},
	};

	cr_assert_eq(parse(&cfg, a1), CLI_RUN);
	cr_expect_str_eq(cfg.report_file, "r.sarif");
	cr_expect_eq(cfg.report_format, REPORT_SARIF);
	cli_free(&cfg);
	cr_assert_eq(parse(&cfg, a2), CLI_RUN);
	cr_expect_eq(cfg.report_format, REPORT_TEXT);
	cli_free(&cfg);
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		cr_expect_eq(parse(&cfg, refused[i]), -EINVAL, "case %zu", i);
		cli_free(&cfg);
	}
}

/* --report collects the story without printing the tree; --summary-tree prints it. */
Test(cli, report_collects_the_story, .init = cr_redirect_stderr)
{
	struct config cfg;
	char *report[] = {"ptrc", "--report", "r.html", "ls", NULL};
	char *both[] = {"ptrc", "--summary-tree", "--report", "r.html", "ls", NULL};
	char *dump[] = {"ptrc", "--dump", "--report", "r.html", "-p", "1", NULL};

	cr_assert_eq(parse(&cfg, report), CLI_RUN);
	cr_assert_str_eq(cfg.page_file, "r.html");
	cr_assert(cfg.story && !cfg.story_print);
	cli_free(&cfg);
	cr_assert_eq(parse(&cfg, both), CLI_RUN);
	cr_assert(cfg.story && cfg.story_print && cfg.page_file);
	cli_free(&cfg);
	cr_assert_eq(parse(&cfg, dump), -EINVAL);
	cli_free(&cfg);
}
