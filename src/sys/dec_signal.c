/* Signal syscalls: actions, masks, alternate stacks. */
#include <signal.h>
#include <string.h>

#include "../../arch/abi.h"
#include "../../arch/layout.h"
#include "layout.h"
#include "decoders.h"
#include "flags.h"
#include "siginfo.h"

static void val_handler(struct val *v, uint64_t h, unsigned ws)
{
	uint64_t err = (uint64_t)(uintptr_t)SIG_ERR;

	if (ws == 4)
		err = (uint32_t)err;
	if (xlat_name(&xl_sig_handler, h))
		val_enum(v, h, &xl_sig_handler);
	else if (h == err)
		val_sym(v, "SIG_ERR");
	else
		val_ptr(v, h);
}

static void sigaction_fields(struct dctx *d, struct val *v, uint64_t handler, uint64_t flags,
			     uint64_t restorer, const uint8_t *mask, uint64_t setsize)
{
	unsigned ws = d->abi->word_size;

	st_init(v, d->ar, 4);
	val_handler(st_add(v, d->ar, "sa_handler"), handler, ws);
	val_sigset(st_add(v, d->ar, "sa_mask"), d->ar, mask, (uint32_t)setsize);
	val_flags(st_add(v, d->ar, "sa_flags"), flags, &xl_sa_flags);
	if (flags & xl_sa_flags.ents[0].val) /* SA_RESTORER */
		val_ptr(st_add(v, d->ar, "sa_restorer"), restorer);
}

/* The kernel's struct sigaction: handler, flags, restorer, then the mask. */
static void dec_sigaction(struct dctx *d, struct val *v, uint64_t addr, uint64_t setsize)
{
	unsigned ws = d->abi->word_size;
	uint64_t handler, flags, restorer;
	uint8_t mask[128];

	if (!addr || setsize > sizeof(mask) || read_word(d, addr, &handler) < 0 ||
	    read_word(d, addr + ws, &flags) < 0 || read_word(d, addr + 2 * ws, &restorer) < 0 ||
	    tmem_read(d->mem, addr + 3 * ws, mask, setsize) < 0) {
		val_ptr(v, addr);
		return;
	}
	sigaction_fields(d, v, handler, flags, restorer, mask, setsize);
}

/* sigaction(2): struct old_sigaction, with a one-word mask (i386's, little-endian). */
static void dec_old_sigaction(struct dctx *d, struct val *v, uint64_t addr)
{
	uint64_t handler, flags, restorer, mask;

	if (!addr || fetch_old_sigaction(d, addr, &handler, &flags, &restorer, &mask) < 0) {
		val_ptr(v, addr);
		return;
	}
	sigaction_fields(d, v, handler, flags, restorer, (const uint8_t *)&mask, d->abi->word_size);
}

void dec_sigaction_old(struct dctx *d, struct sc_event *ev, bool exiting)
{
	unsigned i = exiting ? 2 : 1;

	if (exiting && !dec_ok(ev))
		return;
	if (ev->raw[i])
		dec_old_sigaction(d, &ev->args[i], arg_word(d, ev, i));
}

void dec_rt_sigaction(struct dctx *d, struct sc_event *ev, bool exiting)
{
	unsigned i = exiting ? 2 : 1;

	if (exiting && !dec_ok(ev))
		return;
	dec_sigaction(d, &ev->args[i], arg_word(d, ev, i), arg_word(d, ev, 3));
}

void dec_rt_sigprocmask(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t size = arg_word(d, ev, 3);

	if (!exiting)
		dec_sigset(d, &ev->args[1], arg_word(d, ev, 1), size);
	else if (dec_ok(ev))
		dec_sigset(d, &ev->args[2], arg_word(d, ev, 2), size);
}

void dec_rt_sigpending(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		dec_sigset(d, &ev->args[0], arg_word(d, ev, 0), arg_word(d, ev, 1));
}

void dec_rt_sigsuspend(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_sigset(d, &ev->args[0], arg_word(d, ev, 0), arg_word(d, ev, 1));
}

static void dec_siginfo_at(struct dctx *d, struct val *v, uint64_t addr)
{
	siginfo_t si;

	if (addr && fetch_siginfo(d, addr, &si) == 0)
		siginfo_decode(d->ar, v, &si);
	else
		val_ptr(v, addr);
}

/* = 10 (SIGUSR1) */
void dec_rt_sigtimedwait(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting) {
		dec_sigset(d, &ev->args[0], arg_word(d, ev, 0), arg_word(d, ev, 3));
		dec_timespec(d, &ev->args[2], arg_word(d, ev, 2));
		return;
	}
	if (!dec_ok(ev))
		return;
	if (ev->raw[1])
		dec_siginfo_at(d, &ev->args[1], arg_word(d, ev, 1));
	val_sig(val_note(&ev->retv, d->ar), ev->ret);
}

void dec_rt_sigqueueinfo(struct dctx *d, struct sc_event *ev, bool exiting)
{
	unsigned i = ev->nargs - 1;

	if (!exiting)
		dec_siginfo_at(d, &ev->args[i], arg_word(d, ev, i));
}

static void show_mask(struct dctx *d, struct sc_event *ev, const uint8_t mask[8])
{
	struct val *v = &ev->args[0];

	st_init(v, d->ar, 1);
	val_sigset(st_add(v, d->ar, "mask"), d->ar, mask, 8);
	ev->nargs = ev->split = 1;
}

/*
 * At rt_sigreturn the handler has returned into the restorer; strace shows
 * the mask the frame restores, which the ABI's frame layout places at a
 * fixed offset from the stack pointer.
 */
void dec_rt_sigreturn(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint8_t mask[8];
	unsigned off = d->abi->layouts->rt_sigreturn_mask_off;

	if (exiting || !off || tmem_read(d->mem, ev->sp + off, mask, sizeof(mask)) < 0)
		return;
	show_mask(d, ev, mask);
}

/* i386's sigreturn(2): the mask is the frame's old mask word, then the extra one. */
void dec_sigreturn(struct dctx *d, struct sc_event *ev, bool exiting)
{
	const struct abi_layouts *l = d->abi->layouts;
	uint8_t mask[8];

	if (exiting || !l->sigreturn_mask_off ||
	    tmem_read(d->mem, ev->sp + l->sigreturn_mask_off, &mask[0], 4) < 0 ||
	    tmem_read(d->mem, ev->sp + l->sigreturn_extramask_off, &mask[4], 4) < 0)
		return;
	show_mask(d, ev, mask);
}

/* stack_t: ss_sp, int ss_flags (padded to a word), ss_size. */
static void dec_stack(struct dctx *d, struct val *v, uint64_t addr)
{
	unsigned ws = d->abi->word_size;
	uint64_t sp, flags, size;

	if (!addr || read_word(d, addr, &sp) < 0 || read_word(d, addr + ws, &flags) < 0 ||
	    read_word(d, addr + 2 * ws, &size) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 3);
	val_ptr(st_add(v, d->ar, "ss_sp"), sp);
	val_flags(st_add(v, d->ar, "ss_flags"), (uint32_t)flags, &xl_ss_flags);
	val_uint(st_add(v, d->ar, "ss_size"), size);
}

void dec_sigaltstack(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_stack(d, &ev->args[0], arg_word(d, ev, 0));
	else if (dec_ok(ev))
		dec_stack(d, &ev->args[1], arg_word(d, ev, 1));
}
