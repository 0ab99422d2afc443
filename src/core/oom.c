/*
 * The OOM killer's evidence for --summary-tree: its kill counters, the
 * system's (/proc/vmstat oom_kill, Linux 4.13) and the process's memory
 * cgroup's (cgroup v2 memory.events, v1 memory.oom_control: oom_kill).  A
 * process that dies of SIGKILL while its counter rose was likely its victim.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tracer.h"
#include "util/readfile.h"
#include "util/xalloc.h"

/* The number after "oom_kill " in a counters file, or -1. */
static int64_t oom_count(const char *path)
{
	char *s = path ? readfile(path, 1 << 14, NULL) : NULL;
	const char *p = s;
	int64_t n = -1;

	while (p && (p = strstr(p, "oom_kill ")))
		if (p == s || p[-1] == '\n') {
			n = strtoll(p + 9, NULL, 10);
			break;
		} else {
			p += 9;
		}
	free(s);
	return n;
}

/* The counters file of pid's memory cgroup, malloc'd, or NULL. */
static char *memcg_events(pid_t pid)
{
	char path[512], *out = NULL;

	snprintf(path, sizeof(path), "/proc/%d/cgroup", (int)pid);
	char *s = readfile(path, 1 << 14, NULL);
	for (char *line = s ? strtok(s, "\n") : NULL; line && !out; line = strtok(NULL, "\n")) {
		const char *v1 = strstr(line, ":memory:");
		if (v1)
			snprintf(path, sizeof(path), "/sys/fs/cgroup/memory%s/memory.oom_control",
				 v1 + 8);
		else if (!strncmp(line, "0::", 3))
			snprintf(path, sizeof(path), "/sys/fs/cgroup%s/memory.events", line + 3);
		else
			continue;
		if (access(path, R_OK) == 0)
			out = xstrdup(path);
		else if (!v1) {
			/* A hybrid hierarchy mounts v2 at /sys/fs/cgroup/unified. */
			snprintf(path, sizeof(path), "/sys/fs/cgroup/unified%s/memory.events",
				 line + 3);
			if (access(path, R_OK) == 0)
				out = xstrdup(path);
		}
	}
	free(s);
	return out;
}

void oom_mark(struct story_proc *r, pid_t pid)
{
	free(r->memcg_events);
	r->memcg_events = memcg_events(pid);
	r->oom_memcg_base = oom_count(r->memcg_events);
	r->oom_vmstat_base = oom_count("/proc/vmstat");
}

bool oom_rose(const struct story_proc *r)
{
	int64_t cg = oom_count(r->memcg_events);

	if (r->oom_memcg_base >= 0 && cg >= 0)
		return cg > r->oom_memcg_base;
	int64_t all = oom_count("/proc/vmstat");
	return r->oom_vmstat_base >= 0 && all > r->oom_vmstat_base;
}
