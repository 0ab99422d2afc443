/*
 * /proc/PID/maps as data, and where a fault address lies in it.  Pure: the
 * text is read elsewhere (crash/collect.c), so tests run on recorded maps.
 */
#ifndef PTRC_CRASH_MAPS_H
#define PTRC_CRASH_MAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum map_prot {
	MAP_R = 1 << 0,
	MAP_W = 1 << 1,
	MAP_X = 1 << 2,
	MAP_SHARED_ = 1 << 3, /* 's' in the fourth column */
};

struct map_entry {
	uint64_t start, end; /* [start, end) */
	uint64_t offset;
	unsigned prot; /* enum map_prot */
	unsigned long inode;
	const char *path; /* "" for an anonymous mapping; "[stack]", "[heap]"... */
	const char *line; /* the whole line as the kernel printed it, without '\n' */
};

struct maps {
	struct map_entry *v; /* sorted by start, as the kernel lists them */
	size_t n;
	char *text; /* owned copy of the text; entries point into it */
};

/* Parses the text of /proc/PID/maps.  0, or -EINVAL for a malformed line.  Free with maps_free().
 */
int maps_parse(const char *text, struct maps *out);
void maps_free(struct maps *m);
/* The mapping containing addr, or NULL. */
const struct map_entry *maps_find(const struct maps *m, uint64_t addr);
/* The nearest mappings below and above addr (either may be NULL). */
void maps_neighbours(const struct maps *m, uint64_t addr, const struct map_entry **below,
		     const struct map_entry **above);

/* How the faulting access used memory, when the instruction tells. */
enum fault_access {
	FAULT_ACCESS_UNKNOWN,
	FAULT_ACCESS_READ,
	FAULT_ACCESS_WRITE,
	FAULT_ACCESS_EXEC,
};

enum fault_class {
	FAULT_NO_ADDRESS, /* the signal has no fault address (SIGABRT, a kill) */
	FAULT_NULL_PAGE,  /* below 64 KiB: a NULL pointer, maybe plus an offset */
	FAULT_UNMAPPED,	  /* in no mapping */
	FAULT_GUARD_GAP,  /* just below a stack, or in a stack's guard page: stack overflow */
	FAULT_WRITE_RO,	  /* a write to a mapping without write permission */
	FAULT_EXEC_NX,	  /* execution of a mapping without exec permission */
	FAULT_NO_ACCESS,  /* a PROT_NONE mapping, or a read of one that forbids reading */
	FAULT_MAPPED,	  /* mapped with the right permission (SIGBUS past a file's end...) */
};

struct fault_info {
	enum fault_class cls;
	uint64_t addr;
	const struct map_entry *in;    /* the mapping that contains addr */
	const struct map_entry *below; /* when in no mapping: the nearest ones */
	const struct map_entry *above;
	const struct map_entry *stack; /* FAULT_GUARD_GAP: the stack that overflowed */
};

/* The kernel's stack_guard_gap default: 256 pages. */
enum { MAPS_STACK_GUARD_GAP = 256 * 4096, MAPS_NULL_LIMIT = 0x10000 };

/*
 * Classifies a fault address.  sp is the faulting thread's stack pointer
 * (a thread stack is any mapping that contains it), access how the
 * instruction used the address.
 */
void fault_classify(const struct maps *m, uint64_t addr, uint64_t sp, enum fault_access access,
		    struct fault_info *out);
/* "null_page", "unmapped", "stack_guard_gap"...: a static identifier (JSON's "class"). */
const char *fault_class_name(enum fault_class c);
/* "read", "write", "exec" or "unknown". */
const char *fault_access_name(enum fault_access a);

#endif
