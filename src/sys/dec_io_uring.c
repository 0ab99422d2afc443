/*
 * io_uring_setup's struct io_uring_params and io_uring_register's arguments, opcode by
 * opcode, as strace 6.1 shows them.  Every struct is made of __u32 and __u64 fields: the
 * same bytes on each ABI (only an iovec's words differ).
 */
#include <linux/io_uring.h>
#include <stddef.h>
#include <string.h>

#include "../../arch/abi.h"

#include "decoders.h"
#include "flags.h"

/* name=[0, 0x7, 0]: reserved words, shown only when one is not 0. */
static void ur_resv64(struct dctx *d, struct val *st, const char *name, const uint64_t *w,
		      unsigned n)
{
	unsigned i = 0;

	while (i < n && !w[i])
		i++;
	if (i == n)
		return;
	struct val *items = val_array(st_add(st, d->ar, name), d->ar, n);
	for (i = 0; i < n; i++)
		val_hex(&items[i], w[i]);
}

/* The same of __u32 words (3 in every struct that has them). */
static void ur_resv(struct dctx *d, struct val *st, const char *name, const uint32_t *w, unsigned n)
{
	uint64_t x[4] = {0};

	for (unsigned i = 0; i < n && i < 4; i++)
		x[i] = w[i];
	ur_resv64(d, st, name, x, n < 4 ? n : 4);
}

/* A field shown only when not 0, in hex: resv=0x1. */
static void ur_hex_nz(struct dctx *d, struct val *st, const char *name, uint64_t x)
{
	if (x)
		val_hex(st_add(st, d->ar, name), x);
}

static void ur_sq_off(struct dctx *d, struct val *v, const struct io_sqring_offsets *o)
{
	st_init(v, d->ar, 7);
	val_uint(st_add(v, d->ar, "head"), o->head);
	val_uint(st_add(v, d->ar, "tail"), o->tail);
	val_uint(st_add(v, d->ar, "ring_mask"), o->ring_mask);
	val_uint(st_add(v, d->ar, "ring_entries"), o->ring_entries);
	val_uint(st_add(v, d->ar, "flags"), o->flags);
	val_uint(st_add(v, d->ar, "dropped"), o->dropped);
	val_uint(st_add(v, d->ar, "array"), o->array);
}

static void ur_cq_off(struct dctx *d, struct val *v, const struct io_cqring_offsets *o)
{
	st_init(v, d->ar, 7);
	val_uint(st_add(v, d->ar, "head"), o->head);
	val_uint(st_add(v, d->ar, "tail"), o->tail);
	val_uint(st_add(v, d->ar, "ring_mask"), o->ring_mask);
	val_uint(st_add(v, d->ar, "ring_entries"), o->ring_entries);
	val_uint(st_add(v, d->ar, "overflow"), o->overflow);
	val_uint(st_add(v, d->ar, "cqes"), o->cqes);
	val_uint(st_add(v, d->ar, "flags"), o->flags);
}

/* What the call reads (flags, sq_thread_cpu...), then at a successful exit what the kernel
 * wrote back (sq_entries, cq_entries, features and the rings' offsets).  The argument is
 * printed at exit (A_OUT): a failed call shows what entry read. */
void dec_io_uring_setup(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct io_uring_params p;
	struct val *v = &ev->args[1];
	uint64_t addr = arg_word(d, ev, 1);

	if (exiting && !dec_ok(ev))
		return;
	struct val in = *v;
	if (!dec_fetch(d, v, addr, &p, sizeof(p))) {
		if (exiting)
			*v = in;
		return;
	}
	st_init(v, d->ar, 10);
	val_flags(st_add(v, d->ar, "flags"), p.flags, &xl_io_uring_setup_flags);
	val_hex(st_add(v, d->ar, "sq_thread_cpu"), p.sq_thread_cpu);
	val_uint(st_add(v, d->ar, "sq_thread_idle"), p.sq_thread_idle);
	if (p.flags & IORING_SETUP_ATTACH_WQ)
		val_fd(st_add(v, d->ar, "wq_fd"), (int32_t)p.wq_fd);
	ur_resv(d, v, "resv", p.resv, 3);
	if (!exiting)
		return;
	val_uint(st_add(v, d->ar, "sq_entries"), p.sq_entries);
	val_uint(st_add(v, d->ar, "cq_entries"), p.cq_entries);
	val_flags(st_add(v, d->ar, "features"), p.features, &xl_io_uring_features);
	ur_sq_off(d, st_add(v, d->ar, "sq_off"), &p.sq_off);
	ur_cq_off(d, st_add(v, d->ar, "cq_off"), &p.cq_off);
}

/* Fills one element from its bytes. */
typedef void (*ur_elem_fn)(struct dctx *d, struct val *v, const void *bytes);

/* An array of n elements of size bytes (at most 16) at addr, each shown by fn. */
static void ur_array(struct dctx *d, struct val *v, uint64_t addr, uint64_t n, size_t size,
		     ur_elem_fn fn)
{
	struct dec_array a;
	uint8_t buf[16];

	if (!addr)
		return;
	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i < n; i++) {
		uint64_t at = addr + i * size;
		if (tmem_read(d->mem, at, buf, size) < 0) {
			dec_array_unread(d, &a, i, at);
			return;
		}
		struct val *item = dec_array_add(d, &a);
		if (!item)
			return;
		fn(d, item, buf);
	}
}

static void ur_fd(struct dctx *d, struct val *v, const void *bytes)
{
	int32_t fd;

	(void)d;
	memcpy(&fd, bytes, sizeof(fd));
	val_fd(v, fd);
}

static void ur_u32(struct dctx *d, struct val *v, const void *bytes)
{
	uint32_t x;

	(void)d;
	memcpy(&x, bytes, sizeof(x));
	val_uint(v, x);
}

/* [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8]: IORING_REGISTER_IOWQ_MAX_WORKERS's n counts. */
static void ur_max_workers(struct dctx *d, struct val *v, uint64_t addr, uint64_t n)
{
	ur_array(d, v, addr, n, sizeof(uint32_t), ur_u32);
	val_index_by(v, &xl_io_wq_types);
}

/* Whether the counts were all read at entry (as far as -s shows them): the kernel writes the
 * old ones back, which strace then shows after " => "; an empty array has none. */
static bool ur_workers_read(const struct val *v)
{
	return v->kind == VAL_INDEXED && v->n && v->idx.items[v->n - 1].kind != VAL_UNREAD;
}

/* [...] => [[IO_WQ_BOUND]=0, [IO_WQ_UNBOUND]=0] at exit; a failed call shows the address. */
static void ur_max_workers_exit(struct dctx *d, struct sc_event *ev, uint64_t addr, uint64_t n)
{
	struct val *v = &ev->args[2], after;

	if (dec_ok(ev))
		ur_max_workers(d, &after, addr, n);
	else
		val_ptr(&after, addr);
	val_change(v, d->ar, v, &after);
}

/* [{iov_base=0x7ffd..., iov_len=16}, ...]: the buffers' addresses, never their bytes. */
static void ur_iovecs(struct dctx *d, struct val *v, uint64_t addr, uint64_t n)
{
	unsigned ws = d->abi->word_size;
	struct dec_array a;
	uint64_t w[2];

	if (!addr)
		return;
	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i < n; i++) {
		uint64_t at = addr + i * 2 * ws;
		if (dec_read_words(d, at, w, 2) < 0) {
			dec_array_unread(d, &a, i, at);
			return;
		}
		struct val *item = dec_array_add(d, &a);
		if (!item)
			return;
		st_init(item, d->ar, 2);
		val_ptr(st_add(item, d->ar, "iov_base"), w[0]);
		val_uint(st_add(item, d->ar, "iov_len"), w[1]);
	}
}

/* {offset=1, fds=[2]}: IORING_REGISTER_FILES_UPDATE, n descriptors. */
static void ur_files_update(struct dctx *d, struct val *v, uint64_t addr, uint64_t n)
{
	struct io_uring_files_update u;

	if (!dec_fetch(d, v, addr, &u, sizeof(u)))
		return;
	st_init(v, d->ar, 3);
	val_uint(st_add(v, d->ar, "offset"), u.offset);
	ur_hex_nz(d, v, "resv", u.resv);
	struct val *fds = st_add(v, d->ar, "fds");
	val_ptr(fds, u.fds);
	ur_array(d, fds, u.fds, n, sizeof(int32_t), ur_fd);
}

/* [4]: the eventfd of IORING_REGISTER_EVENTFD and IORING_REGISTER_EVENTFD_ASYNC. */
static void ur_eventfd(struct dctx *d, struct val *v, uint64_t addr)
{
	int32_t fd;

	if (dec_fetch(d, v, addr, &fd, sizeof(fd)))
		val_fd(val_array(v, d->ar, 1), fd);
}

/* {ring_addr=0x1000, ring_entries=4, bgid=1}: IORING_(UN)REGISTER_PBUF_RING. */
static void ur_buf_reg(struct dctx *d, struct val *v, uint64_t addr)
{
	struct io_uring_buf_reg r;

	if (!dec_fetch(d, v, addr, &r, sizeof(r)))
		return;
	st_init(v, d->ar, 5);
	val_ptr(st_add(v, d->ar, "ring_addr"), r.ring_addr);
	val_uint(st_add(v, d->ar, "ring_entries"), r.ring_entries);
	val_uint(st_add(v, d->ar, "bgid"), r.bgid);
	ur_hex_nz(d, v, "pad", r.pad);
	uint64_t resv[3];
	memcpy(resv, r.resv, sizeof(resv));
	ur_resv64(d, v, "resv", resv, 3);
}

/* {opcode=IORING_RESTRICTION_SQE_OP, sqe_op=IORING_OP_READV}: one io_uring_restriction; a
 * kind strace does not know shows its byte as a comment, / * op: 0x5 * /. */
static void ur_restriction(struct dctx *d, struct val *v, const void *bytes)
{
	struct io_uring_restriction r;
	struct val *f;

	memcpy(&r, bytes, sizeof(r));
	st_init(v, d->ar, 4);
	struct val *op = st_add(v, d->ar, "opcode");
	val_enum(op, r.opcode, &xl_io_uring_restrictions);
	switch (r.opcode) {
	case IORING_RESTRICTION_REGISTER_OP:
		val_enum(st_add(v, d->ar, "register_op"), r.register_op, &xl_io_uring_register_ops);
		break;
	case IORING_RESTRICTION_SQE_OP:
		val_enum(st_add(v, d->ar, "sqe_op"), r.sqe_op, &xl_io_uring_ops);
		break;
	case IORING_RESTRICTION_SQE_FLAGS_ALLOWED:
	case IORING_RESTRICTION_SQE_FLAGS_REQUIRED:
		val_flags(st_add(v, d->ar, "sqe_flags"), r.sqe_flags, &xl_io_uring_sqe_flags);
		break;
	default:
		f = val_comment(op, d->ar);
		st_init(f, d->ar, 1);
		f->flags |= VALF_BARE | VALF_LABELS;
		val_hex(st_add(f, d->ar, "op:"), r.register_op);
	}
	ur_hex_nz(d, v, "resv", r.resv);
	ur_resv(d, v, "resv2", r.resv2, 3);
}

/* {offset=-1, data=4}: a ring to register (IORING_REGISTER_RING_FDS). */
static void ur_ring_fd(struct dctx *d, struct val *v, const void *bytes)
{
	struct io_uring_rsrc_update u;

	memcpy(&u, bytes, sizeof(u));
	st_init(v, d->ar, 3);
	val_int(st_add(v, d->ar, "offset"), (int32_t)u.offset);
	ur_hex_nz(d, v, "resv", u.resv);
	val_fd(st_add(v, d->ar, "data"), (int32_t)u.data);
}

/* {offset=0, data=0x4}: a registered ring to let go (IORING_UNREGISTER_RING_FDS). */
static void ur_ring_unreg(struct dctx *d, struct val *v, const void *bytes)
{
	struct io_uring_rsrc_update u;

	memcpy(&u, bytes, sizeof(u));
	st_init(v, d->ar, 3);
	val_uint(st_add(v, d->ar, "offset"), u.offset);
	ur_hex_nz(d, v, "resv", u.resv);
	val_hex(st_add(v, d->ar, "data"), u.data);
}

/* A probe's opcode, in decimal under -X raw too: 62 / * IORING_OP_??? * /. */
static void ur_op_dec(struct val *v, uint8_t op)
{
	val_enum(v, op, &xl_io_uring_ops_dec);
	v->raw = VAL_RAW_DECIMAL;
}

static void ur_probe_op(struct dctx *d, struct val *v, const void *bytes)
{
	struct io_uring_probe_op o;

	memcpy(&o, bytes, sizeof(o));
	st_init(v, d->ar, 4);
	ur_op_dec(st_add(v, d->ar, "op"), o.op);
	ur_hex_nz(d, v, "resv", o.resv);
	val_flags(st_add(v, d->ar, "flags"), o.flags, &xl_io_uring_op_flags);
	ur_hex_nz(d, v, "resv2", o.resv2);
}

/*
 * IORING_REGISTER_PROBE's struct, at exit (also of a failed call, as strace shows it), with
 * its n ops: strace reads the struct and every op at once, and shows the address when any of
 * it cannot be read (here: the first or the last byte).
 */
static void ur_probe(struct dctx *d, struct val *v, uint64_t addr, uint64_t n)
{
	struct io_uring_probe p;
	uint64_t ops = addr + offsetof(struct io_uring_probe, ops);
	uint8_t last;

	if (!dec_fetch(d, v, addr, &p, sizeof(p)))
		return;
	if (n && tmem_read(d->mem, ops + n * sizeof(struct io_uring_probe_op) - 1, &last, 1) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 5);
	ur_op_dec(st_add(v, d->ar, "last_op"), p.last_op);
	val_uint(st_add(v, d->ar, "ops_len"), p.ops_len);
	ur_hex_nz(d, v, "resv", p.resv);
	ur_resv(d, v, "resv2", p.resv2, 3);
	struct val *a = st_add(v, d->ar, "ops");
	val_array(a, d->ar, 0);
	ur_array(d, a, ops, n, sizeof(struct io_uring_probe_op), ur_probe_op);
}

static void ur_tag(struct dctx *d, struct val *v, const void *bytes)
{
	uint64_t tag;

	(void)d;
	memcpy(&tag, bytes, sizeof(tag));
	val_hex(v, tag);
}

/* data=[...] and tags=[...] of a resource table's n entries: descriptors or, for bufs,
 * iovecs; each the address alone when it cannot be read. */
static void ur_rsrc_data(struct dctx *d, struct val *st, uint64_t data, uint64_t tags, uint64_t n,
			 bool bufs)
{
	struct val *v = st_add(st, d->ar, "data");

	val_ptr(v, data);
	if (bufs)
		ur_iovecs(d, v, data, n);
	else
		ur_array(d, v, data, n, sizeof(int32_t), ur_fd);
	v = st_add(st, d->ar, "tags");
	val_ptr(v, tags);
	ur_array(d, v, tags, n, sizeof(uint64_t), ur_tag);
}

/*
 * {nr=3, flags=0, data=[0, 1, -1], tags=NULL}: IORING_REGISTER_FILES2 and _BUFFERS2, a
 * struct of size bytes.  strace shows the bytes of a larger one after it (/ * bytes 32..39 * /
 * "..."): not here, where it stays an address, as a smaller one does.
 */
static void ur_rsrc_register(struct dctx *d, struct val *v, uint64_t addr, uint64_t size, bool bufs)
{
	struct io_uring_rsrc_register r;

	if (size != sizeof(r) || !dec_fetch(d, v, addr, &r, sizeof(r)))
		return;
	st_init(v, d->ar, 5);
	val_uint(st_add(v, d->ar, "nr"), r.nr);
	val_flags(st_add(v, d->ar, "flags"), r.flags, &xl_io_uring_rsrc_flags);
	ur_hex_nz(d, v, "resv2", r.resv2);
	ur_rsrc_data(d, v, r.data, r.tags, r.nr, bufs);
}

/* {offset=1, data=[2], tags=NULL, nr=1}: IORING_REGISTER_FILES_UPDATE2 and
 * _BUFFERS_UPDATE, as ur_rsrc_register's. */
static void ur_rsrc_update2(struct dctx *d, struct val *v, uint64_t addr, uint64_t size, bool bufs)
{
	struct io_uring_rsrc_update2 u;

	if (size != sizeof(u) || !dec_fetch(d, v, addr, &u, sizeof(u)))
		return;
	st_init(v, d->ar, 6);
	val_uint(st_add(v, d->ar, "offset"), u.offset);
	ur_hex_nz(d, v, "resv", u.resv);
	ur_rsrc_data(d, v, u.data, u.tags, u.nr, bufs);
	val_uint(st_add(v, d->ar, "nr"), u.nr);
	ur_hex_nz(d, v, "resv2", u.resv2);
}

/* The argument at entry of the opcodes that take a resource table (false: not one). */
static bool ur_rsrc(struct dctx *d, struct val *v, uint32_t op, uint64_t addr, uint32_t n)
{
	switch (op) {
	case IORING_REGISTER_FILES2:
	case IORING_REGISTER_BUFFERS2:
		ur_rsrc_register(d, v, addr, n, op == IORING_REGISTER_BUFFERS2);
		return true;
	case IORING_REGISTER_FILES_UPDATE2:
	case IORING_REGISTER_BUFFERS_UPDATE:
		ur_rsrc_update2(d, v, addr, n, op == IORING_REGISTER_BUFFERS_UPDATE);
		return true;
	}
	return false;
}

/* The argument of each opcode strace decodes; the others stay an address. */
void dec_io_uring_register(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint32_t op = (uint32_t)ev->raw[1], n = (uint32_t)ev->raw[3];
	uint64_t addr = arg_word(d, ev, 2);
	struct val *v = &ev->args[2];

	if (exiting) {
		if (op == IORING_REGISTER_PROBE)
			ur_probe(d, v, addr, n);
		else if (op == IORING_REGISTER_IOWQ_MAX_WORKERS && ev->split == 2)
			ur_max_workers_exit(d, ev, addr, n);
		return;
	}
	if (ur_rsrc(d, v, op, addr, n))
		return;
	switch (op) {
	case IORING_REGISTER_PROBE: /* what the kernel writes: printed at exit */
		ev->split = 2;
		break;
	case IORING_REGISTER_BUFFERS:
		ur_iovecs(d, v, addr, n);
		break;
	case IORING_REGISTER_FILES:
		ur_array(d, v, addr, n, sizeof(int32_t), ur_fd);
		break;
	case IORING_REGISTER_FILES_UPDATE:
		ur_files_update(d, v, addr, n);
		break;
	case IORING_REGISTER_EVENTFD:
	case IORING_REGISTER_EVENTFD_ASYNC:
		ur_eventfd(d, v, addr);
		break;
	case IORING_REGISTER_RESTRICTIONS:
		ur_array(d, v, addr, n, sizeof(struct io_uring_restriction), ur_restriction);
		break;
	case IORING_REGISTER_RING_FDS:
		ur_array(d, v, addr, n, sizeof(struct io_uring_rsrc_update), ur_ring_fd);
		break;
	case IORING_UNREGISTER_RING_FDS:
		ur_array(d, v, addr, n, sizeof(struct io_uring_rsrc_update), ur_ring_unreg);
		break;
	case IORING_REGISTER_IOWQ_AFF:
		dec_cpuset(d, v, addr, n);
		break;
	case IORING_REGISTER_IOWQ_MAX_WORKERS:
		ur_max_workers(d, v, addr, n);
		if (ur_workers_read(v))
			ev->split = 2;
		break;
	case IORING_REGISTER_PBUF_RING:
	case IORING_UNREGISTER_PBUF_RING:
		ur_buf_reg(d, v, addr);
		break;
	}
}
