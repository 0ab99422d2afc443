/*
 * Which buffers a call's data went through, from its argument kinds: an
 * output buffer (AK_OBUF) is read into, an input one (AK_IBUF) written from;
 * TR_IOV calls move theirs through an iovec array (argument 1, count in 2),
 * or a msghdr's msg_iov for the socket calls (sendmsg, recvmsg), read at
 * exit (AK_OUT) or written at entry (AK_IN, AK_MSGHDR).
 */
#include "iodata.h"

#include "../../arch/abi.h"
#include "decoders.h"
#include "sysent.h"

static int mem_word(const struct tmem *mem, unsigned ws, uint64_t addr, uint64_t *w)
{
	uint32_t w32;

	if (ws == 8)
		return tmem_read(mem, addr, w, 8);
	if (tmem_read(mem, addr, &w32, 4) < 0)
		return -1;
	*w = w32;
	return 0;
}

int sys_io_fd(const struct sc_event *ev)
{
	for (unsigned i = 0; ev->ent && i < ev->ent->nargs; i++)
		if (ev->ent->args[i].kind == AK_FD)
			return (int)ev->raw[i];
	return -1;
}

int sys_io_direction(const struct sysent *e)
{
	for (unsigned i = 0; e && i < e->nargs; i++)
		if (e->args[i].kind == AK_OBUF || e->args[i].kind == AK_IBUF)
			return e->args[i].kind == AK_OBUF ? 1 : -1;
	if (!e || !(e->traits & TR_IOV) || e->nargs < 2)
		return 0;
	return e->args[1].kind == AK_OUT ? 1 : -1;
}

/* The iovec of a vector call: array and count. */
static int iov_of(const struct sc_event *ev, const struct tmem *mem, unsigned ws, uint64_t *iov,
		  uint64_t *cnt)
{
	if (!(ev->ent->classes & TC_NETWORK)) {
		*iov = ev->raw[1];
		*cnt = (uint32_t)ev->raw[2];
		return 0;
	}
	return msghdr_iov(mem, ws, ev->raw[1], iov, cnt);
}

static int vector_buffers(const struct sc_event *ev, const struct tmem *mem, struct io_buf *out,
			  unsigned max, uint64_t left)
{
	unsigned ws = ev->abi->word_size, n = 0;
	uint64_t iov, cnt, w[2];

	if (iov_of(ev, mem, ws, &iov, &cnt) < 0)
		return -1;
	for (uint64_t i = 0; i < cnt && left && n < max; i++) {
		uint64_t at = iov + i * 2 * ws;
		if (mem_word(mem, ws, at, &w[0]) < 0 || mem_word(mem, ws, at + ws, &w[1]) < 0)
			return -1;
		uint64_t take = w[1] < left ? w[1] : left;
		out[n++] = (struct io_buf){w[0], take};
		left -= take;
	}
	return (int)n;
}

int sys_io_buffers(const struct sc_event *ev, const struct tmem *mem, struct io_buf *out,
		   unsigned max, bool *reads, bool *vector)
{
	const struct sysent *e = ev->ent;

	*vector = false;
	if (!e || !ev->exited || ev->is_error || ev->ret <= 0 || !max)
		return 0;
	uint64_t moved = (uint64_t)ev->ret;
	int dir = sys_io_direction(e);
	*reads = dir > 0;
	for (unsigned i = 0; i < e->nargs; i++) {
		enum arg_kind k = e->args[i].kind;
		if (k == AK_OBUF || k == AK_IBUF) {
			uint64_t len = ev->raw[e->args[i].len_arg];
			out[0] = (struct io_buf){ev->raw[i],
						 k == AK_IBUF && len < moved ? len : moved};
			return 1;
		}
	}
	if (!dir)
		return 0;
	*vector = true;
	return vector_buffers(ev, mem, out, max, moved);
}
