#include "longopts.h"
#include "inject.h"
#include "options.h"
#include "out/story.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/expr.h"
#include "cli/strace_opts.h"
#include "cli/usage.h"
#include "util/strbuf.h"
#include "out/fmt_text.h"
#include "util/xalloc.h"

static int usage_error(const char *fmt, const char *arg)
{
	fputs("ptrc: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs(" (try 'ptrc -h')\n", stderr);
	return -EINVAL;
}

static int parse_uint(const char *s, unsigned max, unsigned *out)
{
	char *end;

	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || v > max)
		return -EINVAL;
	*out = (unsigned)v;
	return 0;
}

static int add_pids(struct config *cfg, const char *list)
{
	char *copy = xstrdup(list);
	int rc = 0;

	for (char *save, *tok = strtok_r(copy, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save)) {
		unsigned pid;
		if (parse_uint(tok, INT_MAX, &pid) || pid == 0) {
			rc = usage_error("invalid process id: '%s'", tok);
			break;
		}
		cfg->pids = xrealloc(cfg->pids, sizeof(*cfg->pids) * (cfg->npids + 1));
		cfg->pids[cfg->npids++] = (pid_t)pid;
	}
	free(copy);
	return rc;
}

/* -P: the path as given, and where it really leads when that differs. */
static void add_path(struct config *cfg, const char *path)
{
	char *real = realpath(path, NULL);

	cfg->paths = xrealloc(cfg->paths, sizeof(*cfg->paths) * (cfg->npaths + 2));
	cfg->paths[cfg->npaths++] = xstrdup(path);
	if (real && strcmp(real, path))
		cfg->paths[cfg->npaths++] = real;
	else
		free(real);
}

static int parse_style(struct config *cfg, const char *arg)
{
	if (!strcmp(arg, "raw"))
		cfg->xstyle = CONST_RAW;
	else if (!strcmp(arg, "verbose"))
		cfg->xstyle = CONST_VERBOSE;
	else if (!strcmp(arg, "abbrev"))
		cfg->xstyle = CONST_ABBREV;
	else
		return usage_error("invalid -X argument: '%s'", arg);
	return 0;
}

/* auto, always or never: --color's and --status-line's. */
static int parse_color(enum color_mode *mode, const char *err, const char *arg)
{
	if (!strcmp(arg, "auto"))
		*mode = COLOR_AUTO;
	else if (!strcmp(arg, "always"))
		*mode = COLOR_ALWAYS;
	else if (!strcmp(arg, "never"))
		*mode = COLOR_NEVER;
	else
		return usage_error(err, arg);
	return 0;
}

static int parse_policy_action(struct config *cfg, const char *arg)
{
	if (!strcmp(arg, "report"))
		cfg->policy_action = POLICY_ACT_REPORT;
	else if (!strcmp(arg, "deny"))
		cfg->policy_action = POLICY_ACT_DENY;
	else if (!strcmp(arg, "kill"))
		cfg->policy_action = POLICY_ACT_KILL;
	else
		return usage_error("invalid --policy-action: '%s' (report, deny or kill)", arg);
	return 0;
}

/* strace's -I: 1 to 4, or its names. */
static int parse_interruptible(struct config *cfg, const char *arg)
{
	static const char *const names[] = {NULL, "anywhere", "waiting", "never", "never_tstp"};

	for (unsigned i = 1; i < 5; i++)
		if (!strcmp(arg, names[i])) {
			cfg->interruptible = i;
			return 0;
		}
	if (parse_uint(arg, 4, &cfg->interruptible) || cfg->interruptible == 0)
		return usage_error("invalid -I argument: '%s' (1-4, anywhere, waiting, never, "
				   "never_tstp)",
				   arg);
	return 0;
}

/* --seccomp-bpf (strace's spelling: on), --seccomp-bpf=yes or =no; --landlock alike. */
static int parse_use(enum seccomp_bpf_use *use, const char *bad, const char *arg)
{
	if (!arg || !strcmp(arg, "yes"))
		*use = SECCOMP_BPF_YES;
	else if (!strcmp(arg, "no"))
		*use = SECCOMP_BPF_NO;
	else
		return usage_error(bad, arg);
	return 0;
}

/* A long option that is an -e qualifier: --trace=SET is -e trace=SET. */
static int parse_qualifier(struct config *cfg, const char *name, const char *arg)
{
	struct strbuf expr = {0};
	char err[160];

	if (!arg && !strcmp(name, "quiet")) {
		cfg->qcount++; /* --quiet alone is -q */
		return 0;
	}
	/* Whole, however long the set: a cut one would trace something else. */
	strbuf_adds(&expr, name);
	strbuf_addc(&expr, '=');
	strbuf_adds(&expr, arg ? arg : "path"); /* --decode-fds alone is decode-fds=path */
	int rc = expr_parse(cfg, expr.buf, err, sizeof(err)) ? usage_error("%s", err) : 0;
	strbuf_free(&expr);
	return rc;
}

/* strace's long options for timestamps, hex strings and separate files; 1 when none. */
static int parse_strace_long(struct config *cfg, int c, const char *arg)
{
	char err[160];

	if (c >= OPT_QUALIFIER && c < OPT_QUALIFIER + (int)cli_nqualifiers)
		return parse_qualifier(cfg, cli_qualifiers[c - OPT_QUALIFIER], arg);
	switch (c) {
	case OPT_TIMESTAMPS:
		return opt_timestamps(cfg, arg, err, sizeof(err)) ? usage_error("%s", err) : 0;
	case OPT_RELATIVE:
		cfg->rflag = true;
		return arg && opt_precision(arg, &cfg->rel_digits)
			       ? usage_error("invalid --relative-timestamps: '%s' (s, ms, us, ns)",
					     arg)
			       : 0;
	case OPT_SYSCALL_TIMES:
		cfg->Tflag = true;
		return arg && opt_precision(arg, &cfg->dur_digits)
			       ? usage_error("invalid --syscall-times: '%s' (s, ms, us, ns)", arg)
			       : 0;
	case OPT_STRINGS_IN_HEX:
		return opt_strings_in_hex(cfg, arg, err, sizeof(err)) ? usage_error("%s", err) : 0;
	case OPT_OUTPUT_SEPARATELY:
		cfg->separately = true;
		return 0;
	case OPT_DAEMONIZE:
		return opt_daemonize(cfg, arg, err, sizeof(err)) ? usage_error("%s", err) : 0;
	case 'D': /* counted: -DD and -DDD are --daemonize=pgroup and =session */
		if (cfg->daemonize_long)
			return usage_error("%s", "-D and --daemonize cannot be used together");
		cfg->daemonize = ++cfg->dcount;
		return 0;
	}
	return 1;
}

/* The long options that take an argument; 1 when c is none of them. */
static int parse_long_with_arg(struct config *cfg, int c, const char *arg)
{
	switch (c) {
	case OPT_SECCOMP_BPF:
		return parse_use(&cfg->seccomp_bpf, "invalid --seccomp-bpf: '%s' (yes or no)", arg);
	case OPT_LANDLOCK:
		return parse_use(&cfg->landlock, "invalid --landlock: '%s' (yes or no)", arg);
	case OPT_SPIN_WAIT:
		return parse_use(&cfg->spin_wait, "invalid --spin-wait: '%s' (yes or no)", arg);
	case OPT_COLOR:
		return parse_color(&cfg->color, "invalid --color argument: '%s'", arg);
	case OPT_SUMMARY_TOP: {
		char *end;
		unsigned long n = strtoul(arg, &end, 10);
		if (!*arg || *end || n < 1 || n > STORY_FILES_TOP_MAX)
			return usage_error("invalid --summary-top: '%s' (1 to 1000)", arg);
		cfg->summary_top = (unsigned)n;
		return 0;
	}
	case OPT_STATUS_LINE:
		return parse_color(&cfg->status_line,
				   "invalid --status-line: '%s' (auto, always or never)", arg);
	case OPT_POLICY:
		cfg->policy_file = arg;
		return 0;
	case OPT_TIMELINE:
		cfg->timeline_file = arg;
		return 0;
	case OPT_REPORT: /* the page is made of the story */
		cfg->page_file = arg;
		cfg->story = true;
		return 0;
	case OPT_POLICY_ACTION:
		return parse_policy_action(cfg, arg);
	case OPT_POLICY_REPORT:
		cfg->report_file = arg;
		return 0;
	case OPT_POLICY_FORMAT:
		cfg->report_format_given = true;
		return policy_report_parse_format(arg, &cfg->report_format)
			       ? usage_error("invalid --policy-format: '%s' (text, json, sarif or "
					     "github)",
					     arg)
			       : 0;
	case OPT_LEARN:
		cfg->learn_file = arg;
		return 0;
	case OPT_SECCOMP_PROFILE:
		cfg->seccomp_file = arg;
		return 0;
	case OPT_UNWINDER:
		if (!strcmp(arg, "libdw"))
			cfg->unwinder = UNWIND_LIBDW;
		else if (!strcmp(arg, "libunwind"))
			cfg->unwinder = UNWIND_LIBUNWIND;
		else
			return usage_error("invalid --unwinder: '%s' (libdw or libunwind)", arg);
		return 0;
	case OPT_LAST_SYSCALLS:
		return parse_uint(arg, 4096, &cfg->last_syscalls) || cfg->last_syscalls == 0
			       ? usage_error("invalid --last-syscalls: '%s' (1 to 4096)", arg)
			       : 0;
	}
	return parse_strace_long(cfg, c, arg);
}

/* The options with an argument that change -c's table, and -b; 1 when c is none of them. */
static int parse_summary_arg(struct config *cfg, int c, const char *arg)
{
	switch (c) {
	case 'S':
		return summary_sort_parse(arg, &cfg->sort)
			       ? usage_error("invalid -S argument: '%s'", arg)
			       : 0;
	case 'b':
		/* strace's -b: execve is the one call it knows. */
		if (strcmp(arg, "execve"))
			return usage_error(
				"-b takes execve (the only call strace detaches at), not "
				"'%s'",
				arg);
		cfg->detach_on_exec = true;
		return 0;
	case 'U':
		return summary_layout_parse(arg, &cfg->summary_layout)
			       ? usage_error("invalid -U argument: '%s'", arg)
			       : 0;
	case 'O':
		return opt_time_spec(arg, &cfg->overhead_ns)
			       ? usage_error("invalid -O argument: '%s'", arg)
			       : 0;
	}
	return 1;
}

/* strace's set, comma-separated: comm (-Y), pidns (--pidns-translation), all, none. */
static int parse_decode_pids(struct config *cfg, const char *arg)
{
	unsigned set = 0;

	for (const char *s = arg; *s;) {
		size_t n = strcspn(s, ",");
		if (n == 4 && !strncmp(s, "comm", n))
			set |= DECODE_PIDS_COMM;
		else if (n == 5 && !strncmp(s, "pidns", n))
			set |= DECODE_PIDS_PIDNS;
		else if (n == 3 && !strncmp(s, "all", n))
			set |= DECODE_PIDS_COMM | DECODE_PIDS_PIDNS;
		else if (!(n == 4 && !strncmp(s, "none", n)))
			return usage_error("invalid --decode-pids value '%s'", arg);
		s += n + (s[n] == ',');
	}
	cfg->decode_pids = set;
	return 0;
}

static int parse_with_arg(struct config *cfg, int c, const char *arg)
{
	char err[160];
	int rc = parse_summary_arg(cfg, c, arg);

	if (rc <= 0)
		return rc;
	switch (c) {
	case OPT_DECODE_PIDS:
		return parse_decode_pids(cfg, arg);
	case OPT_PIDNS:
		cfg->decode_pids = DECODE_PIDS_PIDNS;
		return 0;
	case OPT_PY_FRAMES:
		if (strcmp(arg, "yes") && strcmp(arg, "no"))
			return usage_error("--py-frames takes yes or no, not '%s'", arg);
		cfg->no_py_frames = !strcmp(arg, "no");
		return 0;
	case 'o':
		cfg->outfile = arg;
		return 0;
	case 's':
		return parse_uint(arg, INT_MAX, &cfg->strsize)
			       ? usage_error("invalid -s argument: '%s'", arg)
			       : 0;
	case 'a':
		return parse_uint(arg, 1000, &cfg->acolumn)
			       ? usage_error("invalid -a argument: '%s'", arg)
			       : 0;
	case 'p':
		return add_pids(cfg, arg);
	case 'e':
		return expr_parse(cfg, arg, err, sizeof(err)) ? usage_error("%s", err) : 0;
	case 'P':
		add_path(cfg, arg);
		return 0;
	case 'X':
		return parse_style(cfg, arg);
	case 'E':
		cfg->env = xrealloc(cfg->env, sizeof(*cfg->env) * (cfg->nenv + 1));
		cfg->env[cfg->nenv++] = (char *)arg;
		return 0;
	case 'u':
		cfg->user = arg;
		return 0;
	case 'I':
		return parse_interruptible(cfg, arg);
	}
	return parse_long_with_arg(cfg, c, arg);
}

/* The stack options without an argument; 1 when c is none of them. */
static int parse_stack_flag(struct config *cfg, int c)
{
	switch (c) {
	case 'k':
		cfg->kflag++;
		return 0;
	case OPT_CRASH_HANDLED:
		cfg->crash_handled = true;
		return 0;
	case OPT_PY_STACKS:
		cfg->py_stacks = true;
		cfg->kflag++;
		return 0;
	case OPT_DUMP:
		cfg->dump = true;
		return 0;
	}
	return 1;
}

/* The options without an argument; 1 when c is none of them. */
static int parse_flag(struct config *cfg, int c)
{
	switch (c) {
	case 'f':
		cfg->follow++;
		return 0;
	case 'q':
		cfg->qcount++;
		return 0;
	case 'x':
		cfg->xflag++;
		return 0;
	case 'v':
		cfg->verbose = true;
		return 0;
	case 't':
		cfg->tflag++;
		return 0;
	case 'r':
		cfg->rflag = true;
		return 0;
	case 'T':
		cfg->Tflag = true;
		return 0;
	case 'c':
		cfg->cflag = 1;
		return 0;
	case 'C':
		cfg->cflag = 2;
		return 0;
	case 'w':
		cfg->wflag = true;
		return 0;
	case 'n':
		cfg->nflag = true;
		return 0;
	case OPT_JSON:
		cfg->json = true;
		return 0;
	case OPT_SUMMARY_TREE:
		cfg->story = cfg->story_print = true;
		return 0;
	case 'y':
		cfg->yflag++;
		return 0;
	case 'z':
		return expr_status(cfg, "successful", NULL, 0);
	case 'Z':
		return expr_status(cfg, "failed", NULL, 0);
	case 'A':
		cfg->append = true;
		return 0;
	case 'i':
		cfg->iflag = true;
		return 0;
	case 'Y':
		cfg->decode_pids = DECODE_PIDS_COMM;
		return 0;
	}
	return parse_stack_flag(cfg, c);
}

static int parse_one(struct config *cfg, int c, const char *arg, const char *optname)
{
	int rc = parse_with_arg(cfg, c, arg);

	if (rc <= 0 || (rc = parse_flag(cfg, c)) <= 0)
		return rc;
	switch (c) {
	case OPT_UNSUPPORTED:
	case 'd':
		return usage_error("strace's option '%s' is not supported by ptrc", optname);
	case ':':
		return usage_error("option '%s' needs an argument", optname);
	default:
		return usage_error("unknown option '%s'", optname);
	}
}

/* What the short options' counts mean once all are read. */
static void settle(struct config *cfg)
{
	static const uint8_t digits[] = {0, 0, 6, 6};

	cfg->quiet |= opt_quiet_level(cfg->qcount);
	if (cfg->separately && cfg->follow)
		cfg->follow = 2;
	if (!cfg->ts_given && cfg->tflag) {
		unsigned t = cfg->tflag > 3 ? 3 : cfg->tflag;
		cfg->ts_format = t == 3 ? TS_UNIX : TS_CLOCK;
		cfg->ts_digits = digits[t];
	}
}

/*
 * getopt_long takes any unique prefix of a long option; ptrc takes none, so
 * that no abbreviation means another option than strace's would ("--trace"
 * was "--trace-path" once).
 */
static bool full_name(const char *arg, const char *name)
{
	size_t n = strcspn(arg + 2, "=");

	return n == strlen(name) && !strncmp(arg + 2, name, n);
}

static int check(const struct config *cfg)
{
	if (!cfg->argv[0] && !cfg->npids)
		return usage_error("%s", "needs a command to run or -p PID");
	if (cfg->dcount > DAEMON_SESSION)
		return usage_error("%s", "too many -D's: -DDD is the most");
	if (cfg->daemonize && !cfg->argv[0])
		return usage_error("%s", "-D needs a command: the one it runs in ptrc's place");
	if (cfg->follow > 1 && !cfg->outfile)
		return usage_error("%s", "-ff needs -o FILE");
	if (cfg->follow > 1 && (cfg->outfile[0] == '|' || cfg->outfile[0] == '!'))
		return usage_error("%s", "-ff writes files: -o '|COMMAND' takes one stream");
	if (cfg->separately && (!cfg->outfile || !cfg->follow))
		return usage_error("%s", "--output-separately needs -o FILE and -f (it is -ff)");
	if ((cfg->nenv || cfg->user) && !cfg->argv[0])
		return usage_error("%s", "-E and -u apply to a launched command, not to -p");
	if (cfg->seccomp_file && !cfg->policy_file && !cfg->learn_file)
		return usage_error("%s", "--seccomp-profile needs --policy or --learn");
	if (cfg->report_format_given && !cfg->report_file)
		return usage_error("%s", "--policy-format needs --policy-report FILE");
	if (cfg->report_file && !cfg->policy_file)
		return usage_error("%s", "--policy-report needs --policy");
	if (cfg->dump && (!cfg->npids || cfg->argv[0]))
		return usage_error("%s", "--dump reports on running processes: it needs -p PID");
	if (cfg->dump && cfg->policy_file)
		return usage_error("%s", "--dump and --policy cannot be used together");
	if (cfg->dump && cfg->page_file)
		return usage_error("%s", "--report is the page of a traced run: not with --dump");
	if (cfg->detach_on_exec && (cfg->policy_file || cfg->learn_file))
		return usage_error("%s", "-b execve would let programs out of the policy: not with "
					 "--policy or --learn");
	return CLI_RUN;
}

int cli_parse(struct config *cfg, int argc, char **argv)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->strsize = 32;
	cfg->acolumn = 40;
	cfg->rel_digits = cfg->dur_digits = 6;
	cfg->sigmask[0] = cfg->sigmask[1] = ~0ULL;
	sysfilter_init(&cfg->trace);

	opterr = 0;
	optind = 1;
	for (;;) {
		int prev = optind, li = -1;
		int c = getopt_long(argc, argv, cli_short_opts, cli_long_opts, &li);
		if (c == -1)
			break;
		if (li >= 0 && !full_name(argv[prev], cli_long_opts[li].name)) {
			char typed[64];
			snprintf(typed, sizeof(typed), "%.*s", (int)strcspn(argv[prev], "="),
				 argv[prev]);
			return usage_error("unknown option '%s' (long options are not abbreviated)",
					   typed);
		}
		if (c == 'h') {
			cli_print_help(stdout);
			return CLI_EXIT;
		}
		if (c == 'V') {
			printf("ptrc %s\n", PTRC_VERSION);
			return CLI_EXIT;
		}
		char optname[64];
		if (c == '?' && optopt)
			snprintf(optname, sizeof(optname), "-%c", optopt);
		else
			snprintf(optname, sizeof(optname), "%.*s",
				 (int)strcspn(argv[prev < argc ? prev : argc - 1], "="),
				 argv[prev < argc ? prev : argc - 1]);
		int rc = parse_one(cfg, c, optarg, optname);
		if (rc < 0)
			return rc;
	}
	cfg->argv = argv + optind;
	settle(cfg);
	/* A policy is about the whole job: follow every child. */
	if ((cfg->policy_file || cfg->learn_file) && !cfg->follow)
		cfg->follow = 1;
	return check(cfg);
}

bool cli_signal_shown(const struct config *cfg, int sig)
{
	if (sig < 1 || sig > 128)
		return true;
	return (cfg->sigmask[(sig - 1) / 64] >> ((sig - 1) % 64)) & 1;
}

void cli_free(struct config *cfg)
{
	free(cfg->pids);
	cfg->pids = NULL;
	for (size_t i = 0; i < cfg->npaths; i++)
		free(cfg->paths[i]);
	free(cfg->paths);
	cfg->paths = NULL;
	free(cfg->env);
	cfg->env = NULL;
	sysfilter_free(&cfg->trace);
	inject_free(cfg);
}
