#include "nlsock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "sys/flags.h"
#include "sys/xlat.h"
#include "util/readfile.h"

/* A netlink table lists every bound socket of the namespace: a busy host's runs long. */
enum { NETLINK_TABLE_MAX = 4 << 20 };

bool nlsock_find(const char *table, unsigned long inode, int *proto, uint32_t *portid)
{
	const char *line = strchr(table, '\n'); /* the column names */

	while (line && *++line) {
		int eth;
		unsigned pid;
		unsigned long ino;
		if (sscanf(line, "%*s %d %u %*s %*s %*s %*s %*s %*s %lu", &eth, &pid, &ino) == 3 &&
		    ino == inode) {
			*proto = eth;
			*portid = pid;
			return true;
		}
		line = strchr(line, '\n');
	}
	return false;
}

bool sock_protoname(pid_t tid, int fd, char *out, size_t len)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tid, fd);
	/* The socket's protocol name: what strace asks too, and cheaper than any table. */
	ssize_t p = len ? getxattr(path, "system.sockprotoname", out, len - 1) : -1;
	if (p < 0)
		return false;
	out[p] = '\0';
	return true;
}

bool nlsock_is_netlink(pid_t tid, int fd, unsigned long *inode)
{
	char path[64], link[64], proto[32];

	if (fd < 0)
		return false;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tid, fd);
	ssize_t n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return false;
	link[n] = '\0';
	if (sscanf(link, "socket:[%lu]", inode) != 1)
		return false;
	return sock_protoname(tid, fd, proto, sizeof(proto)) && strcmp(proto, "NETLINK") == 0;
}

int nlsock_proto(pid_t tid, int fd, uint32_t *portid)
{
	char path[64];
	unsigned long inode;
	int proto = -2;
	uint32_t pid = 0;

	if (!nlsock_is_netlink(tid, fd, &inode))
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/net/netlink", (int)tid);
	char *text = readfile(path, NETLINK_TABLE_MAX, NULL);
	if (!text || !nlsock_find(text, inode, &proto, &pid))
		proto = -2;
	free(text);
	if (portid)
		*portid = pid;
	return proto;
}

bool nlsock_describe(pid_t tid, int fd, char *out, size_t len)
{
	unsigned long inode;
	uint32_t portid;

	if (!nlsock_is_netlink(tid, fd, &inode))
		return false;
	int proto = nlsock_proto(tid, fd, &portid);
	const char *name = proto >= 0 ? xlat_name(&xl_netlink_protocols, (unsigned)proto) : NULL;
	if (proto < 0)
		snprintf(out, len, "NETLINK:[%lu]", inode);
	else if (name && !strncmp(name, "NETLINK_", 8))
		snprintf(out, len, "NETLINK:[%s:%u]", name + 8, portid);
	else
		snprintf(out, len, "NETLINK:[%d:%u]", proto, portid);
	return true;
}
