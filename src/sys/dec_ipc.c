/*
 * SysV IPC as strace 6.1 prints it: the keys and flags of semget/msgget/shmget, semop's
 * struct sembuf arrays, the commands of semctl/msgctl/shmctl (IPC_64|IPC_STAT) and the
 * structs they read or write, msgsnd/msgrcv's struct msgbuf, shmat's flags.  i386 reaches
 * them through ipc(2) too (call.c): there semctl's fourth argument points at the union, and
 * shmat's address is written through a pointer, which strace shows as the result.  The
 * IPC_64 structs come through the ABI's layout (arch/layout.h): the direct calls take them
 * on every ABI; through ipc(2) a command without IPC_64 takes the old structs, whose layout
 * ptrc does not know: their address shows (strace 6.1 reads them as the IPC_64 ones).
 */
#include <linux/ipc.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>
#include <stdint.h>
#include <string.h>

#include "../../arch/abi.h"
#include "../../arch/layout.h"
#include "decoders.h"
#include "flags.h"

/* What a *ctl command does with its buffer. */
enum ipc_buf {
	IB_PTR,	 /* nothing strace decodes: the address */
	IB_STAT, /* writes the IPC_64 struct */
	IB_SET,	 /* reads the IPC_64 struct's settable fields */
	IB_INFO, /* writes struct seminfo / msginfo / shminfo64 */
	IB_SHM_INFO,
};

static enum ipc_buf ipc_buf_kind(unsigned kind, uint32_t cmd)
{
	cmd &= ~(uint32_t)IPC_64;
	if (cmd == IPC_STAT)
		return IB_STAT;
	if (cmd == IPC_SET)
		return IB_SET;
	if (cmd == IPC_INFO)
		return IB_INFO;
	if (kind == IPC64_SEM)
		return cmd == SEM_STAT || cmd == SEM_STAT_ANY ? IB_STAT
		       : cmd == SEM_INFO		      ? IB_INFO
							      : IB_PTR;
	if (kind == IPC64_MSG)
		return cmd == MSG_STAT || cmd == MSG_STAT_ANY ? IB_STAT
		       : cmd == MSG_INFO		      ? IB_INFO
							      : IB_PTR;
	return cmd == SHM_STAT || cmd == SHM_STAT_ANY ? IB_STAT
	       : cmd == SHM_INFO		      ? IB_SHM_INFO
						      : IB_PTR;
}

/* IPC_PRIVATE, or the key in hex. */
static void ipc_key(struct val *v, uint64_t key)
{
	val_enum(v, (uint32_t)key, &xl_ipc_key);
	v->flags |= VALF_HEXFLAGS;
}

/* IPC_CREAT|IPC_EXCL|0600, shmget's SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600: flags and a mode. */
static void ipc_get_flags(struct dctx *d, struct val *v, uint32_t fl, const struct xlat *tab)
{
	uint32_t huge = tab == &xl_shmget_flags ? fl >> SHM_HUGE_SHIFT & SHM_HUGE_MASK : 0;
	uint32_t bits = fl & ~0777u & ~(huge ? (uint32_t)SHM_HUGE_MASK << SHM_HUGE_SHIFT : 0u);
	struct val *items = val_or(v, d->ar, (bits != 0) + (huge != 0) + 1);
	unsigned i = 0;

	if (bits)
		val_flags(&items[i++], bits, tab);
	if (huge) {
		val_shift(&items[i], huge, SHM_HUGE_SHIFT, "SHM_HUGE_SHIFT");
		items[i++].flags |= VALF_NUM;
	}
	val_oct(&items[i], fl & 0777);
	/* strace 6.1 runs flags no name covers into the mode: 0x40000644 (0x4000|0644). */
	v->raw = bits && !huge && !xlat_names_any(tab, bits) ? VAL_RAW_GLUED : VAL_RAW_PARTS;
}

void dec_semget(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		return;
	ipc_key(&ev->args[0], ev->raw[0]);
	ipc_get_flags(d, &ev->args[2], (uint32_t)ev->raw[2], &xl_ipc_get_flags);
}

void dec_msgget(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		return;
	ipc_key(&ev->args[0], ev->raw[0]);
	ipc_get_flags(d, &ev->args[1], (uint32_t)ev->raw[1], &xl_ipc_get_flags);
}

void dec_shmget(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		return;
	ipc_key(&ev->args[0], ev->raw[0]);
	ipc_get_flags(d, &ev->args[2], (uint32_t)ev->raw[2], &xl_shmget_flags);
}

/* [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, ...]: nsops struct sembuf. */
static void dec_sembufs(struct dctx *d, struct val *v, uint64_t addr, uint64_t n)
{
	struct dec_array a;
	struct sembuf sb;

	if (!addr || (n && tmem_read(d->mem, addr, &sb, sizeof(sb)) < 0)) {
		val_ptr(v, addr);
		return;
	}
	dec_array_start(d, &a, v);
	for (uint64_t i = 0; i < n; i++) {
		uint64_t at = addr + i * sizeof(sb);
		struct val *it;
		if (tmem_read(d->mem, at, &sb, sizeof(sb)) < 0) {
			dec_array_unread(d, &a, i, at);
			return;
		}
		if (!(it = dec_array_add(d, &a)))
			return;
		st_init(it, d->ar, 3);
		val_uint(st_add(it, d->ar, "sem_num"), sb.sem_num);
		val_int(st_add(it, d->ar, "sem_op"), sb.sem_op);
		val_flags(st_add(it, d->ar, "sem_flg"), (uint16_t)sb.sem_flg, &xl_sem_flg);
	}
}

void dec_semop(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting)
		dec_sembufs(d, &ev->args[1], arg_word(d, ev, 1), (uint32_t)ev->raw[2]);
}

void dec_semtimedop(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		return;
	dec_sembufs(d, &ev->args[1], arg_word(d, ev, 1), (uint32_t)ev->raw[2]);
	dec_timespec(d, &ev->args[3], arg_word(d, ev, 3));
}

/* IPC_STAT, IPC_64|IPC_STAT, 0x63 / * SEM_??? * /. */
static void ipc_cmd(struct dctx *d, struct val *v, uint32_t cmd, const struct xlat *tab)
{
	if (!(cmd & IPC_64)) {
		val_enum(v, cmd, tab);
		return;
	}
	struct val *items = val_or(v, d->ar, 2);
	val_flags(&items[0], IPC_64, &xl_ipc_64);
	val_enum(&items[1], cmd & ~(uint32_t)IPC_64, tab);
	v->raw = VAL_RAW_PARTS;
}

/* uid=0, or -1 as strace prints an id of all ones. */
static void ipc_id(struct val *v, uint32_t id)
{
	if (id == UINT32_MAX)
		val_int(v, -1);
	else
		val_uint(v, id);
}

static const char *const perm_names[3] = {"sem_perm", "msg_perm", "shm_perm"};

/* {uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, or the first three only (IPC_SET). */
static void ipc_perm(struct dctx *d, struct val *v, const struct ipc64_ds *ds, bool set)
{
	st_init(v, d->ar, 6);
	ipc_id(st_add(v, d->ar, "uid"), ds->uid);
	ipc_id(st_add(v, d->ar, "gid"), ds->gid);
	val_oct(st_add(v, d->ar, "mode"), ds->mode);
	if (set)
		return;
	val_int(st_add(v, d->ar, "key"), ds->key);
	ipc_id(st_add(v, d->ar, "cuid"), ds->cuid);
	ipc_id(st_add(v, d->ar, "cgid"), ds->cgid);
}

static void ipc_times(struct dctx *d, struct val *v, const struct ipc64_ds *ds,
		      const char *const *names, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		val_int(st_add(v, d->ar, names[i]), ds->time[i]);
}

static void ipc_ds_fields(struct dctx *d, struct val *v, unsigned kind, const struct ipc64_ds *ds,
			  bool set)
{
	static const char *const sem_t[] = {"sem_otime", "sem_ctime"};
	static const char *const msg_t[] = {"msg_stime", "msg_rtime", "msg_ctime"};
	static const char *const shm_t[] = {"shm_atime", "shm_dtime", "shm_ctime"};

	st_init(v, d->ar, 9);
	ipc_perm(d, st_add(v, d->ar, perm_names[kind]), ds, set);
	if (kind == IPC64_SEM && !set) {
		ipc_times(d, v, ds, sem_t, 2);
		val_uint(st_add(v, d->ar, "sem_nsems"), ds->nsems);
	} else if (kind == IPC64_MSG && !set) {
		ipc_times(d, v, ds, msg_t, 3);
		val_uint(st_add(v, d->ar, "msg_qnum"), ds->qnum);
		val_uint(st_add(v, d->ar, "msg_qbytes"), ds->qbytes);
		val_int(st_add(v, d->ar, "msg_lspid"), ds->pid[0]);
		val_int(st_add(v, d->ar, "msg_lrpid"), ds->pid[1]);
	} else if (kind == IPC64_MSG) {
		val_uint(st_add(v, d->ar, "msg_qbytes"), ds->qbytes);
	} else if (kind == IPC64_SHM && !set) {
		val_uint(st_add(v, d->ar, "shm_segsz"), ds->segsz);
		val_int(st_add(v, d->ar, "shm_cpid"), ds->pid[0]);
		val_int(st_add(v, d->ar, "shm_lpid"), ds->pid[1]);
		val_uint(st_add(v, d->ar, "shm_nattch"), ds->nattch);
		ipc_times(d, v, ds, shm_t, 3);
	}
}

/* The IPC_64 struct of kind at addr (set: IPC_SET's fields), or its address. */
static void ipc_ds(struct dctx *d, struct val *v, unsigned kind, uint64_t addr, bool set)
{
	const struct abi_layouts *l = d->abi->layouts;
	unsigned size = l->ipc64 ? l->ipc64_size[kind] : 0;
	uint8_t raw[128];
	struct ipc64_ds ds;

	if (!size || size > sizeof(raw) || !dec_fetch(d, v, addr, raw, size)) {
		val_ptr(v, addr);
		return;
	}
	l->ipc64(raw, kind, &ds);
	ipc_ds_fields(d, v, kind, &ds, set);
}

/* struct seminfo or msginfo (ints; msginfo's last a short), shminfo64 or shm_info (words). */
static void ipc_info(struct dctx *d, struct val *v, unsigned kind, enum ipc_buf b, uint64_t addr)
{
	static const char *const sem[] = {"semmap", "semmni", "semmns", "semmnu", "semmsl",
					  "semopm", "semume", "semusz", "semvmx", "semaem"};
	static const char *const msg[] = {"msgpool", "msgmap", "msgmax", "msgmnb",
					  "msgmni",  "msgssz", "msgtql", "msgseg"};
	static const char *const shm[] = {"shmmax", "shmmin", "shmmni", "shmseg", "shmall"};
	static const char *const shm_info[] = {"used_ids", "shm_tot",	    "shm_rss",
					       "shm_swp",  "swap_attempts", "swap_successes"};
	uint64_t w[10];
	int32_t in[10];

	if (kind != IPC64_SHM) {
		unsigned n = kind == IPC64_SEM ? 10 : 8;
		if (!dec_fetch(d, v, addr, in,
			       kind == IPC64_SEM ? sizeof(struct seminfo) : sizeof(struct msginfo)))
			return;
		if (kind == IPC64_MSG) {
			struct msginfo mi;
			memcpy(&mi, in, sizeof(mi));
			in[7] = mi.msgseg;
		}
		st_init(v, d->ar, n);
		for (unsigned i = 0; i < n; i++)
			val_int(st_add(v, d->ar, kind == IPC64_SEM ? sem[i] : msg[i]), in[i]);
		return;
	}
	unsigned n = b == IB_INFO ? 5 : 6;
	if (!addr || dec_read_words(d, addr, w, n) < 0) {
		val_ptr(v, addr);
		return;
	}
	st_init(v, d->ar, n);
	for (unsigned i = 0; i < n; i++) {
		if (b == IB_INFO)
			val_uint(st_add(v, d->ar, shm[i]), w[i]);
		else if (i == 0)
			val_int(st_add(v, d->ar, shm_info[0]), (int32_t)w[0]);
		else
			val_uint(st_add(v, d->ar, shm_info[i]), w[i]);
	}
}

/*
 * The buffer of a *ctl command, argument i: at entry what the kernel reads (IPC_SET), and
 * for an output its address, decoded at the exit of a call that succeeded.
 */
static void ipc_ctl_buf(struct dctx *d, struct sc_event *ev, unsigned i, unsigned kind,
			uint32_t cmd, uint64_t addr, bool exiting)
{
	enum ipc_buf b = ipc_buf_kind(kind, cmd);
	struct val *v = &ev->args[i];
	bool known = !ev->via || (cmd & IPC_64); /* the direct calls take IPC_64's */

	if (!exiting) {
		if (b == IB_SET && known)
			ipc_ds(d, v, kind, addr, true);
		else
			val_ptr(v, addr);
		if (b == IB_STAT || b == IB_INFO || b == IB_SHM_INFO)
			ev->split = (uint8_t)i;
		return;
	}
	if (!dec_ok(ev) || ev->split != i)
		return;
	if (b == IB_STAT && known)
		ipc_ds(d, v, kind, addr, false);
	else if (b == IB_INFO || b == IB_SHM_INFO)
		ipc_info(d, v, kind, b, addr);
}

void dec_msgctl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint32_t cmd = (uint32_t)ev->raw[1];

	if (!exiting)
		ipc_cmd(d, &ev->args[1], cmd, &xl_msgctl_cmds);
	ipc_ctl_buf(d, ev, 2, IPC64_MSG, cmd, arg_word(d, ev, 2), exiting);
}

void dec_shmctl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint32_t cmd = (uint32_t)ev->raw[1];

	if (!exiting)
		ipc_cmd(d, &ev->args[1], cmd, &xl_shmctl_cmds);
	ipc_ctl_buf(d, ev, 2, IPC64_SHM, cmd, arg_word(d, ev, 2), exiting);
}

/*
 * semctl's fourth argument is a union semun.  Through i386's ipc(2) it is a pointer to one:
 * strace shows the word there, [0x5], or the pointer when it cannot read it; the union's
 * pointer, for the commands that take a struct.  A direct semctl's union is the word
 * itself, shown as an address.
 */
static bool semun_word(struct dctx *d, struct sc_event *ev, uint64_t *w)
{
	uint64_t p = arg_word(d, ev, 3);

	*w = p;
	if (ev->via && (!p || read_word(d, p, w) < 0)) {
		val_ptr(&ev->args[3], p);
		return false;
	}
	return true;
}

void dec_semctl(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint32_t cmd = (uint32_t)ev->raw[2];
	uint64_t w;

	if (!exiting) {
		ipc_cmd(d, &ev->args[2], cmd, &xl_semctl_cmds);
		if (!semun_word(d, ev, &w))
			return;
	} else if (ev->split != 3) {
		return;
	} else {
		w = ev->args[3].u; /* the struct's address, from the entry */
	}
	if (ipc_buf_kind(IPC64_SEM, cmd) != IB_PTR)
		ipc_ctl_buf(d, ev, 3, IPC64_SEM, cmd, w, exiting);
	else if (ev->via)
		val_ptr(val_array(&ev->args[3], d->ar, 1), w);
	else
		val_ptr(&ev->args[3], w);
}

/* {mtype=1, mtext="hello"}: a long and size bytes of text, or the address. */
static void dec_msgbuf(struct dctx *d, struct val *v, uint64_t addr, uint64_t size)
{
	uint64_t type;

	if (!addr || read_word(d, addr, &type) < 0) {
		val_ptr(v, addr);
		return;
	}
	if (d->abi->word_size == 4)
		type = (uint64_t)(int64_t)(int32_t)type;
	st_init(v, d->ar, 2);
	val_int(st_add(v, d->ar, "mtype"), (int64_t)type);
	decode_buf(d, st_add(v, d->ar, "mtext"), addr + d->abi->word_size, size);
}

void dec_msgsnd(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (exiting)
		return;
	dec_msgbuf(d, &ev->args[1], arg_word(d, ev, 1), arg_word(d, ev, 2));
	val_flags(&ev->args[3], (uint32_t)ev->raw[3], &xl_msg_flg);
}

/* The message at exit, msgsz bytes of it as strace shows them (not the result's). */
void dec_msgrcv(struct dctx *d, struct sc_event *ev, bool exiting)
{
	if (!exiting) {
		val_ptr(&ev->args[1], arg_word(d, ev, 1));
		val_flags(&ev->args[4], (uint32_t)ev->raw[4], &xl_msg_flg);
		ev->split = 1;
		return;
	}
	if (dec_ok(ev))
		dec_msgbuf(d, &ev->args[1], arg_word(d, ev, 1), arg_word(d, ev, 2));
}

/* Through ipc(2) the address is written at a pointer (raw[3], call.c): strace's result. */
void dec_shmat(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint64_t addr;

	if (!exiting) {
		val_flags(&ev->args[2], (uint32_t)ev->raw[2], &xl_shmat_flags);
		return;
	}
	if (dec_ok(ev) && ev->via && read_word(d, ev->raw[3], &addr) == 0)
		val_hex(&ev->retv, addr);
}
