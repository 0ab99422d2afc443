/* Vectored I/O, pipes, ioctl, sendfile, getrandom, signalfd. */
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

void dec_iovec(struct dctx *d, struct val *v, uint64_t addr, uint64_t cnt, uint64_t data_len)
{
	unsigned ws = d->abi->word_size;
	uint64_t shown = cnt < d->opt->strsize ? cnt : d->opt->strsize;
	uint64_t probe;

	if (!addr || cnt > 1024 || (cnt && read_word(d, addr, &probe) < 0)) {
		val_ptr(v, addr);
		return;
	}
	struct val *items = val_array(v, d->ar, (uint32_t)shown);
	if (shown < cnt)
		v->flags |= VALF_TRUNC;
	for (uint64_t i = 0; i < shown; i++) {
		uint64_t base = 0, len = 0;
		read_word(d, addr + i * 2 * ws, &base);
		read_word(d, addr + i * 2 * ws + ws, &len);
		uint64_t take = len < data_len ? len : data_len;
		data_len -= take;
		st_init(&items[i], d->ar, 2);
		decode_buf(d, st_add(&items[i], d->ar, "iov_base"), base, take);
		val_uint(st_add(&items[i], d->ar, "iov_len"), len);
	}
}

void dec_readv(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		dec_iovec(d, &ev->args[1], arg_word(d, ev, 1), (uint32_t)ev->raw[2],
			  (uint64_t)ev->ret);
}

void dec_writev(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_iovec(d, &ev->args[1], arg_word(d, ev, 1), (uint32_t)ev->raw[2], UINT64_MAX);
}

void dec_pipe(struct dctx *d, struct sc_event *ev, bool exiting)
{
	int32_t fds[2];
	struct val *v = &ev->args[0];

	if (!exiting || !dec_ok(ev) || !dec_fetch(d, v, arg_word(d, ev, 0), fds, sizeof(fds)))
		return;
	struct val *items = val_array(v, d->ar, 2);
	val_fd(&items[0], fds[0]);
	val_fd(&items[1], fds[1]);
}

/* sendfile's offset is read before and after: [0] => [100]. */
void dec_sendfile(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 2);
	struct val *v = &ev->args[2];

	if (!exiting) {
		if (addr)
			ev->split = 2;
		dec_word_ref(d, v, addr, false);
		return;
	}
	if (!addr || v->kind != VAL_ARRAY || !dec_ok(ev))
		return;
	struct val before = *v, after;
	dec_word_ref(d, &after, addr, false);
	val_change(v, d->ar, &before, &after);
}

void dec_getrandom(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting || !dec_ok(ev))
		return;
	decode_buf(d, &ev->args[0], arg_word(d, ev, 0), (uint64_t)ev->ret);
	if (ev->args[0].kind == VAL_STR)
		ev->args[0].flags |= VALF_HEXSTR;
}

void dec_signalfd(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_sigset(d, &ev->args[1], arg_word(d, ev, 1), arg_word(d, ev, 2));
}

XLAT_TABLE(xl_ioctl_reqs, XLAT_ENUM, XLAT(TCGETS), XLAT(TCSETS), XLAT(TCSETSW), XLAT(TCSETSF),
	   XLAT(TCGETA), XLAT(TCSETA), XLAT(TCSETAW), XLAT(TCSETAF), XLAT(TCSBRK), XLAT(TCXONC),
	   XLAT(TCFLSH), XLAT(TIOCEXCL), XLAT(TIOCNXCL), XLAT(TIOCSCTTY), XLAT(TIOCGPGRP),
	   XLAT(TIOCSPGRP), XLAT(TIOCOUTQ), XLAT(TIOCSTI), XLAT(TIOCGWINSZ), XLAT(TIOCSWINSZ),
	   XLAT(TIOCMGET), XLAT(TIOCMSET), XLAT(FIONREAD), XLAT(TIOCLINUX), XLAT(TIOCCONS),
	   XLAT(FIONBIO), XLAT(TIOCNOTTY), XLAT(TIOCGSID), XLAT(TIOCGPTN), XLAT(TIOCSPTLCK),
	   XLAT(FIONCLEX), XLAT(FIOCLEX), XLAT(FIOASYNC), XLAT(TIOCGPTPEER));

XLAT_TABLE(xl_bauds, XLAT_ENUM, XLAT(B0), XLAT(B50), XLAT(B75), XLAT(B110), XLAT(B134), XLAT(B150),
	   XLAT(B200), XLAT(B300), XLAT(B600), XLAT(B1200), XLAT(B1800), XLAT(B2400), XLAT(B4800),
	   XLAT(B9600), XLAT(B19200), XLAT(B38400), XLAT(B57600), XLAT(B115200), XLAT(B230400),
	   XLAT(B460800), XLAT(B500000), XLAT(B576000), XLAT(B921600), XLAT(B1000000),
	   XLAT(B1152000), XLAT(B1500000), XLAT(B2000000), XLAT(B2500000), XLAT(B3000000),
	   XLAT(B3500000), XLAT(B4000000));

/* strace's short termios form: {B38400 opost isig icanon echo ...}. */
static void dec_termios(struct dctx *d, struct val *v, uint64_t addr)
{
	struct termios t;
	char buf[96];

	if (!dec_fetch(d, v, addr, &t, sizeof(t)))
		return;
	const char *baud = xlat_name(&xl_bauds, t.c_cflag & CBAUD);
	int n = baud ? snprintf(buf, sizeof(buf), "{%s", baud)
		     : snprintf(buf, sizeof(buf), "{%#x", t.c_cflag & CBAUD);
	n += snprintf(buf + n, sizeof(buf) - (size_t)n, "%s%s%s%s ...}",
		      (t.c_oflag & OPOST) ? " opost" : " -opost",
		      (t.c_lflag & ISIG) ? " isig" : " -isig",
		      (t.c_lflag & ICANON) ? " icanon" : " -icanon",
		      (t.c_lflag & ECHO) ? " echo" : " -echo");
	val_expr(v, arena_strndup(d->ar, buf, (size_t)n));
}

static void dec_winsize(struct dctx *d, struct val *v, uint64_t addr)
{
	struct winsize ws;

	if (!dec_fetch(d, v, addr, &ws, sizeof(ws)))
		return;
	st_init(v, d->ar, 4);
	val_uint(st_add(v, d->ar, "ws_row"), ws.ws_row);
	val_uint(st_add(v, d->ar, "ws_col"), ws.ws_col);
	val_uint(st_add(v, d->ar, "ws_xpixel"), ws.ws_xpixel);
	val_uint(st_add(v, d->ar, "ws_ypixel"), ws.ws_ypixel);
}

static bool ioctl_is_output(uint32_t req)
{
	return req == TCGETS || req == TIOCGWINSZ || req == FIONREAD || req == TIOCGPGRP ||
	       req == TIOCOUTQ || req == TIOCGSID || req == TIOCGPTN || req == TIOCMGET;
}

static void ioctl_exit(struct dctx *d, struct sc_event *ev, uint32_t req)
{
	struct val *v = &ev->args[2];
	uint64_t addr = arg_word(d, ev, 2);

	if (!dec_ok(ev)) {
		val_ptr(v, addr);
		return;
	}
	if (req == TCGETS)
		dec_termios(d, v, addr);
	else if (req == TIOCGWINSZ)
		dec_winsize(d, v, addr);
	else
		dec_int_ref(d, v, addr);
}

void dec_ioctl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint32_t req = (uint32_t)ev->raw[1];
	struct val *v = &ev->args[2];

	if (exiting) {
		if (ioctl_is_output(req))
			ioctl_exit(d, ev, req);
		return;
	}
	val_enum(&ev->args[1], req, &xl_ioctl_reqs);
	ev->args[1].flags |= VALF_HEXFLAGS;
	if (ioctl_is_output(req)) {
		ev->split = 2;
	} else if (req == TCSETS || req == TCSETSW || req == TCSETSF) {
		dec_termios(d, v, arg_word(d, ev, 2));
	} else if (req == TIOCSWINSZ) {
		dec_winsize(d, v, arg_word(d, ev, 2));
	} else if (req == FIONBIO || req == TIOCSPGRP || req == FIOASYNC) {
		dec_int_ref(d, v, arg_word(d, ev, 2));
	} else if (req == TIOCNOTTY || req == TIOCEXCL || req == TIOCNXCL || req == FIOCLEX ||
		   req == FIONCLEX || req == TIOCSCTTY || req == TIOCCONS) {
		if (req != TIOCSCTTY)
			ev->nargs = ev->split = 2;
	}
}
