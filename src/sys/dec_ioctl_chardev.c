/*
 * ioctl arguments of character devices and kernel objects, as strace 6.1
 * shows them: a tty's modem lines ([TIOCM_DTR|TIOCM_RTS]), an RTC's struct
 * rtc_time (its first six fields, all nine with -v) and struct rtc_wkalrm,
 * watchdog timeouts ([30]), perf events' id, period and filter, the owner of
 * a user namespace, a tty's line discipline and flags, a video device's input.
 */
#include <linux/nsfs.h>
#include <linux/perf_event.h>
#include <linux/rtc.h>
#include <linux/videodev2.h>
#include <linux/watchdog.h>
#include <stdint.h>
#include <sys/ioctl.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

static void tty_modem_bits(struct dctx *d, struct val *v, uint64_t arg)
{
	uint32_t x;

	if (dec_fetch(d, v, arg, &x, sizeof(x)))
		val_flags(val_array(v, d->ar, 1), x, &xl_tiocm_bits);
}

static void named_u32(struct dctx *d, struct val *v, uint64_t arg, const struct xlat *tab)
{
	uint32_t x;

	if (!dec_fetch(d, v, arg, &x, sizeof(x)))
		return;
	struct val *item = val_array(v, d->ar, 1);
	if (tab->type == XLAT_ENUM) {
		val_enum(item, x, tab);
		item->flags |= VALF_HEXFLAGS;
	} else
		val_flags(item, x, tab);
}

static void v4l2_buf_type(struct dctx *d, struct val *v, uint64_t arg)
{
	named_u32(d, v, arg, &xl_v4l2_buf_types);
}

static void rtc_vl_bits(struct dctx *d, struct val *v, uint64_t arg)
{
	named_u32(d, v, arg, &xl_rtc_vl_bits);
}

/* struct rtc_time: nine ints, the same on every ABI. */
static void val_rtc_time(struct dctx *d, struct val *v, const struct rtc_time *t)
{
	const bool all = d->opt->verbose;

	st_init(v, d->ar, 9);
	val_int(st_add(v, d->ar, "tm_sec"), t->tm_sec);
	val_int(st_add(v, d->ar, "tm_min"), t->tm_min);
	val_int(st_add(v, d->ar, "tm_hour"), t->tm_hour);
	val_int(st_add(v, d->ar, "tm_mday"), t->tm_mday);
	val_int(st_add(v, d->ar, "tm_mon"), t->tm_mon);
	val_int(st_add(v, d->ar, "tm_year"), t->tm_year);
	if (!all) {
		v->flags |= VALF_ABBREV;
		return;
	}
	val_int(st_add(v, d->ar, "tm_wday"), t->tm_wday);
	val_int(st_add(v, d->ar, "tm_yday"), t->tm_yday);
	val_int(st_add(v, d->ar, "tm_isdst"), t->tm_isdst);
}

static void rtc_time(struct dctx *d, struct val *v, uint64_t arg)
{
	struct rtc_time t;

	if (dec_fetch(d, v, arg, &t, sizeof(t)))
		val_rtc_time(d, v, &t);
}

static void rtc_wkalrm(struct dctx *d, struct val *v, uint64_t arg)
{
	struct rtc_wkalrm w;

	if (!dec_fetch(d, v, arg, &w, sizeof(w)))
		return;
	st_init(v, d->ar, 3);
	val_uint(st_add(v, d->ar, "enabled"), w.enabled);
	val_uint(st_add(v, d->ar, "pending"), w.pending);
	val_rtc_time(d, st_add(v, d->ar, "time"), &w.time);
}

/* PERF_EVENT_IOC_SET_FILTER's string, up to -s. */
static void perf_filter(struct dctx *d, struct val *v, uint64_t arg)
{
	decode_cstr(d, v, arg, d->opt->strsize);
}

const struct ioctl_dec ioctl_chardev_decs[] = {
	{TIOCMGET, NULL, tty_modem_bits},
	{TIOCMSET, tty_modem_bits, NULL},
	{TIOCMBIS, tty_modem_bits, NULL},
	{TIOCMBIC, tty_modem_bits, NULL},
	{RTC_RD_TIME, NULL, rtc_time},
	{RTC_ALM_READ, NULL, rtc_time},
	{RTC_SET_TIME, rtc_time, NULL},
	{RTC_ALM_SET, rtc_time, NULL},
	{RTC_WKALM_RD, NULL, rtc_wkalrm},
	{RTC_WKALM_SET, rtc_wkalrm, NULL},
	{RTC_IRQP_READ, NULL, dec_ulong_ref},
	{RTC_EPOCH_READ, NULL, dec_ulong_ref},
	{WDIOC_GETTIMEOUT, NULL, dec_int_ref},
	{WDIOC_GETPRETIMEOUT, NULL, dec_int_ref},
	{WDIOC_GETTIMELEFT, NULL, dec_int_ref},
	{WDIOC_GETSTATUS, NULL, dec_int_ref},
	{WDIOC_GETBOOTSTATUS, NULL, dec_int_ref},
	{WDIOC_GETTEMP, NULL, dec_int_ref},
	{WDIOC_SETTIMEOUT, dec_int_ref, NULL},
	{WDIOC_SETPRETIMEOUT, dec_int_ref, NULL},
	{PERF_EVENT_IOC_ID, NULL, dec_u64_ref},
	{PERF_EVENT_IOC_PERIOD, dec_u64_ref, NULL},
	{PERF_EVENT_IOC_SET_FILTER, perf_filter, NULL},
	{NS_GET_OWNER_UID, NULL, dec_uint_ref},
	{TIOCGDEV, NULL, dec_int_ref},
	{TIOCGETD, NULL, dec_int_ref},
	{TIOCGEXCL, NULL, dec_int_ref},
	{TIOCGSOFTCAR, NULL, dec_int_ref},
	{TIOCPKT, dec_int_ref, NULL},
	{TIOCSETD, dec_int_ref, NULL},
	{TIOCSSOFTCAR, dec_int_ref, NULL},
	{VIDIOC_G_INPUT, NULL, dec_uint_ref},
	{VIDIOC_S_INPUT, dec_uint_ref, NULL},
	{VIDIOC_STREAMON, v4l2_buf_type, NULL},
	{VIDIOC_STREAMOFF, v4l2_buf_type, NULL},
	{RTC_VL_READ, NULL, rtc_vl_bits},
};
const unsigned ioctl_chardev_ndecs = sizeof(ioctl_chardev_decs) / sizeof(ioctl_chardev_decs[0]);
