/*
 * -e read=SET, -e write=SET: under each shown call that moved data through a
 * descriptor of the set, the data itself (hexdump.c), read from the tracee at
 * the call's exit, whole (-s does not cut it), as strace prints it.
 */
#include <stdlib.h>

#include "out/hexdump.h"
#include "sys/iodata.h"
#include "tracer.h"

enum { IODUMP_BUFS = 64, IODUMP_MAX = 16 << 20 }; /* iovec entries; bytes per call */

static bool in_set(const struct fdset *s, int fd)
{
	return s->any && fd >= 0 && fd < FDSET_MAX && (s->bits[fd / 64] >> (fd % 64) & 1);
}

/* One buffer's dump; the part memory refused is said, not made up. */
static void dump_buf(struct strbuf *sb, const struct tmem *mem, const struct io_buf *b,
		     size_t *budget)
{
	size_t len = b->len < *budget ? (size_t)b->len : *budget;
	uint8_t *data = len ? malloc(len) : NULL;

	if (len && (!data || tmem_read(mem, b->addr, data, len) < 0)) {
		strbuf_addf(sb, " | (%zu bytes at %#llx unreadable)\n", len,
			    (unsigned long long)b->addr);
	} else {
		text_hexdump(sb, data, len);
	}
	*budget -= len;
	free(data);
}

void iodump_exit(struct tracer *t, struct task *task)
{
	const struct config *cfg = t->cfg;
	struct io_buf bufs[IODUMP_BUFS];
	struct strbuf sb = {0};
	bool reads, vector;
	size_t budget = IODUMP_MAX;

	if (!cfg->dump_read.any && !cfg->dump_write.any)
		return;
	int n = sys_io_buffers(&task->ev, &task->proc->mem, bufs, IODUMP_BUFS, &reads, &vector);
	if (n <= 0 || !in_set(reads ? &cfg->dump_read : &cfg->dump_write, sys_io_fd(&task->ev)))
		return;
	for (int i = 0; i < n; i++) {
		if (vector)
			strbuf_addf(&sb, " * %llu bytes in buffer %d\n",
				    (unsigned long long)bufs[i].len, i);
		dump_buf(&sb, &task->proc->mem, &bufs[i], &budget);
	}
	out_close_open_line(task_stream(t, task));
	out_write(task_stream(t, task), sb.buf, sb.len);
	strbuf_free(&sb);
}
