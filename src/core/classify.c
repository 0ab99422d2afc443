#include "classify.h"

#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

struct stop stop_classify(int status)
{
	struct stop s = {.kind = STOP_UNKNOWN};

	if (WIFEXITED(status)) {
		s.kind = STOP_EXITED;
		s.code = WEXITSTATUS(status);
		return s;
	}
	if (WIFSIGNALED(status)) {
		s.kind = STOP_KILLED;
		s.sig = WTERMSIG(status);
		s.core = WCOREDUMP(status) ? 1 : 0;
		return s;
	}
	if (!WIFSTOPPED(status))
		return s;
	s.sig = WSTOPSIG(status);
	s.event = (unsigned)status >> 16;
	if (s.sig == (SIGTRAP | 0x80)) {
		s.kind = STOP_SYSCALL;
		return s;
	}
	if (s.event == PTRACE_EVENT_STOP) {
		/* Under SEIZE a group stop reports its stop signal; an interrupt SIGTRAP. */
		switch (s.sig) {
		case SIGSTOP:
		case SIGTSTP:
		case SIGTTIN:
		case SIGTTOU:
			s.kind = STOP_GROUP;
			break;
		default:
			s.kind = STOP_INTERRUPT;
			break;
		}
		return s;
	}
	s.kind = s.event ? STOP_EVENT : STOP_SIGNAL;
	return s;
}
