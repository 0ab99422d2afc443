/*
 * PTRACE_GET_SYSCALL_INFO's struct ptrace_syscall_info, as strace 6.1 prints it: the
 * fields the kernel wrote (the smaller of the size given and the call's result), the
 * entry, exit or seccomp part by op.  Here <linux/ptrace.h>, which <sys/ptrace.h>
 * conflicts with, also names the requests glibc's header lacks.
 */
#include <stddef.h>
#include <string.h>

#include <linux/ptrace.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"
#include "sysent.h"
#include "xlat.h"

XLAT_TABLE(xl_ptrace_reqs_uapi, XLAT_ENUM, XLAT(PTRACE_GET_RSEQ_CONFIGURATION));

XLAT_TABLE_UNKNOWN(xl_syscall_info_ops, XLAT_ENUM, "PTRACE_SYSCALL_INFO_",
		   XLAT(PTRACE_SYSCALL_INFO_NONE), XLAT(PTRACE_SYSCALL_INFO_ENTRY),
		   XLAT(PTRACE_SYSCALL_INFO_EXIT), XLAT(PTRACE_SYSCALL_INFO_SECCOMP));

#define INFO_END(m)                                                                                \
	(offsetof(struct ptrace_syscall_info, m) + sizeof(((struct ptrace_syscall_info *)0)->m))

/* {nr=__NR_getppid, args=[...]}: the call's name from the tracee's ABI of arch. */
static void info_call(struct dctx *d, struct val *v, uint32_t arch, uint64_t nr, const __u64 *args)
{
	const struct ptrc_abi *abi = abi_by_audit_arch(arch);
	const struct sysent *ent;
	const char *name = abi ? systab_lookup(abi, (uint32_t)nr, &ent) : NULL;

	val_sysno(st_add(v, d->ar, "nr"), (int64_t)nr, name);
	struct val *a = st_add(v, d->ar, "args");
	struct val *it = val_array(a, d->ar, 6);
	for (unsigned i = 0; i < 6; i++)
		val_hex(&it[i], args[i]);
}

static void info_union(struct dctx *d, struct val *v, const struct ptrace_syscall_info *si,
		       size_t len)
{
	struct val *u;

	if (si->op == PTRACE_SYSCALL_INFO_ENTRY && len >= INFO_END(entry)) {
		u = st_add(v, d->ar, "entry");
		st_init(u, d->ar, 2);
		info_call(d, u, si->arch, si->entry.nr, si->entry.args);
	} else if (si->op == PTRACE_SYSCALL_INFO_EXIT && len >= INFO_END(exit.is_error)) {
		u = st_add(v, d->ar, "exit");
		st_init(u, d->ar, 2);
		val_int(st_add(u, d->ar, "rval"), si->exit.rval);
		val_uint(st_add(u, d->ar, "is_error"), si->exit.is_error);
	} else if (si->op == PTRACE_SYSCALL_INFO_SECCOMP && len >= INFO_END(seccomp.ret_data)) {
		u = st_add(v, d->ar, "seccomp");
		st_init(u, d->ar, 3);
		info_call(d, u, si->arch, si->seccomp.nr, si->seccomp.args);
		val_uint(st_add(u, d->ar, "ret_data"), si->seccomp.ret_data);
	}
}

void dec_ptrace_syscall_info(struct dctx *d, struct val *v, uint64_t addr, uint64_t size,
			     int64_t ret)
{
	struct ptrace_syscall_info si;
	size_t len = sizeof(si);

	if (size < len)
		len = (size_t)size;
	if (ret >= 0 && (uint64_t)ret < len)
		len = (size_t)ret;
	memset(&si, 0, sizeof(si));
	if (!dec_fetch(d, v, addr, &si, len ? len : 1))
		return;
	st_init(v, d->ar, 5);
	val_enum(st_add(v, d->ar, "op"), si.op, &xl_syscall_info_ops);
	if (len >= INFO_END(arch)) {
		struct val *arch = st_add(v, d->ar, "arch");
		val_enum(arch, si.arch, &xl_audit_arches);
		arch->flags |= VALF_HEXFLAGS;
	}
	if (len >= INFO_END(instruction_pointer))
		val_hex(st_add(v, d->ar, "instruction_pointer"), si.instruction_pointer);
	if (len >= INFO_END(stack_pointer))
		val_hex(st_add(v, d->ar, "stack_pointer"), si.stack_pointer);
	info_union(d, v, &si, len);
}
