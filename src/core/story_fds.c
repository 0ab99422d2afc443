/*
 * What each descriptor of a process is, for the story's bytes per file and per socket
 * endpoint.  A descriptor is looked up in /proc once (-yy's description) and kept until a
 * call may have changed it: a call that returns a descriptor, any other call naming it
 * that moves no data (close, dup2's target, connect, bind...), and an exec (the
 * close-on-exec ones are gone).  That holds only when every call stops: under the seccomp
 * filter the story counts no bytes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "fd/fdinfo.h"
#include "sys/iodata.h"
#include "sys/sysent.h"
#include "tracer.h"
#include "util/clock.h"
#include "util/xalloc.h"

enum fd_kind { FD_OTHER, FD_FILE, FD_NET, FD_PIPE };

struct story_fd {
	int fd;
	uint8_t kind;
	bool read;    /* FD_PIPE: read through, so its reading side (story_pipe.c) */
	uint32_t ref; /* FD_FILE: index + 1 of files; FD_NET: of nets */
	uint64_t ino; /* FD_PIPE: the pipe's inode */
};

struct story_fds {
	struct story_fd *v;
	uint32_t n, cap;
};

enum { FDS_MAX = 4096 }; /* descriptors kept per process; others are looked up each time */

static struct story_fd *find(struct proc *p, int fd)
{
	for (uint32_t i = 0; p->story_fds && i < p->story_fds->n; i++)
		if (p->story_fds->v[i].fd == fd)
			return &p->story_fds->v[i];
	return NULL;
}

static void forget(struct proc *p, int fd)
{
	struct story_fd *e = find(p, fd);

	if (e)
		*e = p->story_fds->v[--p->story_fds->n];
}

static void keep(struct proc *p, const struct story_fd *what)
{
	struct story_fds *s = p->story_fds ? p->story_fds : (p->story_fds = xcalloc(1, sizeof(*s)));
	struct story_fd *e = find(p, what->fd);

	if (!e) {
		if (s->n == FDS_MAX)
			return;
		if (s->n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 16;
			s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
		}
		e = &s->v[s->n++];
	}
	*e = *what;
}

void story_fds_exec(struct proc *p)
{
	if (p->story_fds)
		p->story_fds->n = 0;
}

void story_fds_free(struct proc *p)
{
	if (p->story_fds)
		free(p->story_fds->v);
	free(p->story_fds);
	p->story_fds = NULL;
}

/*
 * "TCP:[127.0.0.1:41234->127.0.0.1:5000]": an endpoint, split into its parts.  A UNIX
 * socket is known by its name alone ("UNIX-STREAM:[123->124,"/run/x.sock"]"): its inode
 * numbers tell a reader nothing, and a listener and what it accepted share the name.
 */
static uint32_t net_of(struct tracer *t, struct proc *p, char *desc)
{
	char *open = strstr(desc, ":["), *end = strrchr(desc, ']');

	if (!open || !end || end < open || desc[0] == '/')
		return 0;
	*open = '\0';
	*end = '\0';
	char *local = open + 2, *arrow = strstr(local, "->");
	if (!strncmp(desc, "UNIX", 4)) {
		char *name = strstr(local, ",\"");
		if (name && end[-1] == '"')
			end[-1] = '\0';
		return story_net(&t->story, p->story, desc, name ? name + 2 : "(unnamed)", NULL);
	}
	if (arrow)
		*arrow = '\0';
	/* pipe:[N], anon_inode:[...]: not an endpoint. */
	if (!strcmp(desc, "pipe") || !strncmp(desc, "anon_inode", 10))
		return 0;
	return story_net(&t->story, p->story, desc, local, arrow ? arrow + 2 : NULL);
}

/* What fd of task is now, looked up and kept (also when no more can be kept). */
static bool resolve(struct tracer *t, struct task *task, int fd, struct story_fd *out)
{
	struct proc *p = task->proc;
	char desc[4096];
	uint8_t kind = FD_OTHER;
	uint32_t ref = 0;

	if (fdinfo_describe(task->tid, fd, true, desc, sizeof(desc)) < 0)
		return false;
	/* A socket in no table yet (not bound or connected): asked again at its next use. */
	if (!strncmp(desc, "socket:[", 8)) {
		*out = (struct story_fd){.fd = fd, .kind = FD_OTHER};
		return true;
	}
	unsigned long long ino = 0;
	if (sscanf(desc, "pipe:[%llu]", &ino) == 1) {
		kind = FD_PIPE;
	} else if (desc[0] == '/') {
		/* -yy's device numbers: "/dev/null<char 1:3>". */
		char *dev = strstr(desc, "<char ");
		dev = dev ? dev : strstr(desc, "<block ");
		if (dev && desc[strlen(desc) - 1] == '>')
			*dev = '\0';
		ref = story_file_used(&t->story, p->story, desc);
		kind = ref ? FD_FILE : FD_OTHER;
	} else if ((ref = net_of(t, p, desc))) {
		kind = FD_NET;
	}
	*out = (struct story_fd){.fd = fd, .kind = kind, .ref = ref, .ino = ino};
	keep(p, out);
	return true;
}

static struct story_io *io_of(struct tracer *t, struct proc *p, const struct story_fd *e)
{
	struct story_proc *r = &t->story.p[p->story - 1];

	if (e->kind == FD_FILE && e->ref <= r->nfiles)
		return &r->files[e->ref - 1].io;
	if (e->kind == FD_NET && e->ref <= r->nnets)
		return &r->nets[e->ref - 1].io;
	return NULL;
}

/* "127.0.0.1:1", "[::1]:80", "/run/x.sock", "@abstract": the address a failed call gave. */
static bool sockaddr_text(struct task *task, uint64_t addr, uint64_t len, char *out, size_t n)
{
	struct sockaddr_storage ss = {0};
	char ip[INET6_ADDRSTRLEN];

	if (len < sizeof(sa_family_t) || len > sizeof(ss))
		return false;
	if (tmem_read(&task->proc->mem, addr, &ss, len) < 0)
		return false;
	const struct sockaddr_in *in = (const void *)&ss;
	const struct sockaddr_in6 *in6 = (const void *)&ss;
	const struct sockaddr_un *un = (const void *)&ss;
	switch (ss.ss_family) {
	case AF_INET:
		inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip));
		snprintf(out, n, "%s:%u", ip, ntohs(in->sin_port));
		return true;
	case AF_INET6:
		inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof(ip));
		snprintf(out, n, "[%s]:%u", ip, ntohs(in6->sin6_port));
		return true;
	case AF_UNIX: {
		size_t plen = len - offsetof(struct sockaddr_un, sun_path);
		if (!plen)
			return false;
		bool abstract = un->sun_path[0] == '\0';
		snprintf(out, n, "%s%.*s", abstract ? "@" : "", (int)(plen - abstract),
			 un->sun_path + abstract);
		return true;
	}
	default:
		return false;
	}
}

/* A socket call that failed with an address (connect, bind, sendto): kept with it. */
static void failed_call(struct tracer *t, struct task *task, int err)
{
	const struct sysent *e = task->ev.ent;
	char addr[256];

	/* A non-blocking connect's EINPROGRESS is its start, not its failure. */
	if (err == EINPROGRESS || err == EALREADY)
		return;
	for (unsigned i = 0; i < e->nargs; i++)
		if (e->args[i].kind == AK_SOCKADDR &&
		    sockaddr_text(task, task->ev.raw[i], task->ev.raw[e->args[i].len_arg], addr,
				  sizeof(addr)))
			story_netfail(&t->story, task->proc->story, e->name, addr, err);
}

/* A pipe fd was read through and is no longer its reading side: closed (or dup2'd over). */
static void let_go_of_pipe(struct tracer *t, struct task *task, int fd)
{
	struct story_fd *e = find(task->proc, fd);

	if (e && e->kind == FD_PIPE && e->read && story_pipe_of(task->tid, fd, O_RDONLY) != e->ino)
		story_pipe_let_go(&t->story, e->ino, task->proc->tgid, mono_since_ns(&t->story_t0));
}

/* A call that moves no data: what its descriptors are may have changed. */
static void changed(struct tracer *t, struct task *task, bool error, int64_t ret)
{
	const struct sysent *e = task->ev.ent;
	struct proc *p = task->proc;

	for (unsigned i = 0; i < e->nargs; i++) {
		if (e->args[i].kind != AK_FD)
			continue;
		let_go_of_pipe(t, task, (int)task->ev.raw[i]);
		forget(p, (int)task->ev.raw[i]);
		/* A socket's endpoint, known now it is connected, bound or listening. */
		if (!error && (e->classes & TC_NETWORK))
			resolve(t, task, (int)task->ev.raw[i], &(struct story_fd){0});
	}
	if (error || e->ret != RK_FD || ret < 0)
		return;
	forget(p, (int)ret);
	if (e->classes & TC_NETWORK) /* accept's connection */
		resolve(t, task, (int)ret, &(struct story_fd){0});
}

void story_fds_exit(struct tracer *t, struct task *task, bool error, int64_t ret, uint32_t file)
{
	const struct sysent *e = task->ev.ent;
	int dir = sys_io_direction(e);

	if (!e || t->sc.on || !task->proc->story)
		return;
	if (file && !error && ret >= 0) { /* an open: its descriptor is that file */
		keep(task->proc, &(struct story_fd){.fd = (int)ret, .kind = FD_FILE, .ref = file});
		return;
	}
	if (error && (e->classes & TC_NETWORK))
		failed_call(t, task, (int)-ret);
	if (!dir) {
		changed(t, task, error, ret);
		return;
	}
	int fd = sys_io_fd(&task->ev);
	if (error || ret <= 0 || fd < 0)
		return;
	struct story_fd *kept = find(task->proc, fd), now;
	if (kept)
		now = *kept;
	else if (!resolve(t, task, fd, &now))
		return;
	if (now.kind == FD_PIPE && dir > 0 && (kept = find(task->proc, fd)))
		kept->read = true;
	struct story_io *io = io_of(t, task->proc, &now);
	if (io)
		story_io_add(io, dir > 0, (uint64_t)ret);
}
