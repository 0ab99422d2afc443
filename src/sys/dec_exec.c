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

enum { MAX_ENV_COUNT = 1 << 16 };

/* ["ls", "-l"]: at most -s strings (any number with -v), each at most -s bytes. */
static void dec_argv(struct dctx *d, struct val *v, uint64_t addr)
{
	unsigned ws = d->abi->word_size, max = d->opt->verbose ? MAX_ENV_COUNT : d->opt->strsize;
	uint64_t p, n = 0;

	if (!addr || read_word(d, addr, &p) < 0) {
		val_ptr(v, addr);
		return;
	}
	while (n <= max && read_word(d, addr + n * ws, &p) == 0 && p)
		n++;
	uint32_t shown = (uint32_t)(n < max ? n : max);
	struct val *items = val_array(v, d->ar, shown);
	if (n > max)
		v->flags |= VALF_TRUNC;
	for (uint32_t i = 0; i < shown; i++) {
		read_word(d, addr + (uint64_t)i * ws, &p);
		decode_cstr(d, &items[i], p, d->opt->strsize);
	}
}

/* 0x7ffd... / * 37 vars * / */
static void dec_envp(struct dctx *d, struct val *v, uint64_t addr)
{
	unsigned ws = d->abi->word_size;
	uint64_t p, n = 0;

	val_ptr(v, addr);
	if (!addr || read_word(d, addr, &p) < 0)
		return;
	while (n < MAX_ENV_COUNT && read_word(d, addr + n * ws, &p) == 0 && p)
		n++;
	val_count(val_comment(v, d->ar), n, "var", "vars");
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
