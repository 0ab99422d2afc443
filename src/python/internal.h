/* Shared between the Python reader's files; not part of its API. */
#ifndef PTRC_PYTHON_INTERNAL_H
#define PTRC_PYTHON_INTERNAL_H

#include "mem/tmem.h"
#include "python.h"

/* What a stack needs of one code object, cached by its address. */
struct py_code {
	uint64_t addr; /* 0 marks a free slot */
	/* The fields it was read with: a code object freed and another made at the same
	 * address differs in at least one of them, and the entry is read again. */
	uint64_t filename_ptr, name_ptr, table_ptr;
	int firstlineno;
	const char *file, *func; /* in the cache's arena */
	const uint8_t *table;	 /* the line table's bytes, in the cache's arena */
	size_t ntable;
};

struct py_codes {
	struct py_code *v; /* open addressing on addr */
	size_t cap, used;
	struct arena strings;
};

/* Which thread state a kernel thread has, remembered between stops. */
struct py_thread {
	pid_t tid;
	uint64_t tstate;
};

enum { PY_THREAD_CACHE = 64 };

struct py_proc {
	pid_t pid;
	struct py_target target;
	struct py_layout lay;
	struct tmem_live live;
	struct tmem mem;
	struct py_codes codes;
	struct py_thread threads[PY_THREAD_CACHE];
	unsigned next_thread; /* the slot the next new thread takes, round robin */
};

/* A native word at off in a buffer the caller read (offsets come from the layout). */
uint64_t py_word(const uint8_t *buf, int off);
int py_int(const uint8_t *buf, int off);

/*
 * The cached data of the code object at addr, whose first lay.code_size
 * bytes are hdr.  NULL when its strings or line table cannot be read.
 */
const struct py_code *py_code_get(struct py_proc *pp, uint64_t addr, const uint8_t *hdr);
void py_codes_free(struct py_codes *c);

/* A str object as UTF-8 (at most max bytes of it), in ar; NULL when unreadable. */
const char *py_read_str(struct py_proc *pp, uint64_t obj, struct arena *ar, size_t max);

#endif
