/*
 * Frames as text, in strace -k's layout extended with source lines:
 *
 *  > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]
 *  > /tmp/job(emit+0x1c) [0x1169] job.c:5
 *  > /tmp/job(report+0x12) [0x1190] job.c:9 (inlined into run_epochs)
 *  > /tmp/job() [0x1234]                   no symbol
 *  > ?() [0x7f0012345678]                  no module: the runtime address
 *  > [py] train.py:14 in Trainer.step      a CPython frame, where the eval loop was
 *  > (stack truncated: more than 256 frames)
 *
 * Pure: frames in, text out.  Lines carry no pid prefix (strace prints none).
 * Names and paths are printable ASCII: other bytes as \xHH, a backslash as "\\".
 */
#ifndef PTRC_UNWIND_FMT_FRAMES_H
#define PTRC_UNWIND_FMT_FRAMES_H

#include <stdbool.h>

#include "unwind/unwind.h"
#include "util/strbuf.h"

struct fmt_frames_opts {
	bool no_source;	  /* leave out " file:line" */
	bool full_path;	  /* the source file's path as the debug info has it, not its base name */
	const char *lead; /* before each frame; NULL means " > " */
	bool collapse;	  /* fmt_frames: print a run of identical frames once, then a count */
	bool python_only; /* fmt_frames: only the Python frames (--py-stacks) */
};

/*
 * A name or path from the tracee (its files, its memory): printable ASCII as it
 * is, other bytes as \xHH and a backslash as "\\", so that no byte of it acts
 * on a terminal.
 */
void fmt_escaped(struct strbuf *sb, const char *s);
/* A Python frame's place, "train.py:14 in Trainer.step", without the lead. */
void fmt_python_where(struct strbuf *sb, const struct unwind_frame *f);
/* One frame, without a newline. */
void fmt_frame(struct strbuf *sb, const struct unwind_frame *f, const struct fmt_frames_opts *o);
/* Every frame, then the reason of a cut walk, each line ending with '\n'. */
void fmt_frames(struct strbuf *sb, const struct unwind_trace *t, const struct fmt_frames_opts *o);

#endif
