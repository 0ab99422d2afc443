/*
 * strace 6.1's long spellings whose values are more than a name (issue 14):
 * timestamps and their precision, --quiet's set, --strings-in-hex,
 * --decode-fds, and the -e verbose=/abbrev= sets ptrc can honour.  A value
 * ptrc cannot give strace's meaning is refused in one line, never read as
 * something else.  The meanings are strace(1)'s.
 */
#include "strace_opts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copies the next comma-separated token of *s into tok; false at the end. */
static bool next_token(const char **s, char *tok, size_t len)
{
	if (!**s)
		return false;
	size_t n = strcspn(*s, ",");
	snprintf(tok, len, "%.*s", (int)n, *s);
	*s += n + ((*s)[n] == ',');
	return true;
}

static int refuse(char *err, size_t len, const char *what, const char *value)
{
	snprintf(err, len, "invalid %s: '%s'", what, value);
	return -EINVAL;
}

int opt_daemonize(struct config *cfg, const char *arg, char *err, size_t len)
{
	static const char *const names[] = {"grandchild", "pgroup", "session"};

	if (cfg->dcount) {
		snprintf(err, len, "-D and --daemonize cannot be used together");
		return -EINVAL;
	}
	cfg->daemonize_long = true;
	if (!arg) {
		cfg->daemonize = DAEMON_GRANDCHILD;
		return 0;
	}
	for (unsigned i = 0; i < 3; i++)
		if (!strcmp(arg, names[i])) {
			cfg->daemonize = DAEMON_GRANDCHILD + i;
			return 0;
		}
	return refuse(err, len, "--daemonize (grandchild, pgroup or session)", arg);
}

int opt_precision(const char *arg, uint8_t *digits)
{
	static const char *const names[] = {"s", "ms", "us", "ns"};

	for (unsigned i = 0; i < 4; i++)
		if (!strcmp(arg, names[i])) {
			*digits = (uint8_t)(i * 3);
			return 0;
		}
	return -EINVAL;
}

/* --absolute-timestamps[=[[format:]FORMAT][,[precision:]PRECISION]]: time, unix or none. */
int opt_timestamps(struct config *cfg, const char *arg, char *err, size_t len)
{
	const char *s = arg ? arg : "";
	char tok[32];

	cfg->ts_format = TS_CLOCK;
	cfg->ts_digits = 0;
	while (next_token(&s, tok, sizeof(tok))) {
		const char *v = tok;
		bool fmt = !strncmp(v, "format:", 7), prec = !strncmp(v, "precision:", 10);
		v += fmt ? 7 : prec ? 10 : 0;
		if (!prec && !strcmp(v, "time"))
			cfg->ts_format = TS_CLOCK;
		else if (!prec && !strcmp(v, "unix"))
			cfg->ts_format = TS_UNIX;
		else if (!prec && !strcmp(v, "none"))
			cfg->ts_format = TS_NONE;
		else if (fmt || opt_precision(v, &cfg->ts_digits) < 0)
			return refuse(err, len, "--absolute-timestamps", arg);
	}
	cfg->ts_given = true;
	return 0;
}

/* strace's -q, -qq, -qqq as sets. */
unsigned opt_quiet_level(unsigned count)
{
	if (count >= 3)
		return QUIET_ALL;
	if (count == 2)
		return QUIET_ATTACH | QUIET_PERSONALITY | QUIET_EXIT;
	return count ? QUIET_ATTACH | QUIET_PERSONALITY : 0;
}

/* --quiet=SET, -e quiet=SET: [!]all, none, or names (strace's list). */
int opt_quiet(struct config *cfg, const char *arg, char *err, size_t len)
{
	static const struct {
		const char *name;
		unsigned bit;
	} names[] = {
		{"attach", QUIET_ATTACH},
		{"exit", QUIET_EXIT},
		{"exits", QUIET_EXIT},
		{"path-resolution", QUIET_PATH_RESOLUTION},
		{"personality", QUIET_PERSONALITY},
		{"thread-execve", QUIET_THREAD_EXECVE},
		{"superseded", QUIET_THREAD_EXECVE},
	};
	bool neg = arg[0] == '!';
	const char *s = arg + neg;
	unsigned set = 0;
	char tok[32];

	while (next_token(&s, tok, sizeof(tok))) {
		size_t i = 0;
		if (!strcmp(tok, "all"))
			set |= QUIET_ALL;
		else if (strcmp(tok, "none"))
			for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
				if (!strcmp(tok, names[i].name)) {
					set |= names[i].bit;
					break;
				}
		if (i == sizeof(names) / sizeof(names[0]))
			return refuse(err, len, "--quiet", arg);
	}
	cfg->quiet = neg ? QUIET_ALL & ~set : set;
	cfg->quiet_given = true;
	return 0;
}

/* --strings-in-hex[=all|non-ascii]: -xx, -x. */
int opt_strings_in_hex(struct config *cfg, const char *arg, char *err, size_t len)
{
	if (!arg || !strcmp(arg, "all"))
		cfg->xflag = 2;
	else if (!strcmp(arg, "non-ascii"))
		cfg->xflag = 1;
	else if (!strcmp(arg, "none"))
		cfg->xflag = 0;
	else
		return refuse(err, len, "--strings-in-hex (all, non-ascii or none)", arg);
	return 0;
}

/* --decode-fds[=SET], -e decode-fds=SET: path (-y), and socket and dev with it (-yy). */
int opt_decode_fds(struct config *cfg, const char *arg, char *err, size_t len)
{
	const char *s = arg ? arg : "path";
	char tok[32];
	unsigned level = 0;

	while (next_token(&s, tok, sizeof(tok))) {
		if (!strcmp(tok, "path"))
			level = level > 1 ? level : 1;
		else if (!strcmp(tok, "all") || !strcmp(tok, "socket") || !strcmp(tok, "dev"))
			level = 2;
		else if (strcmp(tok, "none"))
			return refuse(err, len, "--decode-fds (path, socket, dev, all or none)",
				      arg);
	}
	cfg->yflag = level;
	return 0;
}

/*
 * -e abbrev=SET for every call at once: none is -v (strace's own definition),
 * all the default.  -e verbose=all is strace's default (structures are
 * decoded); ptrc always decodes them, so it is the only verbose= it takes.
 */
int opt_abbrev_set(struct config *cfg, const char *key, const char *arg, char *err, size_t len)
{
	bool all = !strcmp(arg, "all") || !strcmp(arg, "!none");
	bool none = !strcmp(arg, "none") || !strcmp(arg, "!all");

	if (!strcmp(key, "abbrev") && (all || none)) {
		cfg->verbose = none;
		return 0;
	}
	if (!strcmp(key, "verbose") && all)
		return 0;
	snprintf(err, len, "-e %s=%s: ptrc decodes every call alike (%s)", key, arg,
		 strcmp(key, "abbrev") ? "verbose=all only" : "abbrev=all or abbrev=none");
	return -EINVAL;
}

int opt_time_spec(const char *arg, uint64_t *ns)
{
	char *end;
	double n = strtod(arg, &end);
	double scale = 1e3; /* microseconds without a unit */

	if (end == arg || !(n >= 0) || n > 1e12)
		return -EINVAL;
	if (!strcmp(end, "s"))
		scale = 1e9;
	else if (!strcmp(end, "ms"))
		scale = 1e6;
	else if (!strcmp(end, "ns"))
		scale = 1;
	else if (*end && strcmp(end, "us"))
		return -EINVAL;
	*ns = (uint64_t)(n * scale);
	return 0;
}
