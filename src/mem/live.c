/* Live tracee memory; the only file under mem/ that talks to the kernel. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>

#include "tmem.h"

static ssize_t live_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct tmem_live *l = ctx;
	struct iovec local = {.iov_base = buf, .iov_len = len};
	struct iovec remote = {.iov_base = (void *)(uintptr_t)addr, .iov_len = len};

	if (l->memfd < 0) {
		ssize_t n = process_vm_readv(l->pid, &local, 1, &remote, 1, 0);
		if (n >= 0)
			return n;
		/* EPERM/ENOSYS: no CMA (e.g. a seccomp sandbox or an old kernel). */
		if (errno != EPERM && errno != ENOSYS)
			return -errno;
		char path[64];
		snprintf(path, sizeof(path), "/proc/%d/mem", (int)l->pid);
		l->memfd = open(path, O_RDONLY | O_CLOEXEC);
		if (l->memfd < 0)
			return -errno;
	}
	ssize_t n = pread(l->memfd, buf, len, (off_t)addr);
	return n < 0 ? -errno : n;
}

static const struct tmem_ops live_ops = {.read = live_read};

void tmem_live_init(struct tmem_live *l, struct tmem *m, pid_t pid)
{
	l->pid = pid;
	l->memfd = -1;
	m->ops = &live_ops;
	m->ctx = l;
}

void tmem_live_close(struct tmem_live *l)
{
	if (l->memfd >= 0)
		close(l->memfd);
	l->memfd = -1;
}

void tmem_live_use(struct tmem_live *l, pid_t tid)
{
	l->pid = tid;
}
