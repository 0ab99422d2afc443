/* -y and -yy: every descriptor in a decoded call carries what it refers to. */
#include <fcntl.h>
#include <string.h>

#include "fd/fdinfo.h"
#include "tracer.h"

static void annotate(struct tracer *t, struct task *task, struct val *v, unsigned depth)
{
	char desc[4096];

	/* Values nest only a few levels; the bound guards against a malformed tree. */
	if (!v || depth > 8)
		return;
	if (v->kind == VAL_FD) {
		if (v->fd.num < 0 && !((v->flags & VALF_DIRFD) && v->fd.num == AT_FDCWD))
			return;
		if (fdinfo_describe(task->tid, (int)v->fd.num, t->cfg->yflag > 1, desc,
				    sizeof(desc)) != 0)
			return;
		if (t->cfg->yflag > 1)
			fdinfo_socket_proto(task->tid, (int)v->fd.num, desc, sizeof(desc));
		v->fd.path = arena_strndup(&task->ar, desc, strlen(desc));
		return;
	}
	struct val *c;
	for (unsigned i = 0; (c = val_child(v, i)); i++)
		annotate(t, task, c, depth + 1);
}

void fdpaths_annotate(struct tracer *t, struct task *task, unsigned from, unsigned to,
		      bool with_ret)
{
	struct sc_event *ev = &task->ev;

	if (!t->cfg->yflag)
		return;
	for (unsigned i = from; i < to && i < ev->nargs; i++)
		annotate(t, task, &ev->args[i], 0);
	if (with_ret && !ev->is_error)
		annotate(t, task, &ev->retv, 0);
}
