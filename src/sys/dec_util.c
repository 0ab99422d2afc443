/* Small building blocks shared by the syscall decoders. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../arch/abi.h"
#include "decoders.h"

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

void dec_word_ref(struct dctx *d, struct val *v, uint64_t addr, bool hex)
{
	uint64_t w;

	if (!addr || read_word(d, addr, &w) < 0) {
		val_ptr(v, addr);
		return;
	}
	struct val *item = val_array(v, d->ar, 1);
	if (hex)
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

void val_time(struct val *v, struct arena *a, int64_t sec, int64_t sub, const char *subname)
{
	st_init(v, a, 2);
	val_int(st_add(v, a, "tv_sec"), sec);
	val_int(st_add(v, a, subname), sub);
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
			val_time(v, d->ar, w[0], w[1], subname);
		return;
	}
	int64_t w[2];
	if (dec_fetch(d, v, addr, w, sizeof(w)))
		val_time(v, d->ar, w[0], w[1], subname);
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
	static long hz;
	char buf[64];

	if (!hz)
		hz = sysconf(_SC_CLK_TCK);
	val_uint(v, ticks);
	if (!ticks || hz <= 0)
		return;
	unsigned width = 0;
	for (long f = hz; f >= 10; f /= 10)
		width++;
	snprintf(buf, sizeof(buf), "%" PRIu64 ".%0*" PRIu64 " s", ticks / (uint64_t)hz, (int)width,
		 ticks % (uint64_t)hz);
	struct val inner = *v;
	val_comment(v, a, &inner, arena_strndup(a, buf, strlen(buf)));
}

const char *dec_time_text(struct arena *a, int64_t sec, uint64_t nsec)
{
	char buf[80], zone[8];
	struct tm tm;
	time_t t = (time_t)sec;

	if ((!sec && !nsec) || !localtime_r(&t, &tm))
		return NULL;
	size_t n = strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
	if (!n || !strftime(zone, sizeof(zone), "%z", &tm))
		return NULL;
	if (nsec)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, ".%09" PRIu64, nsec);
	n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s", zone);
	return arena_strndup(a, buf, n);
}

void val_with_time(struct val *v, struct arena *a, int64_t sec, uint64_t nsec)
{
	const char *text = dec_time_text(a, sec, nsec);

	if (text) {
		struct val inner = *v;
		val_comment(v, a, &inner, text);
	}
}
