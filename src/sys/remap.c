/* Logical arguments from registers: joined 64-bit halves, socketcall and ipc (remap.h). */
#include "remap.h"

#include <linux/ipc.h>
#include <linux/net.h>
#include <string.h>

#include "../../arch/abi.h"
#include "sysent.h"
#include "xlat.h"

/*
 * Register order of the calls whose logical arguments differ from their
 * registers.  A digit is a register; "(ab)" joins register a (low half) and
 * register b (high half) into one 64-bit argument.
 */
static const struct {
	const char *name;
	uint8_t word_size; /* the ABI's: 4 (i386) or 8 */
	const char *spec;
} wide[] = {
	{"pread64", 4, "012(34)"},	 {"pwrite64", 4, "012(34)"},
	{"preadv", 4, "012(34)"},	 {"pwritev", 4, "012(34)"},
	{"preadv2", 4, "012(34)5"},	 {"pwritev2", 4, "012(34)5"},
	{"ftruncate64", 4, "0(12)"},	 {"truncate64", 4, "0(12)"},
	{"fallocate", 4, "01(23)(45)"},	 {"fadvise64_64", 4, "0(12)(34)5"},
	{"fadvise64", 4, "0(12)34"},	 {"sync_file_range", 4, "0(12)(34)5"},
	{"readahead", 4, "0(12)3"},	 {"fanotify_mark", 4, "01(23)45"},
	{"lookup_dcookie", 4, "(01)23"}, {"preadv2", 8, "01235"},
	{"pwritev2", 8, "01235"},
};

static bool apply_spec(struct sc_event *ev, const char *spec, struct remap *r)
{
	uint64_t out[6] = {0};
	unsigned n = 0;

	for (const char *p = spec; *p && n < 6; n++) {
		if (*p == '(') {
			out[n] = (uint32_t)r->saved[p[1] - '0'] |
				 (uint64_t)(uint32_t)r->saved[p[2] - '0'] << 32;
			r->joined |= (uint8_t)(1u << n);
			p += 4;
		} else {
			out[n] = r->saved[*p++ - '0'];
		}
	}
	memcpy(ev->raw, out, sizeof(out));
	return true;
}

/* socketcall(call, args): the call's arguments are words in tracee memory. */
XLAT_TABLE(xl_socketcalls, XLAT_ENUM, XLAT_PAIR(SYS_SOCKET, "socket"), XLAT_PAIR(SYS_BIND, "bind"),
	   XLAT_PAIR(SYS_CONNECT, "connect"), XLAT_PAIR(SYS_LISTEN, "listen"),
	   XLAT_PAIR(SYS_ACCEPT, "accept"), XLAT_PAIR(SYS_GETSOCKNAME, "getsockname"),
	   XLAT_PAIR(SYS_GETPEERNAME, "getpeername"), XLAT_PAIR(SYS_SOCKETPAIR, "socketpair"),
	   XLAT_PAIR(SYS_SEND, "send"), XLAT_PAIR(SYS_RECV, "recv"),
	   XLAT_PAIR(SYS_SENDTO, "sendto"), XLAT_PAIR(SYS_RECVFROM, "recvfrom"),
	   XLAT_PAIR(SYS_SHUTDOWN, "shutdown"), XLAT_PAIR(SYS_SETSOCKOPT, "setsockopt"),
	   XLAT_PAIR(SYS_GETSOCKOPT, "getsockopt"), XLAT_PAIR(SYS_SENDMSG, "sendmsg"),
	   XLAT_PAIR(SYS_RECVMSG, "recvmsg"), XLAT_PAIR(SYS_ACCEPT4, "accept4"),
	   XLAT_PAIR(SYS_RECVMMSG, "recvmmsg"), XLAT_PAIR(SYS_SENDMMSG, "sendmmsg"));

static bool socketcall(struct dctx *d, struct sc_event *ev, struct remap *r)
{
	const char *name = xlat_name(&xl_socketcalls, (uint32_t)r->saved[0]);
	const struct sysent *ent = name ? sysent_by_name(name) : NULL;
	uint64_t args = (uint32_t)r->saved[1];

	if (!ent)
		return false;
	uint64_t out[6] = {0};
	for (unsigned i = 0; i < ent->nargs; i++)
		if (read_word(d, args + i * d->abi->word_size, &out[i]) < 0)
			return false;
	memcpy(ev->raw, out, sizeof(out));
	r->name = name;
	r->ent = ent;
	return true;
}

/*
 * ipc(call, first, second, third, ptr, fifth), as the kernel's ksys_ipc()
 * passes them on: for each call, the registers of its arguments.
 */
static const struct {
	unsigned call;
	const char *name;
	const char *spec; /* registers of ipc(2), as in wide[] */
} ipcs[] = {
	{SEMOP, "semop", "142"},    {SEMTIMEDOP, "semtimedop", "1425"}, {SEMGET, "semget", "123"},
	{SEMCTL, "semctl", "1234"}, {MSGSND, "msgsnd", "1423"},		{MSGRCV, "msgrcv", "14253"},
	{MSGGET, "msgget", "12"},   {MSGCTL, "msgctl", "124"},		{SHMAT, "shmat", "142"},
	{SHMDT, "shmdt", "4"},	    {SHMGET, "shmget", "123"},		{SHMCTL, "shmctl", "124"},
};

static bool ipc(struct dctx *d, struct sc_event *ev, struct remap *r)
{
	unsigned call = (uint32_t)r->saved[0] & 0xffff, version = (uint32_t)r->saved[0] >> 16;

	for (size_t i = 0; i < sizeof(ipcs) / sizeof(ipcs[0]); i++) {
		if (ipcs[i].call != call)
			continue;
		const struct sysent *ent = sysent_by_name(ipcs[i].name);
		if (!ent)
			return false;
		apply_spec(ev, ipcs[i].spec, r);
		/* Old msgrcv passes {msgp, msgtyp} through ptr (struct ipc_kludge). */
		if (call == MSGRCV && version == 0) {
			uint64_t k = (uint32_t)r->saved[4], msgp, typ;
			if (read_word(d, k, &msgp) < 0 ||
			    read_word(d, k + d->abi->word_size, &typ) < 0)
				return false;
			ev->raw[1] = msgp;
			ev->raw[3] = typ;
		}
		r->name = ipcs[i].name;
		r->ent = ent;
		return true;
	}
	return false;
}

bool remap_args(struct dctx *d, struct sc_event *ev, const char *sysname, struct remap *r)
{
	memcpy(r->saved, ev->raw, sizeof(r->saved));
	r->joined = 0;
	r->name = NULL;
	r->ent = NULL;
	if (!sysname)
		return false;
	if (d->abi->word_size == 4 && !strcmp(sysname, "socketcall"))
		return socketcall(d, ev, r) || (remap_undo(ev, r), false);
	if (d->abi->word_size == 4 && !strcmp(sysname, "ipc"))
		return ipc(d, ev, r) || (remap_undo(ev, r), false);
	for (size_t i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		if (wide[i].word_size == d->abi->word_size && !strcmp(wide[i].name, sysname))
			return apply_spec(ev, wide[i].spec, r);
	return false;
}

void remap_fix_joined(struct dctx *d, struct sc_event *ev, const struct remap *r)
{
	(void)d;
	for (unsigned i = 0; i < ev->nargs && i < 6; i++) {
		if (!(r->joined & (1u << i)) || !ev->ent)
			continue;
		switch (ev->ent->args[i].kind) {
		case AK_LONG:
		case AK_INT:
			val_int(&ev->args[i], (int64_t)ev->raw[i]);
			break;
		case AK_ULONG:
		case AK_UINT:
			val_uint(&ev->args[i], ev->raw[i]);
			break;
		case AK_HEX:
			val_hex(&ev->args[i], ev->raw[i]);
			break;
		case AK_FLAGS:
			val_flags(&ev->args[i], ev->raw[i], ev->ent->args[i].tab);
			break;
		default:
			break;
		}
	}
}

void remap_undo(struct sc_event *ev, const struct remap *r)
{
	memcpy(ev->raw, r->saved, sizeof(r->saved));
}

const char *sys_subcall(const struct ptrc_abi *abi, uint64_t nr, const uint64_t raw[6],
			const struct tmem *mem, uint64_t args[6])
{
	const struct sysent *ent;
	const char *name = systab_lookup(abi, nr, &ent);
	struct arena ar = {0};
	struct dctx d = {.mem = mem, .ar = &ar, .abi = abi};
	struct sc_event ev;
	struct remap r;

	if (!name || (strcmp(name, "socketcall") && strcmp(name, "ipc")))
		return NULL;
	memcpy(ev.raw, raw, sizeof(ev.raw));
	if (!remap_args(&d, &ev, name, &r) || !r.name)
		return NULL;
	memcpy(args, ev.raw, sizeof(ev.raw));
	return r.name;
}
