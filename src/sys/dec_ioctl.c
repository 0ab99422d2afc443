/* ioctl: the request by name (or strace's _IOC form) and the argument it takes. */
#include <linux/fs.h>
#include <linux/hdreg.h>
#include <linux/kvm.h>
#include <linux/perf_event.h>
#include <linux/soundcard.h>
#include <mtd/mtd-abi.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "../../arch/abi.h"
#include "../../arch/layout.h"
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
	       req == TIOCOUTQ || req == TIOCGSID || req == TIOCGPTN;
}

/* Requests whose argument is a constant passed by value: TCXONC's TCOOFF. */
static const struct xlat *ioctl_named_arg(uint32_t req)
{
	static const struct {
		uint32_t req;
		const struct xlat *tab;
	} args[] = {
		{TCXONC, &xl_tcxonc_args},
		{TCFLSH, &xl_tcflsh_args},
		{HDIO_SET_BUSSTATE, &xl_hdio_busstates},
		{HDIO_SET_NICE, &xl_hdio_nice_bits},
		{MTDFILEMODE, &xl_mtd_file_modes},
		{KVM_CHECK_EXTENSION, &xl_kvm_caps},
		{PERF_EVENT_IOC_ENABLE, &xl_perf_ioc_flags},
		{PERF_EVENT_IOC_DISABLE, &xl_perf_ioc_flags},
		{PERF_EVENT_IOC_RESET, &xl_perf_ioc_flags},
	};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		if (args[i].req == req)
			return args[i].tab;
	return NULL;
}

const struct ioctl_dec *ioctl_find_dec(uint32_t req)
{
	static const struct {
		const struct ioctl_dec *decs;
		const unsigned *n;
	} sets[] = {
		{ioctl_block_decs, &ioctl_block_ndecs},
		{ioctl_storage_decs, &ioctl_storage_ndecs},
		{ioctl_fs_decs, &ioctl_fs_ndecs},
		{ioctl_chardev_decs, &ioctl_chardev_ndecs},
	};
	for (size_t s = 0; s < sizeof(sets) / sizeof(sets[0]); s++)
		for (unsigned i = 0; i < *sets[s].n; i++)
			if (sets[s].decs[i].req == req)
				return &sets[s].decs[i];
	return NULL;
}

/* _IOC_READ before _IOC_WRITE, as strace orders them; _IOC_NONE names 0. */
XLAT_TABLE(xl_ioc_dirs, XLAT_BITS, XLAT(_IOC_NONE), XLAT(_IOC_READ), XLAT(_IOC_WRITE));

static void ioc_field(struct val *v, struct arena *a, uint32_t i, const char *name, unsigned x)
{
	struct val *f = val_field(v, a, i, name);

	val_hex(f, x);
	f->flags |= VALF_NUM;
}

/* Every table of request names; a number is named in one of them at most (test_tables). */
static const struct xlat *const ioctl_tables[] = {
	&xl_ioctl_reqs,	     &xl_ioctl_dev_reqs,  &xl_ioctl_hdio_reqs, &xl_ioctl_sg_reqs,
	&xl_ioctl_mtd_reqs,  &xl_ioctl_v4l2_reqs, &xl_ioctl_kvm_reqs,  &xl_ioctl_kvm_x86_reqs,
	&xl_ioctl_drm_reqs,  &xl_ioctl_ptp_reqs,  &xl_ioctl_rtc_reqs,  &xl_ioctl_watchdog_reqs,
	&xl_ioctl_gpio_reqs, &xl_ioctl_tee_reqs,  &xl_ioctl_nsfs_reqs, &xl_ioctl_perf_reqs,
	&xl_ioctl_tty2_reqs,
};

const struct xlat *ioctl_req_table(uint32_t req)
{
	for (size_t i = 0; i < sizeof(ioctl_tables) / sizeof(ioctl_tables[0]); i++)
		if (xlat_name(ioctl_tables[i], req))
			return ioctl_tables[i];
	return NULL;
}

/* The set of this ABI's requests of its own struct layouts that names raw, or NULL. */
static const struct ioctl_abi_reqs *ioctl_abi_set(const struct dctx *d, uint32_t raw)
{
	for (const struct ioctl_abi_reqs *const *s = d->abi->layouts->ioctl_reqs; s && *s; s++)
		if (xlat_name((*s)->names, raw))
			return *s;
	return NULL;
}

/*
 * The 64-bit request that raw (a 32-bit tracee's number, where a long, a pointer or a struct
 * with one has another size) is, or 0: the name is the 32-bit ABI's (i386's, as strace 6.1
 * names it).
 */
static uint32_t ioctl_ilp32(const struct dctx *d, uint32_t raw)
{
	const struct ioctl_abi_reqs *set = ioctl_abi_set(d, raw);

	for (unsigned i = 0; set && i < set->n; i++)
		if (set->remap[i].num == raw)
			return set->remap[i].lp64;
	return d->abi->word_size == 4 ? ioctl_ilp32_lp64(raw) : 0;
}

/* The table of the 32-bit ABI's own numbers that names raw (ioctl_ilp32), or NULL. */
static const struct xlat *ioctl_ilp32_names(const struct dctx *d, uint32_t raw)
{
	const struct ioctl_abi_reqs *set = ioctl_abi_set(d, raw);

	if (set)
		return set->names;
	return d->abi->word_size == 4 && ioctl_ilp32_lp64(raw) ? &xl_ioctl_ilp32_reqs : NULL;
}

/* A 64-bit ABI's request (its number holds the size of a long) seen on a 32-bit one, where
 * that number is no request of its own. */
static bool ioctl_foreign(const struct dctx *d, uint32_t req)
{
	return d->abi->word_size == 4 && !ioctl_ilp32_names(d, req) &&
	       (xlat_name(&xl_ioctl_lp64_reqs, req) || xlat_name(&xl_ioctl_drm_lp64_reqs, req));
}

/* The request whose argument raw's is: its x86_64 number for an i386 one, else raw. */
static uint32_t ioctl_canon(const struct dctx *d, uint32_t raw)
{
	const uint32_t req = ioctl_ilp32(d, raw);

	return req ? req : raw;
}

/*
 * strace reads a read-only or write-only request of OSS's mixer type ('M', MTD's too) as
 * MIXER_READ(nr) or MIXER_WRITE(nr) first: "MIXER_READ(1) or MEMGETINFO", or that alone
 * when tab (the request's table) is NULL.  False for the other requests.
 */
static bool ioctl_mixer(struct dctx *d, struct val *v, uint32_t req, const struct xlat *tab)
{
	const uint32_t dir = _IOC_DIR(req);
	struct val *call = v;

	if (_IOC_TYPE(req) != _IOC_TYPE(MIXER_READ(0)) || (dir != _IOC_READ && dir != _IOC_WRITE))
		return false;
	if (tab) {
		struct val *items = val_alts(v, d->ar, 2);
		call = &items[0];
		val_enum(&items[1], req, tab);
		items[1].flags |= VALF_HEXFLAGS;
	}
	val_call(call, d->ar, dir == _IOC_READ ? "MIXER_READ" : "MIXER_WRITE", 1);
	call->raw = VAL_RAW_NUMBER;
	call->call.num = req;
	val_uint(val_field(call, d->ar, 0, "nr"), _IOC_NR(req));
	return true;
}

/* strace's form for a request no table names: _IOC(_IOC_READ, 0x78, 0x55, 0x4). */
static void ioctl_request(struct dctx *d, struct val *v, uint32_t req)
{
	const struct xlat *own = ioctl_ilp32_names(d, req);
	const struct xlat *tab = own ? own : ioctl_foreign(d, req) ? NULL : ioctl_req_table(req);

	if (ioctl_mixer(d, v, req, tab))
		return;
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

/* strace 6.1 decodes only two of HDIO's requests on a 32-bit ABI: the others' arguments
 * are numbers there. */
static bool ioctl_hdio_number(const struct dctx *d, uint32_t req)
{
	return d->abi->word_size == 4 && req != HDIO_GETGEO && req != HDIO_DRIVE_CMD &&
	       ioctl_req_table(req) == &xl_ioctl_hdio_reqs;
}

/* The decoder of req (raw's request, ioctl_canon) for this ABI, or NULL; none for a struct
 * the ABI lays out its own way, which the decoders do not know: its address is shown. */
static const struct ioctl_dec *ioctl_dec_for(const struct dctx *d, uint32_t raw, uint32_t req)
{
	if (ioctl_hdio_number(d, req) || ioctl_abi_set(d, raw))
		return NULL;
	return ioctl_find_dec(req);
}

/* A request a table names whose argument is no address: a number or a constant (true). */
static bool ioctl_value_arg(struct dctx *d, struct sc_event *ev, uint32_t req)
{
	struct val *v = &ev->args[2];
	const struct xlat *tab = ioctl_named_arg(req);

	if (ioctl_hdio_number(d, req))
		return true;
	if (tab) {
		if (tab->type == XLAT_ENUM) {
			val_enum(v, arg_word(d, ev, 2), tab);
			v->flags |= VALF_HEXFLAGS;
		} else
			val_flags(v, arg_word(d, ev, 2), tab);
	} else if (xlat_name(&xl_ioctl_noarg_reqs, req))
		ev->nargs = ev->split = 2;
	else if (xlat_name(&xl_ioctl_int_reqs, req))
		val_int(v, arg_int(ev, 2));
	else if (xlat_name(&xl_ioctl_uint_reqs, req))
		val_uint(v, arg_word(d, ev, 2));
	else
		/* strace has no decoder of their own: the number, as the generic hex */
		return xlat_name(&xl_ioctl_num_reqs, req) ||
		       ioctl_req_table(req) == &xl_ioctl_drm_reqs;
	return true;
}

/* raw: the tracee's number; req: the request it is (ioctl_canon). */
static void ioctl_entry(struct dctx *d, struct sc_event *ev, uint32_t raw, uint32_t req)
{
	struct val *v = &ev->args[2];
	uint64_t arg = arg_word(d, ev, 2);
	const struct ioctl_dec *dec = ioctl_dec_for(d, raw, req);

	ioctl_request(d, &ev->args[1], raw);
	if (dec) {
		if (dec->in)
			dec->in(d, v, arg);
		else
			val_ptr(v, arg); /* what a failed call shows: NULL or the address */
		if (dec->out) {
			ev->split = 2;
			ev->sep_at_exit = !dec->in;
		}
	} else if (ioctl_is_output(req)) {
		val_ptr(v, arg);
		ev->split = 2;
		ev->sep_at_exit = true;
	} else if (ioctl_value_arg(d, ev, req))
		return;
	else if (req == TCSETS || req == TCSETSW || req == TCSETSF)
		dec_termios(d, v, arg);
	else if (req == TIOCSWINSZ)
		dec_winsize(d, v, arg);
	else if (req == FIONBIO || req == TIOCSPGRP || req == FIOASYNC || req == TIOCSPTLCK)
		dec_int_ref(d, v, arg);
	else if (ev->args[1].kind == VAL_ENUM || ev->args[1].kind == VAL_ALTS)
		val_ptr(v, arg); /* a known request: NULL or the address */
}

void dec_ioctl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	const uint32_t raw = (uint32_t)ev->raw[1];
	const uint32_t req = ioctl_canon(d, raw);
	const struct ioctl_dec *dec;

	if (ioctl_foreign(d, raw)) { /* no request there: its argument in hex */
		if (!exiting)
			ioctl_request(d, &ev->args[1], raw);
	} else if (!exiting)
		ioctl_entry(d, ev, raw, req);
	else if ((dec = ioctl_dec_for(d, raw, req)) && dec->out) {
		if (dec_ok(ev))
			dec->out(d, &ev->args[2], arg_word(d, ev, 2));
	} else if (ioctl_is_output(req))
		ioctl_exit(d, ev, req);
}
