/*
 * adjtimex(2), clock_adjtime(2) and i386's clock_adjtime64: the struct timex the kernel
 * returns, every field as strace 6.1 prints it, and the clock's state as the result's note:
 * = 5 (TIME_ERROR).  The struct is the ABI's (layout.c); clock_adjtime64's is the kernel's
 * 64-bit one whatever the ABI.
 */
#include <sys/timex.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"
#include "layout.h"

static void timex_longs(struct dctx *d, struct val *v, const char *const *names, const long *values,
			unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		val_int(st_add(v, d->ar, names[i]), values[i]);
}

/* {modes=ADJ_OFFSET_SS_READ, offset=0, ..., time={tv_sec=..., tv_usec=...}, ..., tai=0}. */
static void dec_timex_fields(struct dctx *d, struct val *v, const struct timex *t, bool wide)
{
	static const char *const errs[] = {"offset", "freq", "maxerror", "esterror"};
	static const char *const pll[] = {"constant", "precision", "tolerance"};
	static const char *const pps[] = {"tick", "ppsfreq", "jitter"};
	static const char *const cnt[] = {"stabil", "jitcnt", "calcnt", "errcnt", "stbcnt"};
	const long e[] = {t->offset, t->freq, t->maxerror, t->esterror};
	const long p[] = {t->constant, t->precision, t->tolerance};
	const long q[] = {t->tick, t->ppsfreq, t->jitter};
	const long c[] = {t->stabil, t->jitcnt, t->calcnt, t->errcnt, t->stbcnt};
	uint64_t usec = wide ? (uint64_t)t->time.tv_usec : (uint32_t)t->time.tv_usec;

	st_init(v, d->ar, 21);
	val_flags(st_add(v, d->ar, "modes"), t->modes, &xl_adj_modes);
	timex_longs(d, v, errs, e, 4);
	val_flags(st_add(v, d->ar, "status"), (uint32_t)t->status, &xl_sta_status);
	timex_longs(d, v, pll, p, 3);
	struct val *tv = st_add(v, d->ar, "time");
	st_init(tv, d->ar, 2);
	val_int(st_add(tv, d->ar, "tv_sec"), t->time.tv_sec);
	val_uint(st_add(tv, d->ar, "tv_usec"), usec); /* strace shows it unsigned */
	timex_longs(d, v, pps, q, 3);
	val_int(st_add(v, d->ar, "shift"), t->shift);
	timex_longs(d, v, cnt, c, 5);
	val_int(st_add(v, d->ar, "tai"), t->tai);
}

/* The struct is the last argument; written by the kernel, shown at exit when it succeeded. */
void dec_timex(struct dctx *d, struct sc_event *ev, bool exiting)
{
	unsigned i = ev->nargs - 1;
	uint64_t addr = arg_word(d, ev, i);
	struct timex t;
	const char *state;

	if (!exiting || !dec_ok(ev))
		return;
	if (!addr || fetch_timex(d, addr, d->abi->word_size == 4 && d->time64, &t) < 0)
		val_ptr(&ev->args[i], addr);
	else
		dec_timex_fields(d, &ev->args[i], &t, d->abi->word_size == 8 || d->time64);
	if ((state = xlat_name(&xl_time_states, (uint64_t)ev->ret)))
		val_sym(&ev->ret_note, state);
}
