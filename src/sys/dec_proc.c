/* Process creation, execution and waiting. */
#include <linux/sched.h>
#include <linux/ptrace.h>
#include <string.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"

/* CLONE_VM|...|SIGCHLD: the flag bits, then the exit signal in the low byte. */
static void dec_clone_flags(struct dctx *d, struct val *v, uint64_t flags)
{
	uint64_t bits = flags & ~(uint64_t)CSIGNAL, sig = flags & CSIGNAL;

	if (!bits || !sig) {
		if (sig)
			val_sig(v, (int64_t)sig);
		else
			val_flags(v, bits, &xl_clone_flags);
		return;
	}
	struct val *items = val_or(v, d->ar, 2);
	val_flags(&items[0], bits, &xl_clone_flags);
	val_sig(&items[1], (int64_t)sig);
}

/* x86_64 passes (flags, stack, ptid, ctid, tls); i386 and aarch64 swap tls and ctid. */
static void clone_tail(struct dctx *d, struct sc_event *ev, struct val *out)
{
	uint64_t flags = ev->raw[0];
	bool backwards = d->abi->clone_backwards;
	unsigned n = 2;

	if (flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)) {
		struct val *v = dec_named_arg(d, &out[n++], "parent_tid");
		if (dec_ok(ev))
			dec_int_ref(d, v, arg_word(d, ev, 2));
		else
			val_ptr(v, arg_word(d, ev, 2));
	}
	if (flags & CLONE_SETTLS)
		val_hex(dec_named_arg(d, &out[n++], "tls"), arg_word(d, ev, backwards ? 3 : 4));
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		val_ptr(dec_named_arg(d, &out[n++], "child_tidptr"),
			arg_word(d, ev, backwards ? 4 : 3));
	ev->nargs = (uint8_t)n;
}

void dec_clone(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting) {
		clone_tail(d, ev, ev->args);
		return;
	}
	val_ptr(dec_named_arg(d, &ev->args[0], "child_stack"), arg_word(d, ev, 1));
	dec_clone_flags(d, dec_named_arg(d, &ev->args[1], "flags"), ev->raw[0]);
	clone_tail(d, ev, ev->args);
	/* strace prints everything after the flags once the call returns. */
	ev->split = 2;
	ev->sep_at_exit = true;
}

struct clone_args_raw {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
	uint64_t set_tid, set_tid_size, cgroup;
};

static void clone3_fields(struct dctx *d, struct val *v, const struct clone_args_raw *ca)
{
	st_init(v, d->ar, 11);
	dec_clone_flags(d, st_add(v, d->ar, "flags"), ca->flags);
	if (ca->flags & CLONE_PIDFD)
		val_ptr(st_add(v, d->ar, "pidfd"), ca->pidfd);
	if (ca->flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		val_ptr(st_add(v, d->ar, "child_tid"), ca->child_tid);
	if (ca->flags & CLONE_PARENT_SETTID)
		val_ptr(st_add(v, d->ar, "parent_tid"), ca->parent_tid);
	val_sig(st_add(v, d->ar, "exit_signal"), (int64_t)ca->exit_signal);
	val_ptr(st_add(v, d->ar, "stack"), ca->stack);
	val_hex(st_add(v, d->ar, "stack_size"), ca->stack_size);
	if (ca->flags & CLONE_SETTLS)
		val_ptr(st_add(v, d->ar, "tls"), ca->tls);
	if (ca->set_tid_size) {
		val_ptr(st_add(v, d->ar, "set_tid"), ca->set_tid);
		val_uint(st_add(v, d->ar, "set_tid_size"), ca->set_tid_size);
	}
	if (ca->flags & CLONE_INTO_CGROUP)
		val_int(st_add(v, d->ar, "cgroup"), (int64_t)ca->cgroup);
}

/* clone3({flags=..., ...} => {parent_tid=[N]}, 88) */
void dec_clone3(struct dctx *d, struct sc_event *ev, bool exiting)
{
	struct clone_args_raw ca = {0};
	struct val *v = &ev->args[0];
	uint64_t size = arg_word(d, ev, 1);

	if (size > sizeof(ca))
		size = sizeof(ca);
	if (!exiting) {
		if (size >= 64 && dec_fetch(d, v, arg_word(d, ev, 0), &ca, size))
			clone3_fields(d, v, &ca);
		if (v->kind == VAL_STRUCT && (ca.flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)))
			ev->split = 0;
		return;
	}
	if (ev->split != 0 || !dec_ok(ev) || v->kind != VAL_STRUCT)
		return;
	struct val after;
	st_init(&after, d->ar, 2);
	for (uint32_t i = 0; i < v->n; i++) {
		const char *name = v->fields[i].name;
		if (!strcmp(name, "parent_tid") || !strcmp(name, "pidfd"))
			dec_int_ref(d, st_add(&after, d->ar, name), v->fields[i].v->u);
	}
	val_change(v, d->ar, v, &after);
}

/*
 * struct user_desc (asm/ldt.h): the same 16 bytes on the two ABIs that have
 * set_thread_area (i386, x86_64): three u32, then one word of bit-fields
 * allocated from the lowest bit (seg_32bit:1, contents:2, read_exec_only:1,
 * limit_in_pages:1, seg_not_present:1, useable:1).
 */
static void dec_user_desc(struct dctx *d, struct val *v, uint64_t addr)
{
	uint32_t u[4];

	if (!dec_fetch(d, v, addr, u, sizeof(u)))
		return;
	st_init(v, d->ar, 9);
	val_int(st_add(v, d->ar, "entry_number"), (int32_t)u[0]);
	val_hex(st_add(v, d->ar, "base_addr"), u[1]);
	struct val *limit = st_add(v, d->ar, "limit");
	val_hex_width(limit, u[2], 8, true); /* strace's %#08x */
	limit->flags |= VALF_NUM;
	val_uint(st_add(v, d->ar, "seg_32bit"), u[3] & 1);
	val_uint(st_add(v, d->ar, "contents"), (u[3] >> 1) & 3);
	val_uint(st_add(v, d->ar, "read_exec_only"), (u[3] >> 3) & 1);
	val_uint(st_add(v, d->ar, "limit_in_pages"), (u[3] >> 4) & 1);
	val_uint(st_add(v, d->ar, "seg_not_present"), (u[3] >> 5) & 1);
	val_uint(st_add(v, d->ar, "useable"), (u[3] >> 6) & 1);
}

/* set_thread_area({entry_number=-1, ...}) = 0 (entry_number=12) */
void dec_set_thread_area(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr = arg_word(d, ev, 0);
	int32_t entry;

	if (!exiting) {
		dec_user_desc(d, &ev->args[0], addr);
		return;
	}
	struct val *v = &ev->args[0];
	if (!dec_ok(ev) || v->kind != VAL_STRUCT || v->n < 1 || v->fields[0].v->i != -1 ||
	    tmem_read(d->mem, addr, &entry, sizeof(entry)) < 0 || entry == -1)
		return;
	struct val *note = &ev->ret_note;
	st_init(note, d->ar, 1);
	note->flags |= VALF_BARE;
	val_int(st_add(note, d->ar, "entry_number"), entry);
}

void dec_get_thread_area(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting && dec_ok(ev))
		dec_user_desc(d, &ev->args[0], arg_word(d, ev, 0));
}

/* restart_syscall(<... resuming interrupted nanosleep ...>): the call it restarts. */
void dec_restart_syscall(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		val_resuming(&ev->args[0], d->interrupted);
}
