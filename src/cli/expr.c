/* -e qualifier=value expressions: trace=, signal=, status=. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inject.h"
#include "cli/expr.h"
#include "cli/strace_opts.h"
#include "sys/signame.h"
#include "util/xalloc.h"

static int parse_signal(const char *tok)
{
	char buf[32];
	char *end;
	long n = strtol(tok, &end, 10);

	if (*tok && !*end)
		return n > 0 && n <= 128 ? (int)n : -EINVAL;
	for (int sig = 1; sig <= 64; sig++) {
		if (!signame(sig, buf, sizeof(buf)))
			continue;
		if (!strcasecmp(buf, tok) || !strcasecmp(buf + 3, tok))
			return sig;
	}
	return -EINVAL;
}

int expr_signals(struct config *cfg, const char *spec, char *err, size_t errlen)
{
	bool negate = *spec == '!';

	if (negate)
		spec++;
	uint64_t set[2] = {0, 0};
	if (!strcmp(spec, "all")) {
		set[0] = set[1] = ~0ULL;
	} else if (strcmp(spec, "none")) {
		char *copy = xstrdup(spec);
		for (char *save, *tok = strtok_r(copy, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save)) {
			int sig = parse_signal(tok);
			if (sig < 0) {
				snprintf(err, errlen, "invalid signal '%s'", tok);
				free(copy);
				return -EINVAL;
			}
			set[(sig - 1) / 64] |= 1ULL << ((sig - 1) % 64);
		}
		free(copy);
	}
	cfg->sigmask[0] = negate ? ~set[0] : set[0];
	cfg->sigmask[1] = negate ? ~set[1] : set[1];
	return 0;
}

int expr_status(struct config *cfg, const char *spec, char *err, size_t errlen)
{
	static const struct {
		const char *name;
		unsigned bit;
	} names[] = {
		{"successful", STATUS_SUCCESSFUL}, {"failed", STATUS_FAILED},
		{"unfinished", STATUS_UNFINISHED}, {"unavailable", STATUS_UNAVAILABLE},
		{"detached", STATUS_DETACHED},
	};
	bool negate = *spec == '!';
	unsigned mask = 0;

	if (negate)
		spec++;
	char *copy = xstrdup(spec);
	int rc = 0;
	for (char *save, *tok = strtok_r(copy, ",", &save); tok && !rc;
	     tok = strtok_r(NULL, ",", &save)) {
		size_t i = 0;
		while (i < sizeof(names) / sizeof(names[0]) && strcmp(names[i].name, tok))
			i++;
		if (!strcmp(tok, "all"))
			mask |= 0x1f;
		else if (!strcmp(tok, "none"))
			;
		else if (i < sizeof(names) / sizeof(names[0]))
			mask |= names[i].bit;
		else
			rc = -EINVAL;
		if (rc)
			snprintf(err, errlen, "invalid status '%s'", tok);
	}
	free(copy);
	if (rc)
		return rc;
	cfg->status_mask = negate ? ~mask & 0x1f : mask;
	/* Selecting every outcome is the same as no selection. */
	if (cfg->status_mask == 0x1f)
		cfg->status_mask = 0;
	else if (!cfg->status_mask)
		cfg->status_mask = 1u << 31; /* "none": nothing matches */
	return 0;
}

/* -e read=SET, -e write=SET: fd numbers, all, none; a leading ! inverts. */
static int expr_fdset(struct fdset *set, const char *spec, char *err, size_t errlen)
{
	bool negate = *spec == '!';
	struct fdset s = {0};

	spec += negate;
	char *copy = xstrdup(spec);
	int rc = 0;
	for (char *save, *tok = strtok_r(copy, ",", &save); tok && !rc;
	     tok = strtok_r(NULL, ",", &save)) {
		char *end;
		unsigned long fd = strtoul(tok, &end, 10);
		if (!strcmp(tok, "all"))
			memset(s.bits, 0xff, sizeof(s.bits));
		else if (!strcmp(tok, "none"))
			;
		else if (*tok && !*end && fd < FDSET_MAX)
			s.bits[fd / 64] |= 1ULL << (fd % 64);
		else
			rc = -EINVAL;
		if (rc)
			snprintf(err, errlen, "invalid descriptor '%s' (0 to %d, all, none)", tok,
				 FDSET_MAX - 1);
	}
	free(copy);
	if (rc)
		return rc;
	s.any = false;
	for (size_t i = 0; i < FDSET_MAX / 64; i++) {
		if (negate)
			s.bits[i] = ~s.bits[i];
		s.any |= s.bits[i] != 0;
	}
	*set = s;
	return 0;
}

int expr_parse(struct config *cfg, const char *expr, char *err, size_t errlen)
{
	const char *eq = strchr(expr, '=');
	size_t klen = eq ? (size_t)(eq - expr) : 0;
	const char *value = eq ? eq + 1 : expr;

#define KEY(s) (klen == sizeof(s) - 1 && !strncmp(expr, s, klen))
	if (!eq || KEY("trace") || KEY("t")) {
		cfg->trace_given = true;
		return sysfilter_parse(&cfg->trace, value, err, errlen);
	}
	if (KEY("signal") || KEY("signals") || KEY("s"))
		return expr_signals(cfg, value, err, errlen);
	if (KEY("status"))
		return expr_status(cfg, value, err, errlen);
	if (KEY("quiet") || KEY("silent") || KEY("silence") || KEY("q"))
		return opt_quiet(cfg, value, err, errlen);
	if (KEY("decode-fds"))
		return opt_decode_fds(cfg, value, err, errlen);
	if (KEY("abbrev") || KEY("a"))
		return opt_abbrev_set(cfg, "abbrev", value, err, errlen);
	if (KEY("verbose") || KEY("v"))
		return opt_abbrev_set(cfg, "verbose", value, err, errlen);
	if (KEY("inject"))
		return inject_parse(cfg, value, false, err, errlen);
	if (KEY("fault"))
		return inject_parse(cfg, value, true, err, errlen);
	if (KEY("read") || KEY("reads"))
		return expr_fdset(&cfg->dump_read, value, err, errlen);
	if (KEY("write") || KEY("writes"))
		return expr_fdset(&cfg->dump_write, value, err, errlen);
#undef KEY
	/* raw=, kvm=: strace's, not (yet) ptrc's. */
	snprintf(err, errlen, "-e %.*s= is not supported by ptrc (in '%s')", (int)klen, expr, expr);
	return -EINVAL;
}
