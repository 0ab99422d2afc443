/*
 * ptrace(2), as strace 6.1 prints it: the request's name (a long: 64 bits on a 64-bit
 * ABI; the ABI's own requests first, arch/abi.h's ptrace_requests), the pid, and the data
 * by request: a signal to resume with, PTRACE_O_* options, the word PTRACE_PEEK* read, the
 * event message, GETREGSET's and SETREGSET's note type and iovec, the siginfo of
 * GETSIGINFO and SETSIGINFO, GETSIGMASK's and SETSIGMASK's set, GET_SYSCALL_INFO's struct
 * (dec_ptrace_info.c), the register sets of NT_PRSTATUS and NT_PRFPREG and of the ABI's own
 * requests that copy one (dec_ptrace_regs.c: those print pid and data alone).  Requests of no
 * argument past the pid print two arguments (TRACEME: none).
 */
#include <elf.h>
#include <signal.h>
#include <sys/ptrace.h>

#include "../../arch/abi.h"
#include "decoders.h"
#include "flags.h"
#include "layout.h"
#include "siginfo.h"
#include "xlat.h"

/* The set a note type names, NULL for one ptrc does not decode. */
static const struct regset *note_regset(const struct dctx *d, uint64_t note)
{
	if (note == NT_PRSTATUS)
		return dec_regset_of(d, REGSET_PRSTATUS);
	if (note == NT_PRFPREG)
		return dec_regset_of(d, REGSET_FPREGS);
	return NULL;
}

/* The regset's iovec: {iov_base=0x..., iov_len=N}, its base decoded when set says so (SETREGSET
 * at entry, GETREGSET at a successful exit), or its address when unreadable. */
static void regset_iovec(struct dctx *d, struct val *v, uint64_t addr, const struct regset *set)
{
	uint64_t w[2];

	if (!addr || dec_read_words(d, addr, w, 2) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, 2);
	struct val *base = st_add(v, d->ar, "iov_base");
	if (set)
		dec_regset(d, base, w[0], w[1], set);
	else
		val_ptr(base, w[0]);
	val_uint(st_add(v, d->ar, "iov_len"), w[1]);
}

/* GETREGSET's iov_len is value-result: the length given => the length the kernel wrote, and
 * the set in it. */
static void regset_iovec_exit(struct dctx *d, struct val *v, uint64_t addr,
			      const struct regset *set)
{
	uint64_t w[2];

	if (v->kind != VAL_STRUCT || v->n != 2 || dec_read_words(d, addr, w, 2) < 0)
		return;
	if (set)
		dec_regset(d, v->fields[0].v, w[0], w[1], set);
	struct val *len = v->fields[1].v;
	if (len->kind != VAL_UINT || len->u == w[1])
		return;
	struct val given = *len, got;
	val_uint(&got, w[1]);
	val_change(len, d->ar, &given, &got);
}

/* The ABI's own request that copies a whole register set (x86's PTRACE_GETREGS...), or NULL. */
static const struct regset_request *regset_request(const struct dctx *d, uint64_t req)
{
	const struct regset_request *r = d->abi ? d->abi->regset_requests : NULL;

	for (; r && r->req; r++)
		if (r->req == req)
			return r;
	return NULL;
}

/* Such a request prints pid and data alone (its addr is not read): the set, at entry for a
 * SET, at a successful exit for a GET; else the address. */
static void regset_request_data(struct dctx *d, struct sc_event *ev, const struct regset_request *r,
				bool exiting)
{
	uint64_t data = arg_word(d, ev, 3);
	const struct regset *set = dec_regset_of(d, r->kind);
	struct val *v = &ev->args[2];

	if (!exiting) {
		ev->nargs = 3;
		ev->split = r->to_tracer ? 2 : 3;
		if (r->to_tracer) {
			val_ptr(v, data);
		} else {
			dec_regset(d, v, data, set ? set->size : 0, set);
		}
	} else if (r->to_tracer && dec_ok(ev)) {
		dec_regset(d, v, data, set ? set->size : 0, set);
	}
}

static void siginfo_ref(struct dctx *d, struct val *v, uint64_t addr)
{
	siginfo_t si;

	if (!addr || fetch_siginfo(d, addr, &si) < 0)
		val_ptr(v, addr);
	else
		siginfo_decode(d->ar, v, &si);
}

/* The data of the requests that read or write a struct. */
static bool ptrace_struct_data(struct dctx *d, struct sc_event *ev, uint64_t req, bool exiting)
{
	uint64_t data = arg_word(d, ev, 3);
	struct val *v = &ev->args[3];

	switch (req) {
	case PTRACE_GETREGSET:
		if (!exiting)
			regset_iovec(d, v, data, NULL);
		else if (dec_ok(ev))
			regset_iovec_exit(d, v, data, note_regset(d, arg_word(d, ev, 2)));
		return true;
	case PTRACE_SETREGSET:
		if (!exiting)
			regset_iovec(d, v, data, note_regset(d, arg_word(d, ev, 2)));
		return true;
	case PTRACE_GETSIGINFO:
		if (exiting && dec_ok(ev))
			siginfo_ref(d, v, data);
		return true;
	case PTRACE_SETSIGINFO:
		if (!exiting)
			siginfo_ref(d, v, data);
		return true;
	case PTRACE_GETSIGMASK:
		if (exiting && dec_ok(ev))
			dec_sigset(d, v, data, arg_word(d, ev, 2));
		return true;
	case PTRACE_SETSIGMASK:
		if (!exiting)
			dec_sigset(d, v, data, arg_word(d, ev, 2));
		return true;
	case PTRACE_GET_SYSCALL_INFO:
		if (exiting && dec_ok(ev))
			dec_ptrace_syscall_info(d, v, data, arg_word(d, ev, 2), ev->ret);
		return true;
	default:
		return false;
	}
}

/*
 * x86's requests that resume the tracee with a signal, as PTRACE_CONT does: only an ABI
 * with x86's table of requests (an x86 tracee, on an x86 host) has them.
 */
static bool x86_resume(const struct dctx *d, uint64_t req)
{
#if defined(__x86_64__) || defined(__i386__)
	if (d->abi && d->abi->ptrace_requests)
		return req == PTRACE_SYSEMU || req == PTRACE_SYSEMU_SINGLESTEP ||
		       req == PTRACE_SINGLEBLOCK;
#endif
	(void)d;
	(void)req;
	return false;
}

/* How the data argument of a request shows. */
static void ptrace_data(struct dctx *d, struct sc_event *ev, uint64_t req, bool exiting)
{
	uint64_t data = arg_word(d, ev, 3);
	struct val *v = &ev->args[3];

	if (ptrace_struct_data(d, ev, req, exiting))
		return;
	if (x86_resume(d, req)) {
		if (!exiting)
			val_sig(v, (int64_t)data);
		return;
	}
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
			dec_word_ref(d, v, data, WORD_PTR);
		break;
	case PTRACE_GETEVENTMSG:
		if (exiting && dec_ok(ev))
			dec_ulong_ref(d, v, data);
		break;
	default:
		break;
	}
}

/* Requests whose data the kernel writes: it shows at the exit. */
static bool ptrace_writes_data(uint64_t req)
{
	return req == PTRACE_PEEKTEXT || req == PTRACE_PEEKDATA || req == PTRACE_PEEKUSER ||
	       req == PTRACE_GETEVENTMSG || req == PTRACE_GETSIGINFO || req == PTRACE_GETREGSET ||
	       req == PTRACE_GET_SYSCALL_INFO || req == PTRACE_GETSIGMASK;
}

static void ptrace_request(struct dctx *d, struct sc_event *ev, uint64_t req)
{
	const struct xlat *own = d->abi ? d->abi->ptrace_requests : NULL;

	if (own && xlat_name(own, req))
		val_enum(&ev->args[0], req, own);
	else if (!xlat_name(&xl_ptrace_reqs, req) && xlat_name(&xl_ptrace_reqs_uapi, req))
		val_enum(&ev->args[0], req, &xl_ptrace_reqs_uapi);
	else
		val_enum(&ev->args[0], req, &xl_ptrace_reqs);
	if (req == PTRACE_GETREGSET || req == PTRACE_SETREGSET)
		val_enum(&ev->args[2], arg_word(d, ev, 2), &xl_nt_types);
	if (req == PTRACE_PEEKUSER || req == PTRACE_POKEUSER)
		dec_user_offset(d, &ev->args[2], arg_word(d, ev, 2));
	/* A size, or the index of a seccomp filter. */
	if (req == PTRACE_GETSIGMASK || req == PTRACE_SETSIGMASK ||
	    req == PTRACE_SECCOMP_GET_FILTER || req == PTRACE_GET_SYSCALL_INFO)
		val_uint(&ev->args[2], arg_word(d, ev, 2));
}

void dec_ptrace(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t req = arg_word(d, ev, 0);
	const struct regset_request *rr = regset_request(d, req);

	if (rr) {
		if (!exiting)
			ptrace_request(d, ev, req);
		regset_request_data(d, ev, rr, exiting);
		return;
	}
	if (!exiting) {
		ptrace_request(d, ev, req);
		if (req == PTRACE_TRACEME)
			ev->nargs = 1;
		else if (req == PTRACE_KILL || req == PTRACE_INTERRUPT || req == PTRACE_ATTACH ||
			 req == PTRACE_LISTEN)
			ev->nargs = 2;
		if (ev->split > ev->nargs)
			ev->split = ev->nargs;
		if (ev->nargs == 4 && ptrace_writes_data(req))
			ev->split = 3;
	}
	if (ev->nargs == 4)
		ptrace_data(d, ev, req, exiting);
}
