/* Signal syscalls: actions, masks, alternate stacks. */
#include <signal.h>
#include <string.h>

#include "../../arch/abi.h"
#include "compat32.h"
#include "decoders.h"
#include "flags.h"
#include "siginfo.h"

static void val_handler(struct val *v, uint64_t h, unsigned ws)
{
	uint64_t ign = (uint64_t)(uintptr_t)SIG_IGN, err = (uint64_t)(uintptr_t)SIG_ERR;

	if (ws == 4)
		err = (uint32_t)err;
	if (h == (uint64_t)(uintptr_t)SIG_DFL)
		val_sym(v, "SIG_DFL");
	else if (h == ign)
		val_sym(v, "SIG_IGN");
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

/* i386 sigaction(2): struct old_sigaction, with a one-word mask. */
static void dec_old_sigaction(struct dctx *d, struct val *v, uint64_t addr)
{
	struct i386_old_sigaction sa;

	if (!abi_is_i386(d) || !dec_fetch(d, v, addr, &sa, sizeof(sa)))
		return;
	sigaction_fields(d, v, sa.handler, sa.flags, sa.restorer, (const uint8_t *)&sa.mask,
			 sizeof(sa.mask));
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

/*
 * At rt_sigreturn the handler has returned into the restorer, so the stack
 * pointer is at the frame's ucontext; strace shows the mask it will restore.
 * i386's frames are in compat32.h; its sigreturn(2) keeps the mask in two words.
 */
void dec_rt_sigreturn(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint8_t mask[8];
	uint64_t addr = ev->sp + offsetof(ucontext_t, uc_sigmask);

	if (exiting)
		return;
	if (abi_is_i386(d) && !strcmp(ev->name, "sigreturn")) {
		uint32_t *w = (uint32_t *)mask;
		if (tmem_read(d->mem, ev->sp + i386_sigreturn_oldmask_off, &w[0], 4) < 0 ||
		    tmem_read(d->mem, ev->sp + i386_sigreturn_extramask_off, &w[1], 4) < 0)
			return;
	} else {
		if (abi_is_i386(d))
			addr = ev->sp + i386_rt_sigreturn_mask_off;
		else if (d->abi != abi_host())
			return;
		if (tmem_read(d->mem, addr, mask, sizeof(mask)) < 0)
			return;
	}
	struct val *v = &ev->args[0];
	st_init(v, d->ar, 1);
	val_sigset(st_add(v, d->ar, "mask"), d->ar, mask, sizeof(mask));
	ev->nargs = ev->split = 1;
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
