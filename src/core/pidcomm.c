/*
 * -Y (--decode-pids=comm) and --pidns-translation (--decode-pids=pidns): a
 * process id in a decoded call is the tracee's, in its own pid namespace.
 * When that is not ptrc's, the id is first translated into ptrc's (the
 * process whose NSpid line has it at the tracee's level, in the tracee's
 * namespace); then -Y reads that process's name, as strace does, and
 * --pidns-translation shows the number.  Namespaces are compared once per
 * process; the same namespace costs nothing more.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tracer.h"
#include "util/readfile.h"

/* The name of process (or thread) pid, into buf; false when it is gone or not one. */
bool pid_comm(pid_t pid, char *buf, size_t len)
{
	char path[48];

	if (pid <= 0 || len == 0)
		return false;
	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	char *s = readfile(path, 64, NULL);
	if (!s)
		return false;
	snprintf(buf, len, "%.*s", (int)strcspn(s, "\n"), s);
	free(s);
	return true;
}

/* The inode of /proc/PID/ns/pid (PID 0: ptrc's own), or 0. */
static ino_t ns_of(pid_t pid)
{
	char path[48];
	struct stat st;

	if (pid)
		snprintf(path, sizeof(path), "/proc/%d/ns/pid", (int)pid);
	else
		snprintf(path, sizeof(path), "/proc/self/ns/pid");
	return stat(path, &st) == 0 ? st.st_ino : 0;
}

/* The NSpid line of a /proc status file: ids from ptrc's namespace inward; their count. */
static unsigned nspids(const char *status_path, long *ids, unsigned max)
{
	char *s = readfile(status_path, 4096, NULL);
	char *line = s ? strstr(s, "\nNSpid:") : NULL;
	unsigned n = 0;

	for (char *p = line ? line + 7 : NULL, *end; p && n < max; p = end) {
		long v = strtol(p, &end, 10);
		if (end == p)
			break;
		ids[n++] = v;
	}
	free(s);
	return n;
}

/* Whether the task whose status file is path has id pid at the level: its id of ours. */
static pid_t match(const char *path, pid_t pid, unsigned level)
{
	long ids[32];
	unsigned n = nspids(path, ids, 32);

	return n > level && ids[level] == pid ? (pid_t)ids[0] : 0;
}

/* A thread (not a leader) of process p whose id at the level is pid, or 0. */
static pid_t search_threads(long p, pid_t pid, unsigned level)
{
	char path[96];
	struct dirent *de;
	pid_t found = 0;

	snprintf(path, sizeof(path), "/proc/%ld/task", p);
	DIR *d = opendir(path);
	while (d && !found && (de = readdir(d))) {
		long tid = strtol(de->d_name, NULL, 10);
		if (tid <= 0 || tid == p)
			continue;
		snprintf(path, sizeof(path), "/proc/%ld/task/%ld/status", p, tid);
		found = match(path, pid, level);
	}
	if (d)
		closedir(d);
	return found;
}

/* The process, else the thread, of the tracee's namespace with id pid there; ours, or 0. */
static pid_t search(pid_t pid, unsigned level, ino_t ns)
{
	char path[64];
	pid_t found = 0;

	for (int pass = 0; pass < 2 && !found; pass++) {
		DIR *d = opendir("/proc");
		struct dirent *de;
		while (d && !found && (de = readdir(d))) {
			long p = strtol(de->d_name, NULL, 10);
			if (p <= 0 || ns_of((pid_t)p) != ns)
				continue;
			snprintf(path, sizeof(path), "/proc/%ld/status", p);
			found = pass ? search_threads(p, pid, level) : match(path, pid, level);
		}
		if (d)
			closedir(d);
	}
	return found;
}

/* pid, as the tracee names it, in ptrc's namespace; 0 when it has none there. */
static pid_t to_ours(struct task *task, pid_t pid)
{
	char path[64];
	long ids[32];
	ino_t ns = ns_of(task->tid);

	if (!ns || ns == ns_of(0))
		return pid;
	snprintf(path, sizeof(path), "/proc/%d/status", (int)task->tid);
	unsigned n = nspids(path, ids, 32);
	return n ? search(pid, n - 1, ns) : 0;
}

static void annotate(struct tracer *t, struct task *task, struct val *v, unsigned depth)
{
	char comm[64];

	if (!v || depth > 8)
		return;
	if (v->kind == VAL_PID) {
		pid_t ours = v->pid.num > 0 ? to_ours(task, (pid_t)v->pid.num) : 0;
		if ((t->cfg->decode_pids & DECODE_PIDS_PIDNS) && ours != v->pid.num)
			v->pid.ours = ours;
		if ((t->cfg->decode_pids & DECODE_PIDS_COMM) && pid_comm(ours, comm, sizeof(comm)))
			v->pid.comm = arena_strndup(&task->ar, comm, strlen(comm));
		return;
	}
	struct val *c;
	for (unsigned i = 0; (c = val_child(v, i)); i++)
		annotate(t, task, c, depth + 1);
}

void pidcomm_annotate(struct tracer *t, struct task *task, unsigned from, unsigned to,
		      bool with_ret)
{
	struct sc_event *ev = &task->ev;

	if (!t->cfg->decode_pids)
		return;
	for (unsigned i = from; i < to && i < ev->nargs; i++)
		annotate(t, task, &ev->args[i], 0);
	if (with_ret && !ev->is_error)
		annotate(t, task, &ev->retv, 0);
}
