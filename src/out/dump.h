/*
 * The hang report (ptrc --dump) as text and as JSON.  Pure: facts in
 * (src/core/dump.h), text out.
 *
 *   === ptrc dump: pid 4242: python3 train.py (parent 4200 bash; children 4250 4251) ===
 *   thread 4242 "python3": S (sleeping) in do_epoll_wait
 *     blocked in epoll_wait(3, 0x7ffd..., 1023, -1)
 *    > /usr/lib/x86_64-linux-gnu/libc.so.6(epoll_wait+0x5e) [0x1027fe] ...
 *    > [py] train.py:40 in wait_for_workers
 *   === end of dump: pid 4242, 3 threads, each stopped for at most 2.1 ms ===
 */
#ifndef PTRC_OUT_DUMP_H
#define PTRC_OUT_DUMP_H

#include <stdbool.h>

#include "core/dump.h"
#include "fmt_text.h"
#include "util/strbuf.h"

void dump_text(struct strbuf *sb, const struct dump_proc *p, const struct text_opts *o,
	       bool python_only);
/* One {"type":"dump",...} line per thread (docs/json.md). */
void dump_json(struct strbuf *sb, const struct dump_proc *p);

#endif
