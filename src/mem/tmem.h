/*
 * Reading tracee memory through a small interface, so decoders run against
 * a live process or, in unit tests, against a fake memory image.
 */
#ifndef PTRC_MEM_TMEM_H
#define PTRC_MEM_TMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct tmem_ops {
	/* Reads up to len bytes; returns bytes read (may be short), or -errno. */
	ssize_t (*read)(void *ctx, uint64_t addr, void *buf, size_t len);
};

struct tmem {
	const struct tmem_ops *ops;
	void *ctx;
};

/* Reads exactly len bytes: 0, or -EFAULT (or another -errno) when any byte is unreadable. */
int tmem_read(const struct tmem *m, uint64_t addr, void *buf, size_t len);

/*
 * Reads a word of word_size bytes (4 or 8), zero-extended: 0, or -errno with *out left
 * untouched, so a caller never sees bytes it did not read.
 */
int tmem_read_word(const struct tmem *m, unsigned word_size, uint64_t addr, uint64_t *out);

/*
 * Reads a NUL-terminated string of at most max bytes (not counting the NUL)
 * into buf, which holds max + 1 bytes.  Never reads across an unreadable page
 * in search of the NUL.  Returns the length, or -errno when nothing could be
 * read at addr.  *complete is set when the NUL was found within max bytes.
 */
ssize_t tmem_read_str(const struct tmem *m, uint64_t addr, char *buf, size_t max, bool *complete);

/* Live tracee memory: process_vm_readv, falling back to /proc/PID/mem. */
struct tmem_live {
	pid_t pid;
	int memfd; /* /proc/PID/mem, opened on first fallback; -1 until then */
};

void tmem_live_init(struct tmem_live *l, struct tmem *m, pid_t pid);
/* Reads through thread tid of the same process from now on (any live one will do). */
void tmem_live_use(struct tmem_live *l, pid_t tid);
void tmem_live_close(struct tmem_live *l);

/* A fake image for tests: regions of bytes at fixed addresses. */
struct tmem_region {
	uint64_t addr;
	const void *data;
	size_t len;
};

struct tmem_fake {
	const struct tmem_region *regions;
	size_t n;
};

void tmem_fake_init(struct tmem_fake *f, struct tmem *m, const struct tmem_region *r, size_t n);

#endif
