#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/usage.h"
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

static int parse_expr(struct config *cfg, const char *expr)
{
	char bad[128];
	const char *eq = strchr(expr, '=');
	const char *value = expr;

	if (eq) {
		size_t klen = (size_t)(eq - expr);
		if (!((klen == 5 && !strncmp(expr, "trace", 5)) || (klen == 1 && expr[0] == 't')))
			return usage_error("unsupported -e qualifier: '%s'", expr);
		value = eq + 1;
	}
	if (sysfilter_parse(&cfg->trace, value, bad, sizeof(bad)) < 0)
		return usage_error("invalid system call '%s'", bad);
	return 0;
}

static const struct option long_opts[] = {
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{"output", required_argument, NULL, 'o'},
	{"follow-forks", no_argument, NULL, 'f'},
	{"string-limit", required_argument, NULL, 's'},
	{"columns", required_argument, NULL, 'a'},
	{"attach", required_argument, NULL, 'p'},
	{"quiet", no_argument, NULL, 'q'},
	{NULL, 0, NULL, 0},
};

static int parse_one(struct config *cfg, int c, const char *arg, const char *optname)
{
	switch (c) {
	case 'f':
		cfg->follow++;
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
	case 'q':
		cfg->quiet++;
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
	case 'p':
		return add_pids(cfg, arg);
	case 'e':
		return parse_expr(cfg, arg);
	case ':':
		return usage_error("option '%s' needs an argument", optname);
	default:
		return usage_error("unknown option '%s'", optname);
	}
}

int cli_parse(struct config *cfg, int argc, char **argv)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->strsize = 32;
	cfg->acolumn = 40;
	sysfilter_init(&cfg->trace);

	opterr = 0;
	optind = 1;
	for (;;) {
		int prev = optind;
		int c = getopt_long(argc, argv, "+:hVfo:s:a:qxvtrTp:e:", long_opts, NULL);
		if (c == -1)
			break;
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
			snprintf(optname, sizeof(optname), "%s",
				 argv[prev < argc ? prev : argc - 1]);
		int rc = parse_one(cfg, c, optarg, optname);
		if (rc < 0)
			return rc;
	}
	cfg->argv = argv + optind;
	if (!cfg->argv[0] && !cfg->npids)
		return usage_error("%s", "needs a command to run or -p PID");
	if (cfg->argv[0] && cfg->npids)
		return usage_error("%s", "a command and -p cannot be used together");
	if (cfg->follow > 1 && !cfg->outfile)
		return usage_error("%s", "-ff needs -o FILE");
	return CLI_RUN;
}

void cli_free(struct config *cfg)
{
	free(cfg->pids);
	cfg->pids = NULL;
	sysfilter_free(&cfg->trace);
}
