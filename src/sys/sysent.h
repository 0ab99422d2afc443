/*
 * The hand-written syscall signature table (syscalls.def), written once for
 * every ABI, and its lookup by ABI and number.
 */
#ifndef PTRC_SYS_SYSENT_H
#define PTRC_SYS_SYSENT_H

#include <stdbool.h>
#include <stdint.h>

#include "xlat.h"

struct ptrc_abi;
struct dctx;
struct sc_event;

enum arg_kind {
	AK_NONE,
	AK_INT,	  /* int, decimal */
	AK_UINT,  /* unsigned int, decimal */
	AK_LONG,  /* long, decimal */
	AK_ULONG, /* unsigned long / size_t, decimal */
	AK_HEX,	  /* any word, hex */
	AK_OCT,	  /* mode_t and friends, octal */
	AK_PTR,	  /* an address we do not follow */
	AK_FD,	  /* int file descriptor */
	AK_DIRFD, /* int dirfd: AT_FDCWD by name */
	AK_PATH,  /* NUL-terminated path (not limited by -s) */
	AK_STR,	  /* NUL-terminated string, limited by -s */
	AK_IBUF,  /* input buffer, length in arg len_arg */
	AK_OBUF,  /* output buffer, length = return value; decoded at exit */
	AK_FLAGS, /* bit set named by tab */
	AK_ENUM,  /* value named by tab */
	AK_SIG,	  /* signal number */
	AK_OUT,	  /* decoded at exit by the syscall's own decoder */
	AK_IN,	  /* decoded at entry by the syscall's own decoder */
	/*
	 * Kinds that also say what an argument means, so that the policy, -P and
	 * the decoders read one table (a dirfd belongs to the AK_PATH after it).
	 */
	AK_TARGET,   /* a path stored, not looked up: symlink's target */
	AK_OFLAGS,   /* open(2) flags: O_RDONLY|O_CLOEXEC */
	AK_OPENHOW,  /* openat2's struct open_how (its own decoder) */
	AK_FAMILY,   /* a socket domain: AF_INET */
	AK_SOCKADDR, /* an input struct sockaddr, length in arg len_arg */
	AK_MSGHDR,   /* sendmsg's struct msghdr, with the destination (its own decoder) */
	AK_PID,	     /* a process or thread id (int): -Y names it */
	/* Data sent on the socket in argument 0, length in arg len_arg: netlink messages
	 * on a netlink socket, else a buffer (AK_IBUF). */
	AK_SOCKBUF,
	AK_SOCKOBUF, /* data received on the socket in argument 0 (AK_OBUF), into a buffer
			of arg len_arg's size */
};

enum ret_kind {
	RK_INT,	 /* signed decimal, errors as -1 ENAME */
	RK_HEX,	 /* addresses: mmap, brk */
	RK_OCT,	 /* umask */
	RK_FD,	 /* a new descriptor */
	RK_UINT, /* unsigned decimal */
	RK_PID,	 /* a process or thread id: -Y names it */
};

/* Syscall classes, for -e trace=%class (strace's names). */
enum {
	TC_FILE = 1 << 0,
	TC_DESC = 1 << 1,
	TC_NETWORK = 1 << 2,
	TC_PROCESS = 1 << 3,
	TC_SIGNAL = 1 << 4,
	TC_MEMORY = 1 << 5,
	TC_IPC = 1 << 6,
	TC_CREDS = 1 << 7,
	TC_CLOCK = 1 << 8,
	TC_STAT = 1 << 9,
	TC_LSTAT = 1 << 10,
	TC_FSTAT = 1 << 11,
	TC_STATFS = 1 << 12,
	TC_FSTATFS = 1 << 13,
	TC_PURE = 1 << 14,
	TC_STAT_LIKE = 1 << 15,
	TC_ALL = (1 << 16) - 1,
};

/*
 * Traits: facts about a syscall that code would otherwise find by its name.
 * They share the classes column of syscalls.def and live above TC_ALL.
 */
enum {
	TR_EXEC = 1 << 16,	 /* runs a new program: execve, execveat */
	TR_MAPS = 1 << 17,	 /* changes the memory map (the unwinder's caches) */
	TR_TIME64 = 1 << 18,	 /* time_t is 64-bit whatever the word size (i386 *_time64) */
	TR_STAT64 = 1 << 19,	 /* writes struct stat64 or statfs64, not the ABI's stat */
	TR_UID16 = 1 << 20,	 /* 16-bit ids where the ABI has the legacy calls (abi->uid16) */
	TR_READS = 1 << 21,	 /* only looks its paths up or reads them (policy access=read) */
	TR_SOCKETCALL = 1 << 22, /* carries a socket call: i386's socketcall(2) */
	TR_IPC = 1 << 23,	 /* carries a System V IPC call: i386's ipc(2) */
	TR_OFF64 = 1 << 24,	 /* its offset pointer is a 64-bit loff_t whatever the word size */
	/* Its arguments are a block of words its one argument points at, where the ABI has the
	 * kernel's old select and mmap (abi->arg_block); the arguments here are the block's. */
	TR_ARGBLOCK = 1 << 25,
	/* Makes a task from flags that may hold CLONE_UNTRACED: argument 0 (clone), or the
	 * first u64 of the struct clone_args it points at (clone3, TR_CLONE_ARGS too). */
	TR_CLONE = 1 << 26,
	TR_CLONE_ARGS = 1 << 27,
	/* What a process needs to end or to return from a signal handler: a policy never
	 * denies it (a denied exit_group turned every exit into SIGSEGV). */
	TR_ENDS = 1 << 28,
	/* Makes the name its path gives, and changes nothing when that name exists (EEXIST):
	 * mkdir, mknod.  A policy does not judge such a call (cmake's mkdir -p from /). */
	TR_MAKES = 1 << 29,
	/* Moves its data through an iovec: argument 1's array, count in argument 2, or a
	 * socket call's msghdr (its msg_iov): readv, writev, sendmsg, recvmsg... */
	TR_IOV = 1 << 30,
	/* Its decoder also runs at the exit of a call that failed, for what the kernel writes
	 * then: sched_setattr's E2BIG writes the size it knows back.  The column's last bit,
	 * written as an int (an enum constant must be one): a next trait widens the column. */
	TR_FAILED_OUT = (int)(1u << 31),
	TR_MULTIPLEX = TR_SOCKETCALL | TR_IPC,
};

/*
 * AK_FLAGS and AK_ENUM are the C type int or unsigned int, read from the low 32
 * bits as the kernel reads them (strace prints delete_module's flags 0 when the
 * register holds 0xffffffff00000000); ARG_LONG marks the few that are long.
 */
enum { ARG_LONG = 1 };

struct argspec {
	uint8_t kind;
	uint8_t len_arg; /* AK_IBUF, AK_SOCKBUF, AK_SOCKOBUF, AK_SOCKADDR: index of the
			    length argument;
			    AK_FLAGS, AK_ENUM: ARG_LONG for an unsigned long */
	const struct xlat *tab;
};

/*
 * A syscall's own decoder, run after the generic one at entry (exiting ==
 * false) and at exit.  It may rewrite ev->args, ev->nargs, ev->split and
 * ev->retv.  Output arguments are decoded only when the call succeeded: the exit of a
 * failed call runs the decoder only for a call with TR_FAILED_OUT.
 */
typedef void (*sys_decode_fn)(struct dctx *d, struct sc_event *ev, bool exiting);

struct sysent {
	const char *name;
	uint32_t classes; /* TC_* */
	uint32_t traits;  /* TR_* */
	uint8_t ret;
	uint8_t nargs;
	struct argspec args[6];
	sys_decode_fn decode;
};

/* The whole table, sorted by name. */
extern const struct sysent sysent_table[];
extern const unsigned sysent_count;

/* Signature by name, or NULL. */
const struct sysent *sysent_by_name(const char *name);

/*
 * Name of syscall nr in abi, or NULL; *ent gets its signature (NULL when
 * syscalls.def has none).  The first call for an ABI builds its index.
 */
const char *systab_lookup(const struct ptrc_abi *abi, uint64_t nr, const struct sysent **ent);

/* True when any ABI ptrc knows has a syscall of that name. */
bool systab_name_known(const char *name);

#endif
