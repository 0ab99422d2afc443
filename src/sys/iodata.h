/* The data a call moved, for -e read= and -e write= (iodata.c). */
#ifndef PTRC_SYS_IODATA_H
#define PTRC_SYS_IODATA_H

#include <stdbool.h>
#include <stdint.h>

#include "../event/event.h"
#include "../mem/tmem.h"

struct sysent;

struct io_buf {
	uint64_t addr, len;
};

/*
 * The buffers a finished call read into (*reads) or wrote from, as much of each as its
 * result says moved, in order: a read's or write's one buffer, a readv's or writev's
 * iovec, a recvmsg's or sendmsg's msg_iov (*vector then).  Returns how many (at most
 * max), 0 for a call that moves no data, failed or moved nothing, or -1 when the iovec
 * cannot be read.  The roles come from syscalls.def (AK_OBUF, AK_IBUF, TR_IOV).
 */
int sys_io_buffers(const struct sc_event *ev, const struct tmem *mem, struct io_buf *out,
		   unsigned max, bool *reads, bool *vector);
/* Whether call e moves data: 1 when it reads into the tracee, -1 when it writes from it,
 * 0 when it moves none (from the same roles). */
int sys_io_direction(const struct sysent *e);
/* The descriptor argument of such a call, or -1. */
int sys_io_fd(const struct sc_event *ev);

#endif
