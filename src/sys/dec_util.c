/* Small building blocks shared by the syscall decoders. */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

bool dec_ok(const struct sc_event *ev)
{
	return ev->exited && !ev->is_error;
}

bool dec_fetch(struct dctx *d, struct val *v, uint64_t addr, void *buf, size_t len)
{
	if (!addr || tmem_read(d->mem, addr, buf, len) < 0) {
		val_ptr(v, addr);
		return false;
	}
	return true;
}

void dec_array_start(struct dctx *d, struct dec_array *a, struct val *v)
{
	a->v = v;
	a->cap = 0;
	val_array(v, d->ar, 0);
}

/*
 * Room for one more item: the slots double, so a call that passes 2^30
 * elements and shows two costs two, within what DEC_MAX_BYTES leaves; false
 * when not even one more fits (force: the one that says where reading stopped).
 */
static bool array_grow(struct dctx *d, struct dec_array *a, bool force)
{
	struct val *v = a->v;
	uint64_t cap = a->cap ? (uint64_t)a->cap * 2 : 8;

	if (v->n < a->cap)
		return true;
	uint64_t fit = dec_room(d, cap * sizeof(*v->items)) / sizeof(*v->items);
	if (cap > UINT32_MAX || (fit <= a->cap && !force))
		return false;
	cap = fit > a->cap ? fit : a->cap + 1;
	struct val *items = arena_zalloc(d->ar, sizeof(*items) * cap);
	if (v->n)
		memcpy(items, v->items, sizeof(*items) * v->n);
	v->items = items;
	a->cap = (uint32_t)cap;
	return true;
}

/* An element starts only with room for a small one, so the last is not cut to nothing. */
enum { ARRAY_ITEM_ROOM = 256 };

/* strace shows -s elements of an array, and all of them with -v (its abbrev=none). */
struct val *dec_array_add(struct dctx *d, struct dec_array *a)
{
	struct val *v = a->v;

	if ((!d->opt->verbose && v->n >= d->opt->strsize) ||
	    dec_room(d, ARRAY_ITEM_ROOM) < ARRAY_ITEM_ROOM || !array_grow(d, a, false)) {
		v->flags |= VALF_TRUNC;
		return NULL;
	}
	return &v->items[v->n++];
}

void dec_array_unread(struct dctx *d, struct dec_array *a, uint64_t i, uint64_t addr)
{
	if (i == 0) {
		val_ptr(a->v, addr);
		return;
	}
	array_grow(d, a, true);
	val_unread(&a->v->items[a->v->n++], addr);
}

uint64_t dec_uint_at(const void *p, unsigned size)
{
	uint8_t b8;
	uint16_t b16;
	uint32_t b32;
	uint64_t b64 = 0;

	switch (size) {
	case 1:
		memcpy(&b8, p, 1);
		return b8;
	case 2:
		memcpy(&b16, p, 2);
		return b16;
	case 4:
		memcpy(&b32, p, 4);
		return b32;
	default:
		memcpy(&b64, p, size < 8 ? size : 8);
		return b64;
	}
}

int dec_read_words(struct dctx *d, uint64_t addr, uint64_t *w, unsigned n)
{
	unsigned ws = d->abi->word_size;
	uint8_t buf[32 * 8];

	if (n * ws > sizeof(buf))
		return -EINVAL;
	int rc = tmem_read(d->mem, addr, buf, n * ws);
	if (rc < 0)
		return rc;
	for (unsigned i = 0; i < n; i++) {
		uint32_t w32;
		if (ws == 4) {
			memcpy(&w32, buf + i * 4, 4);
			w[i] = w32;
		} else {
			memcpy(&w[i], buf + i * 8, 8);
		}
	}
	return 0;
}

void st_init(struct val *v, struct arena *a, uint32_t cap)
{
	val_struct(v, a, cap);
	v->n = 0; /* grows with st_add(); callers stay within cap */
}

struct val *st_add(struct val *v, struct arena *a, const char *name)
{
	return val_field(v, a, v->n++, name);
}

struct val *dec_named_arg(struct dctx *d, struct val *v, const char *name)
{
	st_init(v, d->ar, 1);
	v->flags |= VALF_BARE;
	return st_add(v, d->ar, name);
}

void dec_int_ref(struct dctx *d, struct val *v, uint64_t addr)
{
	int32_t x;

	if (!dec_fetch(d, v, addr, &x, sizeof(x)))
		return;
	val_int(val_array(v, d->ar, 1), x);
}

void dec_word_ref(struct dctx *d, struct val *v, uint64_t addr, enum word_shape shape)
{
	uint64_t w;

	if (!addr || read_word(d, addr, &w) < 0) {
		val_ptr(v, addr);
		return;
	}
	struct val *item = val_array(v, d->ar, 1);
	if (shape == WORD_PTR)
		val_ptr(item, w);
	else if (shape == WORD_HEX)
		val_hex(item, w);
	else
		val_uint(item, w);
}

void dec_sigset(struct dctx *d, struct val *v, uint64_t addr, uint64_t size)
{
	uint8_t buf[128];

	/* The kernel accepts one size only; strace shows others as addresses. */
	if (size == 0 || size > sizeof(buf) || !dec_fetch(d, v, addr, buf, size)) {
		val_ptr(v, addr);
		return;
	}
	val_sigset(v, d->ar, buf, (uint32_t)size);
}

/* pselect6's and io_pgetevents' last argument: {const sigset_t *sigmask; size_t sigsetsize},
 * two words, {sigmask=[HUP], sigsetsize=8}. */
void dec_sigmask_pair(struct dctx *d, struct val *v, uint64_t addr)
{
	uint64_t ss = 0, len = 0;

	if (!addr || read_word(d, addr, &ss) < 0 ||
	    read_word(d, addr + d->abi->word_size, &len) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 2);
	dec_sigset(d, st_add(v, d->ar, "sigmask"), ss, len);
	val_uint(st_add(v, d->ar, "sigsetsize"), len);
}

/* strace shows tv_nsec and tv_usec unsigned, at the width of the ABI's long: a tv_nsec of -1
 * is 18446744073709551615 (x86_64), 4294967295 (i386). */
void val_time(struct val *v, struct arena *a, int64_t sec, uint64_t sub, const char *subname)
{
	st_init(v, a, 2);
	val_int(st_add(v, a, "tv_sec"), sec);
	val_uint(st_add(v, a, subname), sub);
}

/* The size of a time_t field in this call's timespec and timeval. */
unsigned dec_time_size(const struct dctx *d)
{
	return d->time64 ? 8 : d->abi->word_size;
}

static void dec_time_pair(struct dctx *d, struct val *v, uint64_t addr, const char *subname)
{
	unsigned ts = dec_time_size(d);

	if (ts == 4) {
		int32_t w[2];
		if (dec_fetch(d, v, addr, w, sizeof(w)))
			val_time(v, d->ar, w[0], (uint32_t)w[1], subname);
		return;
	}
	int64_t w[2];
	if (dec_fetch(d, v, addr, w, sizeof(w)))
		val_time(v, d->ar, w[0], (uint64_t)w[1], subname);
}

void dec_timespec(struct dctx *d, struct val *v, uint64_t addr)
{
	dec_time_pair(d, v, addr, "tv_nsec");
}

void dec_timeval(struct dctx *d, struct val *v, uint64_t addr)
{
	dec_time_pair(d, v, addr, "tv_usec");
}

void val_clock_t(struct val *v, struct arena *a, uint64_t ticks)
{
	val_uint(v, ticks);
	if (ticks)
		val_ticks(val_comment(v, a), ticks);
}

void val_with_time(struct val *v, struct arena *a, int64_t sec, uint64_t nsec)
{
	if (sec || nsec)
		val_date(val_comment(v, a), sec, (uint32_t)nsec);
}

void dec_uint_ref(struct dctx *d, struct val *v, uint64_t addr)
{
	uint32_t x;

	if (dec_fetch(d, v, addr, &x, sizeof(x)))
		val_uint(val_array(v, d->ar, 1), x);
}

void dec_u64_ref(struct dctx *d, struct val *v, uint64_t addr)
{
	uint64_t x;

	if (dec_fetch(d, v, addr, &x, sizeof(x)))
		val_uint(val_array(v, d->ar, 1), x);
}

void dec_s64_ref(struct dctx *d, struct val *v, uint64_t addr)
{
	int64_t x;

	if (dec_fetch(d, v, addr, &x, sizeof(x)))
		val_int(val_array(v, d->ar, 1), x);
}

void dec_ulong_ref(struct dctx *d, struct val *v, uint64_t addr)
{
	dec_word_ref(d, v, addr, false);
}

void dec_inet_addr(struct val *v, struct arena *a, const void *bytes)
{
	val_call(v, a, "inet_addr", 1);
	v->raw = VAL_RAW_NETBYTES;
	val_ipaddr(val_field(v, a, 0, "addr"), a, bytes, 4);
}

void dec_inet6_field(struct val *v, struct arena *a, const void *bytes, const char *sym)
{
	val_call(v, a, "inet_pton", 3);
	v->flags |= VALF_ANON;
	v->raw = VAL_RAW_NETBYTES;
	val_enum(val_field(v, a, 0, NULL), AF_INET6, &xl_address_families);
	val_ipaddr(val_field(v, a, 1, "addr"), a, bytes, 16);
	val_sym(val_field(v, a, 2, NULL), sym);
}
