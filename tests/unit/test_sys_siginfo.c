/* siginfo_t values printed the way strace prints them. */
#include <criterion/criterion.h>
#include <signal.h>
#include <string.h>

#include "out/fmt_text.h"
#include "sys/siginfo.h"

static const char *show(const siginfo_t *si)
{
	static struct strbuf sb;
	static struct arena ar;
	struct val v;
	struct text_opts o = {0};

	strbuf_reset(&sb);
	siginfo_decode(&ar, &v, si);
	text_val(&sb, &v, &o);
	return sb.buf;
}

static siginfo_t make(int signo, int code)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = signo;
	si.si_code = code;
	return si;
}

Test(siginfo, child_exited_and_killed)
{
	siginfo_t si = make(SIGCHLD, CLD_EXITED);
	si.si_pid = 6613;
	si.si_status = 3;
	cr_expect_str_eq(show(&si), "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=6613, si_uid=0, "
				    "si_status=3, si_utime=0, si_stime=0}");
	si = make(SIGCHLD, CLD_KILLED);
	si.si_pid = 7;
	si.si_status = SIGKILL;
	cr_expect_str_eq(show(&si), "{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=7, si_uid=0, "
				    "si_status=SIGKILL, si_utime=0, si_stime=0}");
}

Test(siginfo, faults_show_the_address)
{
	siginfo_t si = make(SIGSEGV, SEGV_MAPERR);
	cr_expect_str_eq(show(&si), "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL}");
	si = make(SIGSEGV, SI_KERNEL);
	cr_expect_str_eq(show(&si), "{si_signo=SIGSEGV, si_code=SI_KERNEL, si_addr=NULL}");
	si = make(SIGBUS, BUS_ADRERR);
	si.si_addr = (void *)0x1234;
	cr_expect_str_eq(show(&si), "{si_signo=SIGBUS, si_code=BUS_ADRERR, si_addr=0x1234}");
}

Test(siginfo, sent_by_a_process)
{
	siginfo_t si = make(SIGINT, SI_USER);
	si.si_pid = 99;
	si.si_uid = 1000;
	cr_expect_str_eq(show(&si), "{si_signo=SIGINT, si_code=SI_USER, si_pid=99, si_uid=1000}");
	si = make(SIGUSR1, SI_TKILL);
	si.si_pid = 5;
	cr_expect_str_eq(show(&si), "{si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=5, si_uid=0}");
	si = make(SIGUSR2, SI_QUEUE);
	si.si_pid = 5;
	si.si_value.sival_int = 42;
	cr_expect_str_eq(show(&si), "{si_signo=SIGUSR2, si_code=SI_QUEUE, si_pid=5, si_uid=0, "
				    "si_int=42, si_ptr=0x2a}");
	/* strace 6.1 leaves out a queued 0; a code no table names is a 32-bit hex number. */
	si.si_value.sival_ptr = NULL;
	cr_expect_str_eq(show(&si), "{si_signo=SIGUSR2, si_code=SI_QUEUE, si_pid=5, si_uid=0}");
	si.si_code = -77;
	cr_expect_str_eq(show(&si), "{si_signo=SIGUSR2, si_code=0xffffffb3, si_pid=5, si_uid=0}");
}

Test(siginfo, kernel_signal_without_fields)
{
	siginfo_t si = make(SIGKILL, SI_KERNEL);
	cr_expect_str_eq(show(&si), "{si_signo=SIGKILL, si_code=SI_KERNEL}");
}

Test(siginfo, timer_and_poll)
{
	siginfo_t si = make(SIGALRM, SI_TIMER);
	cr_expect_str_eq(show(&si), "{si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0, "
				    "si_overrun=0, si_int=0, si_ptr=NULL}");
	si = make(SIGIO, POLL_IN);
	si.si_band = 1;
	si.si_fd = 3;
	cr_expect_str_eq(show(&si), "{si_signo=SIGIO, si_code=POLL_IN, si_band=1, si_fd=3}");
}

Test(siginfo, seccomp_names_the_syscall)
{
	siginfo_t si = make(SIGSYS, 1 /* SYS_SECCOMP */);
	si.si_call_addr = (void *)0x401000;
	si.si_syscall = 39; /* getpid on x86_64 */
	si.si_arch = 0xc000003e;
	cr_expect_str_eq(show(&si), "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x401000, "
				    "si_syscall=__NR_getpid, si_arch=AUDIT_ARCH_X86_64}");
}
