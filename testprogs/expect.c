#include "expect.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static char xp_buf[1 << 20];
static size_t xp_len;
static int xp_fd = -1;
static pthread_mutex_t xp_lock = PTHREAD_MUTEX_INITIALIZER;

static void xp_child_reset(void)
{
	xp_len = 0;
	pthread_mutex_init(&xp_lock, NULL);
}

void xp_init(void)
{
	const char *path = getenv("PTRC_EXPECT");

	if (path && *path) {
		xp_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
		if (xp_fd < 0) {
			perror(path);
			exit(99);
		}
	}
	pthread_atfork(NULL, NULL, xp_child_reset);
}

pid_t xp_gettid(void)
{
	return (pid_t)syscall(SYS_gettid);
}

static void xp_vadd(pid_t tid, char kind, const char *key, const char *fmt, va_list ap)
{
	pthread_mutex_lock(&xp_lock);
	size_t room = sizeof(xp_buf) - xp_len;
	int n = snprintf(xp_buf + xp_len, room, "%d\t%c\t%s%s", (int)tid, kind, key ? key : "",
			 key ? "=" : "");
	if (n > 0 && (size_t)n < room) {
		int m = vsnprintf(xp_buf + xp_len + n, room - n, fmt, ap);
		if (m >= 0 && (size_t)(n + m + 1) < room) {
			xp_len += n + m;
			xp_buf[xp_len++] = '\n';
		}
	}
	pthread_mutex_unlock(&xp_lock);
}

void xp_line(pid_t tid, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xp_vadd(tid, '~', NULL, fmt, ap);
	va_end(ap);
}

void xp_exact(pid_t tid, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xp_vadd(tid, '=', NULL, fmt, ap);
	va_end(ap);
}

void xp_info(pid_t tid, const char *key, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xp_vadd(tid, '#', key, fmt, ap);
	va_end(ap);
}

void xp_ioctl_bad_fd(pid_t tid, unsigned long req, unsigned long arg, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	long n = syscall(SYS_ioctl, -1, req, arg);
	xp_line(tid, "ioctl(-1, %s) = %s", text, xp_result(n, false));
}

void xp_flush(void)
{
	pthread_mutex_lock(&xp_lock);
	if (xp_fd >= 0 && xp_len > 0) {
		if (write(xp_fd, xp_buf, xp_len) != (ssize_t)xp_len) {
			perror("expect write");
			_exit(99);
		}
	}
	xp_len = 0;
	pthread_mutex_unlock(&xp_lock);
}

static const char *const xp_signames[] = {
	[SIGHUP] = "SIGHUP",	   [SIGINT] = "SIGINT",	      [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL",	   [SIGTRAP] = "SIGTRAP",     [SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS",	   [SIGFPE] = "SIGFPE",	      [SIGKILL] = "SIGKILL",
	[SIGUSR1] = "SIGUSR1",	   [SIGSEGV] = "SIGSEGV",     [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE",	   [SIGALRM] = "SIGALRM",     [SIGTERM] = "SIGTERM",
	[SIGSTKFLT] = "SIGSTKFLT", [SIGCHLD] = "SIGCHLD",     [SIGCONT] = "SIGCONT",
	[SIGSTOP] = "SIGSTOP",	   [SIGTSTP] = "SIGTSTP",     [SIGTTIN] = "SIGTTIN",
	[SIGTTOU] = "SIGTTOU",	   [SIGURG] = "SIGURG",	      [SIGXCPU] = "SIGXCPU",
	[SIGXFSZ] = "SIGXFSZ",	   [SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
	[SIGWINCH] = "SIGWINCH",   [SIGIO] = "SIGIO",	      [SIGPWR] = "SIGPWR",
	[SIGSYS] = "SIGSYS",
};

const char *xp_signame(int sig)
{
	static char other[32];

	if (sig > 0 && (size_t)sig < sizeof(xp_signames) / sizeof(xp_signames[0]) &&
	    xp_signames[sig])
		return xp_signames[sig];
	snprintf(other, sizeof(other), "%d", sig);
	return other;
}

static const char *xp_sicode_name(const siginfo_t *si)
{
	if (si->si_signo == SIGCHLD) {
		switch (si->si_code) {
		case CLD_EXITED:
			return "CLD_EXITED";
		case CLD_KILLED:
			return "CLD_KILLED";
		case CLD_DUMPED:
			return "CLD_DUMPED";
		case CLD_TRAPPED:
			return "CLD_TRAPPED";
		case CLD_STOPPED:
			return "CLD_STOPPED";
		case CLD_CONTINUED:
			return "CLD_CONTINUED";
		}
	}
	switch (si->si_code) {
	case SI_USER:
		return "SI_USER";
	case SI_TKILL:
		return "SI_TKILL";
	case SI_QUEUE:
		return "SI_QUEUE";
	case SI_KERNEL:
		return "SI_KERNEL";
	}
	return "?";
}

/*
 * A clock_t as strace shows it: 0 bare; 34 followed by a comment "0.34 s", with as
 * many decimals as the tick rate has digits after the first (2 at 100 Hz).
 */
void xp_clock_ticks(char *buf, size_t size, long ticks)
{
	long hz = sysconf(_SC_CLK_TCK);
	int width = 0;

	if (!ticks || hz <= 0) {
		snprintf(buf, size, "%ld", ticks);
		return;
	}
	for (long h = hz; h > 1 && width < 9; h /= 10)
		width++;
	snprintf(buf, size, "%ld /* %ld.%0*ld s */", ticks, ticks / hz, width, ticks % hz);
}

void xp_siginfo_line(pid_t tid, const siginfo_t *si)
{
	const char *name = xp_signame(si->si_signo);
	const char *code = xp_sicode_name(si);

	if (si->si_signo == SIGCHLD) {
		char status[32], utime[48], stime[48];

		if (si->si_code == CLD_EXITED)
			snprintf(status, sizeof(status), "%d", si->si_status);
		else
			snprintf(status, sizeof(status), "%s", xp_signame(si->si_status));
		xp_clock_ticks(utime, sizeof(utime), (long)si->si_utime);
		xp_clock_ticks(stime, sizeof(stime), (long)si->si_stime);
		xp_exact(tid,
			 "--- %s {si_signo=%s, si_code=%s, si_pid=%d, si_uid=%u, si_status=%s, "
			 "si_utime=%s, si_stime=%s} ---",
			 name, name, code, (int)si->si_pid, (unsigned)si->si_uid, status, utime,
			 stime);
	} else {
		xp_exact(tid, "--- %s {si_signo=%s, si_code=%s, si_pid=%d, si_uid=%u} ---", name,
			 name, code, (int)si->si_pid, (unsigned)si->si_uid);
	}
}

static int xp_read_state(pid_t pid, pid_t tid, char *state, long *nr)
{
	char path[64], buf[512];
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", (int)pid, (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	char *p = strrchr(buf, ')');
	if (!p || p[1] != ' ')
		return -1;
	*state = p[2];

	*nr = -2;
	snprintf(path, sizeof(path), "/proc/%d/task/%d/syscall", (int)pid, (int)tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n > 0) {
		buf[n] = 0;
		*nr = strtol(buf, NULL, 10);
	}
	return 0;
}

int xp_wait_task_state(pid_t pid, pid_t tid, const char *states, long nr)
{
	/* About 60 s; the harness's own timeout normally fires first. */
	for (int i = 0; i < 60000; i++) {
		char state;
		long cur;

		if (xp_read_state(pid, tid, &state, &cur) == 0 && strchr(states, state) &&
		    (nr < 0 || cur == nr))
			return 0;
		struct timespec ts = {0, 1000000};
		nanosleep(&ts, NULL);
	}
	return -1;
}

int xp_count_env(char *const *envp)
{
	int n = 0;

	while (envp && envp[n])
		n++;
	return n;
}

void xp_exit(pid_t tid, int code)
{
	xp_line(tid, "exit_group(%d) = ?", code);
	xp_exact(tid, "+++ exited with %d +++", code);
	xp_flush();
	syscall(SYS_exit_group, code);
	_exit(code);
}

volatile sig_atomic_t xp_nsig;
siginfo_t xp_siginfos[8];

static void on_caught(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)ctx;
	if (xp_nsig < 8)
		xp_siginfos[xp_nsig] = *si;
	xp_nsig++;
}

void xp_catch(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_caught;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigaction(sig, &sa, NULL);
}

void xp_main(const char *prog, int argc, char **argv, const struct xp_mode *modes)
{
	for (const struct xp_mode *m = modes; argc >= 2 && m->name; m++)
		if (!strcmp(argv[1], m->name))
			xp_exit(getpid(), m->run());
	fprintf(stderr, "usage: %s", prog);
	for (const struct xp_mode *m = modes; m->name; m++)
		fprintf(stderr, "%c%s", m == modes ? ' ' : '|', m->name);
	fputc('\n', stderr);
	exit(2);
}

const char *xp_result(long n, bool is_unsigned)
{
	static char bufs[4][128];
	static unsigned next;
	char *b = bufs[next++ % 4];

	if (n == -1)
		snprintf(b, sizeof(bufs[0]), "-1 %s (%s)", strerrorname_np(errno), strerror(errno));
	else if (is_unsigned)
		snprintf(b, sizeof(bufs[0]), "%lu", (unsigned long)n);
	else
		snprintf(b, sizeof(bufs[0]), "%ld", n);
	return b;
}

long xp_status_field(const char *format)
{
	char line[128];
	long v = -1;
	FILE *f = fopen("/proc/self/status", "r");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, format, &v) == 1)
			break;
	if (f)
		fclose(f);
	return v;
}
