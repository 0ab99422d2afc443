/*
 * The libunwind backend: libunwind-ptrace walks the stack of one stopped
 * thread through a per-process address space whose unwind-info cache lives
 * until the memory map changes.  Symbolization still goes through libdw.
 */
#include <errno.h>
#include <libunwind-ptrace.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

#include "internal.h"
#include "util/xalloc.h"

enum { LU_SLOTS = 8, LU_PAGES = 8, LU_PAGE = 4096 };

/* libunwind's per-thread ptrace state (with its ELF caches), kept between walks. */
struct lu_slot {
	pid_t tid;
	void *upt;
};

struct lu_state {
	unw_addr_space_t as;
	struct lu_slot slots[LU_SLOTS];
	unsigned next_slot;
};

/*
 * libunwind-ptrace reads memory word by word with PTRACE_PEEKDATA.  Its
 * access_mem is replaced by one that reads whole pages with
 * process_vm_readv into a cache valid for one walk.  libunwind calls the
 * accessors with the _UPT_create() pointer as argument, so the walk in
 * progress (ptrc is single-threaded, walks do not nest) is found here.
 */
struct lu_walk {
	void *upt;
	pid_t tid;
	uint64_t addr[LU_PAGES];
	bool valid[LU_PAGES];
	unsigned char page[LU_PAGES][LU_PAGE];
};

static struct lu_walk *lu_cur;
static unw_accessors_t lu_accessors;

static const unsigned char *lu_page(struct lu_walk *w, uint64_t page)
{
	unsigned i = (unsigned)(page / LU_PAGE) % LU_PAGES;

	if (w->valid[i] && w->addr[i] == page)
		return w->page[i];
	struct iovec local = {.iov_base = w->page[i], .iov_len = LU_PAGE};
	struct iovec remote = {.iov_base = (void *)(uintptr_t)page, .iov_len = LU_PAGE};
	w->valid[i] = process_vm_readv(w->tid, &local, 1, &remote, 1, 0) == LU_PAGE;
	w->addr[i] = page;
	return w->valid[i] ? w->page[i] : NULL;
}

static int lu_access_mem(unw_addr_space_t as, unw_word_t addr, unw_word_t *val, int write,
			 void *arg)
{
	struct lu_walk *w = lu_cur;
	unsigned char *out = (unsigned char *)val;

	if (write || !w || arg != w->upt)
		return _UPT_access_mem(as, addr, val, write, arg);
	for (size_t i = 0; i < sizeof(*val); i++) {
		uint64_t a = addr + i;
		const unsigned char *p = lu_page(w, a & ~(uint64_t)(LU_PAGE - 1));
		if (!p)
			return _UPT_access_mem(as, addr, val, write, arg);
		out[i] = p[a & (LU_PAGE - 1)];
	}
	return 0;
}

static void lu_drop_slots(struct lu_state *s)
{
	for (unsigned i = 0; i < LU_SLOTS; i++) {
		if (s->slots[i].upt)
			_UPT_destroy(s->slots[i].upt);
		s->slots[i] = (struct lu_slot){0};
	}
}

static void *lu_upt(struct lu_state *s, pid_t tid)
{
	for (unsigned i = 0; i < LU_SLOTS; i++)
		if (s->slots[i].upt && s->slots[i].tid == tid)
			return s->slots[i].upt;
	struct lu_slot *slot = &s->slots[s->next_slot++ % LU_SLOTS];
	if (slot->upt)
		_UPT_destroy(slot->upt);
	slot->tid = tid;
	slot->upt = _UPT_create(tid);
	return slot->upt;
}

void uw_lu_free(struct unwind_proc *up)
{
	if (!up->lu)
		return;
	lu_drop_slots(up->lu);
	unw_destroy_addr_space(up->lu->as);
	free(up->lu);
	up->lu = NULL;
}

void uw_lu_flush(struct unwind_proc *up)
{
	if (!up->lu)
		return;
	unw_flush_cache(up->lu->as, 0, 0);
	lu_drop_slots(up->lu);
}

static int lu_state(struct unwind_proc *up)
{
	if (up->lu)
		return 0;
	if (!lu_accessors.access_mem) {
		lu_accessors = _UPT_accessors;
		lu_accessors.access_mem = lu_access_mem;
	}
	unw_addr_space_t as = unw_create_addr_space(&lu_accessors, 0);
	if (!as)
		return -ENOMEM;
	unw_set_caching_policy(as, UNW_CACHE_GLOBAL);
	up->lu = xcalloc(1, sizeof(*up->lu));
	up->lu->as = as;
	return 0;
}

static const char *lu_error(int err)
{
	return unw_strerror(err);
}

static int lu_steps(unw_cursor_t *cur, struct uw_walk *w)
{
	bool activation = true;
	int ret = 0;

	do {
		unw_word_t ip = 0, sp = 0;
		if (unw_get_reg(cur, UNW_REG_IP, &ip) < 0 || ip == 0)
			break;
		unw_get_reg(cur, UNW_REG_SP, &sp);
		if (!uw_walk_push(w, ip, sp, activation))
			break;
		/* After a signal frame the next pc is exact, not a return address. */
		activation = unw_is_signal_frame(cur) > 0;
		ret = unw_step(cur);
	} while (ret > 0);
	if (ret < 0 && w->stop == UNWIND_STOP_END) {
		w->stop = UNWIND_STOP_ERROR;
		w->msg = lu_error(ret);
	}
	return w->n ? 0 : -ESRCH;
}

int uw_lu_walk(struct unwind_proc *up, pid_t tid, struct uw_walk *w)
{
	unw_cursor_t cur;
	struct lu_walk *lw;
	int ret = lu_state(up);

	if (ret < 0)
		return ret;
	lw = xmalloc(sizeof(*lw));
	memset(lw->valid, 0, sizeof(lw->valid));
	lw->tid = tid;
	lw->upt = lu_upt(up->lu, tid);
	if (!lw->upt) {
		ret = -ENOMEM;
		goto out_free;
	}
	lu_cur = lw;
	ret = unw_init_remote(&cur, up->lu->as, lw->upt);
	if (ret < 0) {
		w->stop = UNWIND_STOP_ERROR;
		w->msg = lu_error(ret);
		ret = -ESRCH;
		goto out_free;
	}
	ret = lu_steps(&cur, w);
out_free:
	lu_cur = NULL;
	free(lw);
	return ret;
}
