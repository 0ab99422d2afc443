/* Threads: many at once, execve from a non-leader thread, a leader that exits first,
 * and a blocking call that another thread's calls interrupt in the output.
 *   tp_threads many N      N threads alive together, each exits with exit(0)
 *   tp_threads tree N M    N threads each start M threads at once: many first stops
 *                          then come before their parent's clone event
 *   tp_threads exec        a non-leader thread execs "after-exec", which starts a
 *                          thread with the exec'ing thread's old tid
 *   tp_threads zombie      the leader exits (exit(0)) while its threads go on
 *   tp_threads unfinished  a read another thread completes: "<unfinished ...>"/"resumed"
 */
#include "expect.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <sched.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

static pid_t me;
static pthread_barrier_t barrier;
static int pipe_fds[2];
static pid_t reader_tid;

static void die(const char *what)
{
	fprintf(stderr, "tp_threads: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void *many_thread(void *arg)
{
	pid_t tid = xp_gettid();
	long n;

	(void)arg;
	pthread_barrier_wait(&barrier);
	n = syscall(SYS_gettid);
	xp_line(tid, "gettid() = %ld", n);
	n = syscall(SYS_getpid);
	xp_line(tid, "getpid() = %ld", n);
	xp_line(tid, "exit(0) = ?");
	xp_exact(tid, "+++ exited with 0 +++");
	syscall(SYS_exit, 0);
	return NULL;
}

static int run_many(int count)
{
	pthread_t *threads = calloc(count, sizeof(*threads));

	if (!threads)
		die("calloc");
	pthread_barrier_init(&barrier, NULL, count);
	for (int i = 0; i < count; i++) {
		errno = pthread_create(&threads[i], NULL, many_thread, NULL);
		if (errno)
			die("pthread_create");
	}
	for (int i = 0; i < count; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	return 0;
}

static void *tree_leaf(void *arg)
{
	long n = syscall(SYS_getppid);

	xp_line(xp_gettid(), "getppid() = %ld", n);
	return arg;
}

static void *tree_branch(void *arg)
{
	int count = *(const int *)arg;
	pthread_t *threads = calloc(count, sizeof(*threads));

	if (!threads)
		die("calloc");
	for (int i = 0; i < count; i++) {
		errno = pthread_create(&threads[i], NULL, tree_leaf, NULL);
		if (errno)
			die("pthread_create");
	}
	for (int i = 0; i < count; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	return NULL;
}

static int run_tree(int branches, int leaves)
{
	pthread_t *threads = calloc(branches, sizeof(*threads));

	if (!threads)
		die("calloc");
	for (int i = 0; i < branches; i++) {
		errno = pthread_create(&threads[i], NULL, tree_branch, &leaves);
		if (errno)
			die("pthread_create");
	}
	for (int i = 0; i < branches; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	return 0;
}

static void *exec_thread(void *arg)
{
	pid_t tid = xp_gettid();
	char leader[16], tid_str[16];
	char *args[] = {"tp_threads", "after-exec", leader, tid_str, NULL};

	(void)arg;
	/* Wait until the leader sleeps inside its read(): its line is then open. */
	if (xp_wait_task_state(me, me, "S", SYS_read) != 0)
		die("leader never blocked in read");
	snprintf(leader, sizeof(leader), "%d", (int)me);
	snprintf(tid_str, sizeof(tid_str), "%d", (int)tid);
	xp_line(me, "read(%d,  <unfinished ...>) = ?", pipe_fds[0]);
	xp_exact(tid,
		 "execve(\"/proc/self/exe\", [\"tp_threads\", \"after-exec\", \"%s\", \"%s\"], "
		 "%p /* %d vars */ <unfinished ...>",
		 leader, tid_str, (void *)environ, xp_count_env(environ));
	xp_exact(me, "+++ superseded by execve in pid %d +++", (int)tid);
	xp_exact(me, "<... execve resumed>) = 0");
	xp_flush();
	syscall(SYS_execve, "/proc/self/exe", args, environ);
	die("execve");
	return NULL;
}

static int run_exec(void)
{
	pthread_t thread;
	char c;

	if (pipe(pipe_fds) != 0)
		die("pipe");
	errno = pthread_create(&thread, NULL, exec_thread, NULL);
	if (errno)
		die("pthread_create");
	syscall(SYS_read, pipe_fds[0], &c, 1);
	fprintf(stderr, "tp_threads: the leader's read returned\n");
	return 1;
}

/*
 * A thread made with clone3(set_tid) so that it gets the tid the exec'ing
 * thread had before its execve: nothing of the old program's task may stick
 * to it.  Its code is a few raw syscalls (no libc: it has no TLS) on its own
 * stack; the registers it inherits carry the timespec.  Needs CAP_SYS_ADMIN
 * (set_tid) and one of the two CPUs written for; otherwise nothing is stated.
 */
static struct timespec reuse_ts = {0, 20000000};
static char reuse_stack[16384] __attribute__((aligned(16)));

static long clone3_sleeper(struct clone_args *ca)
{
#if defined(__x86_64__)
	register long a0 __asm__("rdi") = (long)ca;
	register long a1 __asm__("rsi") = sizeof(*ca);
	register long ts __asm__("r12") = (long)&reuse_ts;
	long r;

	__asm__ volatile(
		"syscall\n\ttest %%rax, %%rax\n\tjnz 1f\n\t"
		"mov %[sleep], %%eax\n\tmov %%r12, %%rdi\n\txor %%esi, %%esi\n\tsyscall\n\t"
		"mov %[exit], %%eax\n\txor %%edi, %%edi\n\tsyscall\n"
		"1:"
		: "=a"(r)
		: "0"((long)SYS_clone3), "r"(a0), "r"(a1),
		  "r"(ts), [sleep] "i"(SYS_nanosleep), [exit] "i"(SYS_exit)
		: "rcx", "r11", "memory");
	return r;
#elif defined(__aarch64__)
	register long x0 __asm__("x0") = (long)ca;
	register long x1 __asm__("x1") = sizeof(*ca);
	register long x8 __asm__("x8") = SYS_clone3;
	register long ts __asm__("x19") = (long)&reuse_ts;

	__asm__ volatile("svc #0\n\tcbnz x0, 1f\n\t"
			 "mov x0, x19\n\tmov x1, #0\n\tmov x8, %[sleep]\n\tsvc #0\n\t"
			 "mov x0, #0\n\tmov x8, %[exit]\n\tsvc #0\n"
			 "1:"
			 : "+r"(x0)
			 : "r"(x1), "r"(x8),
			   "r"(ts), [sleep] "i"(SYS_nanosleep), [exit] "i"(SYS_exit)
			 : "memory");
	return x0;
#else
	(void)ca;
	(void)reuse_ts;
	return -ENOSYS;
#endif
}

/* Starts a thread with tid OLD that sleeps once and exits, and waits for its end. */
static void thread_with_tid(pid_t old)
{
	static volatile pid_t alive; /* cleared by the kernel at its exit */
	pid_t tids[1] = {old};
	struct clone_args ca = {
		.flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			 CLONE_SYSVSEM | CLONE_CHILD_CLEARTID,
		.child_tid = (uintptr_t)&alive,
		.stack = (uintptr_t)reuse_stack,
		.stack_size = sizeof(reuse_stack),
		.set_tid = (uintptr_t)tids,
		.set_tid_size = 1,
	};

	alive = old;
	long r = clone3_sleeper(&ca);
	if (r != old)
		return; /* no CAP_SYS_ADMIN, or the tid was taken: nothing to check */
	xp_line(old, "nanosleep({tv_sec=0, tv_nsec=20000000}, NULL) = 0");
	xp_line(old, "exit(0) = ?");
	xp_exact(old, "+++ exited with 0 +++");
	while (alive == old)
		syscall(SYS_futex, &alive, FUTEX_WAIT, old, NULL, NULL, 0);
}

static int run_after_exec(int argc, char **argv)
{
	long n;

	if (argc < 4)
		return 2;
	if (atoi(argv[2]) != me) {
		fprintf(stderr, "tp_threads: after exec pid %d, leader was %s\n", (int)me, argv[2]);
		return 1;
	}
	n = syscall(SYS_getpid);
	xp_line(me, "getpid() = %ld", n);
	n = syscall(SYS_gettid);
	xp_line(me, "gettid() = %ld", n);
	thread_with_tid(atoi(argv[3]));
	return 0;
}

static void *zombie_worker(void *arg)
{
	pid_t tid = xp_gettid();
	long n;

	(void)arg;
	n = syscall(SYS_gettid);
	xp_line(tid, "gettid() = %ld", n);
	xp_line(tid, "exit(0) = ?");
	xp_exact(tid, "+++ exited with 0 +++");
	syscall(SYS_exit, 0);
	return NULL;
}

static void *zombie_main(void *arg)
{
	pid_t tid = xp_gettid();
	pthread_t workers[3];
	long n;

	(void)arg;
	/* The leader has called exit(): it stays a zombie while this thread runs. */
	if (xp_wait_task_state(me, me, "Z", -1) != 0)
		die("the leader never became a zombie");
	for (int i = 0; i < 3; i++) {
		errno = pthread_create(&workers[i], NULL, zombie_worker, NULL);
		if (errno)
			die("pthread_create");
	}
	for (int i = 0; i < 3; i++)
		pthread_join(workers[i], NULL);
	n = syscall(SYS_getpid);
	xp_line(tid, "getpid() = %ld", n);
	/* Its memory is read through a live thread, not through the dead leader. */
	n = syscall(SYS_openat, AT_FDCWD, "/nonexistent/ptrc-zombie", O_RDONLY);
	xp_line(tid, "openat(AT_FDCWD, \"/nonexistent/ptrc-zombie\", O_RDONLY) = %ld %s", n,
		n < 0 ? "ENOENT (No such file or directory)" : "");
	xp_line(tid, "exit_group(4) = ?");
	xp_exact(tid, "+++ exited with 4 +++");
	xp_exact(me, "+++ exited with 4 +++");
	xp_flush();
	syscall(SYS_exit_group, 4);
	return NULL;
}

static void run_zombie(void)
{
	pthread_t thread;

	errno = pthread_create(&thread, NULL, zombie_main, NULL);
	if (errno)
		die("pthread_create");
	xp_line(me, "exit(0) = ?");
	syscall(SYS_exit, 0);
}

static void *reader_thread(void *arg)
{
	pid_t tid = xp_gettid();
	char c;
	long n;

	(void)arg;
	__atomic_store_n(&reader_tid, tid, __ATOMIC_RELEASE);
	n = syscall(SYS_read, pipe_fds[0], &c, 1);
	xp_exact(tid, "read(%d,  <unfinished ...>", pipe_fds[0]);
	xp_exact(tid, "<... read resumed>\"%c\", 1) = %ld", c, n);
	xp_line(tid, "exit(0) = ?");
	xp_exact(tid, "+++ exited with 0 +++");
	syscall(SYS_exit, 0);
	return NULL;
}

static int run_unfinished(void)
{
	pthread_t thread;
	pid_t tid;
	long n;

	if (pipe(pipe_fds) != 0)
		die("pipe");
	errno = pthread_create(&thread, NULL, reader_thread, NULL);
	if (errno)
		die("pthread_create");
	while (!(tid = __atomic_load_n(&reader_tid, __ATOMIC_ACQUIRE)))
		;
	/* Its read() is open in the trace while this thread's calls are printed. */
	if (xp_wait_task_state(me, tid, "S", SYS_read) != 0)
		die("reader never blocked");
	n = syscall(SYS_write, pipe_fds[1], "x", 1);
	xp_line(me, "write(%d, \"x\", 1) = %ld", pipe_fds[1], n);
	pthread_join(thread, NULL);
	return 0;
}

int main(int argc, char **argv)
{
	int ret;

	xp_init();
	me = getpid();
	if (argc < 2) {
		fprintf(stderr, "usage: tp_threads many N|tree N M|exec|zombie|unfinished\n");
		return 2;
	}
	if (!strcmp(argv[1], "many") && argc > 2)
		ret = run_many(atoi(argv[2]));
	else if (!strcmp(argv[1], "tree") && argc > 3)
		ret = run_tree(atoi(argv[2]), atoi(argv[3]));
	else if (!strcmp(argv[1], "exec"))
		ret = run_exec();
	else if (!strcmp(argv[1], "after-exec"))
		ret = run_after_exec(argc, argv);
	else if (!strcmp(argv[1], "zombie")) {
		run_zombie();
		ret = 1;
	} else if (!strcmp(argv[1], "unfinished"))
		ret = run_unfinished();
	else
		return 2;
	xp_exit(me, ret);
}
