#include <stdlib.h>
#include <string.h>

#include "lastsc.h"
#include "util/xalloc.h"

void crash_ring_init(struct crash_ring *r, unsigned cap)
{
	memset(r, 0, sizeof(*r));
	r->cap = cap;
	if (cap)
		r->v = xcalloc(cap, sizeof(*r->v));
}

void crash_ring_free(struct crash_ring *r)
{
	free(r->v);
	memset(r, 0, sizeof(*r));
}

struct crash_sc *crash_ring_enter(struct crash_ring *r, const struct sc_event *ev)
{
	struct crash_sc *sc;

	if (!r->cap)
		return NULL;
	sc = &r->v[r->next];
	r->next = (r->next + 1) % r->cap;
	if (r->n < r->cap)
		r->n++;
	*sc = (struct crash_sc){
		.abi = ev->abi,
		.ent = ev->ent,
		.via = ev->via,
		.nr = ev->nr,
		.joined = ev->joined,
		.block_unread = ev->block_unread,
		.sp = ev->sp,
	};
	memcpy(sc->args, ev->raw, sizeof(sc->args));
	return sc;
}

void crash_ring_exit(struct crash_sc *sc, int64_t ret, bool is_error)
{
	if (!sc)
		return;
	sc->exited = true;
	sc->ret = ret;
	sc->is_error = is_error;
}

/* One record decoded as the trace would have shown it, with the memory of now. */
static void decode_one(const struct crash_sc *sc, const struct tmem *mem,
		       const struct decode_opts *opt, struct arena *ar, struct sc_event *ev)
{
	struct dctx d = {.mem = mem, .ar = ar, .abi = sc->abi, .opt = opt};

	memset(ev, 0, sizeof(*ev));
	ev->abi = sc->abi;
	ev->ent = sc->ent;
	ev->via = sc->via;
	ev->nr = sc->nr;
	ev->joined = sc->joined;
	ev->block_unread = sc->block_unread;
	ev->sp = sc->sp;
	memcpy(ev->raw, sc->args, sizeof(ev->raw));
	ev->name = sys_call_name(sc->abi, sc->nr, sc->ent, ar);
	sys_decode_entry(&d, ev);
	if (!sc->exited)
		return; /* "= ?": it never returned */
	ev->ret = sc->ret;
	ev->is_error = sc->is_error;
	/* What a call wrote may have been overwritten since: outputs show their addresses. */
	sys_decode_result(ev);
}

size_t crash_ring_decode(const struct crash_ring *r, const struct tmem *mem,
			 const struct decode_opts *opt, struct arena *ar, struct sc_event **events)
{
	unsigned first = (r->next + r->cap - r->n) % (r->cap ? r->cap : 1);

	*events = arena_zalloc(ar, (r->n + 1) * sizeof(**events));
	for (unsigned i = 0; i < r->n; i++)
		decode_one(&r->v[(first + i) % r->cap], mem, opt, ar, &(*events)[i]);
	return r->n;
}
