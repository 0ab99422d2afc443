/* Arrays that run into memory nobody can read: a tracer prints what it read and where it
 * stopped, never more (built 64-bit and, with -m32, as testprogs/m32/tp_mem).
 *   tp_mem straddle   iovecs that end at an unmapped page, whole and cut in half; pollfds;
 *                     execve argv and envp with no NULL before the page ends
 *   tp_mem counts     execve with 100,000 environment strings, and as many arguments
 *   tp_mem select     select: i386's takes one pointer to its five arguments (old_select);
 *                     pselect6 and its {sigmask, sigsetsize}
 *   tp_mem time       time(), with its date
 *   tp_mem huge       poll(fds, 1 << 30, 0) over gigabytes of readable zeros (run with a
 *                     huge -s: the tracer must neither abort nor read them all)
 * Every array of "straddle" is placed at the end of a page whose next page is unmapped.
 */
#include "expect.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static pid_t me;

/* A page followed by an unmapped one: the address just past its end. */
static char *page_before_hole(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 2 * (size_t)pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);

	if (m == MAP_FAILED || munmap(m + pg, (size_t)pg)) {
		perror("mmap");
		return NULL;
	}
	return m + pg;
}

static void iovecs(char *end)
{
	static char ab[] = "ab", cd[] = "cd";
	struct iovec *iov = (struct iovec *)end - 1;
	long n;

	iov[0] = (struct iovec){ab, 2};
	n = writev(1, iov, 3);
	xp_line(me,
		"writev(1, [{iov_base=\"ab\", iov_len=2}, ... /* %p */], 3) = %ld EFAULT (Bad "
		"address)",
		(void *)end, n);

	iov = (struct iovec *)end - 2;
	iov[0] = (struct iovec){ab, 2};
	iov[1] = (struct iovec){cd, 2};
	n = writev(1, iov, 3);
	xp_line(me,
		"writev(1, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cd\", iov_len=2}, ... /* %p "
		"*/], 3) = %ld EFAULT (Bad address)",
		(void *)end, n);

	/* The second iovec has only its iov_base before the hole: it is not shown at all. */
	char *half = end - sizeof(struct iovec) - sizeof(void *);
	iov = (struct iovec *)half;
	iov[0] = (struct iovec){ab, 2};
	memset(half + sizeof(struct iovec), 0, sizeof(void *));
	n = writev(1, iov, 2);
	xp_line(me,
		"writev(1, [{iov_base=\"ab\", iov_len=2}, ... /* %p */], 2) = %ld EFAULT (Bad "
		"address)",
		(void *)(half + sizeof(struct iovec)), n);

	n = writev(1, (struct iovec *)end, 2);
	xp_line(me, "writev(1, %p, 2) = %ld EFAULT (Bad address)", (void *)end, n);
}

static void pollfds(char *end)
{
#ifdef SYS_poll
	struct pollfd *p = (struct pollfd *)end - 2;
	long n;

	p[0] = (struct pollfd){.fd = 0, .events = POLLIN};
	p[1] = (struct pollfd){.fd = 1, .events = POLLOUT};
	n = syscall(SYS_poll, p, 3, 0);
	xp_line(me,
		"poll([{fd=0, events=POLLIN}, {fd=1, events=POLLOUT}, ... /* %p */], 3, 0) = %ld "
		"EFAULT (Bad address)",
		(void *)end, n);
#else
	(void)end;
#endif
}

/* The kernel opens /bin/true, then finds no end to the array: EFAULT, and no exec. */
static void exec_arrays(char *end)
{
	static char *envp[] = {"A=1", NULL}, *args[] = {"x", NULL};
	char **av = (char **)end - 2;
	long n;

	av[0] = "a";
	av[1] = "b";
	n = syscall(SYS_execve, "/bin/true", av, envp);
	xp_line(me,
		"execve(\"/bin/true\", [\"a\", \"b\", ... /* %p */], %p /* 1 var */) = %ld EFAULT "
		"(Bad address)",
		(void *)end, (void *)envp, n);
	n = syscall(SYS_execve, "/bin/true", args, av);
	xp_line(me,
		"execve(\"/bin/true\", [\"x\"], %p /* 2 vars, unterminated */) = %ld EFAULT (Bad "
		"address)",
		(void *)av, n);
}

static int run_straddle(void)
{
	char *end = page_before_hole();

	if (!end)
		return 1;
	iovecs(end);
	pollfds(end);
	exec_arrays(end);
	return 0;
}

/* The kernel's old_select (i386's select): one pointer to its five arguments. */
struct sel_args {
	unsigned long n;
	fd_set *inp, *outp, *exp;
	struct timeval *tvp;
};

static long sys_select(int n, fd_set *in, fd_set *out, struct timeval *tv)
{
#if defined(__i386__)
	struct sel_args a = {(unsigned long)n, in, out, NULL, tv};

	return syscall(SYS_select, &a);
#elif defined(SYS_select)
	return syscall(SYS_select, n, in, out, NULL, tv);
#else
	(void)tv; /* aarch64 has no select: the call is made, its line not stated */
	return syscall(SYS_pselect6, n, in, out, NULL, NULL, NULL);
#endif
}

static int run_select(void)
{
	struct timeval tv = {1, 500};
	fd_set in, out;
	int p[2];
	long n;

	if (pipe(p) || write(p[1], "x", 1) != 1)
		return 1;
	FD_ZERO(&in);
	FD_ZERO(&out);
	FD_SET(p[0], &in);
	FD_SET(p[1], &out);
	n = sys_select(p[1] + 1, &in, &out, &tv);
#if defined(__i386__) || defined(SYS_select)
	xp_line(me,
		"select(%d, [%d], [%d], NULL, {tv_sec=1, tv_usec=500}) = %ld (in [%d], out [%d], "
		"left {tv_sec=%ld, tv_usec=%ld})",
		p[1] + 1, p[0], p[1], n, p[0], p[1], (long)tv.tv_sec, (long)tv.tv_usec);
#else
	(void)n;
#endif
	/* pselect6's sixth argument: {sigmask=..., sigsetsize=...}, its fields named. */
	uint64_t mask = 1; /* SIGHUP; the kernel's sigset is 8 bytes on every ABI */
	unsigned long sig6[2] = {(unsigned long)&mask, sizeof(mask)};
	struct timespec ts = {0, 0};
	n = syscall(SYS_pselect6, p[0] + 1, &in, NULL, NULL, &ts, sig6);
	xp_line(me,
		"pselect6(%d, [%d], NULL, NULL, {tv_sec=0, tv_nsec=0}, {sigmask=[HUP], "
		"sigsetsize=8}) = %ld (in [%d], left {tv_sec=0, tv_nsec=0})",
		p[0] + 1, p[0], n, p[0]);
#if defined(__i386__)
	n = syscall(SYS_select, NULL);
	xp_line(me, "select(NULL) = %ld EFAULT (Bad address)", n);
	/* Only two of the five words before the hole: the block is not read at all. */
	char *end = page_before_hole();
	if (!end)
		return 1;
	n = syscall(SYS_select, end - 8);
	xp_line(me, "select(%p) = %ld EFAULT (Bad address)", (void *)(end - 8), n);
#endif
	return 0;
}

#ifdef SYS_time /* aarch64 has no time call */
/* strace's date of a time_t: local time, 2026-12-01T23:01:53+0000. */
static void date_of(long t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%S%z", &tm))
		snprintf(buf, size, "%ld", t);
}

#endif

/* time(): the result and the stored seconds have their date; aarch64 has no time call. */
static int run_time(void)
{
#ifdef SYS_time
	char d1[64], d2[64];
	long t = 0, n = syscall(SYS_time, &t), m = syscall(SYS_time, NULL);

	date_of(t, d1, sizeof(d1));
	date_of(n, d2, sizeof(d2));
	xp_line(me, "time([%ld /* %s */]) = %ld (%s)", t, d1, n, d2);
	date_of(m, d1, sizeof(d1));
	xp_line(me, "time(NULL) = %ld (%s)", m, d1);
	n = syscall(SYS_time, (void *)1);
	xp_line(me, "time(0x1) = %ld EFAULT (Bad address)", n);
#endif
	return 0;
}

/* ENOENT: the kernel looks the program up first; the arrays print all the same. */
static int run_counts(void)
{
	enum { N = 100000 };
	static char *one[] = {"x", NULL};
	char **many = calloc(N + 1, sizeof(*many)), line[40 * 8];
	long n;

	if (!many)
		return 1;
	for (int i = 0; i < N; i++)
		many[i] = "A=1";
	n = syscall(SYS_execve, "/nonexistent/ptrc-tp-mem", one, many);
	xp_line(me,
		"execve(\"/nonexistent/ptrc-tp-mem\", [\"x\"], %p /* %d vars */) = %ld ENOENT (No "
		"such file or directory)",
		(void *)many, N, n);
	/* Arguments: -s of them (32), then "...". */
	line[0] = '\0';
	for (int i = 0; i < 32; i++)
		strcat(line, "\"A=1\", ");
	n = syscall(SYS_execve, "/nonexistent/ptrc-tp-mem", many, one);
	xp_line(me,
		"execve(\"/nonexistent/ptrc-tp-mem\", [%s...], %p /* 1 var */) = %ld ENOENT (No "
		"such file or directory)",
		line, (void *)one, n);
	free(many);
	return 0;
}

/* EINVAL: more descriptors than RLIMIT_NOFILE.  The line is the harness's to check. */
static int run_huge(void)
{
#ifdef SYS_poll
	size_t len = sizeof(long) == 8 ? (size_t)8 << 30 : (size_t)1 << 30;
	void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	long n = syscall(SYS_poll, p, 1u << 30, 0);
	xp_info(me, "poll", "%ld", n);
#endif
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"straddle", run_straddle}, {"counts", run_counts}, {"select", run_select},
		{"time", run_time},	    {"huge", run_huge},	    {NULL, NULL},
	};

	xp_init();
	me = getpid();
	xp_main("tp_mem", argc, argv, modes);
}
