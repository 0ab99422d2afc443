/*
 * What both hang reports read of a thread and a process without stopping it
 * (/proc), and where they print it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dump.h"
#include "out/dump.h"
#include "out/json.h"
#include "out/stream.h"
#include "tracer.h"
#include "util/readfile.h"

char *dump_proc_file(pid_t pid, pid_t tid, const char *name, size_t max)
{
	char path[96];

	if (tid)
		snprintf(path, sizeof(path), "/proc/%d/task/%d/%s", (int)pid, (int)tid, name);
	else
		snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, name);
	return readfile(path, max, NULL);
}

/* What the thread is doing, read before it is stopped (stopping it changes the answers). */
void dump_thread_facts(pid_t pid, pid_t tid, struct arena *ar, struct dump_thread *th)
{
	char *s = dump_proc_file(pid, tid, "stat", 4096);
	/* "TID (COMM) S ...": the comm may hold spaces and parentheses, the last ')' ends it. */
	const char *close = s ? strrchr(s, ')') : NULL;

	th->blocked_s = -1;
	th->state = close && close[1] == ' ' ? close[2] : '?';
	free(s);
	s = dump_proc_file(pid, tid, "comm", sizeof(th->comm));
	if (s) {
		snprintf(th->comm, sizeof(th->comm), "%.*s", (int)strcspn(s, "\n"), s);
		free(s);
	}
	s = dump_proc_file(pid, tid, "wchan", 256);
	if (s && *s && strcmp(s, "0"))
		th->wchan = arena_strndup(ar, s, strcspn(s, "\n"));
	free(s);
}

/* /proc/TID/syscall of a stopped thread: 1 with nr and args when it is in a call, else 0. */
int dump_read_syscall(pid_t pid, pid_t tid, uint64_t *nr, uint64_t args[6])
{
	char *s = dump_proc_file(pid, tid, "syscall", 512);
	long long n;
	int got = 0;

	if (s && sscanf(s, "%lld", &n) == 1 && n >= 0) {
		*nr = (uint64_t)n;
		const char *p = strchr(s, ' ');
		got = 1;
		for (int i = 0; i < 6; i++) {
			char *end;
			args[i] = p ? strtoull(p, &end, 0) : 0;
			p = p && end != p ? end : NULL;
		}
	}
	free(s);
	return got;
}

/* The process's children: every thread's /proc/PID/task/TID/children. */
void dump_children(struct dump_proc *p, struct arena *ar)
{
	size_t cap = 0;

	for (size_t i = 0; i < p->nthreads; i++) {
		char *s = dump_proc_file(p->pid, p->threads[i].tid, "children", 1 << 16);
		for (char *tok = s ? strtok(s, " \n") : NULL; tok; tok = strtok(NULL, " \n")) {
			if (p->nchildren == cap) {
				size_t ncap = cap ? cap * 2 : 8;
				pid_t *v = arena_alloc(ar, ncap * sizeof(*v));
				if (p->nchildren)
					memcpy(v, p->children, p->nchildren * sizeof(*v));
				p->children = v;
				cap = ncap;
			}
			p->children[p->nchildren++] = atoi(tok);
		}
		free(s);
	}
}

void dump_proc_facts(struct dump_proc *p, struct arena *ar)
{
	char *s = dump_proc_file(p->pid, 0, "status", 1 << 14);
	const char *pp = s ? strstr(s, "\nPPid:") : NULL;

	p->ppid = pp ? atoi(pp + 6) : 0;
	free(s);
	s = p->ppid > 0 ? dump_proc_file(p->ppid, 0, "comm", 64) : NULL;
	if (s)
		p->parent_comm = arena_strndup(ar, s, strcspn(s, "\n"));
	free(s);
	char *cmd = read_cmdline(p->pid, 512);
	if (cmd)
		p->cmdline = arena_strndup(ar, cmd, strlen(cmd));
	free(cmd);
}

/* Prints p to the trace's output, as text or JSON. */
void dump_emit(struct tracer *t, const struct dump_proc *p, bool also_stderr)
{
	struct strbuf sb = {0};

	if (t->cfg->json && !t->out.started) {
		json_header(&sb, PTRC_VERSION);
		t->out.started = true;
	}
	if (t->cfg->json)
		dump_json(&sb, p);
	else
		dump_text(&sb, p, &t->topt, t->cfg->py_stacks);
	out_close_open_line(&t->out);
	out_write(&t->out, sb.buf, sb.len);
	out_flush(&t->out);
	if (also_stderr && !t->cfg->json) {
		strbuf_reset(&sb);
		dump_text(&sb, p, &t->topt, t->cfg->py_stacks);
		(void)!write(STDERR_FILENO, sb.buf, sb.len);
	}
	strbuf_free(&sb);
}
