/*
 * A syscall stop, looked up once: from the registers a call was made with to
 * the call strace prints and the arguments it takes.  64-bit values split
 * across two registers are joined (the ABI's wide-call table), i386's
 * socketcall(2) and ipc(2) become the calls they multiplex, and its old
 * select(2) and mmap(2) take their arguments from the block they point at.
 */
#include "decode.h"

#include <linux/ipc.h>
#include <linux/net.h>
#include <stdio.h>
#include <string.h>

#include "../../arch/abi.h"
#include "sysent.h"
#include "xlat.h"

/* Rewrites ev->raw by spec (see struct abi_wide_call): the logical arguments. */
static void apply_spec(struct sc_event *ev, const uint64_t regs[6], const char *spec)
{
	uint64_t out[6] = {0};
	unsigned n = 0;

	for (const char *p = spec; *p && n < 6; n++) {
		if (*p == '(') {
			out[n] = (uint32_t)regs[p[1] - '0'] | (uint64_t)(uint32_t)regs[p[2] - '0']
								      << 32;
			ev->joined |= (uint8_t)(1u << n);
			p += 4;
		} else {
			out[n] = regs[*p++ - '0'];
		}
	}
	memcpy(ev->raw, out, sizeof(out));
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

static const struct sysent *socketcall(struct sc_event *ev, const uint64_t regs[6],
				       const struct tmem *mem)
{
	const char *name = xlat_name(&xl_socketcalls, (uint32_t)regs[0]);
	const struct sysent *ent = name ? sysent_by_name(name) : NULL;
	uint64_t args = (uint32_t)regs[1], out[6] = {0};

	if (!ent)
		return NULL;
	for (unsigned i = 0; i < ent->nargs; i++)
		if (tmem_read_word(mem, ev->abi->word_size, args + i * ev->abi->word_size,
				   &out[i]) < 0)
			return NULL;
	memcpy(ev->raw, out, sizeof(out));
	return ent;
}

/*
 * ipc(call, first, second, third, ptr, fifth), as the kernel's ksys_ipc()
 * passes them on: for each call, the registers of its arguments (shmat's fourth, where
 * the kernel writes the address, is not printed: dec_shmat reads its result there).
 */
static const struct {
	unsigned call;
	const char *name;
	const char *spec; /* registers of ipc(2), as in struct abi_wide_call */
} ipcs[] = {
	{SEMOP, "semop", "142"},    {SEMTIMEDOP, "semtimedop", "1425"}, {SEMGET, "semget", "123"},
	{SEMCTL, "semctl", "1234"}, {MSGSND, "msgsnd", "1423"},		{MSGRCV, "msgrcv", "14253"},
	{MSGGET, "msgget", "12"},   {MSGCTL, "msgctl", "124"},		{SHMAT, "shmat", "1423"},
	{SHMDT, "shmdt", "4"},	    {SHMGET, "shmget", "123"},		{SHMCTL, "shmctl", "124"},
};

static const struct sysent *ipc(struct sc_event *ev, const uint64_t regs[6], const struct tmem *mem)
{
	unsigned call = (uint32_t)regs[0] & 0xffff, version = (uint32_t)regs[0] >> 16;
	unsigned ws = ev->abi->word_size;

	for (size_t i = 0; i < sizeof(ipcs) / sizeof(ipcs[0]); i++) {
		if (ipcs[i].call != call)
			continue;
		const struct sysent *ent = sysent_by_name(ipcs[i].name);
		if (!ent)
			return NULL;
		apply_spec(ev, regs, ipcs[i].spec);
		/* Old msgrcv passes {msgp, msgtyp} through ptr (struct ipc_kludge). */
		if (call == MSGRCV && version == 0) {
			uint64_t k = (uint32_t)regs[4], msgp, typ;
			if (tmem_read_word(mem, ev->abi->word_size, k, &msgp) < 0 ||
			    tmem_read_word(mem, ev->abi->word_size, k + ws, &typ) < 0)
				return NULL;
			ev->raw[1] = msgp;
			ev->raw[3] = typ;
		}
		return ent;
	}
	return NULL;
}

/*
 * The kernel's old select and mmap (abi->arg_block): the one register points
 * at the arguments, a word each, read once here as socketcall's are.  When the
 * block cannot be read, the call shows that pointer alone, as strace does.
 */
static void arg_block(struct sc_event *ev, const struct sysent *ent, const uint64_t regs[6],
		      const struct tmem *mem)
{
	unsigned ws = ev->abi->word_size;
	uint64_t out[6] = {0}, addr = ws == 4 ? (uint32_t)regs[0] : regs[0];

	for (unsigned i = 0; i < ent->nargs; i++) {
		if (!addr || tmem_read_word(mem, ws, addr + i * ws, &out[i]) < 0) {
			ev->block_unread = true;
			return;
		}
	}
	memcpy(ev->raw, out, sizeof(out));
}

static void join_wide(struct sc_event *ev, const char *name, const uint64_t regs[6])
{
	for (const struct abi_wide_call *w = ev->abi->wide; w && w->name; w++)
		if (!strcmp(w->name, name)) {
			apply_spec(ev, regs, w->spec);
			return;
		}
}

const char *sys_call_name(const struct ptrc_abi *abi, uint64_t nr, const struct sysent *ent,
			  struct arena *ar)
{
	const struct sysent *unused;
	const char *name = ent ? ent->name : systab_lookup(abi, nr, &unused);
	char buf[32];

	if (name)
		return name;
	snprintf(buf, sizeof(buf), "syscall_%#llx", (unsigned long long)nr);
	return arena_strndup(ar, buf, strlen(buf));
}

void sys_call_start(struct sc_event *ev, const struct ptrc_abi *abi, uint64_t nr,
		    const uint64_t regs[6], const struct tmem *mem, struct arena *ar)
{
	const struct sysent *ent, *sub = NULL;
	const char *name;

	memset(ev, 0, sizeof(*ev));
	ev->abi = abi;
	ev->nr = nr;
	memcpy(ev->raw, regs, sizeof(ev->raw));
	name = systab_lookup(abi, nr, &ent);
	if (ent && (ent->traits & TR_SOCKETCALL))
		sub = socketcall(ev, regs, mem);
	else if (ent && (ent->traits & TR_IPC))
		sub = ipc(ev, regs, mem);
	else if (ent && (ent->traits & TR_ARGBLOCK) && abi->arg_block)
		arg_block(ev, ent, regs, mem);
	else if (name)
		join_wide(ev, name, regs);
	if (sub) {
		ev->via = name;
		ent = sub;
	} else if (ent && (ent->traits & TR_MULTIPLEX)) {
		/* An unknown or unreadable multiplexed call: the multiplexer, raw. */
		memcpy(ev->raw, regs, sizeof(ev->raw));
		ev->joined = 0;
	}
	ev->ent = ent;
	ev->name = ent ? ent->name : sys_call_name(abi, nr, NULL, ar);
}

const char *sys_multiplexed_name(unsigned i)
{
	if (i < xl_socketcalls.n)
		return xl_socketcalls.ents[i].name;
	i -= xl_socketcalls.n;
	return i < sizeof(ipcs) / sizeof(ipcs[0]) ? ipcs[i].name : NULL;
}
