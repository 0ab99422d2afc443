/* Which syscalls -P and -e status= let through. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sys/sysent.h"
#include "tracer.h"

static bool path_listed(const struct config *cfg, const char *path, size_t len)
{
	for (size_t i = 0; i < cfg->npaths; i++)
		if (strlen(cfg->paths[i]) == len && !memcmp(cfg->paths[i], path, len))
			return true;
	return false;
}

static bool fd_listed(const struct config *cfg, pid_t tid, int64_t fd)
{
	char link[64], target[PATH_MAX];

	if (fd < 0)
		return false;
	snprintf(link, sizeof(link), "/proc/%d/fd/%lld", (int)tid, (long long)fd);
	ssize_t n = readlink(link, target, sizeof(target));
	return n > 0 && path_listed(cfg, target, (size_t)n);
}

/* A descriptor anywhere in a decoded argument: poll's pollfds, select's sets. */
static bool val_fd_listed(const struct config *cfg, pid_t tid, const struct val *v, unsigned depth)
{
	const struct val *c;

	/* Values nest only a few levels; the bound guards against a malformed tree. */
	if (!v || depth > 8)
		return false;
	if (v->kind == VAL_FD)
		return fd_listed(cfg, tid, v->i);
	for (unsigned i = 0; (c = val_child(v, i)); i++)
		if (val_fd_listed(cfg, tid, c, depth + 1))
			return true;
	return false;
}

bool select_by_path(const struct tracer *t, const struct task *task)
{
	const struct sc_event *ev = &task->ev;
	const struct config *cfg = t->cfg;

	if (!cfg->npaths)
		return true;
	if (!ev->ent)
		return false;
	for (unsigned i = 0; i < ev->ent->nargs && i < ev->nargs; i++) {
		const struct val *v = &ev->args[i];
		switch (ev->ent->args[i].kind) {
		case AK_PATH:
			if (v->kind == VAL_STR && path_listed(cfg, v->bytes, v->n))
				return true;
			break;
		default:
			if (val_fd_listed(cfg, task->tid, v, 0))
				return true;
			break;
		}
	}
	return false;
}

bool select_by_status(const struct tracer *t, const struct sc_event *ev, unsigned status)
{
	unsigned mask = t->cfg->status_mask;

	if (!mask)
		return true;
	if (status)
		return mask & status;
	return mask & (ev->is_error ? STATUS_FAILED : STATUS_SUCCESSFUL);
}
