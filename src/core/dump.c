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
#include <time.h>
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

	struct timespec t0, t1;

	dump_thread_facts(pid, th->tid, ar, th);
	int err = stop_thread(th->tid, &sig);
	/* Held from its stop to its detach (reaching the stop is the scheduler's time). */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (err < 0) {
		th->why =
			err == -ESRCH ? "exited meanwhile" : arena_strndup(ar, strerror(-err), 64);
		return;
	}
	if (dump_read_syscall(pid, th->tid, &nr, args) == 1) {
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
	clock_gettime(CLOCK_MONOTONIC, &t1);
	th->stopped_ms =
		(double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
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
	dump_proc_facts(&p, &ar);
	p.threads = arena_zalloc(&ar, (size_t)n * sizeof(*p.threads));
	p.nthreads = (size_t)n;
	tmem_live_init(&live, &mem, pid);
	struct unwind_proc *up = unwind_proc_new(pid, t->cfg->unwinder);
	/*
	 * The module list, its ELF files, their (compressed) debug information and
	 * the interpreter's symbols are read before any thread is stopped: read in
	 * the first walk, they held that thread for 70 to 90 ms.
	 */
	struct unwind_trace warm;
	(void)unwind_preload(up);
	(void)unwind_python_stack(up, tids[0], 0, &ar, &warm);
	for (size_t i = 0; i < p.nthreads; i++) {
		p.threads[i].tid = tids[i];
		tmem_live_use(&live, tids[i]);
		read_thread(t, up, &mem, pid, &ar, &p.threads[i]);
	}
	dump_children(&p, &ar);
	dump_emit(t, &p, false);
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
