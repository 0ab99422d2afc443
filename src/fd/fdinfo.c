#include "fdinfo.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "fd/nlsock.h"
#include "fd/procnet.h"
#include "fd/unixdiag.h"
#include "util/readfile.h"

/* /proc/net tables of a busy host run to megabytes; beyond this a socket is not described. */
enum { PROC_NET_MAX = 16 << 20 };

static bool describe_inet(pid_t tid, unsigned long ino, char *out, size_t len)
{
	static const struct {
		const char *file, *proto;
		bool v6;
	} tables[] = {
		{"tcp", "TCP", false},
		{"tcp6", "TCP", true},
		{"udp", "UDP", false},
		{"udp6", "UDP", true},
	};

	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		char path[64];
		snprintf(path, sizeof(path), "/proc/%d/net/%s", (int)tid, tables[i].file);
		char *text = readfile(path, PROC_NET_MAX, NULL);
		bool found = text &&
			     procnet_describe(text, ino, tables[i].proto, tables[i].v6, out, len);
		free(text);
		if (found)
			return true;
	}
	return false;
}

static void add_detail(pid_t tid, int fd, char *out, size_t len)
{
	char path[64];
	struct stat st;
	unsigned long ino;

	if (sscanf(out, "socket:[%lu]", &ino) == 1) {
		char desc[256];
		if (nlsock_describe(tid, fd, desc, sizeof(desc)) ||
		    describe_inet(tid, ino, desc, sizeof(desc)) ||
		    unixdiag_describe(ino, desc, sizeof(desc)) == 0)
			snprintf(out, len, "%s", desc);
		return;
	}
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tid, fd);
	if (out[0] != '/' || stat(path, &st) < 0)
		return;
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
		size_t n = strlen(out);
		snprintf(out + n, len - n, "<%s %u:%u>", S_ISCHR(st.st_mode) ? "char" : "block",
			 major(st.st_rdev), minor(st.st_rdev));
	}
}

bool fdinfo_socket_proto(pid_t tid, int fd, char *out, size_t len)
{
	char proto[32];
	unsigned long ino;

	if (sscanf(out, "socket:[%lu]", &ino) != 1 ||
	    !sock_protoname(tid, fd, proto, sizeof(proto)))
		return false;
	snprintf(out, len, "%s:[%lu]", proto, ino);
	return true;
}

int fdinfo_describe(pid_t tid, int fd, bool detailed, char *out, size_t len)
{
	char link[64];

	if (fd == AT_FDCWD)
		snprintf(link, sizeof(link), "/proc/%d/cwd", (int)tid);
	else if (fd >= 0)
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)tid, fd);
	else
		return -EBADF;
	ssize_t n = readlink(link, out, len - 1);
	if (n < 0)
		return -errno;
	out[n] = '\0';
	if (detailed && fd != AT_FDCWD)
		add_detail(tid, fd, out, len);
	return 0;
}
