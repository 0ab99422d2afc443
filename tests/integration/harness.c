#include "harness.h"
#include "harness_int.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define IT_MAX_RUNS 8
#define IT_MAX_SPAWNED 64

static struct it_run *runs[IT_MAX_RUNS];
static int nruns;
static pid_t spawned[IT_MAX_SPAWNED];
static int nspawned;

/* ---- small utilities ---------------------------------------------------------------- */

void *it_xalloc(size_t size)
{
	void *p = calloc(1, size);

	if (!p)
		abort();
	return p;
}

char *it_xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		abort();
	return p;
}

void it_buf_add(struct it_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = realloc(b->data, cap);
		if (!p)
			abort();
		b->data = p;
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, n + 1, fmt, ap);
	va_end(ap);
	b->len += n;
}

static void it_sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

static double it_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

char *it_read_file(const char *path)
{
	struct it_buf b = {0};
	char chunk[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	it_buf_add(&b, "%s", "");
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		it_buf_add(&b, "%.*s", (int)n, chunk);
	close(fd);
	return b.data;
}

size_t it_count_lines(const char *text)
{
	size_t n = 0;

	for (; text && *text; text++)
		if (*text == '\n')
			n++;
	return n;
}

/* ---- the tracer and the programs ------------------------------------------------------ */

const char *it_tracer(void)
{
	const char *t = getenv("PTRC_TRACER");

	if (!t || !*t)
		t = getenv("PTRC_DEFAULT_TRACER");
	cr_assert(t && *t, "set PTRC_TRACER (or run through ctest, which sets "
			   "PTRC_DEFAULT_TRACER)");
	return t;
}

bool it_tracer_is_strace(void)
{
	const char *t = it_tracer();
	const char *base = strrchr(t, '/');

	return strstr(base ? base + 1 : t, "strace") != NULL;
}

const char *it_tracer_name(void)
{
	return it_tracer_is_strace() ? "strace" : "ptrc";
}

const char *it_prog(const char *name)
{
	static char bufs[4][512];
	static int next;
	const char *dir = getenv("PTRC_TESTPROGS");
	char *buf = bufs[next++ % 4];

	cr_assert(dir && *dir, "PTRC_TESTPROGS is not set");
	snprintf(buf, sizeof(bufs[0]), "%s/%s", dir, name);
	return buf;
}

/* ---- running -------------------------------------------------------------------------- */

static void it_release(struct it_run *r);

/* A run set up again (a second run in one test) lets its first one go first. */
static bool it_reuse(struct it_run *r)
{
	for (int i = 0; i < nruns; i++)
		if (runs[i] == r) {
			it_release(r);
			return true;
		}
	return false;
}

void it_init(struct it_run *r)
{
	bool again = it_reuse(r);

	memset(r, 0, sizeof(*r));
	r->stdin_fd = -1;
	r->stdout_fd = -1;
	r->pid = -1;
	strcpy(r->dir, "/tmp/ptrc-it-XXXXXX");
	cr_assert(mkdtemp(r->dir), "mkdtemp: %s", strerror(errno));
	snprintf(r->trace, sizeof(r->trace), "%s/trace", r->dir);
	snprintf(r->expect, sizeof(r->expect), "%s/expect", r->dir);
	if (!again) {
		cr_assert(nruns < IT_MAX_RUNS);
		runs[nruns++] = r;
	}
	/* Orphaned tracees (a killed tracer's children) come back to us to be reaped. */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
}

static void it_redirect(const char *path, int target)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);

	if (fd < 0 || dup2(fd, target) < 0)
		_exit(120);
	close(fd);
}

void it_start(struct it_run *r, const char *const *argv)
{
	const char *args[64];
	int n = 0;
	char out[128], err[128];

	if (r->as_nobody) {
		args[n++] = "setpriv";
		args[n++] = "--reuid=65534";
		args[n++] = "--regid=65534";
		args[n++] = "--clear-groups";
		args[n++] = "--";
		chmod(r->dir, 0777);
	}
	args[n++] = it_tracer();
	for (; *argv && n < 62; argv++)
		args[n++] = strcmp(*argv, "@TRACE") ? *argv : r->trace;
	args[n] = NULL;

	snprintf(out, sizeof(out), "%s/stdout", r->dir);
	snprintf(err, sizeof(err), "%s/stderr", r->dir);
	fflush(NULL);
	r->pid = fork();
	cr_assert(r->pid >= 0, "fork: %s", strerror(errno));
	if (r->pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		/* A hook may make a session of its own (setsid), so it comes first. */
		if (r->before_exec)
			r->before_exec();
		setpgid(0, 0);
		if (r->stdin_fd >= 0) {
			dup2(r->stdin_fd, 0);
		} else {
			int fd = open("/dev/null", O_RDONLY);
			dup2(fd, 0);
		}
		if (r->stdout_fd >= 0)
			dup2(r->stdout_fd, 1);
		else
			it_redirect(out, 1);
		it_redirect(err, 2);
		setenv("PTRC_EXPECT", r->expect, 1);
		if (r->path)
			setenv("PATH", r->path, 1);
		execvp(args[0], (char *const *)args);
		dprintf(2, "harness: cannot run %s: %s\n", args[0], strerror(errno));
		_exit(121);
	}
	/* Not for a hook's child: a group of its own before its setsid would make that fail. */
	if (!r->before_exec)
		setpgid(r->pid, r->pid);
	r->pgid = r->pid;
}

bool it_wait(struct it_run *r, int timeout)
{
	double deadline = it_now() + timeout;
	char path[128];

	for (;;) {
		pid_t p = waitpid(r->pid, &r->status, WNOHANG);
		if (p == r->pid)
			break;
		if (p < 0 && errno != EINTR) {
			r->status = -1;
			break;
		}
		if (it_now() > deadline) {
			r->timed_out = true;
			kill(-r->pid, SIGKILL);
			kill(r->pid, SIGKILL);
			waitpid(r->pid, &r->status, 0);
			break;
		}
		it_sleep_ms(5);
	}
	/* Whatever the tracer left behind in its group goes too. */
	if (!r->keep_group)
		kill(-r->pid, SIGKILL);
	r->pid = -1;
	snprintf(path, sizeof(path), "%s/stdout", r->dir);
	free(r->out);
	r->out = it_read_file(path);
	snprintf(path, sizeof(path), "%s/stderr", r->dir);
	free(r->err);
	r->err = it_read_file(path);
	if (!r->out)
		r->out = it_xstrdup("");
	if (!r->err)
		r->err = it_xstrdup("");
	return !r->timed_out;
}

void it_run(struct it_run *r, const char *const *argv)
{
	it_start(r, argv);
	cr_assert(it_wait(r, IT_TIMEOUT), "%s timed out after %d s (killed); stderr:\n%s",
		  it_tracer(), IT_TIMEOUT, r->err);
}

char *it_describe_status(int status)
{
	static char buf[64];

	if (status == -1)
		snprintf(buf, sizeof(buf), "unknown");
	else if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by signal %d", WTERMSIG(status));
	else
		snprintf(buf, sizeof(buf), "status %#x", status);
	return buf;
}

void it_assert_exit(struct it_run *r, int code)
{
	cr_assert(WIFEXITED(r->status) && WEXITSTATUS(r->status) == code,
		  "expected the tracer to exit %d, got %s; stderr:\n%s", code,
		  it_describe_status(r->status), r->err);
}

/* The tracer dies of sig, as the command did (strace and ptrc both), without a core. */
void it_assert_signal_exit(struct it_run *r, int sig)
{
	bool ok = WIFSIGNALED(r->status) && WTERMSIG(r->status) == sig && !WCOREDUMP(r->status);

	cr_assert(ok, "expected the tracer to die of signal %d, got %s; stderr:\n%s", sig,
		  it_describe_status(r->status), r->err);
}

void it_assert_failed(struct it_run *r)
{
	cr_assert(WIFEXITED(r->status) && WEXITSTATUS(r->status) != 0,
		  "expected the tracer to fail with a non-zero exit, got %s; stderr:\n%s",
		  it_describe_status(r->status), r->err);
}

/* ---- other processes ------------------------------------------------------------------ */

pid_t it_spawn(const char *const *argv, int *stdin_w)
{
	int fds[2];
	pid_t pid;

	cr_assert(pipe2(fds, O_CLOEXEC) == 0);
	cr_assert(nspawned < IT_MAX_SPAWNED);
	fflush(NULL);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		setpgid(0, 0);
		dup2(fds[0], 0);
		execv(argv[0], (char *const *)argv);
		_exit(121);
	}
	setpgid(pid, pid);
	close(fds[0]);
	spawned[nspawned++] = pid;
	if (stdin_w)
		*stdin_w = fds[1];
	else
		close(fds[1]);
	return pid;
}

static int it_read_proc(pid_t pid, pid_t tid, const char *file, char *buf, size_t size)
{
	char path[96];
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/%s", (int)pid, (int)tid, file);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return 0;
}

char it_task_state(pid_t pid, pid_t tid)
{
	char buf[1024];

	if (it_read_proc(pid, tid, "stat", buf, sizeof(buf)) < 0)
		return '?';
	char *p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : '?';
}

int it_tracer_pid(pid_t pid, pid_t tid)
{
	char buf[4096];

	if (it_read_proc(pid, tid, "status", buf, sizeof(buf)) < 0)
		return -1;
	char *p = strstr(buf, "\nTracerPid:");
	return p ? atoi(p + 11) : -1;
}

int it_tasks(pid_t pid, pid_t *tids, int max)
{
	char path[64];
	DIR *d;
	struct dirent *de;
	int n = 0;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	d = opendir(path);
	while (d && (de = readdir(d)) && n < max)
		if (de->d_name[0] != '.')
			tids[n++] = atoi(de->d_name);
	if (d)
		closedir(d);
	return n;
}

bool it_has_tasks(pid_t pid, long want)
{
	pid_t tids[512];

	return it_tasks(pid, tids, 512) >= want;
}

bool it_poll(bool (*cond)(pid_t, long), pid_t pid, long arg)
{
	double deadline = it_now() + IT_TIMEOUT;

	while (!cond(pid, arg)) {
		if (it_now() > deadline)
			return false;
		it_sleep_ms(5);
	}
	return true;
}

static void it_rm_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[512];

	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static void it_release(struct it_run *r)
{
	const char *keep = getenv("PTRC_IT_KEEP");

	if (r->pgid > 0)
		kill(-r->pgid, SIGKILL);
	if (r->pid > 0) {
		kill(r->pid, SIGKILL);
		waitpid(r->pid, NULL, 0);
	}
	if (keep && *keep)
		fprintf(stderr, "kept %s\n", r->dir);
	else
		it_rm_dir(r->dir);
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

void it_fini(void)
{
	for (int i = 0; i < nspawned; i++) {
		kill(-spawned[i], SIGKILL);
		kill(spawned[i], SIGKILL);
		waitpid(spawned[i], NULL, 0);
	}
	nspawned = 0;
	for (int i = 0; i < nruns; i++)
		it_release(runs[i]);
	nruns = 0;
	/* Reap whatever was re-parented to us. */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

unsigned it_marker_line(const char *src, const char *marker)
{
	char path[512];
	const char *dir = getenv("PTRC_SOURCE_DIR");

	cr_assert(dir, "PTRC_SOURCE_DIR is not set");
	snprintf(path, sizeof(path), "%s/testprogs/%s", dir, src);
	char *text = it_read_file(path);
	cr_assert(text, "cannot read %s", path);
	const char *at = strstr(text, marker);
	cr_assert(at, "no %s in %s", marker, src);
	unsigned line = 1;
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	free(text);
	return line;
}
