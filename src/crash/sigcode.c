#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sigcode.h"

#ifndef SYS_SECCOMP
#define SYS_SECCOMP 1 /* <asm-generic/siginfo.h>; glibc does not always define it */
#endif

struct code_desc {
	int signo; /* 0: any signal */
	int code;
	const char *name;
	const char *text;
};

#define C(sig, code, text)                                                                         \
	{                                                                                          \
		sig, code, #code, text                                                             \
	}

static const struct code_desc codes[] = {
	C(SIGSEGV, SEGV_MAPERR, "address not mapped to object"),
	C(SIGSEGV, SEGV_ACCERR, "invalid permissions for mapped object"),
	C(SIGSEGV, SEGV_BNDERR, "failed address bound checks"),
	C(SIGSEGV, SEGV_PKUERR, "access denied by memory protection keys"),
	C(SIGBUS, BUS_ADRALN, "invalid address alignment"),
	C(SIGBUS, BUS_ADRERR, "nonexistent physical address"),
	C(SIGBUS, BUS_OBJERR, "object-specific hardware error"),
	C(SIGBUS, BUS_MCEERR_AR, "hardware memory error consumed"),
	C(SIGBUS, BUS_MCEERR_AO, "hardware memory error detected"),
	C(SIGILL, ILL_ILLOPC, "illegal opcode"),
	C(SIGILL, ILL_ILLOPN, "illegal operand"),
	C(SIGILL, ILL_ILLADR, "illegal addressing mode"),
	C(SIGILL, ILL_ILLTRP, "illegal trap"),
	C(SIGILL, ILL_PRVOPC, "privileged opcode"),
	C(SIGILL, ILL_PRVREG, "privileged register"),
	C(SIGILL, ILL_COPROC, "coprocessor error"),
	C(SIGILL, ILL_BADSTK, "internal stack error"),
	C(SIGFPE, FPE_INTDIV, "integer divide by zero"),
	C(SIGFPE, FPE_INTOVF, "integer overflow"),
	C(SIGFPE, FPE_FLTDIV, "floating-point divide by zero"),
	C(SIGFPE, FPE_FLTOVF, "floating-point overflow"),
	C(SIGFPE, FPE_FLTUND, "floating-point underflow"),
	C(SIGFPE, FPE_FLTRES, "floating-point inexact result"),
	C(SIGFPE, FPE_FLTINV, "invalid floating-point operation"),
	C(SIGFPE, FPE_FLTSUB, "subscript out of range"),
	C(SIGTRAP, TRAP_BRKPT, "process breakpoint"),
	C(SIGTRAP, TRAP_TRACE, "process trace trap"),
	C(SIGTRAP, TRAP_BRANCH, "process taken branch trap"),
	C(SIGTRAP, TRAP_HWBKPT, "hardware breakpoint/watchpoint"),
	C(SIGSYS, SYS_SECCOMP, "seccomp triggered"),
	C(0, SI_USER, "sent by kill, sigsend, raise"),
	C(0, SI_KERNEL, "sent by the kernel"),
	C(0, SI_QUEUE, "sent by sigqueue"),
	C(0, SI_TIMER, "POSIX timer expired"),
	C(0, SI_MESGQ, "POSIX message queue state changed"),
	C(0, SI_ASYNCIO, "AIO completed"),
	C(0, SI_SIGIO, "queued SIGIO"),
	C(0, SI_TKILL, "sent by tkill or tgkill"),
};

static const struct code_desc *find(int signo, int code)
{
	/* Codes <= 0 and SI_KERNEL mean the same for every signal. */
	bool generic = code <= 0 || code == SI_KERNEL;

	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (codes[i].code == code &&
		    (generic ? codes[i].signo == 0 : codes[i].signo == signo))
			return &codes[i];
	return NULL;
}

const char *crash_code_name(int signo, int code)
{
	const struct code_desc *d = find(signo, code);

	return d ? d->name : NULL;
}

const char *crash_code_text(int signo, int code)
{
	const struct code_desc *d = find(signo, code);

	return d ? d->text : NULL;
}

bool crash_is_crash_signal(int signo)
{
	switch (signo) {
	case SIGSEGV:
	case SIGBUS:
	case SIGILL:
	case SIGFPE:
	case SIGTRAP:
	case SIGSYS:
	case SIGABRT:
		return true;
	default:
		return false;
	}
}

bool crash_has_addr(int signo, int code)
{
	if (code <= 0 || code == SI_KERNEL)
		return false;
	return signo == SIGSEGV || signo == SIGBUS || signo == SIGILL || signo == SIGFPE ||
	       signo == SIGTRAP;
}

bool crash_is_fatal(int signo, int code, uint64_t caught, uint64_t ignored, uint64_t blocked)
{
	uint64_t bit = 1ULL << (signo - 1);
	/* force_sig_fault(): a blocked or ignored fault signal is reset to its default. */
	bool forced = code > 0 && signo != SIGABRT && (blocked & bit || ignored & bit);

	if (forced)
		return true;
	if (ignored & bit)
		return false;
	return !(caught & bit);
}

static int mask_of(const char *status, const char *key, uint64_t *out)
{
	const char *p = strstr(status, key);
	char *end;

	if (!p)
		return -EINVAL;
	*out = strtoull(p + strlen(key), &end, 16);
	return end == p + strlen(key) ? -EINVAL : 0;
}

int crash_parse_sigmasks(const char *status, uint64_t *caught, uint64_t *ignored, uint64_t *blocked)
{
	if (mask_of(status, "\nSigCgt:\t", caught) < 0 ||
	    mask_of(status, "\nSigIgn:\t", ignored) < 0 ||
	    mask_of(status, "\nSigBlk:\t", blocked) < 0)
		return -EINVAL;
	return 0;
}
