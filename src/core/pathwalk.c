/*
 * Where a tracee's path leads: its components looked up one by one in the
 * tracee's root (/proc/TID/root), symlinks followed as the kernel follows
 * them, ".." taken after the link before it, /proc/self and
 * /proc/thread-self read as the tracee's own (ptrc reading them would get
 * its own).  The policy judges this name, so a symlink, "/proc/self/root" or
 * "link/.." cannot dress a denied file as an allowed one.  It is a check, not
 * a guarantee: the tree can change before the kernel's own walk, which is
 * why deny and kill mode also have Landlock (landlock.c).
 */
#include "pathwalk.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_LINKS = 40 }; /* the kernel's limit (ELOOP), since Linux 4.2 */

struct walk {
	char res[PATH_MAX];  /* resolved so far, "" for the root */
	char rest[PATH_MAX]; /* still to walk */
	char root[32];	     /* "/proc/TID/root" */
	pid_t tgid, tid;
};

/* Takes the first component off w->rest into c; false when none is left. */
static bool next(struct walk *w, char *c, size_t len)
{
	char *s = w->rest;

	while (*s == '/')
		s++;
	if (!*s)
		return false;
	size_t n = strcspn(s, "/");
	if (n >= len)
		n = len - 1;
	memcpy(c, s, n);
	c[n] = '\0';
	memmove(w->rest, s + n, strlen(s + n) + 1);
	return true;
}

static bool rest_empty(const struct walk *w)
{
	return w->rest[strspn(w->rest, "/")] == '\0';
}

/* /proc/self and /proc/thread-self are the reader's: read them as the tracee's. */
static bool proc_self(struct walk *w)
{
	if (!strcmp(w->res, "/proc/self"))
		snprintf(w->res, sizeof(w->res), "/proc/%d", (int)w->tgid);
	else if (!strcmp(w->res, "/proc/thread-self"))
		snprintf(w->res, sizeof(w->res), "/proc/%d/task/%d", (int)w->tgid, (int)w->tid);
	else
		return false;
	return true;
}

/* Puts a link's target in front of what is left; -ENAMETOOLONG when it cannot. */
static int prepend(struct walk *w, const char *target)
{
	size_t tl = strlen(target), rl = strlen(w->rest);

	if (tl + 1 + rl + 1 > sizeof(w->rest))
		return -ENAMETOOLONG;
	memmove(w->rest + tl + 1, w->rest, rl + 1);
	memcpy(w->rest, target, tl);
	w->rest[tl] = '/';
	if (target[0] == '/')
		w->res[0] = '\0';
	return 0;
}

/* The rest, lexically, after a component that does not exist: the call makes or misses it. */
static void append_rest(struct walk *w)
{
	char c[NAME_MAX + 1];

	while (next(w, c, sizeof(c))) {
		size_t n = strlen(w->res);
		if (!strcmp(c, ".."))
			*(strrchr(w->res, '/') ? strrchr(w->res, '/') : w->res) = '\0';
		else if (strcmp(c, ".") && n + 1 + strlen(c) < sizeof(w->res))
			snprintf(w->res + n, sizeof(w->res) - n, "/%s", c);
	}
}

/*
 * /proc/PID/fd/0, 1 or 2: standard input, output and error are judged as descriptors
 * (their name, /dev/stdout), not by where they point, which the caller of the job
 * chose (a terminal, a pipe, a file): a policy learned at a terminal holds in a pipe.
 */
static bool stdio_link(const char *res)
{
	const char *s = res + strlen("/proc/");

	s += strspn(s, "0123456789");
	if (s == res + strlen("/proc/") || strncmp(s, "/fd/", 4))
		return false;
	s += 4;
	return s[0] >= '0' && s[0] <= '2' && s[1] == '\0';
}

/* One component; 1 when the walk is over, 0 to go on, -errno when it cannot finish. */
static int step(struct walk *w, const char *c, bool follow_last, unsigned *links)
{
	char full[PATH_MAX + 32], target[PATH_MAX];
	struct stat st;
	size_t n = strlen(w->res);

	if (!strcmp(c, "."))
		return 0;
	if (!strcmp(c, "..")) {
		char *slash = strrchr(w->res, '/');
		if (slash)
			*slash = '\0';
		return 0;
	}
	if (n + 1 + strlen(c) >= sizeof(w->res))
		return -ENAMETOOLONG;
	snprintf(w->res + n, sizeof(w->res) - n, "/%s", c);
	if (proc_self(w) || (rest_empty(w) && !follow_last))
		return 0;
	snprintf(full, sizeof(full), "%s%s", w->root, w->res);
	if (lstat(full, &st) < 0) {
		append_rest(w);
		return 1;
	}
	if (!S_ISLNK(st.st_mode))
		return 0;
	if (!strncmp(w->res, "/proc/", 6) && stdio_link(w->res))
		return -ENOENT;
	if (++*links > MAX_LINKS)
		return -ELOOP;
	ssize_t len = readlink(full, target, sizeof(target) - 1);
	if (len <= 0)
		return len < 0 ? -errno : -EINVAL;
	target[len] = '\0';
	/* A /proc link to what has no name ("pipe:[42]"): nothing to walk to. */
	if (target[0] != '/' && !strncmp(w->res, "/proc/", 6) && strchr(target, ':'))
		return -ENOENT;
	w->res[n] = '\0'; /* a relative target is relative to the link's directory */
	return prepend(w, target);
}

int path_walk(pid_t tgid, pid_t tid, const char *path, bool follow_last, char *out, size_t len)
{
	static struct walk w; /* one walk at a time: ptrc has one thread */
	char c[NAME_MAX + 1];
	unsigned links = 0;
	int rc = 0;

	if (path[0] != '/' || strlen(path) >= sizeof(w.rest))
		return -EINVAL;
	w.res[0] = '\0';
	strcpy(w.rest, path);
	w.tgid = tgid;
	w.tid = tid;
	snprintf(w.root, sizeof(w.root), "/proc/%d/root", (int)tid);
	while (rc == 0 && next(&w, c, sizeof(c)))
		rc = step(&w, c, follow_last, &links);
	if (rc < 0)
		return rc;
	if (snprintf(out, len, "%s", w.res[0] ? w.res : "/") >= (int)len)
		return -ENAMETOOLONG;
	return 0;
}
