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
	VAL_HEX,      /* 0x1f */
	VAL_OCT,      /* 0755; 0 prints as 000 when width asks, else 0 */
	VAL_PTR,      /* NULL or 0x7ffd...; also an unreadable pointer */
	VAL_FD,	      /* a file descriptor; AT_FDCWD decodes as VAL_FLAGS */
	VAL_STR,      /* bytes, printed quoted and escaped */
	VAL_FLAGS,    /* bits named by an xlat (OR of names, leftovers in hex) */
	VAL_ENUM,     /* one value named by an xlat, else the number */
	VAL_SIG,      /* a signal number: SIGINT, SIGRT_3, or the number */
	VAL_SYM,      /* a symbolic constant with no number: SIG_DFL, ... */
	VAL_OR,	      /* items joined by '|' (O_RDONLY|O_CLOEXEC, CLONE_VM|SIGCHLD) */
	VAL_STRUCT,   /* {name=value, ...} */
	VAL_ARRAY,    /* [a, b] */
	VAL_SIGSET,   /* [INT TERM] or ~[RTMIN] */
	VAL_CHANGE,   /* in => out */
	VAL_COMMENT,  /* value followed by a comment: 0x7ffd... / * 37 vars * / */
	VAL_EXPR,     /* an expression strace prints verbatim (wait status) */
	VAL_NOTE,     /* value followed by a parenthesized note: 2 ([{fd=0, revents=POLLIN}]) */
	VAL_RESUMING, /* restart_syscall's argument: the call it resumes (text: static name) */
};

/* Value flags. */
enum {
	VALF_TRUNC = 1 << 0,	/* STR/ARRAY/STRUCT: more followed ("..."...) */
	VALF_CSTRING = 1 << 1,	/* STR: a NUL-terminated string (affects -x) */
	VALF_ABBREV = 1 << 2,	/* STRUCT: fields were left out (", ...") */
	VALF_HEXFLAGS = 1 << 3, /* ENUM fallback in hex instead of decimal */
	VALF_BARE = 1 << 4,	/* STRUCT: no braces (clone's named arguments, notes) */
	VALF_LABELS = 1 << 5,	/* STRUCT: "name value" instead of "name=value" */
	VALF_SPACED = 1 << 7,	/* ARRAY: items joined by ' ' (fd sets, cpu sets: [0 1]) */
	VALF_HEXSTR = 1 << 6,	/* STR: always \x escapes (random bytes: getrandom) */
	VALF_DIRFD = 1 << 8,	/* FD: a dirfd argument, where AT_FDCWD has its name */
	VALF_ABSTRACT = 1 << 9, /* STR: an abstract socket name (bytes after the NUL): @"name" */
};

struct val;

struct field {
	const char *name;
	struct val *v;
};

struct val {
	uint8_t kind;
	uint16_t flags;
	uint32_t n; /* STR: byte count; STRUCT/ARRAY/OR: item count */
	union {
		int64_t i; /* INT; also FD's number (fd.num) */
		struct {
			int64_t num;
			const char *path; /* -y: what the descriptor refers to, or NULL */
		} fd;			  /* FD */
		uint64_t u;
		const char *bytes; /* STR (not NUL-terminated) */
		const char *text;  /* SYM, EXPR */
		struct {
			uint64_t bits;
			const struct xlat *tab;
		} fl;		      /* FLAGS, ENUM */
		struct field *fields; /* STRUCT */
		struct val *items;    /* ARRAY, OR */
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
			const char *text;
		} comment; /* COMMENT */
		struct {
			struct val *v;
			struct val *note;
		} note; /* NOTE */
	};
};

/* Constructors write into *v; aggregates allocate from the arena. */
void val_int(struct val *v, int64_t x);
void val_uint(struct val *v, uint64_t x);
void val_hex(struct val *v, uint64_t x);
void val_oct(struct val *v, uint64_t x);
void val_ptr(struct val *v, uint64_t addr);
void val_fd(struct val *v, int64_t fd);
void val_sig(struct val *v, int64_t sig);
void val_sym(struct val *v, const char *static_text);
void val_flags(struct val *v, uint64_t bits, const struct xlat *tab);
void val_enum(struct val *v, uint64_t x, const struct xlat *tab);
void val_str(struct val *v, struct arena *a, const char *bytes, uint32_t len, bool trunc);
void val_expr(struct val *v, const char *arena_text);
struct val *val_or(struct val *v, struct arena *a, uint32_t n);
/* Returns the field array to fill; names must be static strings. */
struct field *val_struct(struct val *v, struct arena *a, uint32_t n);
struct val *val_array(struct val *v, struct arena *a, uint32_t n);
void val_change(struct val *v, struct arena *a, const struct val *before, const struct val *after);
void val_comment(struct val *v, struct arena *a, const struct val *inner, const char *text);
/* A copy of nbytes of mask (bit k-1 set for signal k). */
void val_sigset(struct val *v, struct arena *a, const void *mask, uint32_t nbytes);
/* Wraps *v (copied) with a note; returns the note's slot to fill. */
struct val *val_note(struct val *v, struct arena *a);

/* restart_syscall's "<... resuming interrupted NAME ...>"; name static, or NULL. */
void val_resuming(struct val *v, const char *static_name);

/* Adds field i of a struct built with val_struct(): returns its value slot. */
struct val *val_field(struct val *st, struct arena *a, uint32_t i, const char *name);

#endif
