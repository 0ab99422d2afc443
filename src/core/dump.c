/*
 * ptrc --dump: collects, for each thread of each process asked for, what the
 * hang report shows (dump.h), one thread stopped at a time.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../arch/abi.h"
#include "dump.h"
#include "exit_status.h"
#include "out/dump.h"
#include "ptrace.h"
#include "sys/decode.h"
#include "tracer.h"
#include "out/json.h"
#include "out/stream.h"
#include "util/readfile.h"
#include "util/xalloc.h"

enum { DUMP_MAX_THREADS = 65536, DUMP_MAX_DEPTH = 64 };

static char *proc_file(pid_t pid, pid_t tid, const char *name, size_t max)
{
	char path[96];

	if (tid)
		snprintf(path, sizeof(path), "/proc/%d/task/%d/%s", (int)pid, (int)tid, name);
	else
		snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, name);
	return readfile(path, max, NULL);
}

/* What the thread is doing, read before it is stopped (stopping it changes the answers). */
static void facts_before(pid_t pid, pid_t tid, struct arena *ar, struct dump_thread *th)
{
	char *s = proc_file(pid, tid, "stat", 4096);
	/* "TID (COMM) S ...": the comm may hold spaces and parentheses, the last ')' ends it. */
	const char *close = s ? strrchr(s, ')') : NULL;

	th->state = close && close[1] == ' ' ? close[2] : '?';
	free(s);
	s = proc_file(pid, tid, "comm", sizeof(th->comm));
	if (s) {
		snprintf(th->comm, sizeof(th->comm), "%.*s", (int)strcspn(s, "\n"), s);
		free(s);
	}
	s = proc_file(pid, tid, "wchan", 256);
	if (s && *s && strcmp(s, "0"))
		th->wchan = arena_strndup(ar, s, strcspn(s, "\n"));
	free(s);
}

/*
 * Seizes and interrupts tid, and waits for its stop.  Returns 0 with *sig
 * the signal to give back at detach (a signal-delivery stop came first), or
 * -errno (-ESRCH: the thread is gone).
 */
static int stop_thread(pid_t tid, int *sig)
{
	int status;

	*sig = 0;
	if (pt(PTRACE_SEIZE, tid, NULL, NULL) < 0)
		return -errno;
	if (pt(PTRACE_INTERRUPT, tid, NULL, NULL) < 0 && errno != ESRCH)
		return -errno;
	for (;;) {
		pid_t w = waitpid(tid, &status, __WALL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -errno;
		if (!WIFSTOPPED(status))
			return -ESRCH; /* it exited meanwhile */
		if (status >> 16 == 0 && WSTOPSIG(status) != SIGTRAP)
			*sig = WSTOPSIG(status); /* a signal on its way: delivered at detach */
		return 0;
	}
}

/* /proc/TID/syscall of a stopped thread: 1 with nr and args when it is in a call, else 0. */
static int read_syscall(pid_t pid, pid_t tid, uint64_t *nr, uint64_t args[6])
{
	char *s = proc_file(pid, tid, "syscall", 512);
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

/* The ABI of the thread's stop (an i386 program on x86_64 has i386 calls). */
static const struct ptrc_abi *stop_abi(pid_t tid)
{
	struct __ptrace_syscall_info info;

	if (pt(PTRACE_GET_SYSCALL_INFO, tid, (void *)sizeof(info), &info) > 0) {
		const struct ptrc_abi *abi = abi_by_audit_arch(info.arch);
		if (abi)
			return abi;
	}
	return abi_host();
}

static void read_thread(struct tracer *t, struct unwind_proc *up, const struct tmem *mem, pid_t pid,
			struct arena *ar, struct dump_thread *th)
{
	uint64_t nr, args[6];
	int sig;

	facts_before(pid, th->tid, ar, th);
	int err = stop_thread(th->tid, &sig);
	if (err < 0) {
		th->why =
			err == -ESRCH ? "exited meanwhile" : arena_strndup(ar, strerror(-err), 64);
		return;
	}
	if (read_syscall(pid, th->tid, &nr, args) == 1) {
		const struct ptrc_abi *abi = stop_abi(th->tid);
		struct dctx d = {.mem = mem, .ar = ar, .abi = abi, .opt = &t->dopt};
		sys_call_start(&th->ev, abi, nr, args, mem, ar);
		sys_decode_entry(&d, &th->ev);
		th->in_syscall = true;
	}
	struct unwind_opts uo = {.no_python = t->cfg->no_py_frames};
	th->walk_err = unwind_walk(up, th->tid, &uo, ar, &th->stack);
	/* Whatever happened above, the thread runs on: the call it was in restarts. */
	if (pt(PTRACE_DETACH, th->tid, NULL, (void *)(long)sig) < 0 && errno != ESRCH)
		tracer_msg("detach %d: %s", (int)th->tid, strerror(errno));
}

static int cmp_pid(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;

	return (x > y) - (x < y);
}

/* The ids in /proc/PID/task (or a children file's list), sorted; the count, or -errno. */
static ssize_t list_tids(pid_t pid, pid_t **out)
{
	char path[64];
	size_t n = 0, cap = 16;
	struct dirent *de;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	DIR *d = opendir(path);
	if (!d)
		return -errno;
	*out = xmalloc(cap * sizeof(**out));
	while ((de = readdir(d)) && n < DUMP_MAX_THREADS) {
		int tid = atoi(de->d_name);
		if (tid <= 0)
			continue;
		if (n == cap)
			*out = xrealloc(*out, (cap *= 2) * sizeof(**out));
		(*out)[n++] = tid;
	}
	closedir(d);
	qsort(*out, n, sizeof(**out), cmp_pid);
	return (ssize_t)n;
}

/* The process's children: every thread's /proc/PID/task/TID/children. */
static void list_children(struct dump_proc *p, struct arena *ar)
{
	size_t cap = 0;

	for (size_t i = 0; i < p->nthreads; i++) {
		char *s = proc_file(p->pid, p->threads[i].tid, "children", 1 << 16);
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

static void parent_facts(struct dump_proc *p, struct arena *ar)
{
	char *s = proc_file(p->pid, 0, "status", 1 << 14);
	const char *pp = s ? strstr(s, "\nPPid:") : NULL;

	p->ppid = pp ? atoi(pp + 6) : 0;
	free(s);
	s = p->ppid > 0 ? proc_file(p->ppid, 0, "comm", 64) : NULL;
	if (s)
		p->parent_comm = arena_strndup(ar, s, strcspn(s, "\n"));
	free(s);
	char *cmd = read_cmdline(p->pid, 512);
	if (cmd)
		p->cmdline = arena_strndup(ar, cmd, strlen(cmd));
	free(cmd);
}

/* Prints p to the trace's output, as text or JSON. */
static void dump_emit(struct tracer *t, const struct dump_proc *p)
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
	out_write(&t->out, sb.buf, sb.len);
	out_flush(&t->out);
	strbuf_free(&sb);
}

/* Dumps pid, then (with -f) its children; 0, or -errno when pid could not be read. */
static int dump_tree(struct tracer *t, pid_t pid, unsigned depth)
{
	struct arena ar = {0};
	struct dump_proc p = {.pid = pid};
	struct tmem_live live;
	struct tmem mem;
	pid_t *tids = NULL;
	ssize_t n = list_tids(pid, &tids);

	if (n <= 0) {
		tracer_msg("dump %d: %s", (int)pid, strerror(n < 0 ? (int)-n : ESRCH));
		return n < 0 ? (int)n : -ESRCH;
	}
	parent_facts(&p, &ar);
	p.threads = arena_zalloc(&ar, (size_t)n * sizeof(*p.threads));
	p.nthreads = (size_t)n;
	tmem_live_init(&live, &mem, pid);
	struct unwind_proc *up = unwind_proc_new(pid, t->cfg->unwinder);
	for (size_t i = 0; i < p.nthreads; i++) {
		p.threads[i].tid = tids[i];
		tmem_live_use(&live, tids[i]);
		read_thread(t, up, &mem, pid, &ar, &p.threads[i]);
	}
	list_children(&p, &ar);
	dump_emit(t, &p);
	unwind_proc_free(up);
	tmem_live_close(&live);
	free(tids);
	for (size_t i = 0; t->cfg->follow && depth < DUMP_MAX_DEPTH && i < p.nchildren; i++)
		(void)dump_tree(t, p.children[i], depth + 1);
	arena_free(&ar);
	return 0;
}

int tracer_dump(struct tracer *t)
{
	unsigned ok = 0;

	for (size_t i = 0; i < t->cfg->npids; i++)
		if (dump_tree(t, t->cfg->pids[i], 0) == 0)
			ok++;
	return ok ? 0 : PTRC_EXIT_FAILURE;
}
