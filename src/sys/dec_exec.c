/* execve and the wait family. */
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "../../arch/abi.h"
#include "layout.h"
#include "decoders.h"
#include "flags.h"
#include "siginfo.h"
#include "signame.h"

/*
 * ["ls", "-l"]: -s strings (all of them with -v), each of -s bytes.  An array
 * with no NULL before memory that cannot be read ends there, as strace 6.1
 * prints it: ["a", "b", ... / * 0xADDR * /] (the kernel fails such an execve
 * with EFAULT).
 */
static void dec_argv(struct dctx *d, struct val *v, uint64_t addr)
{
	unsigned ws = d->abi->word_size;
	struct dec_array a;
	uint64_t p;

	if (!addr) {
		val_ptr(v, addr);
		return;
	}
	dec_array_start(d, &a, v);
	for (uint64_t i = 0;; i++) {
		struct val *it;
		if (read_word(d, addr + i * ws, &p) < 0) {
			dec_array_unread(d, &a, i, addr + i * ws);
			return;
		}
		if (!p || !(it = dec_array_add(d, &a)))
			return;
		decode_cstr(d, it, p, d->opt->strsize);
	}
}

/* Pointers are read a page at a time (4 KiB, the smallest page): within one, a live
 * tracee's memory is all readable or not at all. */
enum { COUNT_PAGE = 4096 };

/* Up to words words at addr into buf; returns how many could be read, in order. */
static unsigned read_words_upto(struct dctx *d, uint64_t addr, uint8_t *buf, unsigned words)
{
	unsigned ws = d->abi->word_size, got = 0;

	if (tmem_read(d->mem, addr, buf, (size_t)words * ws) == 0)
		return words;
	while (got < words && tmem_read(d->mem, addr + got * ws, buf + got * ws, ws) == 0)
		got++;
	return got;
}

/*
 * Counts the words at addr up to the first NULL, reading at most max of
 * them: *ended says whether the NULL, memory that cannot be read, or max
 * came first.
 */
static uint64_t count_words(struct dctx *d, uint64_t addr, uint64_t max, uint32_t *ended)
{
	unsigned ws = d->abi->word_size;
	uint8_t buf[COUNT_PAGE];
	uint64_t n = 0;

	while (n < max) {
		uint64_t at = addr + n * ws, in_page = (COUNT_PAGE - at % COUNT_PAGE) / ws;
		unsigned chunk = (unsigned)(in_page ? in_page : 1);
		if (chunk > max - n)
			chunk = (unsigned)(max - n);
		unsigned got = read_words_upto(d, at, buf, chunk);
		for (unsigned i = 0; i < got; i++, n++) {
			uint64_t word = 0;
			memcpy(&word, buf + i * ws, ws); /* only whether it is 0 matters */
			if (!word) {
				*ended = VAL_COUNT_EXACT;
				return n;
			}
		}
		if (got < chunk) {
			*ended = VAL_COUNT_UNTERMINATED;
			return n;
		}
	}
	*ended = VAL_COUNT_CUT;
	return n;
}

/*
 * 0x7ffd... / * 37 vars * /: the real count, whatever it is ("2 vars,
 * unterminated" when memory that cannot be read comes before the NULL, as
 * strace 6.1 says), reading at most DEC_MAX_BYTES of pointers: more than any
 * execve the kernel takes (its argument pointers fit in 3/4 of _STK_LIM).
 */
static void dec_envp(struct dctx *d, struct val *v, uint64_t addr)
{
	uint32_t ended;
	uint64_t n;

	val_ptr(v, addr);
	if (!addr)
		return;
	n = count_words(d, addr, DEC_MAX_BYTES / d->abi->word_size, &ended);
	if (n == 0 && ended == VAL_COUNT_UNTERMINATED)
		return; /* not even the first pointer: the address alone */
	val_count_ended(val_comment(v, d->ar), n, "var", "vars", ended);
}

/* execve(path, argv, envp) and execveat(dirfd, path, argv, envp, flags). */
void dec_execve(struct dctx *d, struct sc_event *ev, bool exiting)
{
	unsigned first = ev->nargs == 5 ? 2 : 1;

	if (exiting)
		return;
	dec_argv(d, &ev->args[first], arg_word(d, ev, first));
	/* -v shows the environment as argv is shown, else only its size. */
	if (d->opt->verbose)
		dec_argv(d, &ev->args[first + 1], arg_word(d, ev, first + 1));
	else
		dec_envp(d, &ev->args[first + 1], arg_word(d, ev, first + 1));
}

void dec_wait_status(struct arena *a, struct val *v, int s)
{
	val_wstatus(val_array(v, a, 1), s);
}

/* {ru_utime={tv_sec=0, tv_usec=2681}, ru_stime={...}, ...} */
void dec_rusage(struct dctx *d, struct val *v, uint64_t addr)
{
	unsigned ws = d->abi->word_size;
	uint64_t w[4 + 14];

	/* Two timevals of two longs, then 14 longs: all of it, or its address. */
	if (!addr || dec_read_words(d, addr, w, 4 + 14) < 0) {
		val_ptr(v, addr);
		return;
	}
	static const char *const longs[] = {"ru_maxrss",  "ru_ixrss",  "ru_idrss",  "ru_isrss",
					    "ru_minflt",  "ru_majflt", "ru_nswap",  "ru_inblock",
					    "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals",
					    "ru_nvcsw",	  "ru_nivcsw"};
	const unsigned nlongs = sizeof(longs) / sizeof(longs[0]);
	st_init(v, d->ar, 2 + nlongs);
	dec_timeval(d, st_add(v, d->ar, "ru_utime"), addr);
	dec_timeval(d, st_add(v, d->ar, "ru_stime"), addr + 2 * ws);
	if (!d->opt->verbose) {
		v->flags |= VALF_ABBREV;
		return;
	}
	for (unsigned i = 0; i < nlongs; i++)
		val_int(st_add(v, d->ar, longs[i]),
			ws == 4 ? (int32_t)w[4 + i] : (int64_t)w[4 + i]);
}

/* wait4(pid, &status, options, &rusage) and waitpid(pid, &status, options). */
void dec_wait4(struct dctx *d, struct sc_event *ev, bool exiting)
{
	int32_t status;

	if (!exiting)
		return;
	/* Nothing is written when no child changed state (WNOHANG). */
	if (dec_ok(ev) && ev->ret > 0 &&
	    dec_fetch(d, &ev->args[1], arg_word(d, ev, 1), &status, sizeof(status)))
		dec_wait_status(d->ar, &ev->args[1], status);
	if (ev->nargs == 4 && dec_ok(ev) && ev->ret > 0)
		dec_rusage(d, &ev->args[3], arg_word(d, ev, 3));
}

void dec_waitid(struct dctx *d, struct sc_event *ev, bool exiting)
{
	siginfo_t si;
	struct val *v = &ev->args[2];
	uint64_t addr = arg_word(d, ev, 2);

	if (!exiting || !dec_ok(ev))
		return;
	if (!addr || fetch_siginfo(d, addr, &si) < 0)
		val_ptr(v, addr);
	else if (si.si_signo)
		siginfo_decode(d->ar, v, &si);
	else
		val_struct(v, d->ar, 0);
	dec_rusage(d, &ev->args[4], arg_word(d, ev, 4));
}
