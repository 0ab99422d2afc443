/* Sleeping, clocks, timers and futexes. */
#include <errno.h>
#include <linux/futex.h>
#include <time.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"
#include "signame.h"

/* A sleep's remaining time is written only when a signal cut it short: EINTR, or the
 * ERESTART_RESTARTBLOCK a tracer sees before the restart (TR_FAILED_OUT). */
static void dec_remaining(struct dctx *d, struct sc_event *ev, unsigned i)
{
	if (ev->is_error && (ev->ret == -EINTR || errno_is_restart(-ev->ret)) && ev->raw[i])
		dec_timespec(d, &ev->args[i], arg_word(d, ev, i));
}

void dec_nanosleep(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_timespec(d, &ev->args[0], arg_word(d, ev, 0));
	else
		dec_remaining(d, ev, 1);
}

void dec_clock_nanosleep(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_timespec(d, &ev->args[2], arg_word(d, ev, 2));
	else if (!(ev->raw[1] & TIMER_ABSTIME))
		dec_remaining(d, ev, 3);
}

/* clock_gettime, clock_getres, sched_rr_get_interval: a timespec out. */
void dec_clock_gettime(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		dec_timespec(d, &ev->args[1], arg_word(d, ev, 1));
}

void dec_clock_settime(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_timespec(d, &ev->args[1], arg_word(d, ev, 1));
}

static void dec_timezone(struct dctx *d, struct val *v, uint64_t addr)
{
	int32_t tz[2];

	if (!dec_fetch(d, v, addr, tz, sizeof(tz)))
		return;
	st_init(v, d->ar, 2);
	val_int(st_add(v, d->ar, "tz_minuteswest"), tz[0]);
	val_int(st_add(v, d->ar, "tz_dsttime"), tz[1]);
}

void dec_gettimeofday(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting || !dec_ok(ev))
		return;
	dec_timeval(d, &ev->args[0], arg_word(d, ev, 0));
	dec_timezone(d, &ev->args[1], arg_word(d, ev, 1));
}

void dec_settimeofday(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		return;
	dec_timeval(d, &ev->args[0], arg_word(d, ev, 0));
	dec_timezone(d, &ev->args[1], arg_word(d, ev, 1));
}

/* time(): the seconds, and their date in a comment and after the result as strace shows it. */
void dec_time(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct val *out = &ev->args[0];

	if (!exiting || !dec_ok(ev))
		return;
	val_date(&ev->ret_note, ev->ret, 0);
	if (!ev->raw[0])
		return;
	dec_word_ref(d, out, arg_word(d, ev, 0), WORD_DEC);
	if (out->kind == VAL_ARRAY && out->n == 1)
		val_with_time(&out->items[0], d->ar, (int64_t)out->items[0].u, 0);
}

/* struct itimerspec and struct itimerval: {it_interval=..., it_value=...}. */
static void dec_timer_pair(struct dctx *d, struct val *v, uint64_t addr,
			   void (*one)(struct dctx *, struct val *, uint64_t))
{
	unsigned ts = dec_time_size(d);
	uint64_t probe;

	if (!addr || read_word(d, addr, &probe) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 2);
	one(d, st_add(v, d->ar, "it_interval"), addr);
	one(d, st_add(v, d->ar, "it_value"), addr + 2 * ts);
}

static void dec_itimerspec(struct dctx *d, struct val *v, uint64_t addr)
{
	dec_timer_pair(d, v, addr, dec_timespec);
}

/* setitimer, getitimer: two timevals. */
static void dec_itimerval(struct dctx *d, struct val *v, uint64_t addr)
{
	dec_timer_pair(d, v, addr, dec_timeval);
}

void dec_setitimer(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_itimerval(d, &ev->args[1], arg_word(d, ev, 1));
	else if (dec_ok(ev) && ev->raw[2])
		dec_itimerval(d, &ev->args[2], arg_word(d, ev, 2));
}

void dec_getitimer(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		dec_itimerval(d, &ev->args[1], arg_word(d, ev, 1));
}

/* timer_settime and timerfd_settime: (id, flags, new, old). */
void dec_timer_settime(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_itimerspec(d, &ev->args[2], arg_word(d, ev, 2));
	else if (dec_ok(ev) && ev->raw[3])
		dec_itimerspec(d, &ev->args[3], arg_word(d, ev, 3));
}

/* timer_create(clock, sigevent, &id): the timer's id the kernel wrote, at exit. */
void dec_timer_create(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_sigevent(d, &ev->args[1], arg_word(d, ev, 1));
	else if (dec_ok(ev))
		dec_int_ref(d, &ev->args[2], arg_word(d, ev, 2));
}

void dec_timer_gettime(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		dec_itimerspec(d, &ev->args[1], arg_word(d, ev, 1));
}

/* FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME */
static void dec_futex_op(struct dctx *d, struct val *v, uint32_t op)
{
	uint32_t rest = op & ~(uint32_t)(FUTEX_CMD_MASK | FUTEX_PRIVATE_FLAG);
	struct val *items = val_or(v, d->ar, rest ? 2 : 1);

	if (op & FUTEX_PRIVATE_FLAG)
		val_enum(&items[0], op & (FUTEX_CMD_MASK | FUTEX_PRIVATE_FLAG), &xl_futex_ops);
	else
		val_enum(&items[0], op & FUTEX_CMD_MASK, &xl_futex_cmds);
	items[0].flags |= VALF_HEXFLAGS;
	if (rest)
		val_flags(&items[1], rest, &xl_futex_op_flags);
}

static void val_bitset(struct val *v, uint32_t bits)
{
	if (bits == FUTEX_BITSET_MATCH_ANY)
		val_sym(v, "FUTEX_BITSET_MATCH_ANY");
	else
		val_hex(v, bits);
}

/* Which arguments strace shows depends on the command. */
static void futex_args(struct dctx *d, struct sc_event *ev, int cmd)
{
	struct val *a = ev->args;

	switch (cmd) {
	case FUTEX_WAIT:
		dec_timespec(d, &a[3], arg_word(d, ev, 3));
		ev->nargs = 4;
		break;
	case FUTEX_WAIT_BITSET:
		dec_timespec(d, &a[3], arg_word(d, ev, 3));
		val_bitset(&a[4], (uint32_t)ev->raw[5]);
		ev->nargs = 5;
		break;
	case FUTEX_WAKE_BITSET:
		val_bitset(&a[3], (uint32_t)ev->raw[5]);
		ev->nargs = 4;
		break;
	case FUTEX_REQUEUE:
		val_uint(&a[3], (uint32_t)ev->raw[3]);
		ev->nargs = 5;
		break;
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
	case FUTEX_WAKE_OP:
		val_uint(&a[3], (uint32_t)ev->raw[3]);
		val_hex(&a[5], (uint32_t)ev->raw[5]);
		break;
	case FUTEX_WAIT_REQUEUE_PI:
		dec_timespec(d, &a[3], arg_word(d, ev, 3));
		ev->nargs = 5;
		break;
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		dec_timespec(d, &a[2], arg_word(d, ev, 3));
		ev->nargs = 3;
		break;
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
		ev->nargs = 2;
		break;
	default: /* FUTEX_WAKE, FUTEX_FD */
		ev->nargs = 3;
		break;
	}
}

void dec_futex(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint32_t op = (uint32_t)ev->raw[1];

	if (exiting)
		return;
	dec_futex_op(d, &ev->args[1], op);
	futex_args(d, ev, (int)(op & FUTEX_CMD_MASK));
	ev->split = ev->nargs;
}
