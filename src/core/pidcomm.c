/*
 * -Y (--decode-pids=comm): every process id in a decoded call carries the
 * name of the process it names now, as strace reads it: /proc/PID/comm in
 * ptrc's pid namespace.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void annotate(struct task *task, struct val *v, unsigned depth)
{
	char comm[64];

	if (!v || depth > 8)
		return;
	if (v->kind == VAL_PID) {
		if (pid_comm((pid_t)v->pid.num, comm, sizeof(comm)))
			v->pid.comm = arena_strndup(&task->ar, comm, strlen(comm));
		return;
	}
	struct val *c;
	for (unsigned i = 0; (c = val_child(v, i)); i++)
		annotate(task, c, depth + 1);
}

void pidcomm_annotate(struct tracer *t, struct task *task, unsigned from, unsigned to,
		      bool with_ret)
{
	struct sc_event *ev = &task->ev;

	if (!t->cfg->decode_pids)
		return;
	for (unsigned i = from; i < to && i < ev->nargs; i++)
		annotate(task, &ev->args[i], 0);
	if (with_ret && !ev->is_error)
		annotate(task, &ev->retv, 0);
}
