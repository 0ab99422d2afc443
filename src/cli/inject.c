/* Parsing -e inject= and -e fault= (inject.h); the syntax is strace's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inject.h"
#include "options.h"
#include "strace_opts.h"
#include "sys/signame.h"
#include "sys/sysent.h"
#include "util/xalloc.h"

static int parse_errno(const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v && !*end)
		return n >= 1 && n <= 4095 ? (int)n : -EINVAL;
	for (int e = 1; e <= 4095; e++) {
		const char *name = errno_name(e);
		if (name && !strcmp(name, v))
			return e;
	}
	return -EINVAL;
}

static int parse_signal(const char *v)
{
	char buf[32], *end;
	long n = strtol(v, &end, 10);

	if (*v && !*end)
		return n >= 1 && n <= 64 ? (int)n : -EINVAL;
	for (int sig = 1; sig <= 64; sig++)
		if (signame(sig, buf, sizeof(buf)) &&
		    (!strcasecmp(buf, v) || !strcasecmp(buf + 3, v)))
			return sig;
	return -EINVAL;
}

/* strace's time specification (opt_time_spec), in microseconds. */
static int parse_delay(const char *v, uint64_t *us)
{
	uint64_t ns;
	int rc = opt_time_spec(v, &ns);

	if (rc == 0)
		*us = ns / 1000;
	return rc;
}

static bool parse_u16(const char **p, unsigned max, uint16_t *out)
{
	char *end;
	unsigned long n = strtoul(*p, &end, 10);

	if (end == *p || n < 1 || n > max)
		return false;
	*out = (uint16_t)n;
	*p = end;
	return true;
}

/* first[..last][+[step]] */
static int parse_when(const char *v, struct inject_spec *s)
{
	const char *p = v;

	s->last = 0;
	s->step = 1;
	if (!parse_u16(&p, INJECT_WHEN_MAX, &s->first))
		return -EINVAL;
	bool ranged = !strncmp(p, "..", 2);
	if (ranged) {
		p += 2;
		if (!parse_u16(&p, INJECT_WHEN_MAX - 1, &s->last) || s->last < s->first)
			return -EINVAL;
	}
	if (*p == '+') {
		p++;
		if (*p && !parse_u16(&p, INJECT_WHEN_MAX, &s->step))
			return -EINVAL;
	} else if (!ranged) {
		s->last = s->first; /* "first" alone: that invocation only */
	}
	return *p ? -EINVAL : 0;
}

/*
 * One pair of hex digits as strace reads it: strtol on the two characters, so
 * " 1", "1x" and "+1" are 0x01 and "-1" is 0xff, as strace 6.1 gives them.
 */
static bool hex_byte(const char *pair, uint8_t *out)
{
	char buf[3] = {pair[0], pair[1], '\0'}, *end;
	long v = strtol(buf, &end, 16);

	if (end == buf)
		return false;
	*out = (uint8_t)v;
	return true;
}

/* "@argN=HEX": N in 1..7, an even number of digits, at most INJECT_POKE_MAX bytes. */
static int parse_poke(const char *item, struct inject_poke *p)
{
	if (strncmp(item, "@arg", 4) || item[4] < '1' || item[4] > '0' + INJECT_POKE_ARGS ||
	    item[5] != '=')
		return -EINVAL;
	const char *hex = item + 6;
	size_t n = strlen(hex);
	if (!n || n % 2 || n / 2 > INJECT_POKE_MAX)
		return -EINVAL;
	p->arg = (uint8_t)(item[4] - '0');
	p->len = (uint16_t)(n / 2);
	p->data = xmalloc(p->len);
	for (size_t i = 0; i < p->len; i++)
		if (!hex_byte(hex + 2 * i, &p->data[i])) {
			free(p->data);
			p->data = NULL;
			return -EINVAL;
		}
	return 0;
}

static void free_pokes(struct inject_spec *s)
{
	for (int w = 0; w < 2; w++) {
		for (unsigned i = 0; i < s->npoke[w]; i++)
			free(s->poke[w][i].data);
		s->npoke[w] = 0;
	}
}

/* poke_enter= or poke_exit=: "@argN=HEX" items, comma-separated, each argument once. */
static int parse_pokes(struct inject_spec *s, int when, const char *v)
{
	char *copy = xstrdup(v), *save = NULL;
	int rc = s->npoke[when] ? -EINVAL : 0; /* given twice: strace refuses it */

	for (char *item = strtok_r(copy, ",", &save); rc == 0 && item;
	     item = strtok_r(NULL, ",", &save)) {
		struct inject_poke *p = &s->poke[when][s->npoke[when]];
		rc = parse_poke(item, p);
		for (unsigned i = 0; rc == 0 && i < s->npoke[when]; i++)
			if (s->poke[when][i].arg == p->arg) {
				free(p->data);
				rc = -EINVAL;
			}
		if (rc == 0)
			s->npoke[when]++;
	}
	free(copy);
	return rc == 0 && !s->npoke[when] ? -EINVAL : rc;
}

bool inject_when(const struct inject_spec *s, unsigned n)
{
	return n >= s->first && (!s->last || n <= s->last) && (n - s->first) % s->step == 0;
}

/* One ":key=value" of the spec; -EINVAL with the reason. */
static int parse_option(struct inject_spec *s, const char *opt, char *err, size_t errlen)
{
	const char *eq = strchr(opt, '=');
	const char *v = eq ? eq + 1 : "";
	size_t k = eq ? (size_t)(eq - opt) : strlen(opt);
	int n = 0;

#define KEY(name) (k == sizeof(name) - 1 && !strncmp(opt, name, k))
	if (KEY("error") && (n = parse_errno(v)) > 0)
		s->error = n;
	else if (KEY("retval")) {
		char *end;
		s->retval = strtoll(v, &end, 0);
		s->has_retval = *v && !*end;
		n = s->has_retval ? 0 : -EINVAL;
	} else if (KEY("signal") && (n = parse_signal(v)) > 0)
		s->signal = n;
	else if (KEY("syscall")) {
		const struct sysent *e = sysent_by_name(v);
		n = e && (e->classes & TC_PURE) ? 0 : -EINVAL;
		if (n == 0) {
			free(s->syscall);
			s->syscall = xstrdup(v);
		}
	} else if (KEY("delay_enter"))
		n = parse_delay(v, &s->delay_enter_us);
	else if (KEY("delay_exit"))
		n = parse_delay(v, &s->delay_exit_us);
	else if (KEY("when"))
		n = parse_when(v, s);
	else if (KEY("poke_enter"))
		n = parse_pokes(s, INJECT_AT_ENTRY, v);
	else if (KEY("poke_exit"))
		n = parse_pokes(s, INJECT_AT_EXIT, v);
	else
		n = -EINVAL;
#undef KEY
	if (n < 0)
		snprintf(err, errlen, "invalid -e inject/fault option '%s'", opt);
	return n < 0 ? -EINVAL : 0;
}

int inject_parse(struct config *cfg, const char *value, bool fault, char *err, size_t errlen)
{
	struct inject_spec s = {.first = 1, .step = 1};
	char *copy = xstrdup(value);
	char *colon = strchr(copy, ':');
	int rc;

	if (colon)
		*colon = '\0';
	sysfilter_init(&s.set);
	/* The set is -e trace='s syntax: "none" first, then what it names. */
	rc = sysfilter_parse(&s.set, "none", err, errlen);
	if (rc == 0)
		rc = sysfilter_parse(&s.set, copy, err, errlen);
	for (char *opt = colon ? colon + 1 : NULL, *next; rc == 0 && opt; opt = next) {
		next = strchr(opt, ':');
		if (next)
			*next++ = '\0';
		rc = parse_option(&s, opt, err, errlen);
	}
	if (rc == 0 && fault && !s.error && !s.has_retval)
		s.error = ENOSYS; /* -e fault=: an error, ENOSYS unless said */
	if (rc == 0 && s.error && s.has_retval) {
		snprintf(err, errlen, "-e inject: error= and retval= cannot be used together");
		rc = -EINVAL;
	}
	if (rc == 0 && !s.error && !s.has_retval && !s.signal && !s.delay_enter_us &&
	    !s.delay_exit_us && !s.npoke[INJECT_AT_ENTRY] && !s.npoke[INJECT_AT_EXIT]) {
		snprintf(err, errlen,
			 "-e inject=%s: say error=, retval=, signal=, delay_*= or poke_*=", copy);
		rc = -EINVAL;
	}
	free(copy);
	if (rc < 0) {
		sysfilter_free(&s.set);
		free(s.syscall);
		free_pokes(&s);
		return rc;
	}
	cfg->injects = xrealloc(cfg->injects, (cfg->ninjects + 1) * sizeof(*cfg->injects));
	cfg->injects[cfg->ninjects++] = s;
	return 0;
}

void inject_free(struct config *cfg)
{
	for (size_t i = 0; i < cfg->ninjects; i++) {
		sysfilter_free(&cfg->injects[i].set);
		free(cfg->injects[i].syscall);
		free_pokes(&cfg->injects[i]);
	}
	free(cfg->injects);
	cfg->injects = NULL;
	cfg->ninjects = 0;
}
