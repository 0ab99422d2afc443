/*
 * SIGPIPE's likely cause, for the story: the traced process whose end of a
 * pipe's reading side came last.  A reader lets go of it by closing the
 * descriptor (story_fds.c sees a close of a descriptor it read a pipe through)
 * or by ending with it open (its last task's PTRACE_EVENT_EXIT, where its
 * descriptors are still there).  The kernel's SIGPIPE names the writer as its
 * own sender (SI_USER, from pipe_write()); at its delivery the writer's pipe
 * write ends are noted, and the reader is looked up when the run is settled:
 * the reader's close and the writer's signal are stops of two tasks that
 * wait4 may report in either order.  Pipe inodes come from get_next_ino() and
 * are not reused in practice, so the latest end of that inode is the one.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tracer.h"
#include "util/readfile.h"
#include "util/xalloc.h"

uint64_t story_pipe_of(pid_t tid, int fd, int mode)
{
	char path[64], link[64];

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tid, fd);
	ssize_t n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return 0;
	link[n] = '\0';
	unsigned long long ino;
	if (sscanf(link, "pipe:[%llu]", &ino) != 1)
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", (int)tid, fd);
	char *info = readfile(path, 4096, NULL);
	const char *flags = info ? strstr(info, "flags:") : NULL;
	long fl = flags ? strtol(flags + 6, NULL, 8) : -1;
	free(info);
	return fl >= 0 && (fl & O_ACCMODE) == mode ? ino : 0;
}

/* Calls fn on each pipe end of tid with that access mode. */
static void each_pipe_end(pid_t tid, int mode, void (*fn)(uint64_t ino, void *arg), void *arg)
{
	char dir[64];
	struct dirent *e;

	snprintf(dir, sizeof(dir), "/proc/%d/fd", (int)tid);
	DIR *d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d))) {
		char *end;
		long fd = strtol(e->d_name, &end, 10);
		uint64_t ino = !*end && end != e->d_name ? story_pipe_of(tid, (int)fd, mode) : 0;
		if (ino)
			fn(ino, arg);
	}
	closedir(d);
}

static struct story_pipe_end *slot(const struct story *s, uint64_t ino)
{
	uint32_t mask = s->cappipes - 1, i = (uint32_t)(ino * 0x9e3779b97f4a7c15ull >> 32) & mask;

	while (s->pipes[i].ino && s->pipes[i].ino != ino)
		i = (i + 1) & mask;
	return &s->pipes[i];
}

static void grow(struct story *s)
{
	struct story_pipe_end *old = s->pipes;
	uint32_t n = s->cappipes;

	s->cappipes = n ? n * 2 : 64;
	s->pipes = xcalloc(s->cappipes, sizeof(*s->pipes));
	for (uint32_t i = 0; i < n; i++)
		if (old[i].ino)
			*slot(s, old[i].ino) = old[i];
	free(old);
}

void story_pipe_let_go(struct story *s, uint64_t ino, pid_t pid, int64_t end_ns)
{
	if (!s->cappipes)
		grow(s);
	struct story_pipe_end *e = slot(s, ino);
	if (!e->ino) { /* a new one: kept under half full, STORY_PIPES_MAX at most */
		if (s->npipes == STORY_PIPES_MAX)
			return;
		if (s->npipes * 2 >= s->cappipes) {
			grow(s);
			e = slot(s, ino);
		}
		s->npipes++;
	}
	*e = (struct story_pipe_end){ino, pid, end_ns};
}

struct letting {
	struct story *s;
	pid_t pid;
	int64_t end_ns;
};

static void let_go(uint64_t ino, void *arg)
{
	struct letting *l = arg;

	story_pipe_let_go(l->s, ino, l->pid, l->end_ns);
}

void story_pipe_readers_end(struct story *s, pid_t pid, pid_t tid, int64_t end_ns)
{
	struct letting l = {s, pid, end_ns};

	each_pipe_end(tid, O_RDONLY, let_go, &l);
}

static void note_written(uint64_t ino, void *arg)
{
	struct story_proc *r = arg;

	if (r->nsigpipe_ino < sizeof(r->sigpipe_ino) / sizeof(r->sigpipe_ino[0]))
		r->sigpipe_ino[r->nsigpipe_ino++] = ino;
}

void story_pipe_sigpipe(struct story_proc *r, pid_t tid)
{
	r->nsigpipe_ino = 0;
	each_pipe_end(tid, O_WRONLY, note_written, r);
}

void story_pipe_settle(struct story *s)
{
	for (uint32_t i = 0; s->npipes && i < s->n; i++) {
		struct story_proc *r = &s->p[i];
		for (unsigned k = 0; k < r->nsigpipe_ino; k++) {
			const struct story_pipe_end *e = slot(s, r->sigpipe_ino[k]);
			if (!e->ino || e->pid == r->pid)
				continue;
			if (!r->pipe_reader || e->end_ns > r->pipe_reader_end_ns) {
				r->pipe_reader = e->pid;
				r->pipe_reader_end_ns = e->end_ns;
			}
		}
	}
}
