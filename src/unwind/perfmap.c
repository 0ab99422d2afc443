/*
 * Names of JIT code from perf's JIT interface: the JIT (Node.js with
 * --perf-basic-prof, CPython 3.12+ with -X perf) writes /tmp/perf-PID.map,
 * one "START SIZE NAME" line per piece of code, START and SIZE in hex without
 * 0x (tools/perf/Documentation/jit-interface.txt).  Looked up only for
 * addresses in no module.  The file is the tracee's: read through
 * /proc/PID/root (a container's /tmp) under the pid the tracee has in its
 * own namespace, and believed only when it is a regular file owned by the
 * process's user or by root, as perf requires.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "util/readfile.h"
#include "util/xalloc.h"

enum { PERFMAP_MAX_BYTES = 64 << 20 };

/* The tracee's pid in its own pid namespace: the last NSpid of /proc/PID/status. */
static pid_t ns_pid(pid_t pid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	char *s = readfile(path, 1 << 14, NULL);
	const char *p = s ? strstr(s, "\nNSpid:") : NULL;
	pid_t last = pid;

	if (p) {
		p += 7;
		for (char *end;; p = end) {
			long v = strtol(p, &end, 10);
			if (end == p)
				break;
			last = (pid_t)v;
		}
	}
	free(s);
	return last;
}

void perfmap_free(struct perfmap *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].name);
	free(m->v);
	free(m->shown);
	memset(m, 0, sizeof(*m));
}

/* Parses the file's lines into m (replacing what it held). */
static void parse(struct perfmap *m, char *text)
{
	size_t cap = 0;

	for (size_t i = 0; i < m->n; i++)
		free(m->v[i].name);
	m->n = 0;
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *end, *end2;
		uint64_t start = strtoull(line, &end, 16);
		uint64_t size = end != line ? strtoull(end, &end2, 16) : 0;
		if (end == line || end2 == end || *end2 != ' ' || !size)
			continue; /* not a "START SIZE NAME" line */
		if (m->n == cap) {
			cap = cap ? cap * 2 : 256;
			m->v = xrealloc(m->v, cap * sizeof(*m->v));
		}
		m->v[m->n++] = (struct perfmap_entry){start, size, xstrdup(end2 + 1)};
	}
}

/* (Re)reads the map when it changed since the last read; false when there is none to trust. */
static bool refresh(struct unwind_proc *up, struct perfmap *m)
{
	char path[96], dir[32];
	struct stat st, owner;

	if (!m->shown) {
		pid_t ns = ns_pid(up->pid);
		snprintf(path, sizeof(path), "/tmp/perf-%d.map", (int)ns);
		m->shown = xstrdup(path);
	}
	snprintf(path, sizeof(path), "/proc/%d/root%s", (int)up->pid, m->shown);
	snprintf(dir, sizeof(dir), "/proc/%d", (int)up->pid);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return m->n > 0;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && stat(dir, &owner) == 0 &&
		  (st.st_uid == owner.st_uid || st.st_uid == 0) && st.st_size <= PERFMAP_MAX_BYTES;
	if (ok && (st.st_size != m->size || st.st_mtim.tv_sec != m->mtime.tv_sec ||
		   st.st_mtim.tv_nsec != m->mtime.tv_nsec)) {
		char *text = xmalloc((size_t)st.st_size + 1);
		ssize_t got = pread(fd, text, (size_t)st.st_size, 0);
		text[got > 0 ? got : 0] = '\0';
		parse(m, text);
		free(text);
		m->size = st.st_size;
		m->mtime = st.st_mtim;
	}
	close(fd);
	return ok && m->n > 0;
}

/* The newest entry holding pc (a JIT may reuse addresses: later lines win). */
static const struct perfmap_entry *lookup(const struct perfmap *m, uint64_t pc)
{
	for (size_t i = m->n; i-- > 0;)
		if (pc >= m->v[i].start && pc - m->v[i].start < m->v[i].size)
			return &m->v[i];
	return NULL;
}

const char *perfmap_find(struct unwind_proc *up, uint64_t pc, uint64_t *off, const char **file)
{
	struct perfmap *m = &up->perfmap;
	const struct perfmap_entry *e = m->n ? lookup(m, pc) : NULL;

	/* A miss may be code the JIT wrote about since: read the file again if it changed. */
	if (!e && refresh(up, m))
		e = lookup(m, pc);
	if (!e)
		return NULL;
	*off = pc - e->start;
	*file = m->shown;
	return e->name;
}
