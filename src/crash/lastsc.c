#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lastsc.h"
#include "util/strbuf.h"
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

struct crash_sc *crash_ring_enter(struct crash_ring *r, const char *name, uint64_t nr,
				  const uint64_t *args, unsigned nargs)
{
	struct crash_sc *sc;

	if (!r->cap)
		return NULL;
	sc = &r->v[r->next];
	r->next = (r->next + 1) % r->cap;
	if (r->n < r->cap)
		r->n++;
	memset(sc, 0, sizeof(*sc));
	sc->name = name;
	sc->nr = nr;
	sc->nargs = (uint8_t)(nargs > 6 ? 6 : nargs);
	memcpy(sc->args, args, sc->nargs * sizeof(*args));
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

static void format_sc(struct strbuf *sb, const struct crash_sc *sc)
{
	if (sc->name)
		strbuf_adds(sb, sc->name);
	else
		strbuf_addf(sb, "syscall_0x%" PRIx64, sc->nr);
	strbuf_addc(sb, '(');
	for (unsigned i = 0; i < sc->nargs; i++)
		strbuf_addf(sb, "%s0x%" PRIx64, i ? ", " : "", sc->args[i]);
	strbuf_addc(sb, ')');
	if (!sc->exited)
		strbuf_adds(sb, " = ?");
	else if (sc->is_error)
		strbuf_addf(sb, " = -1 (errno %" PRId64 ")", -sc->ret);
	else
		strbuf_addf(sb, " = %" PRId64, sc->ret);
}

size_t crash_ring_lines(const struct crash_ring *r, struct arena *ar, const char ***lines)
{
	struct strbuf sb = {0};
	unsigned first = (r->next + r->cap - r->n) % (r->cap ? r->cap : 1);

	*lines = arena_alloc(ar, (r->n + 1) * sizeof(**lines));
	for (unsigned i = 0; i < r->n; i++) {
		strbuf_reset(&sb);
		format_sc(&sb, &r->v[(first + i) % r->cap]);
		(*lines)[i] = arena_strndup(ar, sb.buf, sb.len);
	}
	strbuf_free(&sb);
	return r->n;
}
