/* The kernel's native asynchronous I/O: io_setup, io_submit's iocbs, io_getevents' events,
 * io_cancel, io_destroy.  struct iocb and struct io_event are u64 fields on every ABI. */
#include <linux/aio_abi.h>
#include <linux/fs.h>
#include <stddef.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"
#include "xlat.h"

XLAT_TABLE_UNKNOWN(xl_iocb_cmds, XLAT_ENUM_DEC, "IOCB_CMD_", XLAT(IOCB_CMD_PREAD),
		   XLAT(IOCB_CMD_PWRITE), XLAT(IOCB_CMD_FSYNC), XLAT(IOCB_CMD_FDSYNC),
		   XLAT(IOCB_CMD_POLL), XLAT(IOCB_CMD_NOOP), XLAT(IOCB_CMD_PREADV),
		   XLAT(IOCB_CMD_PWRITEV));
XLAT_TABLE_UNKNOWN(xl_iocb_flags, XLAT_BITS_DFLT, "IOCB_FLAG_", XLAT(IOCB_FLAG_RESFD),
		   XLAT(IOCB_FLAG_IOPRIO));
XLAT_TABLE(xl_aio_rwf_flags, XLAT_BITS, XLAT(RWF_HIPRI), XLAT(RWF_DSYNC), XLAT(RWF_SYNC),
	   XLAT(RWF_NOWAIT), XLAT(RWF_APPEND));

/* Reads the iocb at addr; false (v its address) when it cannot be read. */
static bool fetch_iocb(struct dctx *d, struct val *v, uint64_t addr, struct iocb *cb)
{
	if (!addr) {
		val_ptr(v, 0);
		return false;
	}
	return dec_fetch(d, v, addr, cb, sizeof(*cb));
}

/* aio_buf and aio_nbytes as the opcode uses them. */
static void iocb_buffer(struct dctx *d, struct val *v, const struct iocb *cb)
{
	switch (cb->aio_lio_opcode) {
	case IOCB_CMD_PREAD:
		val_ptr(st_add(v, d->ar, "aio_buf"), cb->aio_buf);
		break;
	case IOCB_CMD_PWRITE:
		decode_buf(d, st_add(v, d->ar, "aio_buf"), cb->aio_buf, cb->aio_nbytes);
		break;
	case IOCB_CMD_PREADV:
	case IOCB_CMD_PWRITEV:
		dec_iovec(d, st_add(v, d->ar, "aio_buf"), cb->aio_buf, cb->aio_nbytes,
			  cb->aio_lio_opcode == IOCB_CMD_PWRITEV ? UINT64_MAX : 0);
		val_int(st_add(v, d->ar, "aio_offset"), cb->aio_offset);
		return;
	case IOCB_CMD_POLL:
		val_flags(st_add(v, d->ar, "aio_buf"), cb->aio_buf, &xl_poll_events);
		return;
	default:
		return;
	}
	val_uint(st_add(v, d->ar, "aio_nbytes"), cb->aio_nbytes);
	val_int(st_add(v, d->ar, "aio_offset"), cb->aio_offset);
}

/* A whole iocb, as io_submit shows it: fields that are 0 and mean nothing are left out. */
static void dec_iocb(struct dctx *d, struct val *v, uint64_t addr)
{
	struct iocb cb;

	if (!fetch_iocb(d, v, addr, &cb))
		return;
	st_init(v, d->ar, 14);
	val_hex(st_add(v, d->ar, "aio_data"), cb.aio_data);
	if (cb.aio_key)
		val_uint(st_add(v, d->ar, "aio_key"), cb.aio_key);
	if (cb.aio_rw_flags)
		val_flags(st_add(v, d->ar, "aio_rw_flags"), (uint32_t)cb.aio_rw_flags,
			  &xl_aio_rwf_flags);
	val_enum(st_add(v, d->ar, "aio_lio_opcode"), cb.aio_lio_opcode, &xl_iocb_cmds);
	if (cb.aio_reqprio)
		val_int(st_add(v, d->ar, "aio_reqprio"), cb.aio_reqprio);
	val_fd(st_add(v, d->ar, "aio_fildes"), (int32_t)cb.aio_fildes);
	iocb_buffer(d, v, &cb);
	if (cb.aio_flags)
		val_flags(st_add(v, d->ar, "aio_flags"), cb.aio_flags, &xl_iocb_flags);
	if (cb.aio_flags & IOCB_FLAG_RESFD)
		val_fd(st_add(v, d->ar, "aio_resfd"), (int32_t)cb.aio_resfd);
	else if (cb.aio_resfd)
		val_hex(st_add(v, d->ar, "aio_resfd"), cb.aio_resfd);
}

/* io_setup(nr, &ctx): the context id the kernel wrote. */
void dec_io_setup(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		dec_word_ref(d, &ev->args[1], arg_word(d, ev, 1), WORD_HEX);
}

/* io_submit(ctx, nr, iocbpp): an array of nr pointers to iocbs. */
void dec_io_submit(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 2), n = arg_word(d, ev, 1), p;
	unsigned ws = d->abi->word_size;
	struct dec_array a;

	if (exiting)
		return;
	if (!addr || (int64_t)n < 0) {
		val_ptr(&ev->args[2], addr);
		return;
	}
	dec_array_start(d, &a, &ev->args[2]);
	for (uint64_t i = 0; i < n; i++) {
		struct val *it;
		if (read_word(d, addr + i * ws, &p) < 0) {
			dec_array_unread(d, &a, i, addr + i * ws);
			return;
		}
		if (!(it = dec_array_add(d, &a)))
			return;
		dec_iocb(d, it, p);
	}
}

static void val_io_event(struct dctx *d, struct val *v, const struct io_event *e)
{
	st_init(v, d->ar, 4);
	val_hex(st_add(v, d->ar, "data"), e->data);
	val_ptr(st_add(v, d->ar, "obj"), e->obj);
	val_int(st_add(v, d->ar, "res"), e->res);
	val_int(st_add(v, d->ar, "res2"), e->res2);
}

/* n io_events at addr. */
static void dec_io_events(struct dctx *d, struct val *v, uint64_t addr, uint64_t n)
{
	struct dec_array a;
	struct io_event e;

	if (!addr) {
		val_ptr(v, addr);
		return;
	}
	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i < n; i++) {
		struct val *it;
		uint64_t at = addr + i * sizeof(e);
		if (tmem_read(d->mem, at, &e, sizeof(e)) < 0) {
			dec_array_unread(d, &a, i, at);
			return;
		}
		if (!(it = dec_array_add(d, &a)))
			return;
		val_io_event(d, it, &e);
	}
}

/* io_getevents(ctx, min_nr, nr, events, timeout): the timeout at entry, the events the call
 * returned at exit. */
void dec_io_getevents(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting) {
		dec_timespec(d, &ev->args[4], arg_word(d, ev, 4));
		return;
	}
	if (dec_ok(ev))
		dec_io_events(d, &ev->args[3], arg_word(d, ev, 3), (uint64_t)ev->ret);
}

/* io_pgetevents(ctx, min_nr, nr, events, timeout, usig): io_getevents and a signal mask. */
void dec_io_pgetevents(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_sigmask_pair(d, &ev->args[5], arg_word(d, ev, 5));
	dec_io_getevents(d, ev, exiting);
}

/* io_cancel(ctx, iocb, result): the iocb's data, opcode and fd; the event at exit. */
void dec_io_cancel(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct io_event e;
	struct iocb cb;

	if (exiting) {
		uint64_t addr = arg_word(d, ev, 2);
		if (dec_ok(ev) && dec_fetch(d, &ev->args[2], addr, &e, sizeof(e)))
			val_io_event(d, &ev->args[2], &e);
		return;
	}
	if (!fetch_iocb(d, &ev->args[1], arg_word(d, ev, 1), &cb))
		return;
	st_init(&ev->args[1], d->ar, 3);
	val_hex(st_add(&ev->args[1], d->ar, "aio_data"), cb.aio_data);
	val_enum(st_add(&ev->args[1], d->ar, "aio_lio_opcode"), cb.aio_lio_opcode, &xl_iocb_cmds);
	val_fd(st_add(&ev->args[1], d->ar, "aio_fildes"), (int32_t)cb.aio_fildes);
}
