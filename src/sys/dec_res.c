/* Resources, identity and per-process settings. */
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

/* 8192*1024, RLIM64_INFINITY: a limit, and whether it is the ABI's infinity (a 64-bit
 * ABI's struct rlimit is rlimit64's: strace names its infinity RLIM64_INFINITY too). */
static void dec_rlim_value(struct dctx *d, struct val *v, uint64_t lim, bool is64)
{
	bool wide = is64 || d->abi->word_size == 8;

	val_rlim(v, lim, wide, lim == (wide ? UINT64_MAX : UINT32_MAX));
}

static void dec_rlimit(struct dctx *d, struct val *v, uint64_t addr, bool is64)
{
	unsigned sz = is64 ? 8 : d->abi->word_size;
	uint64_t lim[2] = {0, 0};

	if (!addr || tmem_read(d->mem, addr, &lim[0], sz) < 0 ||
	    tmem_read(d->mem, addr + sz, &lim[1], sz) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 2);
	dec_rlim_value(d, st_add(v, d->ar, "rlim_cur"), lim[0], is64);
	dec_rlim_value(d, st_add(v, d->ar, "rlim_max"), lim[1], is64);
}

void dec_prlimit64(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_rlimit(d, &ev->args[2], arg_word(d, ev, 2), true);
	else if (dec_ok(ev))
		dec_rlimit(d, &ev->args[3], arg_word(d, ev, 3), true);
}

void dec_getrlimit(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		dec_rlimit(d, &ev->args[1], arg_word(d, ev, 1), false);
}

void dec_setrlimit(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_rlimit(d, &ev->args[1], arg_word(d, ev, 1), false);
}

void dec_getrusage(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		dec_rusage(d, &ev->args[1], arg_word(d, ev, 1));
}

void dec_times(struct dctx *d, struct sc_event *ev, bool exiting)
{
	static const char *const names[] = {"tms_utime", "tms_stime", "tms_cutime", "tms_cstime"};
	uint64_t addr = arg_word(d, ev, 0), t[4];
	struct val *v = &ev->args[0];

	if (!exiting || !dec_ok(ev))
		return;
	if (!addr || dec_read_words(d, addr, t, 4) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 4);
	for (unsigned i = 0; i < 4; i++)
		val_clock_t(st_add(v, d->ar, names[i]), d->ar, t[i]);
}

/* [0 1]: the CPUs set in a mask of len bytes. */
void dec_cpuset(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	uint8_t buf[1024];
	uint32_t n = 0;

	if (len > sizeof(buf) || !dec_fetch(d, v, addr, buf, len)) {
		val_ptr(v, addr);
		return;
	}
	for (uint64_t i = 0; i < len * 8; i++)
		n += (buf[i / 8] >> (i % 8)) & 1;
	struct val *items = val_array(v, d->ar, n);
	v->flags |= VALF_SPACED;
	n = 0;
	for (uint64_t i = 0; i < len * 8; i++)
		if ((buf[i / 8] >> (i % 8)) & 1)
			val_uint(&items[n++], i);
}

void dec_sched_getaffinity(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		dec_cpuset(d, &ev->args[2], arg_word(d, ev, 2), (uint64_t)ev->ret);
}

void dec_sched_setaffinity(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_cpuset(d, &ev->args[2], arg_word(d, ev, 2), (uint32_t)ev->raw[1]);
}

static void utsfield(struct dctx *d, struct val *st, const char *name, const char *s)
{
	val_str(st_add(st, d->ar, name), d->ar, s, (uint32_t)strnlen(s, _UTSNAME_LENGTH), false);
}

void dec_uname(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct utsname u;
	struct val *v = &ev->args[0];

	if (!exiting || !dec_ok(ev) || !dec_fetch(d, v, arg_word(d, ev, 0), &u, sizeof(u)))
		return;
	st_init(v, d->ar, 6);
	utsfield(d, v, "sysname", u.sysname);
	utsfield(d, v, "nodename", u.nodename);
	if (!d->opt->verbose) {
		v->flags |= VALF_ABBREV;
		return;
	}
	utsfield(d, v, "release", u.release);
	utsfield(d, v, "version", u.version);
	utsfield(d, v, "machine", u.machine);
	utsfield(d, v, "domainname", u.domainname);
}
