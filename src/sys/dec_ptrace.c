/*
 * ptrace(2), as strace 6.1 prints it: the request's name (a long: 64 bits on a 64-bit
 * ABI), the pid, and the data by request: a signal to resume with, PTRACE_O_* options,
 * the word PTRACE_PEEK* read or the event message.  Requests of no argument past the pid
 * print two arguments (TRACEME: none).
 */
#include <sys/ptrace.h>

#include "decoders.h"
#include "flags.h"

/* How the data argument of a request shows. */
static void ptrace_data(struct dctx *d, struct sc_event *ev, uint64_t req, bool exiting)
{
	uint64_t data = arg_word(d, ev, 3);
	struct val *v = &ev->args[3];

	switch (req) {
	case PTRACE_CONT:
	case PTRACE_SYSCALL:
	case PTRACE_DETACH:
	case PTRACE_SINGLESTEP:
		if (!exiting)
			val_sig(v, (int64_t)data);
		break;
	case PTRACE_SETOPTIONS:
	case PTRACE_SEIZE:
		if (!exiting)
			val_flags(v, data, &xl_ptrace_opts);
		break;
	case PTRACE_PEEKTEXT:
	case PTRACE_PEEKDATA:
	case PTRACE_PEEKUSER:
		if (exiting && dec_ok(ev))
			dec_word_ref(d, v, data, true);
		break;
	case PTRACE_GETEVENTMSG:
		if (exiting && dec_ok(ev))
			dec_ulong_ref(d, v, data);
		break;
	default:
		break;
	}
}

void dec_ptrace(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t req = arg_word(d, ev, 0);

	if (!exiting) {
		val_enum(&ev->args[0], req, &xl_ptrace_reqs);
		if (req == PTRACE_TRACEME)
			ev->nargs = 1;
		else if (req == PTRACE_KILL || req == PTRACE_INTERRUPT || req == PTRACE_ATTACH ||
			 req == PTRACE_LISTEN)
			ev->nargs = 2;
		if (ev->split > ev->nargs)
			ev->split = ev->nargs;
		/* The word and the message PEEK and GETEVENTMSG write show at the exit. */
		if (ev->nargs == 4 && (req == PTRACE_PEEKTEXT || req == PTRACE_PEEKDATA ||
				       req == PTRACE_PEEKUSER || req == PTRACE_GETEVENTMSG))
			ev->split = 3;
	}
	if (ev->nargs == 4)
		ptrace_data(d, ev, req, exiting);
}
