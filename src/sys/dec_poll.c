/* poll, select and epoll. */
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>

#include "../../arch/abi.h"
#include "../../arch/layout.h"
#include "decoders.h"
#include "flags.h"

/*
 * Entry: [{fd=0, events=POLLIN}]; exit: only the ready ones, ready of them
 * (the result), so the walk stops at the last one.
 */
static void dec_pollfds(struct dctx *d, struct val *v, uint64_t addr, uint64_t n, bool revents,
			uint64_t ready)
{
	struct dec_array a;
	struct pollfd pfd;
	uint64_t found = 0;

	if (!addr) {
		val_ptr(v, addr);
		return;
	}
	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i < n && found < ready; i++) {
		uint64_t at = addr + i * sizeof(pfd);
		if (tmem_read(d->mem, at, &pfd, sizeof(pfd)) < 0) {
			dec_array_unread(d, &a, i, at);
			return;
		}
		if (revents && !pfd.revents)
			continue;
		found += revents;
		struct val *it = dec_array_add(d, &a);
		if (!it)
			return;
		st_init(it, d->ar, 2);
		/* The asked-for descriptors are descriptors (-y names them, -P matches them);
		 * the ready ones after the call are plain numbers, as strace prints them. */
		struct val *fd = st_add(it, d->ar, "fd");
		if (revents)
			val_int(fd, pfd.fd);
		else
			val_fd(fd, pfd.fd);
		if (revents)
			val_flags(st_add(it, d->ar, "revents"), (uint16_t)pfd.revents,
				  &xl_poll_events);
		else
			val_flags(st_add(it, d->ar, "events"), (uint16_t)pfd.events,
				  &xl_poll_events);
	}
}

/* The note after a ready count: "([{fd=0, revents=POLLIN}], left {...})". */
static struct val *ready_note(struct dctx *d, struct sc_event *ev, uint32_t cap)
{
	struct val *note = val_note(&ev->retv, d->ar);

	st_init(note, d->ar, cap);
	note->flags |= VALF_BARE | VALF_LABELS;
	return note;
}

static void poll_exit(struct dctx *d, struct sc_event *ev, bool with_left)
{
	if (ev->is_error)
		return;
	if (ev->ret == 0) {
		val_sym(&ev->ret_note, "Timeout");
		return;
	}
	struct val *note = ready_note(d, ev, 2);
	dec_pollfds(d, st_add(note, d->ar, NULL), arg_word(d, ev, 0), (uint32_t)ev->raw[1], true,
		    (uint64_t)ev->ret);
	if (with_left && ev->raw[2])
		dec_timespec(d, st_add(note, d->ar, "left"), arg_word(d, ev, 2));
}

void dec_poll(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		poll_exit(d, ev, false);
	else
		dec_pollfds(d, &ev->args[0], arg_word(d, ev, 0), (uint32_t)ev->raw[1], false,
			    UINT64_MAX);
}

void dec_ppoll(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting) {
		poll_exit(d, ev, true);
		return;
	}
	dec_pollfds(d, &ev->args[0], arg_word(d, ev, 0), (uint32_t)ev->raw[1], false, UINT64_MAX);
	dec_timespec(d, &ev->args[2], arg_word(d, ev, 2));
	dec_sigset(d, &ev->args[3], arg_word(d, ev, 3), arg_word(d, ev, 4));
}

/* An fd_set of nfds bits, in the ABI's longs as the kernel reads it: [0 5 7]. */
static void dec_fdset(struct dctx *d, struct val *v, uint64_t addr, int64_t nfds, bool as_fds)
{
	unsigned bits = d->abi->word_size * 8;
	uint8_t buf[1024 / 8];
	uint32_t n = 0;

	if (nfds < 0 || nfds > 1024) {
		val_ptr(v, addr);
		return;
	}
	size_t bytes = ((size_t)nfds + bits - 1) / bits * d->abi->word_size;
	if (!dec_fetch(d, v, addr, buf, bytes))
		return;
	for (int64_t i = 0; i < nfds; i++)
		n += (buf[i / 8] >> (i % 8)) & 1;
	struct val *items = val_array(v, d->ar, n);
	v->flags |= VALF_SPACED;
	n = 0;
	for (int64_t i = 0; i < nfds; i++)
		if ((buf[i / 8] >> (i % 8)) & 1) {
			if (as_fds)
				val_fd(&items[n++], i);
			else
				val_int(&items[n++], i);
		}
}

static bool is_pselect(const struct sc_event *ev)
{
	return ev->nargs == 6;
}

static void select_entry(struct dctx *d, struct sc_event *ev)
{
	int64_t nfds = arg_int(ev, 0);

	for (unsigned i = 1; i <= 3; i++)
		dec_fdset(d, &ev->args[i], arg_word(d, ev, i), nfds, true);
	if (is_pselect(ev))
		dec_timespec(d, &ev->args[4], arg_word(d, ev, 4));
	else
		dec_timeval(d, &ev->args[4], arg_word(d, ev, 4));
	if (!is_pselect(ev))
		return;
	dec_sigmask_pair(d, &ev->args[5], arg_word(d, ev, 5));
}

void dec_select(struct dctx *d, struct sc_event *ev, bool exiting)
{
	static const char *const names[] = {NULL, "in", "out", "except"};

	if (!exiting) {
		select_entry(d, ev);
		return;
	}
	if (ev->is_error)
		return;
	if (ev->ret == 0) {
		val_sym(&ev->ret_note, "Timeout");
		return;
	}
	struct val *note = ready_note(d, ev, 4);
	for (unsigned i = 1; i <= 3; i++) {
		struct val set;
		if (!ev->raw[i])
			continue;
		dec_fdset(d, &set, arg_word(d, ev, i), arg_int(ev, 0), false);
		if (set.kind == VAL_ARRAY && set.n)
			*st_add(note, d->ar, names[i]) = set;
	}
	if (ev->raw[4] && is_pselect(ev))
		dec_timespec(d, st_add(note, d->ar, "left"), arg_word(d, ev, 4));
	else if (ev->raw[4])
		dec_timeval(d, st_add(note, d->ar, "left"), arg_word(d, ev, 4));
}

/* struct epoll_event: u32 events, then u64 data where the ABI puts it (packed on x86). */
enum { EPOLL_EVENT_MAX = 16 };

static unsigned epoll_event_size(const struct dctx *d)
{
	return d->abi->layouts->epoll_event_size;
}

static void val_epoll_event(struct dctx *d, struct val *v, const uint8_t *raw)
{
	uint32_t events;
	uint64_t data;

	memcpy(&events, raw, sizeof(events));
	memcpy(&data, raw + d->abi->layouts->epoll_data_off, sizeof(data));
	st_init(v, d->ar, 2);
	val_flags(st_add(v, d->ar, "events"), events, &xl_epoll_events);
	struct val *dv = st_add(v, d->ar, "data");
	st_init(dv, d->ar, 2);
	val_uint(st_add(dv, d->ar, "u32"), (uint32_t)data);
	val_uint(st_add(dv, d->ar, "u64"), data);
}

void dec_epoll_ctl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint8_t raw[EPOLL_EVENT_MAX];
	struct val *v = &ev->args[3];
	unsigned size = epoll_event_size(d);

	/* EPOLL_CTL_DEL ignores the event (non-NULL since 2.6.9): strace shows its address. */
	if (exiting || arg_word(d, ev, 1) == EPOLL_CTL_DEL || !size || size > sizeof(raw) ||
	    !dec_fetch(d, v, arg_word(d, ev, 3), raw, size))
		return;
	val_epoll_event(d, v, raw);
}

void dec_epoll_wait(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint8_t raw[EPOLL_EVENT_MAX];
	uint64_t addr = arg_word(d, ev, 1);
	unsigned size = epoll_event_size(d);
	struct dec_array a;

	if (!exiting) {
		if (ev->nargs == 6)
			dec_sigset(d, &ev->args[4], arg_word(d, ev, 4), arg_word(d, ev, 5));
		return;
	}
	if (!dec_ok(ev) || !size || size > sizeof(raw) || !addr)
		return;
	dec_array_start(d, &a, &ev->args[1]);
	for (uint64_t i = 0; i < (uint64_t)ev->ret; i++) {
		struct val *it;
		if (tmem_read(d->mem, addr + i * size, raw, size) < 0) {
			dec_array_unread(d, &a, i, addr + i * size);
			return;
		}
		if (!(it = dec_array_add(d, &a)))
			return;
		val_epoll_event(d, it, raw);
	}
}

/* epoll_pwait2 takes a timespec where epoll_pwait takes milliseconds. */
void dec_epoll_pwait2(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_timespec(d, &ev->args[3], arg_word(d, ev, 3));
	dec_epoll_wait(d, ev, exiting);
}
