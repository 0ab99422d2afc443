/* Syscall-specific decoders referenced from syscalls.def. */
#ifndef PTRC_SYS_DECODERS_H
#define PTRC_SYS_DECODERS_H

#include "decode.h"

void dec_open_flags(struct dctx *d, struct val *v, uint64_t flags);

void dec_open(struct dctx *d, struct sc_event *ev, bool exiting);
void dec_openat(struct dctx *d, struct sc_event *ev, bool exiting);

#endif
