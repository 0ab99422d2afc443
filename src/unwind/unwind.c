/* The unwinder's API: per-process state, walks, and turning raw frames into symbolized ones. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/host.h"
#include "internal.h"
#include "util/xalloc.h"

struct unwind_proc *unwind_proc_new(pid_t pid, enum unwind_backend backend)
{
	struct unwind_proc *up = xcalloc(1, sizeof(*up));

	up->pid = pid;
	up->backend = backend;
	up->gen = 1;
	/* A test hook (=1): the A/B check that the fast walk's stacks are libdw's. */
	const char *nofast = getenv("PTRC_UNWIND_NO_FAST");
	up->no_fast = nofast && !strcmp(nofast, "1");
	symcache_init(&up->cache);
	return up;
}

struct unwind_proc *uw_proc_offline(Dwfl *dwfl)
{
	struct unwind_proc *up = unwind_proc_new(0, UNWIND_LIBDW);

	up->dwfl = dwfl;
	up->offline = true;
	up->reported_gen = up->gen;
	up->sp_regno = -1;
	return up;
}

void unwind_proc_free(struct unwind_proc *up)
{
	if (!up)
		return;
	uw_lu_free(up);
	uw_py_drop(up);
	perfmap_free(&up->perfmap);
	uw_dwfl_drop(up);
	symcache_free(&up->cache);
	fw_free(&up->fw);
	free(up);
}

void unwind_invalidate(struct unwind_proc *up, enum unwind_change what)
{
	up->gen++;
	if (what == UNWIND_EXEC)
		up->exec_pending = true;
}

unsigned unwind_generation(const struct unwind_proc *up)
{
	return up->gen;
}

/* Brings the module list (and, after an execve, everything) up to date. */
static int uw_prepare(struct unwind_proc *up)
{
	if (up->exec_pending) {
		uw_dwfl_drop(up);
		uw_lu_free(up);
		uw_py_drop(up);
		perfmap_free(&up->perfmap);
		up->exec_pending = false;
	}
	if (up->dwfl && up->reported_gen == up->gen)
		return 0;
	symcache_flush(&up->cache);
	fw_flush(&up->fw);
	uw_lu_flush(up);
	up->refreshed_on_miss = false;
	return uw_dwfl_refresh(up);
}

bool uw_walk_push(struct uw_walk *w, uint64_t pc, uint64_t sp, bool activation)
{
	/* Return addresses signed with pointer authentication (aarch64) keep their PAC bits. */
	pc &= ~w->pac_mask;
	if (w->n >= w->max) {
		w->stop = UNWIND_STOP_DEPTH;
		return false;
	}
	if (w->n > 0) {
		const struct uw_raw *prev = &w->raw[w->n - 1];
		/* The stack grows down: a caller's frame is never below its callee's. */
		bool stuck = sp && prev->sp && sp < prev->sp;
		bool same = sp == prev->sp && pc == prev->pc;
		if (stuck || same) {
			w->stop = UNWIND_STOP_LOOP;
			return false;
		}
	}
	w->raw[w->n++] = (struct uw_raw){.pc = pc, .sp = sp, .activation = activation};
	return true;
}

static void frame_from_sym(struct unwind_frame *f, const struct sym_frame *s, uint64_t key,
			   struct arena *ar)
{
	uint64_t delta = f->pc - key;

	f->module = s->module ? arena_strndup(ar, s->module, strlen(s->module)) : NULL;
	f->func = s->func ? arena_strndup(ar, s->func, strlen(s->func)) : NULL;
	f->file = s->file ? arena_strndup(ar, s->file, strlen(s->file)) : NULL;
	f->inlined_into = s->inlined_into
				  ? arena_strndup(ar, s->inlined_into, strlen(s->inlined_into))
				  : NULL;
	f->rel = s->rel + delta;
	f->func_off = s->off + delta;
	f->line = s->line;
	f->col = s->col;
	f->flags |= s->flags;
}

/* Appends the frames of one address (inlined calls first) to out, growing it in ar. */
static void emit_frames(struct unwind_proc *up, const struct uw_raw *r, struct arena *ar,
			struct unwind_frame **v, size_t *n, size_t *cap)
{
	uint64_t key = r->activation || !r->pc ? r->pc : r->pc - 1;
	const struct sym_entry *e = symcache_get(up, key);
	size_t count = e ? e->n : 1;

	if (*n + count > *cap) {
		size_t ncap = (*cap ? *cap * 2 : 32) + count;
		struct unwind_frame *nv = arena_alloc(ar, ncap * sizeof(*nv));
		if (*n)
			memcpy(nv, *v, *n * sizeof(*nv));
		*v = nv;
		*cap = ncap;
	}
	for (size_t i = 0; i < count; i++) {
		struct unwind_frame *f = &(*v)[(*n)++];
		memset(f, 0, sizeof(*f));
		f->pc = r->pc;
		f->sp = r->sp;
		f->rel = r->pc;
		f->flags = r->activation ? UNWIND_FRAME_ACTIVATION : 0;
		if (e)
			frame_from_sym(f, &up->cache.pool[e->first + i], key, ar);
	}
}

static const char *stop_text(struct arena *ar, const struct uw_walk *w, unsigned depth)
{
	char buf[160];

	switch (w->stop) {
	case UNWIND_STOP_DEPTH:
		snprintf(buf, sizeof(buf), "stack truncated: more than %u frames", depth);
		break;
	case UNWIND_STOP_LOOP:
		snprintf(buf, sizeof(buf), "stack truncated: the stack pointer does not move on");
		break;
	case UNWIND_STOP_ERROR:
		snprintf(buf, sizeof(buf), "stack truncated: %s", w->msg ? w->msg : "unwind error");
		break;
	default:
		return NULL;
	}
	return arena_strndup(ar, buf, strlen(buf));
}

int unwind_walk(struct unwind_proc *up, pid_t tid, const struct unwind_opts *o, struct arena *ar,
		struct unwind_trace *out)
{
	unsigned depth = o && o->max_depth ? o->max_depth : UNWIND_DEFAULT_DEPTH;
	struct uw_walk w = {.max = depth, .stop = UNWIND_STOP_END};
	size_t cap = 0;
	int ret;

	memset(out, 0, sizeof(*out));
	ret = uw_prepare(up);
	if (ret < 0)
		return ret;
	if (o && o->no_source != up->cache.no_source) {
		symcache_flush(&up->cache);
		up->cache.no_source = o->no_source;
	}
	w.raw = xmalloc(depth * sizeof(*w.raw));
	if (host_pac_mask(tid, &w.pac_mask) < 0)
		w.pac_mask = 0;
	if (up->backend == UNWIND_LIBUNWIND)
		ret = uw_lu_walk(up, tid, &w);
	else if (!uw_fast_walk(up, tid, &w))
		ret = uw_dwfl_walk(up, tid, &w);
	if (ret < 0 && w.n == 0)
		goto out_free;
	ret = 0;
	for (size_t i = 0; i < w.n; i++)
		emit_frames(up, &w.raw[i], ar, &out->frames, &out->n, &cap);
	out->stop = w.stop;
	out->stop_msg = stop_text(ar, &w, depth);
	if (!(o && o->no_python))
		uw_py_merge(up, tid, 0, ar, out);
out_free:
	free(w.raw);
	return ret;
}

int unwind_symbolize(struct unwind_proc *up, uint64_t pc, bool activation, struct arena *ar,
		     struct unwind_frame **frames)
{
	struct uw_raw r = {.pc = pc, .activation = activation};
	size_t n = 0, cap = 0;
	int ret = uw_prepare(up);

	if (ret < 0)
		return ret;
	*frames = NULL;
	emit_frames(up, &r, ar, frames, &n, &cap);
	return (int)n;
}

static int preload_module(Dwfl_Module *mod, void **user, const char *name, Dwarf_Addr start,
			  void *arg)
{
	Dwarf_Addr bias;

	(void)user;
	(void)name;
	(void)start;
	(void)arg;
	(void)dwfl_module_eh_cfi(mod, &bias);
	(void)dwfl_module_getdwarf(mod, &bias);
	return DWARF_CB_OK;
}

int unwind_preload(struct unwind_proc *up)
{
	int ret = uw_prepare(up);

	if (ret < 0)
		return ret;
	dwfl_getmodules(up->dwfl, preload_module, NULL, 0);
	return 0;
}

int unwind_python_stack(struct unwind_proc *up, pid_t tid, uint64_t thread_ptr, struct arena *ar,
			struct unwind_trace *out)
{
	int ret;

	memset(out, 0, sizeof(*out));
	ret = uw_prepare(up);
	if (ret < 0)
		return ret;
	uw_py_merge(up, tid, thread_ptr, ar, out);
	return 0;
}

const char *unwind_stop_reason(const struct unwind_trace *t)
{
	return t->stop == UNWIND_STOP_END ? NULL : t->stop_msg;
}
