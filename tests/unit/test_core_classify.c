#include <criterion/criterion.h>
#include <signal.h>
#include <sys/ptrace.h>

#include "core/classify.h"

/* Wait statuses built the way the kernel encodes them (see wait(2)). */
static int stopped(int sig, int event)
{
	return (event << 16) | (sig << 8) | 0x7f;
}

Test(classify, exited)
{
	struct stop s = stop_classify(3 << 8);
	cr_assert_eq(s.kind, STOP_EXITED);
	cr_assert_eq(s.code, 3);
}

Test(classify, killed_with_core)
{
	struct stop s = stop_classify(SIGSEGV | 0x80);
	cr_assert_eq(s.kind, STOP_KILLED);
	cr_assert_eq(s.sig, SIGSEGV);
	cr_assert_eq(s.core, 1);
}

Test(classify, syscall_stop)
{
	cr_assert_eq(stop_classify(stopped(SIGTRAP | 0x80, 0)).kind, STOP_SYSCALL);
}

Test(classify, signal_delivery)
{
	struct stop s = stop_classify(stopped(SIGUSR1, 0));
	cr_assert_eq(s.kind, STOP_SIGNAL);
	cr_assert_eq(s.sig, SIGUSR1);
}

Test(classify, plain_sigtrap_is_a_signal)
{
	cr_assert_eq(stop_classify(stopped(SIGTRAP, 0)).kind, STOP_SIGNAL);
}

Test(classify, group_stop_under_seize)
{
	struct stop s = stop_classify(stopped(SIGTSTP, PTRACE_EVENT_STOP));
	cr_assert_eq(s.kind, STOP_GROUP);
	cr_assert_eq(s.sig, SIGTSTP);
}

Test(classify, interrupt_stop)
{
	cr_assert_eq(stop_classify(stopped(SIGTRAP, PTRACE_EVENT_STOP)).kind, STOP_INTERRUPT);
}

Test(classify, ptrace_events)
{
	struct stop s = stop_classify(stopped(SIGTRAP, PTRACE_EVENT_CLONE));
	cr_assert_eq(s.kind, STOP_EVENT);
	cr_assert_eq(s.event, PTRACE_EVENT_CLONE);
	cr_assert_eq(stop_classify(stopped(SIGTRAP, PTRACE_EVENT_EXEC)).event, PTRACE_EVENT_EXEC);
}
