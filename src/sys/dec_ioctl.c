/* ioctl: the request by name (or strace's _IOC form) and the argument it takes. */
#include <linux/loop.h>
#include <linux/fs.h>
#include <linux/random.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

/* The four tcflag_t words that open the kernel's struct termios. */
struct kernel_termios_flags {
	uint32_t iflag, oflag, cflag, lflag;
};

/* A flag set that strace prints as nothing at all when it is 0. */
static void flags_or_empty(struct val *v, uint32_t bits, const struct xlat *tab)
{
	val_flags(v, bits, tab);
	v->flags |= VALF_ZERO_EMPTY;
}

/* NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR: the delay fields, then the flags. */
static void termios_oflag(struct val *v, struct arena *a, uint32_t f)
{
	static const struct {
		uint32_t mask;
		const struct xlat *tab;
	} fields[] = {{NLDLY, &xl_term_nldly}, {CRDLY, &xl_term_crdly}, {TABDLY, &xl_term_tabdly},
		      {BSDLY, &xl_term_bsdly}, {VTDLY, &xl_term_vtdly}, {FFDLY, &xl_term_ffdly}};
	const unsigned n = sizeof(fields) / sizeof(fields[0]);
	struct val *items = val_or(v, a, n + 1);
	uint32_t rest = f;

	for (unsigned i = 0; i < n; i++) {
		val_enum(&items[i], f & fields[i].mask, fields[i].tab);
		items[i].flags |= VALF_HEXFLAGS;
		rest &= ~fields[i].mask;
	}
	flags_or_empty(&items[n], rest, &xl_term_oflags);
}

/* B38400|CS8|CREAD: the speed, the character size, then the flags. */
static void termios_cflag(struct val *v, struct arena *a, uint32_t f)
{
	struct val *items = val_or(v, a, 3);

	val_enum(&items[0], f & CBAUD, &xl_term_bauds);
	items[0].flags |= VALF_HEXFLAGS;
	val_enum(&items[1], f & CSIZE, &xl_term_csize);
	items[1].flags |= VALF_HEXFLAGS;
	flags_or_empty(&items[2], f & ~(uint32_t)(CBAUD | CSIZE), &xl_term_cflags);
}

static void dec_termios(struct dctx *d, struct val *v, uint64_t addr)
{
	struct kernel_termios_flags t;

	if (!dec_fetch(d, v, addr, &t, sizeof(t)))
		return;
	st_init(v, d->ar, 4);
	v->flags |= VALF_ABBREV;
	flags_or_empty(st_add(v, d->ar, "c_iflag"), t.iflag, &xl_term_iflags);
	termios_oflag(st_add(v, d->ar, "c_oflag"), d->ar, t.oflag);
	termios_cflag(st_add(v, d->ar, "c_cflag"), d->ar, t.cflag);
	flags_or_empty(st_add(v, d->ar, "c_lflag"), t.lflag, &xl_term_lflags);
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

/* Requests whose argument the kernel writes: decoded at exit. */
static bool ioctl_is_output(uint32_t req)
{
	return req == TCGETS || req == TIOCGWINSZ || req == FIONREAD || req == TIOCGPGRP ||
	       req == TIOCOUTQ || req == TIOCGSID || req == TIOCGPTN || req == TIOCMGET;
}

/* Requests strace prints with no argument at all. */
static bool ioctl_takes_nothing(uint32_t req)
{
	static const uint32_t reqs[] = {
		BLKFLSBUF,	  BLKRRPART,	     BLKTRACESTART, BLKTRACESTOP,
		BLKTRACETEARDOWN, FIFREEZE,	     FITHAW,	    FIOCLEX,
		FIONCLEX,	  RNDCLEARPOOL,	     RNDRESEEDCRNG, RNDZAPENTCNT,
		TIOCCBRK,	  TIOCCONS,	     TIOCEXCL,	    TIOCNOTTY,
		TIOCNXCL,	  TIOCSBRK,	     TIOCSSERIAL,   TIOCVHANGUP,
		LOOP_CLR_FD,	  LOOP_SET_CAPACITY,
	};
	for (size_t i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++)
		if (reqs[i] == req)
			return true;
	return false;
}

/* Requests whose argument is an int passed by value. */
static bool ioctl_takes_int(uint32_t req)
{
	return req == FICLONE || req == BLKRASET || req == BLKFRASET || req == TCSBRK ||
	       req == TCSBRKP || req == TIOCSCTTY || req == LOOP_SET_FD || req == LOOP_CHANGE_FD ||
	       req == LOOP_CTL_ADD || req == LOOP_CTL_REMOVE;
}

/* _IOC_READ before _IOC_WRITE, as strace orders them; _IOC_NONE names 0. */
XLAT_TABLE(xl_ioc_dirs, XLAT_BITS, XLAT(_IOC_NONE), XLAT(_IOC_READ), XLAT(_IOC_WRITE));

static void ioc_field(struct val *v, struct arena *a, uint32_t i, const char *name, unsigned x)
{
	struct val *f = val_field(v, a, i, name);

	val_hex(f, x);
	f->flags |= VALF_NUM;
}

/* strace's form for a request no table names: _IOC(_IOC_READ, 0x78, 0x55, 0x4). */
static void ioctl_request(struct dctx *d, struct val *v, uint32_t req)
{
	const struct xlat *tab = xlat_name(&xl_ioctl_reqs, req)	      ? &xl_ioctl_reqs
				 : xlat_name(&xl_ioctl_dev_reqs, req) ? &xl_ioctl_dev_reqs
								      : NULL;
	if (tab) {
		val_enum(v, req, tab);
		v->flags |= VALF_HEXFLAGS;
		return;
	}
	val_call(v, d->ar, "_IOC", 4);
	v->raw = VAL_RAW_NUMBER;
	v->call.num = req;
	val_flags(val_field(v, d->ar, 0, "dir"), _IOC_DIR(req), &xl_ioc_dirs);
	ioc_field(v, d->ar, 1, "type", _IOC_TYPE(req));
	ioc_field(v, d->ar, 2, "nr", _IOC_NR(req));
	ioc_field(v, d->ar, 3, "size", _IOC_SIZE(req));
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

static void ioctl_entry(struct dctx *d, struct sc_event *ev, uint32_t req)
{
	struct val *v = &ev->args[2];
	uint64_t arg = arg_word(d, ev, 2);

	ioctl_request(d, &ev->args[1], req);
	if (ioctl_is_output(req)) {
		val_ptr(v, arg); /* what a failed call shows: NULL or the address */
		ev->split = 2;
		ev->sep_at_exit = true;
	} else if (ioctl_takes_nothing(req))
		ev->nargs = ev->split = 2;
	else if (ioctl_takes_int(req))
		val_int(v, arg_int(ev, 2));
	else if (req == TCSETS || req == TCSETSW || req == TCSETSF)
		dec_termios(d, v, arg);
	else if (req == TIOCSWINSZ)
		dec_winsize(d, v, arg);
	else if (req == FIONBIO || req == TIOCSPGRP || req == FIOASYNC || req == TIOCSPTLCK)
		dec_int_ref(d, v, arg);
	else if (ev->args[1].kind == VAL_ENUM)
		val_ptr(v, arg); /* a known request: NULL or the address */
}

void dec_ioctl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint32_t req = (uint32_t)ev->raw[1];

	if (!exiting)
		ioctl_entry(d, ev, req);
	else if (ioctl_is_output(req))
		ioctl_exit(d, ev, req);
}
