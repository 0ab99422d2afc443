/*
 * The descriptors a process left open when it ended, for the story: read from
 * /proc/TID/fd at its last task's PTRACE_EVENT_EXIT, where the kernel has not yet
 * closed them (do_exit() reports the event before exit_files()).  0, 1 and 2 are
 * left out, and so is what a launched command inherited from ptrc (the same number with
 * the same description): every process has them from whoever started it.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fd/fdinfo.h"
#include "tracer.h"
#include "util/strbuf.h"

enum { LEFT_OPEN_MAX = 64 }; /* descriptors kept per process; the rest are counted */

/* "FD\tdescription\n" for each of pid's descriptors above 2 that keep of (NULL: all) lets
 * through, LEFT_OPEN_MAX at most; *n counts them all.  NULL when there are none. */
static char *open_fds(pid_t pid, bool (*keep)(int fd, const char *desc, const void *arg),
		      const void *arg, uint32_t *n)
{
	char dir[64], desc[512];
	struct strbuf sb = {0};
	struct dirent *e;

	*n = 0;
	snprintf(dir, sizeof(dir), "/proc/%d/fd", (int)pid);
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		char *end;
		long fd = strtol(e->d_name, &end, 10);
		if (*end || end == e->d_name || fd < 3)
			continue;
		if (fdinfo_describe(pid, (int)fd, true, desc, sizeof(desc)) != 0 ||
		    (keep && !keep((int)fd, desc, arg)) || (*n)++ >= LEFT_OPEN_MAX)
			continue;
		strbuf_add_i64(&sb, fd);
		strbuf_addc(&sb, '\t');
		strbuf_adds(&sb, desc);
		strbuf_addc(&sb, '\n');
	}
	closedir(d);
	return sb.buf;
}

/* Not one ptrc's launch gave it: that number with that description. */
static bool not_inherited(int fd, const char *desc, const void *arg)
{
	const char *launch = arg;
	char line[600];

	snprintf(line, sizeof(line), "%d\t%s\n", fd, desc);
	for (const char *l = launch; l && *l; l = strchr(l, '\n') + 1)
		if (!strncmp(l, line, strlen(line)))
			return false;
	return true;
}

/* ptrc's own descriptors that a launched command inherits (not close-on-exec). */
static bool inheritable(int fd, const char *desc, const void *arg)
{
	(void)desc;
	(void)arg;
	int flags = fcntl(fd, F_GETFD);
	return flags >= 0 && !(flags & FD_CLOEXEC);
}

char *story_launch_fds(void)
{
	uint32_t n;

	return open_fds(getpid(), inheritable, NULL, &n);
}

void story_read_left_open(struct story *s, struct story_proc *r, pid_t tid)
{
	free(r->left_open);
	r->left_open = open_fds(tid, not_inherited, s->launch_fds, &r->nleft_open);
}
