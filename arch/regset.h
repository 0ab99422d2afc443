/*
 * Register sets as ptrace(2) copies them (PTRACE_GETREGSET's NT_PRSTATUS and
 * NT_PRFPREG, x86's PTRACE_GETREGS and PTRACE_GETFPREGS), described as data so
 * that the decoder (src/sys/dec_ptrace_regs.c) prints any ABI's on any host.
 * Fields follow each other with no padding, as in every set described here;
 * each is count items (1: a scalar) of size bytes, printed in hex.
 */
#ifndef PTRC_ARCH_REGSET_H
#define PTRC_ARCH_REGSET_H

#include <stdbool.h>
#include <stdint.h>

struct regset_field {
	const char *name; /* the field's name in the ABI's struct (<sys/user.h>) */
	uint8_t size;	  /* bytes of one item: 2, 4 or 8 */
	uint8_t count;	  /* items: 1 for a scalar, else an array */
};

struct regset {
	const struct regset_field *fields;
	uint8_t nfields;
	uint8_t word;  /* the kernel copies whole words: a length not of whole words is no set */
	uint16_t size; /* the whole set's bytes */
};

/* The sets ptrc decodes, by what holds them. */
enum regset_kind {
	REGSET_PRSTATUS, /* NT_PRSTATUS: the general-purpose registers */
	REGSET_FPREGS,	 /* NT_PRFPREG: the floating-point registers */
	REGSET_KINDS
};

/* One of an ABI's own requests that copies a whole set (x86's PTRACE_GETREGS...); a list of
 * them ends with a 0 request. */
struct regset_request {
	uint64_t req;
	uint8_t kind;	/* enum regset_kind */
	bool to_tracer; /* GET: the kernel writes the set at data */
};

/*
 * PTRACE_PEEKUSER's and POKEUSER's places in the ABI's struct user, as strace 6.1 names them
 * (8*RAX, offsetof(struct user, u_tsize), sizeof(struct user)): where each register word or
 * field starts, in rising order, the last entry the struct's end (USEROFF_END).  An offset
 * inside one is named by it, +N; one past the end is a number.
 */
struct user_area_field {
	uint16_t off;
	uint8_t form; /* enum useroff_form (src/event/value.h) */
	uint8_t word; /* a register's word size */
	const char *name;
};

struct user_area {
	const struct user_area_field *fields;
	uint16_t n;
};

#endif
