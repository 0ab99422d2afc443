#include "unixdiag.h"

#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int query(int sk, unsigned long ino)
{
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req req;
	} msg;

	memset(&msg, 0, sizeof(msg));
	msg.nlh.nlmsg_len = sizeof(msg);
	msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	msg.nlh.nlmsg_flags = NLM_F_REQUEST;
	msg.req.sdiag_family = AF_UNIX;
	msg.req.udiag_states = ~0U;
	msg.req.udiag_ino = (uint32_t)ino;
	msg.req.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
	msg.req.udiag_cookie[0] = INET_DIAG_NOCOOKIE;
	msg.req.udiag_cookie[1] = INET_DIAG_NOCOOKIE;
	return send(sk, &msg, sizeof(msg), 0) < 0 ? -errno : 0;
}

static const char *type_name(uint8_t type)
{
	switch (type) {
	case SOCK_STREAM:
		return "UNIX-STREAM";
	case SOCK_DGRAM:
		return "UNIX-DGRAM";
	case SOCK_SEQPACKET:
		return "UNIX-SEQPACKET";
	default:
		return "UNIX";
	}
}

static int parse(const struct nlmsghdr *h, size_t n, unsigned long ino, char *out, size_t len)
{
	if (!NLMSG_OK(h, n) || h->nlmsg_type == NLMSG_ERROR)
		return -ENOENT;
	const struct unix_diag_msg *m = NLMSG_DATA(h);
	uint32_t peer = 0;
	char name[128] = "";
	int rlen = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(*m)));
	for (struct rtattr *a = (struct rtattr *)(m + 1); RTA_OK(a, rlen); a = RTA_NEXT(a, rlen)) {
		if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= sizeof(peer))
			memcpy(&peer, RTA_DATA(a), sizeof(peer));
		if (a->rta_type == UNIX_DIAG_NAME && RTA_PAYLOAD(a) > 0) {
			size_t l = RTA_PAYLOAD(a) < sizeof(name) - 1 ? RTA_PAYLOAD(a)
								     : sizeof(name) - 1;
			memcpy(name, RTA_DATA(a), l);
			name[l] = '\0';
			/* An abstract name starts with a NUL; strace shows it as '@'. */
			if (!name[0] && l > 1)
				name[0] = '@';
		}
	}
	int w = snprintf(out, len, "%s:[%lu", type_name(m->udiag_type), ino);
	if (peer && w > 0 && (size_t)w < len)
		w += snprintf(out + w, len - (size_t)w, "->%u", peer);
	if (name[0] && w > 0 && (size_t)w < len)
		w += snprintf(out + w, len - (size_t)w, ",\"%s\"", name);
	if (w > 0 && (size_t)w < len)
		snprintf(out + w, len - (size_t)w, "]");
	return 0;
}

int unixdiag_describe(unsigned long ino, char *out, size_t len)
{
	long buf[2048];
	int sk = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	int rc;

	if (sk < 0)
		return -errno;
	rc = query(sk, ino);
	if (rc < 0)
		goto out_close;
	ssize_t n = recv(sk, buf, sizeof(buf), 0);
	if (n < 0) {
		rc = -errno;
		goto out_close;
	}
	rc = parse((const struct nlmsghdr *)buf, (size_t)n, ino, out, len);
out_close:
	close(sk);
	return rc;
}
