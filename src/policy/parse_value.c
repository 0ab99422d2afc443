/* Condition values: globs, socket families, addresses, ports, access modes. */
#include "internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "../util/xalloc.h"

static const struct {
	const char *name;
	int fam;
} families[] = {
	{"unix", AF_UNIX},
	{"local", AF_UNIX},
	{"inet", AF_INET},
	{"inet6", AF_INET6},
	{"netlink", AF_NETLINK},
	{"packet", AF_PACKET},
	{"bluetooth", AF_BLUETOOTH},
	{"vsock", AF_VSOCK},
	{"alg", AF_ALG},
	{"can", AF_CAN},
	{"xdp", AF_XDP},
	{"key", AF_KEY},
	{"tipc", AF_TIPC},
};

int policy_family_parse(const char *s)
{
	if (s[0] >= '0' && s[0] <= '9' && strspn(s, "0123456789") == strlen(s) && strlen(s) < 4)
		return atoi(s);
	if (!strncasecmp(s, "AF_", 3) || !strncasecmp(s, "PF_", 3))
		s += 3;
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		if (!strcasecmp(families[i].name, s))
			return families[i].fam;
	return -1;
}

const char *policy_family_name(int fam)
{
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		if (families[i].fam == fam)
			return families[i].name;
	return NULL;
}

/* The value of ${NAME} at s (just past "${"), its length in *n; NULL with msg when unknown. */
static const char *var_value(const char *s, const struct policy_vars *vars, size_t *n, char *msg,
			     size_t len)
{
	static const char *const names[] = {"CWD", "HOME", "TMPDIR"}; /* ${PATH}: parse.c */
	const char *end = strchr(s, '}');

	for (size_t k = 0; end && k < sizeof(names) / sizeof(names[0]); k++) {
		if (strlen(names[k]) != (size_t)(end - s) ||
		    strncmp(s, names[k], (size_t)(end - s)))
			continue;
		const char *v = !vars	 ? NULL
				: k == 0 ? vars->cwd
				: k == 1 ? vars->home
					 : vars->tmpdir;
		if (!v || v[0] != '/') {
			snprintf(msg, len, "${%s} has no absolute value here", names[k]);
			return NULL;
		}
		*n = (size_t)(end - s) + 3;
		return v;
	}
	snprintf(msg, len, "unknown variable '${%.*s' (CWD, HOME, TMPDIR, PATH)",
		 end ? (int)(end - s + 1) : (int)strlen(s), s);
	return NULL;
}

/* v with each ${NAME} replaced by its value, glob characters in it escaped. */
static int expand(const char *v, const struct policy_vars *vars, struct strbuf *out, char *msg,
		  size_t len)
{
	for (const char *s = v; *s;) {
		size_t n;
		if (s[0] == '\\' && s[1]) {
			strbuf_addn(out, s, 2);
			s += 2;
			continue;
		}
		if (s[0] != '$' || s[1] != '{') {
			strbuf_addc(out, *s++);
			continue;
		}
		const char *val = var_value(s + 2, vars, &n, msg, len);
		if (!val)
			return -EINVAL;
		for (const char *c = val; *c; c++) {
			if (strchr("*?[]\\", *c))
				strbuf_addc(out, '\\');
			strbuf_addc(out, *c);
		}
		s += n;
	}
	return 0;
}

static int parse_glob(struct policy_cond *c, unsigned i, const char *v,
		      const struct policy_vars *vars, char *msg, size_t len)
{
	struct strbuf sb = {0};

	if (expand(v, vars, &sb, msg, len) < 0) {
		strbuf_free(&sb);
		return -EINVAL;
	}
	if (!sb.buf || sb.buf[0] != '/') {
		snprintf(msg, len, "'%s' is not an absolute path glob", v);
		strbuf_free(&sb);
		return -EINVAL;
	}
	c->globs[i] = xstrdup(sb.buf);
	strbuf_free(&sb);
	return 0;
}

static int parse_ip(struct policy_net *n, const char *v, char *msg, size_t len)
{
	char buf[64];
	const char *slash = strchr(v, '/');
	size_t alen = slash ? (size_t)(slash - v) : strlen(v);

	if (alen >= sizeof(buf))
		goto bad;
	memcpy(buf, v, alen);
	buf[alen] = '\0';
	if (inet_pton(AF_INET, buf, n->addr) == 1) {
		n->family = AF_INET, n->prefix = 32;
	} else if (inet_pton(AF_INET6, buf, n->addr) == 1) {
		n->family = AF_INET6, n->prefix = 128;
	} else {
		goto bad;
	}
	if (slash) {
		char *end;
		unsigned long pl = strtoul(slash + 1, &end, 10);
		if (!slash[1] || *end || pl > n->prefix)
			goto bad;
		n->prefix = (unsigned)pl;
	}
	return 0;
bad:
	snprintf(msg, len, "invalid address '%s' (an IP address, a CIDR, a unix path or none)", v);
	return -EINVAL;
}

static int parse_port(struct policy_ports *p, const char *v, char *msg, size_t len)
{
	char *end;
	unsigned long lo = strtoul(v, &end, 10), hi = lo;

	if (end == v)
		goto bad;
	if (*end == '-') {
		const char *h = end + 1;
		hi = strtoul(h, &end, 10);
		if (end == h)
			goto bad;
	}
	if (*end || lo > 65535 || hi > 65535 || lo > hi)
		goto bad;
	p->lo = (uint16_t)lo, p->hi = (uint16_t)hi;
	return 0;
bad:
	snprintf(msg, len, "invalid port '%s' (N or N-M, 0 to 65535)", v);
	return -EINVAL;
}

static int parse_int(enum policy_key key, int *out, const char *v, char *msg, size_t len)
{
	if (key == PK_FAMILY) {
		*out = policy_family_parse(v);
		if (*out < 0) {
			snprintf(msg, len, "unknown socket family '%s'", v);
			return -EINVAL;
		}
		return 0;
	}
	if (!strcmp(v, "read") || !strcmp(v, "write")) {
		*out = v[0] == 'r' ? POLICY_ACCESS_READ : POLICY_ACCESS_WRITE;
		return 0;
	}
	snprintf(msg, len, "invalid access '%s' (read or write)", v);
	return -EINVAL;
}

static int parse_addr(struct policy_net *n, const char *v, const struct policy_vars *vars,
		      char *msg, size_t len)
{
	memset(n, 0, sizeof(*n));
	if (!strcmp(v, "none")) {
		n->family = AF_UNSPEC;
		return 0;
	}
	if (v[0] == '/' || v[0] == '@' || v[0] == '$') { /* a unix path, ${TMPDIR}/... too */
		struct strbuf sb = {0};
		if (v[0] != '@' && expand(v, vars, &sb, msg, len) < 0) {
			strbuf_free(&sb);
			return -EINVAL;
		}
		n->family = AF_UNIX;
		n->glob = xstrdup(v[0] == '@' ? v : sb.buf ? sb.buf : "");
		strbuf_free(&sb);
		if (n->glob[0] == '/' || n->glob[0] == '@')
			return 0;
		snprintf(msg, len, "'%s' is not an absolute unix socket path", v);
		return -EINVAL;
	}
	return parse_ip(n, v, msg, len);
}

int cond_set_value(struct policy_cond *c, enum policy_key key, unsigned i, const char *v,
		   const struct policy_vars *vars, char *msg, size_t len)
{
	switch (key) {
	case PK_PATH:
	case PK_EXEC:
	case PK_EXE:
		return parse_glob(c, i, v, vars, msg, len);
	case PK_FAMILY:
	case PK_ACCESS:
		return parse_int(key, &c->ints[i], v, msg, len);
	case PK_ADDR:
		return parse_addr(&c->nets[i], v, vars, msg, len);
	case PK_PORT:
		return parse_port(&c->ports[i], v, msg, len);
	case PK_COUNT:
		break;
	}
	return -EINVAL;
}

void cond_alloc(struct policy_cond *c, enum policy_key key, unsigned n)
{
	c->n = n;
	if (key == PK_PATH || key == PK_EXEC || key == PK_EXE)
		c->globs = xcalloc(n, sizeof(*c->globs));
	else if (key == PK_FAMILY || key == PK_ACCESS)
		c->ints = xcalloc(n, sizeof(*c->ints));
	else if (key == PK_ADDR)
		c->nets = xcalloc(n, sizeof(*c->nets));
	else
		c->ports = xcalloc(n, sizeof(*c->ports));
}

void cond_free(struct policy_cond *c)
{
	for (unsigned i = 0; c->globs && i < c->n; i++)
		free(c->globs[i]);
	for (unsigned i = 0; c->nets && i < c->n; i++)
		free(c->nets[i].glob);
	free(c->globs);
	free(c->ints);
	free(c->nets);
	free(c->ports);
	memset(c, 0, sizeof(*c));
}

static const char *const key_names[PK_COUNT] = {
	[PK_PATH] = "path", [PK_EXEC] = "exec", [PK_ACCESS] = "access", [PK_FAMILY] = "family",
	[PK_ADDR] = "addr", [PK_PORT] = "port", [PK_EXE] = "exe",
};

int policy_key_parse(const char *s)
{
	for (int k = 0; k < PK_COUNT; k++)
		if (!strcmp(key_names[k], s))
			return k;
	return -1;
}

const char *policy_key_name(enum policy_key k)
{
	return key_names[k];
}
