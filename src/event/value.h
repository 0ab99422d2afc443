/*
 * Typed values that decoders produce and formatters print.  A value never
 * holds text that was formatted for one output: flags keep their bits and
 * their name table, strings keep their raw bytes, so the text and the JSON
 * formatters read the same value.  All pointers inside a value point into
 * the event's arena or to static data.
 */
#ifndef PTRC_EVENT_VALUE_H
#define PTRC_EVENT_VALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "../util/arena.h"

struct xlat;

enum val_kind {
	VAL_NONE,     /* absent: prints nothing */
	VAL_INT,      /* signed decimal */
	VAL_UINT,     /* unsigned decimal */
	VAL_HEX,      /* 0x1f; n, when not 0, is a printf field width (zero-padded) */
	VAL_OCT,      /* 0755; 0 prints as 000 when width asks, else 0 */
	VAL_PTR,      /* NULL or 0x7ffd...; also an unreadable pointer */
	VAL_FD,	      /* a file descriptor; AT_FDCWD decodes as VAL_FLAGS */
	VAL_STR,      /* bytes, printed quoted and escaped */
	VAL_FLAGS,    /* bits named by an xlat (OR of names, leftovers in hex) */
	VAL_ENUM,     /* one value named by an xlat, else the number */
	VAL_SIG,      /* a signal number: SIGINT, SIGRT_3, or the number */
	VAL_SYM,      /* a symbolic constant with no number (static text): SIG_DFL, ... */
	VAL_OR,	      /* items joined by '|' (O_RDONLY|O_CLOEXEC, CLONE_VM|SIGCHLD) */
	VAL_STRUCT,   /* {name=value, ...} */
	VAL_ARRAY,    /* [a, b] */
	VAL_SIGSET,   /* [INT TERM] or ~[RTMIN] */
	VAL_CHANGE,   /* in => out */
	VAL_COMMENT,  /* a value and a comment value: 0x7ffd... / * 37 vars * / */
	VAL_NOTE,     /* value followed by a parenthesized note: 2 ([{fd=0, revents=POLLIN}]) */
	VAL_RESUMING, /* restart_syscall's argument: the call it resumes (static name or NULL) */
	VAL_CALL,     /* an expression of named arguments: htons(9), makedev(0x1, 0x3) */
	VAL_IPADDR,   /* an IPv4 (n = 4) or IPv6 (n = 16) address, network order */
	VAL_WSTATUS,  /* a wait status: {WIFEXITED(s) && WEXITSTATUS(s) == 3} */
	VAL_RLIM,     /* a resource limit: 8192*1024, RLIM64_INFINITY */
	VAL_COUNT,    /* a count of things, in comments: 37 vars */
	VAL_DATE,     /* a time since the epoch, in comments: 2026-11-28T08:18:06+0000 */
	VAL_TICKS,    /* clock ticks as seconds, in comments: 0.05 s */
	VAL_SYSNO,    /* a syscall number: __NR_getpid (name static), or the number */
	VAL_UNREAD,   /* an array's last item: its element at u could not be read, nor any after */
	VAL_PID,      /* a process or thread id; -Y: pid.comm names it */
	VAL_IFINDEX,  /* a network interface index: if_nametoindex("lo") when ifx.name names it */
	VAL_HWADDR,   /* a hardware address of n bytes: 02:fc:00:00:00:05 */
	VAL_ERRNO,    /* an error code as the kernel returns it (i): -ENOENT, 0, 5 */
	VAL_SHIFT,    /* a field of a word at its bit position: 0x5<<PR_MTE_TAG_SHIFT */
	VAL_LSHIFT,   /* a value, then <<n: PERF_COUNT_HW_CACHE_OP_READ<<8, 0x1<<32 */
	VAL_ALTS,     /* readings of one number, joined by " or ": MIXER_READ(1) or MEMGETINFO */
	VAL_INDEXED,  /* an array with its indexes: [[IO_WQ_BOUND]=4, [2 / * IO_WQ_??? * /]=9] */
	VAL_USEROFF,  /* a place in struct user (PTRACE_PEEKUSER): 8*RAX, offsetof(struct user,
			 u_debugreg)+56, sizeof(struct user) */
};

/* What a VAL_USEROFF's place is: a register's word, a field, or the struct's end. */
enum useroff_form { USEROFF_WORD, USEROFF_FIELD, USEROFF_END };

/* Value flags. */
enum {
	VALF_TRUNC = 1 << 0,	   /* STR/ARRAY/STRUCT: more followed ("..."...) */
	VALF_CSTRING = 1 << 1,	   /* STR: a NUL-terminated string (affects -x) */
	VALF_ABBREV = 1 << 2,	   /* STRUCT: fields were left out (", ...") */
	VALF_HEXFLAGS = 1 << 3,	   /* ENUM fallback in hex instead of decimal */
	VALF_BARE = 1 << 4,	   /* STRUCT: no braces (clone's named arguments, notes) */
	VALF_LABELS = 1 << 5,	   /* STRUCT: "name value" instead of "name=value" */
	VALF_HEXSTR = 1 << 6,	   /* STR: always \x escapes (random bytes: getrandom) */
	VALF_SPACED = 1 << 7,	   /* ARRAY: items joined by ' ' (fd sets, cpu sets: [0 1]) */
	VALF_DIRFD = 1 << 8,	   /* FD: a dirfd argument, where AT_FDCWD has its name */
	VALF_ABSTRACT = 1 << 9,	   /* STR: an abstract socket name (bytes after the NUL): @"name" */
	VALF_NOPREFIX = 1 << 10,   /* HEX: no 0x (strace's nl_groups=00000000) */
	VALF_NUM = 1 << 11,	   /* HEX: a small number, not an address: a JSON number;
				    * SHIFT: the field in decimal (21<<SHM_HUGE_SHIFT);
				    * CALL: -X raw's number in decimal (quotactl's QCMD) */
	VALF_ZERO_EMPTY = 1 << 12, /* FLAGS: 0 prints as nothing (termios's empty c_lflag) */
	VALF_ANON = 1 << 13,	   /* CALL: as a struct field, printed without its name= */
	VALF_RLIM64 = 1 << 14,	   /* RLIM: the 64-bit limit; infinity is RLIM64_INFINITY */
	VALF_INFINITY = 1 << 15,   /* RLIM: RLIM_INFINITY */
};

/* How a count of a NULL-terminated array ended (VAL_COUNT's n). */
enum {
	VAL_COUNT_EXACT,	/* at its NULL */
	VAL_COUNT_UNTERMINATED, /* at memory that could not be read, before any NULL */
	VAL_COUNT_CUT,		/* at the decoder's bound (DEC_MAX_BYTES): more may follow */
};

struct val;

struct field {
	const char *name; /* static; NULL in a CALL: shown in text only */
	struct val *v;
};

/*
 * How -X raw and -X verbose print a constant (val.raw): strace's choice differs by value.
 * The first three say how an OR prints as a number; the others are for any constant.
 */
enum val_raw {
	VAL_RAW_MERGED, /* one number in hex: open's 0x80000, mmap's 0x22 (the default) */
	VAL_RAW_PARTS,	/* each part's, joined by '|': socket's type 0x2|0x80000 */
	VAL_RAW_OCTAL,	/* one number in octal: st_mode=0100644 */
	VAL_RAW_NUMBER, /* CALL: an encoded constant, its number (call.num): ioctl's _IOC() */
	/* Names beside the number they name, a return value's note (= 0x10 (SECBIT_KEEP_CAPS)):
	 * -X raw leaves the note out, -X verbose prints the names alone. */
	VAL_RAW_NAMES,
	/* Number and names in every style but -X raw, as -X verbose prints them: strace's
	 * 0x1 / * PIDTYPE_TGID * / even without -X. */
	VAL_RAW_VERBOSE,
	VAL_RAW_DECIMAL, /* the number in signed decimal: PR_SET_PTRACER_ANY is -1 */
	/* OR: its items joined by nothing but under -X raw, where they are VAL_RAW_PARTS:
	 * strace's semget(..., 0x40000644), flags no name covers run into the mode. */
	VAL_RAW_GLUED,
	/* COMMENT: the comment is a name standing for the value (utimensat's UTIME_OMIT for
	 * {tv_sec=0, tv_nsec=1073741822}): the name alone, the value alone under -X raw, both
	 * under -X verbose. */
	VAL_RAW_STANDIN,
	/* CALL: a number or address in network order (htons(9), inet_addr("127.0.0.1")), whose
	 * bytes are a string under -X raw ("\x00\x09"), with the call in a comment under -X
	 * verbose, as strace prints a socket address; call.num is a number's width in bytes. */
	VAL_RAW_NETBYTES,
};

/* How a STR holds its bytes (val.raw). */
enum val_str_form {
	VAL_STR_PLAIN,
	/*
	 * A NUL-terminated string in a buffer of n bytes whose last byte is that
	 * NUL (netlink's string attributes): text shows the n - 1 before it, but
	 * strace's -x and -xx show all n in hex, and "..." after them.
	 */
	VAL_STR_NULTERM,
};

struct val {
	uint8_t kind;
	uint8_t raw; /* constants, OR, CALL: enum val_raw; STR: enum val_str_form (in what was
			padding) */
	uint16_t flags;
	/* STR, IPADDR, HWADDR: byte count; STRUCT/ARRAY/OR/CALL: item count; HEX: width; COUNT: how
	 * it ended (VAL_COUNT_*); SHIFT, LSHIFT: the bit position */
	uint32_t n;
	union {
		int64_t i; /* INT, WSTATUS, SYSNO; also FD's number (fd.num) */
		struct {
			int64_t num;
			const char *path; /* -y: what the descriptor refers to, or NULL */
		} fd;			  /* FD */
		struct {
			int64_t num;
			const char *comm; /* -Y: /proc/PID/comm when decoded, or NULL */
			int64_t ours; /* --pidns-translation: the pid in ptrc's namespace, or 0 */
		} pid;		      /* PID */
		struct {
			uint64_t num;
			const char *name; /* the interface's name when decoded (arena), or NULL */
		} ifx;			  /* IFINDEX */
		uint64_t u;		  /* UINT, HEX, OCT, PTR, RLIM, TICKS, UNREAD */
		const char *bytes;	  /* STR, IPADDR, HWADDR (not NUL-terminated) */
		const char *text;	  /* SYM, RESUMING (static) */
		struct {
			uint64_t bits;
			const struct xlat *tab;
		} fl;		      /* FLAGS, ENUM */
		struct field *fields; /* STRUCT */
		struct val *items;    /* ARRAY, OR */
		struct {
			struct val *items;	/* first, as in ARRAY: item i is at index i */
			const struct xlat *tab; /* the names of the indexes (static), or NULL */
		} idx;				/* INDEXED */
		struct {
			struct field *fields; /* first, as in STRUCT: val_field() fills both */
			const char *fn;	      /* static: "htons" */
			uint64_t num;	      /* raw == VAL_RAW_NUMBER: what -X raw prints */
					      /* raw == VAL_RAW_NETBYTES: the width */
		} call;			      /* CALL */
		struct {
			const uint8_t *mask; /* bit k-1 set for signal k */
			uint32_t nbytes;
		} set; /* SIGSET */
		struct {
			struct val *before;
			struct val *after;
		} change; /* CHANGE */
		struct {
			struct val *v;
			struct val *comment;
		} comment; /* COMMENT */
		struct {
			struct val *v;
			struct val *note;
		} note; /* NOTE */
		struct {
			uint64_t n;
			const char *one, *many; /* static nouns: "var", "vars" */
		} count;			/* COUNT */
		struct {
			int64_t sec;
			uint32_t nsec;
		} date; /* DATE */
		struct {
			int64_t nr;
			const char *name; /* static, or NULL */
		} sysno;		  /* SYSNO */
		struct {
			uint64_t x;	  /* the field's value, before the shift */
			const char *name; /* static: the shift's name, "PR_MTE_TAG_SHIFT" */
		} shift;		  /* SHIFT */
		struct val *lshifted;	  /* LSHIFT: the value shifted (printed in its style) */
		struct {
			uint64_t off;	  /* the number */
			const char *name; /* static: the register ("RAX") or field ("u_tsize") */
			uint32_t start;	  /* where that register or field starts */
			uint8_t form;	  /* enum useroff_form */
			uint8_t word;	  /* USEROFF_WORD: the word's size */
		} uo;			  /* USEROFF */
	};
};

/* Constructors write into *v; aggregates allocate from the arena. */
void val_int(struct val *v, int64_t x);
void val_uint(struct val *v, uint64_t x);
void val_hex(struct val *v, uint64_t x);
/* A hex number zero-padded to a printf width; prefix false drops the 0x. */
void val_hex_width(struct val *v, uint64_t x, unsigned width, bool prefix);
void val_oct(struct val *v, uint64_t x);
void val_ptr(struct val *v, uint64_t addr);
void val_fd(struct val *v, int64_t fd);
void val_pid(struct val *v, int64_t pid);
void val_sig(struct val *v, int64_t sig);
void val_sym(struct val *v, const char *static_text);
void val_flags(struct val *v, uint64_t bits, const struct xlat *tab);
void val_enum(struct val *v, uint64_t x, const struct xlat *tab);
void val_str(struct val *v, struct arena *a, const char *bytes, uint32_t len, bool trunc);
struct val *val_or(struct val *v, struct arena *a, uint32_t n);
/* n readings of one number (VAL_ALTS), the table's name last; returns the items to fill. */
struct val *val_alts(struct val *v, struct arena *a, uint32_t n);
/* Returns the field array to fill; names must be static strings. */
struct field *val_struct(struct val *v, struct arena *a, uint32_t n);
struct val *val_array(struct val *v, struct arena *a, uint32_t n);
/*
 * The ARRAY v (its items filled, by val_array() or dec_array_*()) shown with each item's
 * index, the number i of item i named by tab: [[IO_WQ_BOUND]=4].  Anything else in v (an
 * address shown for an array that could not be read) stays as it is.
 */
void val_index_by(struct val *v, const struct xlat *tab);
void val_change(struct val *v, struct arena *a, const struct val *before, const struct val *after);
/* Wraps *v (copied) with a comment; returns the comment's slot to fill. */
struct val *val_comment(struct val *v, struct arena *a);
/* A copy of nbytes of mask (bit k-1 set for signal k). */
void val_sigset(struct val *v, struct arena *a, const void *mask, uint32_t nbytes);
/* Wraps *v (copied) with a note; returns the note's slot to fill. */
struct val *val_note(struct val *v, struct arena *a);
/* restart_syscall's "<... resuming interrupted NAME ...>"; name static, or NULL. */
void val_resuming(struct val *v, const char *static_name);
/* fn(arg, ...) with n arguments, filled with val_field(); fn static. */
void val_call(struct val *v, struct arena *a, const char *fn, uint32_t n);
/* An address of len 4 (IPv4) or 16 (IPv6) bytes, network order. */
void val_ipaddr(struct val *v, struct arena *a, const void *addr, uint32_t len);
void val_wstatus(struct val *v, int status);
/* A limit; infinity says it is RLIM[64]_INFINITY. */
void val_rlim(struct val *v, uint64_t lim, bool is64, bool infinity);
/* n things: one and many are the static nouns ("var", "vars"); ended is a VAL_COUNT_*. */
void val_count(struct val *v, uint64_t n, const char *one, const char *many);
void val_count_ended(struct val *v, uint64_t n, const char *one, const char *many, uint32_t ended);
void val_date(struct val *v, int64_t sec, uint32_t nsec);
/* A date from a timeval: its fraction in microseconds (2020-01-01T00:00:00.000005+0000). */
void val_date_usec(struct val *v, int64_t sec, uint32_t usec);
void val_ticks(struct val *v, uint64_t ticks);
void val_sysno(struct val *v, int64_t nr, const char *static_name);
/* Interface idx; name (copied into a) when the interface was found, else NULL. */
void val_ifindex(struct val *v, struct arena *a, uint64_t idx, const char *name);
/* A copy of the n bytes of a hardware address. */
void val_hwaddr(struct val *v, struct arena *a, const void *bytes, uint32_t n);
/* An error code as the kernel writes it: negative errno values have names. */
void val_errno(struct val *v, int64_t err);
/* Ends an array: the element at addr, and those after it, could not be read. */
void val_unread(struct val *v, uint64_t addr);
/* x<<NAME: a field x at bit position shift, whose position is named static_name. */
void val_shift(struct val *v, uint64_t x, unsigned shift, const char *static_name);

/* Wraps *v (copied) as v<<shift: the value keeps its own style (-X raw: 0x2<<8). */
void val_lshift(struct val *v, struct arena *a, unsigned shift);
/* off in struct user, inside the register or field name (static) that starts at start. */
void val_useroff(struct val *v, uint64_t off, uint8_t form, const char *name, uint32_t start,
		 uint8_t word);

/* Adds field i of a struct (or call) built with val_struct(): returns its value slot. */
struct val *val_field(struct val *st, struct arena *a, uint32_t i, const char *name);

/*
 * Child i of v (its fields, items, both sides of a change, a comment...), or
 * NULL past the last: for code that walks a value tree.
 */
struct val *val_child(const struct val *v, unsigned i);

#endif
