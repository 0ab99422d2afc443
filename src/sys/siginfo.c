#include "siginfo.h"

#include <linux/audit.h>
#include <stdio.h>
#include <string.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"
#include "sysent.h"

/*
 * Codes a process can send (si_code <= 0), plus SI_KERNEL.  si_code is an int that strace
 * prints as a 32-bit number (-X raw: SI_TKILL is 0xfffffffa), so the table holds it so.
 */
#define SI(m)                                                                                      \
	{                                                                                          \
		(uint32_t)(m), #m                                                                  \
	}
XLAT_TABLE(xl_si_codes, XLAT_ENUM, SI(SI_USER), SI(SI_KERNEL), SI(SI_QUEUE), SI(SI_TIMER),
	   SI(SI_MESGQ), SI(SI_ASYNCIO), SI(SI_SIGIO), SI(SI_TKILL), SI(SI_DETHREAD),
	   SI(SI_ASYNCNL));
XLAT_TABLE(xl_ill_codes, XLAT_ENUM, XLAT(ILL_ILLOPC), XLAT(ILL_ILLOPN), XLAT(ILL_ILLADR),
	   XLAT(ILL_ILLTRP), XLAT(ILL_PRVOPC), XLAT(ILL_PRVREG), XLAT(ILL_COPROC), XLAT(ILL_BADSTK),
	   XLAT(ILL_BADIADDR));
XLAT_TABLE(xl_fpe_codes, XLAT_ENUM, XLAT(FPE_INTDIV), XLAT(FPE_INTOVF), XLAT(FPE_FLTDIV),
	   XLAT(FPE_FLTOVF), XLAT(FPE_FLTUND), XLAT(FPE_FLTRES), XLAT(FPE_FLTINV), XLAT(FPE_FLTSUB),
	   XLAT(FPE_FLTUNK), XLAT(FPE_CONDTRAP));
XLAT_TABLE(xl_segv_codes, XLAT_ENUM, XLAT(SEGV_MAPERR), XLAT(SEGV_ACCERR), XLAT(SEGV_BNDERR),
	   XLAT(SEGV_PKUERR), XLAT(SEGV_ACCADI), XLAT(SEGV_ADIDERR), XLAT(SEGV_ADIPERR),
	   XLAT(SEGV_MTEAERR), XLAT(SEGV_MTESERR));
XLAT_TABLE(xl_bus_codes, XLAT_ENUM, XLAT(BUS_ADRALN), XLAT(BUS_ADRERR), XLAT(BUS_OBJERR),
	   XLAT(BUS_MCEERR_AR), XLAT(BUS_MCEERR_AO));
XLAT_TABLE(xl_trap_codes, XLAT_ENUM, XLAT(TRAP_BRKPT), XLAT(TRAP_TRACE), XLAT(TRAP_BRANCH),
	   XLAT(TRAP_HWBKPT), XLAT(TRAP_UNK));
XLAT_TABLE(xl_cld_codes, XLAT_ENUM, XLAT(CLD_EXITED), XLAT(CLD_KILLED), XLAT(CLD_DUMPED),
	   XLAT(CLD_TRAPPED), XLAT(CLD_STOPPED), XLAT(CLD_CONTINUED));
XLAT_TABLE(xl_poll_codes, XLAT_ENUM, XLAT(POLL_IN), XLAT(POLL_OUT), XLAT(POLL_MSG), XLAT(POLL_ERR),
	   XLAT(POLL_PRI), XLAT(POLL_HUP));
XLAT_TABLE(xl_audit_arches, XLAT_ENUM, XLAT(AUDIT_ARCH_X86_64), XLAT(AUDIT_ARCH_I386),
	   XLAT(AUDIT_ARCH_AARCH64), XLAT(AUDIT_ARCH_ARM), XLAT(AUDIT_ARCH_RISCV64),
	   XLAT(AUDIT_ARCH_PPC64LE), XLAT(AUDIT_ARCH_S390X));

static const struct xlat *code_table(int signo, int code)
{
	if (code <= 0 || code == SI_KERNEL)
		return &xl_si_codes;
	switch (signo) {
	case SIGILL:
		return &xl_ill_codes;
	case SIGFPE:
		return &xl_fpe_codes;
	case SIGSEGV:
		return &xl_segv_codes;
	case SIGBUS:
		return &xl_bus_codes;
	case SIGTRAP:
		return &xl_trap_codes;
	case SIGCHLD:
		return &xl_cld_codes;
	case SIGPOLL:
		return &xl_poll_codes;
	case SIGSYS:
		return &xl_sys_codes;
	default:
		return NULL;
	}
}

static void add_value(struct arena *a, struct val *out, const siginfo_t *si)
{
	val_int(st_add(out, a, "si_int"), si->si_value.sival_int);
	val_ptr(st_add(out, a, "si_ptr"), (uint64_t)(uintptr_t)si->si_value.sival_ptr);
}

/* Signals sent by a process: who sent them, and the queued value. */
static void add_user_fields(struct arena *a, struct val *out, const siginfo_t *si)
{
	if (si->si_code == SI_TIMER) {
		val_int(st_add(out, a, "si_timerid"), si->si_timerid);
		val_int(st_add(out, a, "si_overrun"), si->si_overrun);
		add_value(a, out, si);
		return;
	}
	val_int(st_add(out, a, "si_pid"), si->si_pid);
	val_uint(st_add(out, a, "si_uid"), si->si_uid);
	/* strace 6.1 leaves out a queued value of 0 (sigqueue's, mq_notify's); a timer's shows. */
	if ((si->si_code == SI_QUEUE || si->si_code == SI_MESGQ) && si->si_value.sival_ptr)
		add_value(a, out, si);
}

static void add_chld_fields(struct arena *a, struct val *out, const siginfo_t *si)
{
	val_int(st_add(out, a, "si_pid"), si->si_pid);
	val_uint(st_add(out, a, "si_uid"), si->si_uid);
	struct val *status = st_add(out, a, "si_status");
	if (si->si_code == CLD_EXITED)
		val_int(status, si->si_status);
	else
		val_sig(status, si->si_status);
	val_clock_t(st_add(out, a, "si_utime"), a, (uint64_t)si->si_utime);
	val_clock_t(st_add(out, a, "si_stime"), a, (uint64_t)si->si_stime);
}

static void add_sys_fields(struct arena *a, struct val *out, const siginfo_t *si)
{
	val_ptr(st_add(out, a, "si_call_addr"), (uint64_t)(uintptr_t)si->si_call_addr);
	struct val *nr = st_add(out, a, "si_syscall");
	const struct ptrc_abi *abi = abi_by_audit_arch(si->si_arch);
	const struct sysent *ent;
	const char *name = abi ? systab_lookup(abi, (uint32_t)si->si_syscall, &ent) : NULL;
	val_sysno(nr, si->si_syscall, name);
	struct val *arch = st_add(out, a, "si_arch");
	val_enum(arch, si->si_arch, &xl_audit_arches);
	arch->flags |= VALF_HEXFLAGS;
}

static void add_kernel_fields(struct arena *a, struct val *out, const siginfo_t *si)
{
	switch (si->si_signo) {
	case SIGCHLD:
		add_chld_fields(a, out, si);
		break;
	case SIGILL:
	case SIGFPE:
	case SIGSEGV:
	case SIGBUS:
		val_ptr(st_add(out, a, "si_addr"), (uint64_t)(uintptr_t)si->si_addr);
		break;
	case SIGPOLL:
		val_int(st_add(out, a, "si_band"), si->si_band);
		val_int(st_add(out, a, "si_fd"), si->si_fd);
		break;
	case SIGSYS:
		add_sys_fields(a, out, si);
		break;
	default:
		break;
	}
}

void siginfo_decode(struct arena *a, struct val *out, const siginfo_t *si)
{
	st_init(out, a, 10);
	val_sig(st_add(out, a, "si_signo"), si->si_signo);
	struct val *code = st_add(out, a, "si_code");
	/* A named code is a constant (-X raw prints its number); one no table names is hex. */
	const struct xlat *t = code_table(si->si_signo, si->si_code);
	if (t && xlat_name(t, (uint32_t)si->si_code)) {
		val_enum(code, (uint32_t)si->si_code, t);
	} else {
		val_hex(code, (uint32_t)si->si_code);
		code->flags |= VALF_NUM;
	}
	if (si->si_errno) {
		struct val *e = st_add(out, a, "si_errno");
		const char *en = strerrorname_np(si->si_errno);
		if (en)
			val_sym(e, en);
		else
			val_int(e, si->si_errno);
	}
	if (si->si_code <= 0)
		add_user_fields(a, out, si);
	else if (si->si_code == SI_KERNEL && si->si_signo != SIGSEGV && si->si_signo != SIGBUS)
		return;
	else
		add_kernel_fields(a, out, si);
}
