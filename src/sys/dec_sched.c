/*
 * sched_getattr(2) and sched_setattr(2)'s struct sched_attr, and getcpu(2), as strace 6.1
 * prints them.  struct sched_attr is the same on every ABI (fixed-width fields, 8-aligned).
 */
#include <errno.h>
#include <linux/sched.h>
#include <linux/sched/types.h>
#include <string.h>

#include "decoders.h"
#include "flags.h"

/* How much of a struct sched_attr to show, and how. */
struct attr_view {
	uint32_t fields; /* SCHED_ATTR_SIZE_VER0 or _VER1: the fields up to that size */
	bool setting;	 /* sched_setattr's: the fields its flags keep are not shown */
	bool more;	 /* the tracee's struct is larger than ptrc's: ", ..." */
};

static void attr_params(struct dctx *d, struct val *v, const struct sched_attr *a)
{
	val_int(st_add(v, d->ar, "sched_nice"), a->sched_nice);
	val_uint(st_add(v, d->ar, "sched_priority"), a->sched_priority);
	val_uint(st_add(v, d->ar, "sched_runtime"), a->sched_runtime);
	val_uint(st_add(v, d->ar, "sched_deadline"), a->sched_deadline);
	val_uint(st_add(v, d->ar, "sched_period"), a->sched_period);
}

/* {size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, ...}. */
static void dec_attr_fields(struct dctx *d, struct val *v, const struct sched_attr *a,
			    const struct attr_view *view)
{
	/* Kept parameters include the policy (strace 6.1 shows neither). */
	bool keep_params = view->setting && (a->sched_flags & SCHED_FLAG_KEEP_PARAMS);
	bool keep_policy =
		keep_params || (view->setting && (a->sched_flags & SCHED_FLAG_KEEP_POLICY));

	st_init(v, d->ar, 10);
	val_uint(st_add(v, d->ar, "size"), a->size);
	if (view->fields < SCHED_ATTR_SIZE_VER0)
		return;
	if (!keep_policy)
		val_enum(st_add(v, d->ar, "sched_policy"), a->sched_policy, &xl_sched_policies);
	val_flags(st_add(v, d->ar, "sched_flags"), a->sched_flags, &xl_sched_attr_flags);
	if (!keep_params)
		attr_params(d, v, a);
	if (view->fields >= SCHED_ATTR_SIZE_VER1) {
		val_uint(st_add(v, d->ar, "sched_util_min"), a->sched_util_min);
		val_uint(st_add(v, d->ar, "sched_util_max"), a->sched_util_max);
	}
	if (view->more)
		v->flags |= VALF_TRUNC;
}

static uint32_t attr_fields(uint32_t size)
{
	if (size >= SCHED_ATTR_SIZE_VER1)
		return SCHED_ATTR_SIZE_VER1;
	return size >= SCHED_ATTR_SIZE_VER0 ? SCHED_ATTR_SIZE_VER0 : size;
}

/*
 * sched_setattr's struct, as the kernel reads it: its size first (0 is the first
 * version's), then that many bytes of it, or just the size when it is too small to be one.
 */
void dec_sched_setattr(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 1);
	struct sched_attr a;
	struct val *v = &ev->args[1], *after;

	memset(&a, 0, sizeof(a));
	if (exiting) {
		/* E2BIG: the kernel wrote the size it knows back ("=> {size=56}"). */
		if (ev->is_error && ev->ret == -E2BIG && v->kind == VAL_STRUCT &&
		    tmem_read(d->mem, addr, &a.size, sizeof(a.size)) == 0) {
			struct val before = *v;
			val_change(v, d->ar, &before, &before);
			after = v->change.after;
			st_init(after, d->ar, 1);
			val_uint(st_add(after, d->ar, "size"), a.size);
		}
		return;
	}
	if (!dec_fetch(d, v, addr, &a.size, sizeof(a.size)))
		return;
	uint32_t usize = a.size ? a.size : SCHED_ATTR_SIZE_VER0;
	size_t len = usize < sizeof(a) ? usize : sizeof(a);
	struct attr_view view = {attr_fields(usize), true, usize > sizeof(a)};
	if (usize >= SCHED_ATTR_SIZE_VER0 && !dec_fetch(d, v, addr, &a, len))
		return;
	dec_attr_fields(d, v, &a, &view);
	/* Only a size the kernel refuses (too small, or larger with more set) comes back. */
	if (usize < SCHED_ATTR_SIZE_VER0 || usize > sizeof(a))
		ev->split = 1;
}

/* sched_getattr's, at exit: the bytes the call's size argument covers, the rest zero. */
void dec_sched_getattr(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 1), usize = (uint32_t)ev->raw[2];
	struct sched_attr a;
	struct val *v = &ev->args[1];

	if (!exiting || !dec_ok(ev))
		return;
	memset(&a, 0, sizeof(a));
	if (!dec_fetch(d, v, addr, &a, usize < sizeof(a) ? usize : sizeof(a)))
		return;
	struct attr_view view = {attr_fields(a.size), false, false};
	dec_attr_fields(d, v, &a, &view);
}

/* getcpu([0], [0], NULL): the CPU and the node at exit; the cache is unused. */
void dec_getcpu(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting || !dec_ok(ev))
		return;
	dec_uint_ref(d, &ev->args[0], arg_word(d, ev, 0));
	dec_uint_ref(d, &ev->args[1], arg_word(d, ev, 1));
}

/* = 0 (SCHED_OTHER): the policy's name, in every -X style. */
void dec_sched_getscheduler(struct dctx *d, struct sc_event *ev, bool exiting)
{
	const char *name;

	(void)d;
	if (exiting && dec_ok(ev) && (name = xlat_name(&xl_sched_policies, (uint64_t)ev->ret)))
		val_sym(&ev->ret_note, name);
}
