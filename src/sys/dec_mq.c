/*
 * POSIX message queues as strace 6.1 prints them: mq_open's mode and struct mq_attr only
 * when its flags create the queue, the timeouts, mq_timedreceive's priority and
 * mq_getsetattr's attributes.  struct mq_attr is four longs of the ABI's size.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

/* {mq_flags=0, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}, or the address. */
static void dec_mq_attr(struct dctx *d, struct val *v, uint64_t addr)
{
	static const char *const names[4] = {"mq_flags", "mq_maxmsg", "mq_msgsize", "mq_curmsgs"};
	uint64_t w[4];

	if (!addr || dec_read_words(d, addr, w, 4) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 4);
	for (unsigned i = 0; i < 4; i++) {
		int64_t x = d->abi->word_size == 4 ? (int32_t)w[i] : (int64_t)w[i];
		if (i == 0) /* strace 6.1 shows mq_flags in hex: 0x800, not O_NONBLOCK */
			val_hex(st_add(v, d->ar, names[i]), (uint64_t)x);
		else
			val_int(st_add(v, d->ar, names[i]), x);
	}
}

void dec_mq_open(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint32_t flags = (uint32_t)ev->raw[1];

	if (exiting)
		return;
	dec_open_flags(d, &ev->args[1], flags);
	if (!(flags & O_CREAT)) {
		ev->nargs = ev->split = 2;
		return;
	}
	dec_mq_attr(d, &ev->args[3], arg_word(d, ev, 3));
}

void dec_mq_timedsend(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_timespec(d, &ev->args[4], arg_word(d, ev, 4));
}

/* The message at exit (A_OBUF), its priority [1] and the timeout. */
void dec_mq_timedreceive(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting) {
		dec_timespec(d, &ev->args[4], arg_word(d, ev, 4));
		return;
	}
	if (dec_ok(ev) && arg_word(d, ev, 3))
		dec_int_ref(d, &ev->args[3], arg_word(d, ev, 3));
}

/* The union after sigev_notify: a thread id, or a function and its attributes. */
static void sigev_tail(struct dctx *d, struct val *v, uint64_t at, int32_t notify)
{
	unsigned ws = d->abi->word_size;
	uint64_t w[2];
	int32_t tid;

	if (notify == SIGEV_THREAD_ID && tmem_read(d->mem, at, &tid, sizeof(tid)) == 0)
		val_int(st_add(v, d->ar, "sigev_notify_thread_id"), tid);
	if (notify == SIGEV_THREAD && dec_read_words(d, at, w, 2) == 0) {
		val_ptr(st_add(v, d->ar, "sigev_notify_function"), ws == 4 ? (uint32_t)w[0] : w[0]);
		val_ptr(st_add(v, d->ar, "sigev_notify_attributes"),
			ws == 4 ? (uint32_t)w[1] : w[1]);
	}
}

/*
 * A struct sigevent (mq_notify, timer_create): {sigev_value={sival_int=4660, sival_ptr=0x1234} when
 * not 0, sigev_signo (a signal where the kind sends one), sigev_notify, and what the kind takes}.
 */
void dec_sigevent(struct dctx *d, struct val *v, uint64_t addr)
{
	unsigned ws = d->abi->word_size;
	uint64_t value;
	struct val *sv;
	int32_t w[2];

	if (!addr || read_word(d, addr, &value) < 0 ||
	    tmem_read(d->mem, addr + ws, w, sizeof(w)) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 6);
	if (value) {
		sv = st_add(v, d->ar, "sigev_value");
		st_init(sv, d->ar, 2);
		val_int(st_add(sv, d->ar, "sival_int"), (int32_t)value);
		val_ptr(st_add(sv, d->ar, "sival_ptr"), value);
	}
	if (w[1] == SIGEV_SIGNAL || w[1] == SIGEV_THREAD || w[1] == SIGEV_THREAD_ID)
		val_sig(st_add(v, d->ar, "sigev_signo"), w[0]);
	else
		val_int(st_add(v, d->ar, "sigev_signo"), w[0]);
	val_enum(st_add(v, d->ar, "sigev_notify"), (uint32_t)w[1], &xl_sigev_notify);
	sigev_tail(d, v, addr + (ws + 8 + ws - 1) / ws * ws, w[1]);
}

void dec_mq_notify(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_sigevent(d, &ev->args[1], arg_word(d, ev, 1));
}

void dec_mq_getsetattr(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_mq_attr(d, &ev->args[1], arg_word(d, ev, 1));
	else if (dec_ok(ev) && arg_word(d, ev, 2))
		dec_mq_attr(d, &ev->args[2], arg_word(d, ev, 2));
}
