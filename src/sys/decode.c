#include "decode.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../arch/abi.h"
#include "../util/xalloc.h"
#include "decoders.h"
#include "sysent.h"
#include "xlat.h"

static bool joined(const struct sc_event *ev, unsigned i)
{
	return ev->joined & (1u << i);
}

int64_t arg_int(const struct sc_event *ev, unsigned i)
{
	return joined(ev, i) ? (int64_t)ev->raw[i] : (int32_t)(uint32_t)ev->raw[i];
}

uint64_t arg_word(const struct dctx *d, const struct sc_event *ev, unsigned i)
{
	return d->abi->word_size == 4 && !joined(ev, i) ? (uint32_t)ev->raw[i] : ev->raw[i];
}

static int64_t arg_long(const struct dctx *d, const struct sc_event *ev, unsigned i)
{
	if (d->abi->word_size == 4 && !joined(ev, i))
		return (int32_t)(uint32_t)ev->raw[i];
	return (int64_t)ev->raw[i];
}

int read_word(struct dctx *d, uint64_t addr, uint64_t *out)
{
	return tmem_read_word(d->mem, d->abi->word_size, addr, out);
}

uint64_t dec_room(const struct dctx *d, uint64_t want)
{
	size_t kept = d->ar->total - d->mark;
	uint64_t left = kept < DEC_MAX_BYTES ? DEC_MAX_BYTES - kept : 0;

	return want < left ? want : left;
}

/* Where bytes wait on their way into a value (which copies them): the stack, when small. */
static char *scratch(char *small, size_t small_size, size_t n)
{
	return n <= small_size ? small : xmalloc(n);
}

void decode_cstr(struct dctx *d, struct val *v, uint64_t addr, unsigned limit)
{
	char small[PATH_MAX + 1];
	size_t max = (size_t)dec_room(d, limit);
	bool complete;

	if (!addr) {
		val_ptr(v, 0);
		return;
	}
	char *buf = scratch(small, sizeof(small), max + 1);
	ssize_t n = tmem_read_str(d->mem, addr, buf, max, &complete);
	if (n < 0) {
		val_ptr(v, addr);
	} else {
		val_str(v, d->ar, buf, (uint32_t)n, !complete);
		v->flags |= VALF_CSTRING;
	}
	if (buf != small)
		free(buf);
}

void decode_path(struct dctx *d, struct val *v, uint64_t addr)
{
	decode_cstr(d, v, addr, PATH_MAX);
}

void decode_buf(struct dctx *d, struct val *v, uint64_t addr, uint64_t len)
{
	char small[4096];
	uint64_t want = dec_room(d, len < d->opt->strsize ? len : d->opt->strsize);

	if (!addr) {
		val_ptr(v, 0);
		return;
	}
	char *buf = scratch(small, sizeof(small), (size_t)want);
	if (want && tmem_read(d->mem, addr, buf, (size_t)want) < 0)
		val_ptr(v, addr);
	else
		val_str(v, d->ar, buf, (uint32_t)want, want < len);
	if (buf != small)
		free(buf);
}

/* The kinds whose value is read from the tracee; false for the others. */
static bool decode_memory_arg(struct dctx *d, struct sc_event *ev, unsigned i,
			      const struct argspec *a)
{
	struct val *v = &ev->args[i];
	uint64_t w = arg_word(d, ev, i);

	switch (a->kind) {
	case AK_PATH:
	case AK_TARGET:
		decode_path(d, v, w);
		return true;
	case AK_STR:
		decode_cstr(d, v, w, d->opt->strsize);
		return true;
	case AK_IBUF:
		decode_buf(d, v, w, arg_word(d, ev, a->len_arg));
		return true;
	case AK_OBUF:
		if (ev->is_error || !ev->exited)
			val_ptr(v, w);
		else
			decode_buf(d, v, w, (uint64_t)ev->ret);
		return true;
	case AK_SOCKBUF:
		dec_sockbuf(d, v, arg_int(ev, 0), w, arg_word(d, ev, a->len_arg), UINT64_MAX);
		return true;
	case AK_SOCKOBUF:
		if (ev->is_error || !ev->exited)
			val_ptr(v, w);
		else
			dec_sockbuf(d, v, arg_int(ev, 0), w, (uint64_t)ev->ret,
				    arg_word(d, ev, a->len_arg));
		return true;
	case AK_SOCKADDR:
		dec_sockaddr(d, v, w, (uint32_t)ev->raw[a->len_arg]);
		return true;
	case AK_OUT:
	case AK_IN:
	case AK_OPENHOW:
	case AK_MSGHDR:
		/* Pointers the syscall's decoder did not (or could not) follow. */
		val_ptr(v, w);
		return true;
	default:
		return false;
	}
}

void decode_arg(struct dctx *d, struct sc_event *ev, unsigned i, const struct argspec *a)
{
	struct val *v = &ev->args[i];
	uint64_t w = arg_word(d, ev, i);

	if (decode_memory_arg(d, ev, i, a))
		return;
	switch (a->kind) {
	case AK_INT:
		val_int(v, arg_int(ev, i));
		break;
	case AK_UINT:
		val_uint(v, joined(ev, i) ? w : (uint32_t)w);
		break;
	case AK_LONG:
		val_int(v, arg_long(d, ev, i));
		break;
	case AK_ULONG:
		val_uint(v, w);
		break;
	case AK_OCT:
		val_oct(v, (uint32_t)w);
		break;
	case AK_PTR:
		val_ptr(v, w);
		break;
	case AK_PID:
		val_pid(v, arg_int(ev, i));
		break;
	case AK_FD:
	case AK_DIRFD:
		val_fd(v, arg_int(ev, i));
		if (a->kind == AK_DIRFD)
			v->flags |= VALF_DIRFD;
		break;
	case AK_FLAGS:
		val_flags(v, a->len_arg == ARG_LONG ? w : (uint32_t)w, a->tab);
		break;
	case AK_ENUM:
	case AK_FAMILY:
		val_enum(v, a->len_arg == ARG_LONG ? w : (uint32_t)w, a->tab);
		break;
	case AK_OFLAGS:
		dec_open_flags(d, v, (uint32_t)w);
		break;
	case AK_SIG:
		val_sig(v, arg_int(ev, i));
		break;
	case AK_HEX:
	default:
		val_hex(v, w);
		break;
	}
}

static bool is_exit_arg(uint8_t kind)
{
	return kind == AK_OBUF || kind == AK_SOCKOBUF || kind == AK_OUT;
}

/* i386's *_time64 calls take 64-bit time values; all calls do on 64-bit ABIs. */
static void set_time64(struct dctx *d, const struct sysent *ent)
{
	d->time64 = d->abi->word_size == 8 || (ent && (ent->traits & TR_TIME64));
}

static void decode_entry_args(struct dctx *d, struct sc_event *ev, const struct sysent *ent)
{
	ev->nargs = ent->nargs;
	ev->split = ent->nargs;
	for (unsigned i = 0; i < ent->nargs; i++) {
		if (is_exit_arg(ent->args[i].kind)) {
			if (ev->split == ent->nargs)
				ev->split = (uint8_t)i;
			val_ptr(&ev->args[i], arg_word(d, ev, i));
			continue;
		}
		decode_arg(d, ev, i, &ent->args[i]);
	}
}

void sys_decode_entry(struct dctx *d, struct sc_event *ev)
{
	const struct sysent *ent = ev->ent;

	ev->exited = false;
	ev->ret_note.kind = VAL_NONE;
	set_time64(d, ent);
	d->mark = d->ar->total;
	if (!ent) {
		/* Unknown to syscalls.def: every argument raw, as strace prints them. */
		ev->nargs = SC_MAX_ARGS;
		ev->split = SC_MAX_ARGS;
		for (unsigned i = 0; i < SC_MAX_ARGS; i++)
			val_hex(&ev->args[i], arg_word(d, ev, i));
		return;
	}
	if (ev->block_unread) {
		ev->nargs = ev->split = 1;
		val_ptr(&ev->args[0], arg_word(d, ev, 0));
		return;
	}
	decode_entry_args(d, ev, ent);
	if (ent->decode)
		ent->decode(d, ev, false);
}

static void decode_retval(struct sc_event *ev, const struct sysent *ent)
{
	switch (ent ? ent->ret : RK_INT) {
	case RK_HEX:
		val_hex(&ev->retv, (uint64_t)ev->ret);
		break;
	case RK_OCT:
		val_oct(&ev->retv, (uint64_t)ev->ret);
		break;
	case RK_FD:
		val_fd(&ev->retv, ev->ret);
		break;
	case RK_PID:
		val_pid(&ev->retv, ev->ret);
		break;
	case RK_UINT:
		/* A 32-bit ABI's unsigned long is its low half (strace: 4294962296, not 2^64-5000).
		 */
		if (ev->abi && ev->abi->word_size == 4)
			val_uint(&ev->retv, (uint32_t)ev->ret);
		else
			val_uint(&ev->retv, (uint64_t)ev->ret);
		break;
	default:
		val_int(&ev->retv, ev->ret);
		break;
	}
}

void sys_decode_result(struct sc_event *ev)
{
	ev->exited = true;
	if (!ev->is_error)
		decode_retval(ev, ev->ent);
}

void sys_decode_exit(struct dctx *d, struct sc_event *ev)
{
	const struct sysent *ent = ev->ent;

	ev->exited = true;
	if (ev->is_error && !(ent && ent->decode && (ent->traits & TR_FAILED_OUT)))
		return;
	if (!ev->is_error)
		decode_retval(ev, ent);
	if (!ent || ev->block_unread)
		return;
	set_time64(d, ent);
	d->mark = d->ar->total;
	/* AK_OUT slots keep what entry left there (an address, or a value the
	 * syscall's decoder saved to compare with the result). */
	for (unsigned i = ev->split; i < ent->nargs && !ev->is_error; i++)
		if (ent->args[i].kind == AK_OBUF || ent->args[i].kind == AK_SOCKOBUF)
			decode_arg(d, ev, i, &ent->args[i]);
	if (ent->decode)
		ent->decode(d, ev, true);
}
