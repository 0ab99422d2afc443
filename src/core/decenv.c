/*
 * What the decoders may learn beyond tracee memory (struct dec_env, issue 15):
 * a descriptor's netlink protocol from the tracee's /proc, interface names
 * and generic netlink families from the kernel, as strace looks them up
 * (interfaces and families in ptrc's own network namespace).
 */
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "fd/nlsock.h"
#include "sys/xlat.h"
#include "tracer.h"
#include "util/xalloc.h"

static int live_netlink_proto(void *ctx, int64_t fd)
{
	const struct task *task = ctx;

	if (fd < 0 || fd > INT32_MAX)
		return DEC_NL_NONE;
	int proto = nlsock_proto(task->tid, (int)fd, NULL);
	return proto == -1 ? DEC_NL_NONE : proto == -2 ? DEC_NL_UNBOUND : proto;
}

static bool live_ifname(void *ctx, uint64_t idx, char *name)
{
	(void)ctx;
	return idx <= UINT32_MAX && if_indextoname((unsigned)idx, name) != NULL;
}

/* The families the kernel has when first asked: strace's names for generic netlink types. */
static struct xlat genl_table = {NULL, 0, XLAT_ENUM, "GENERIC_FAMILY_", NULL, NULL};
static bool genl_asked;

static void genl_add(const struct nlmsghdr *h, size_t *cap)
{
	const struct genlmsghdr *g = NLMSG_DATA(h);
	int left = (int)h->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
	const struct nlattr *a = (const void *)((const char *)g + GENL_HDRLEN);
	uint16_t id = 0;
	const char *name = NULL;

	for (; left >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN && a->nla_len <= left;
	     left -= NLA_ALIGN(a->nla_len),
	     a = (const void *)((const char *)a + NLA_ALIGN(a->nla_len))) {
		const char *data = (const char *)a + NLA_HDRLEN;
		if (a->nla_type == CTRL_ATTR_FAMILY_ID && a->nla_len >= NLA_HDRLEN + 2)
			memcpy(&id, data, sizeof(id));
		if (a->nla_type == CTRL_ATTR_FAMILY_NAME &&
		    memchr(data, 0, a->nla_len - NLA_HDRLEN))
			name = data;
	}
	if (!name || !id)
		return;
	if (genl_table.n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		genl_table.ents = xrealloc((void *)genl_table.ents, *cap * sizeof(struct xlat_ent));
	}
	struct xlat_ent *e = (struct xlat_ent *)&genl_table.ents[genl_table.n++];
	e->val = id;
	e->name = xstrdup(name);
}

/* Reads the replies to a CTRL_CMD_GETFAMILY dump until its NLMSG_DONE. */
static void genl_read(int sk)
{
	static char buf[16384];
	size_t cap = 0;

	for (;;) {
		ssize_t n = recv(sk, buf, sizeof(buf), 0);
		if (n <= 0)
			return;
		for (const struct nlmsghdr *h = (const void *)buf; NLMSG_OK(h, (size_t)n);
		     h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				return;
			if (h->nlmsg_type == GENL_ID_CTRL)
				genl_add(h, &cap);
		}
	}
}

static const struct xlat *live_genl_families(void *ctx)
{
	struct {
		struct nlmsghdr h;
		struct genlmsghdr g;
	} req;

	(void)ctx;
	if (genl_asked)
		return genl_table.n ? &genl_table : NULL;
	genl_asked = true;
	int sk = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (sk < 0)
		return NULL;
	/* The kernel answers at once; a bound keeps a surprise from stopping the trace. */
	struct timeval tv = {1, 0};
	setsockopt(sk, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = sizeof(req);
	req.h.nlmsg_type = GENL_ID_CTRL;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.g.cmd = CTRL_CMD_GETFAMILY;
	if (send(sk, &req, sizeof(req), 0) == (ssize_t)sizeof(req))
		genl_read(sk);
	close(sk);
	return genl_table.n ? &genl_table : NULL;
}

static const struct dec_env_ops live_ops = {
	.netlink_proto = live_netlink_proto,
	.ifname = live_ifname,
	.genl_families = live_genl_families,
};

void decenv_init(struct dec_env *env, struct task *task)
{
	env->ops = &live_ops;
	env->ctx = task;
}
