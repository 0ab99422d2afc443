/*
 * Signal flag names from the kernel's own headers: SA_RESTORER and
 * SS_AUTODISARM are not in glibc's <signal.h>, which cannot be mixed with
 * <linux/signal.h> in one translation unit.
 */
#include <linux/signal.h>

#include "flags.h"

/* sa_handler's two values that are no function (-X raw: 0, 0x1). */
XLAT_TABLE(xl_sig_handler, XLAT_ENUM, XLAT(SIG_DFL), XLAT(SIG_IGN));

XLAT_TABLE(xl_sigprocmask_how, XLAT_ENUM, XLAT(SIG_BLOCK), XLAT(SIG_UNBLOCK), XLAT(SIG_SETMASK));

/* strace's order: SA_RESTORER first, then by value. */
XLAT_TABLE(xl_sa_flags, XLAT_BITS, XLAT(SA_RESTORER), XLAT(SA_ONSTACK), XLAT(SA_RESTART),
	   XLAT(SA_NODEFER), XLAT(SA_RESETHAND), XLAT(SA_SIGINFO), XLAT(SA_NOCLDSTOP),
	   XLAT(SA_NOCLDWAIT));

XLAT_TABLE(xl_ss_flags, XLAT_BITS, XLAT(SS_ONSTACK), XLAT(SS_DISABLE), XLAT(SS_AUTODISARM));

/* si_code for SIGSYS: only the kernel headers name it. */
XLAT_TABLE(xl_sys_codes, XLAT_ENUM, XLAT(SYS_SECCOMP));

/* struct sigevent's sigev_notify (asm-generic/siginfo.h, through <linux/signal.h>). */
XLAT_TABLE(xl_sigev_notify, XLAT_ENUM, XLAT(SIGEV_SIGNAL), XLAT(SIGEV_NONE), XLAT(SIGEV_THREAD),
	   XLAT(SIGEV_THREAD_ID));
