/*
 * Opening the files ptrc writes (-o, -ff, --learn, --seccomp-profile) so
 * that a symbolic link another user planted at the path is never followed:
 * root writing its trace to /tmp/trace.txt must not overwrite the file a
 * link there points to.  A link the user or root owns (/dev/stderr) is fine.
 */
#ifndef PTRC_UTIL_OUTFILE_H
#define PTRC_UTIL_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>

/* An fd open for writing (truncated, or appended to), or -errno; -ELOOP: a link refused. */
int outfile_open(const char *path, bool append);
/* What a negative outfile_open() result means, for a message. */
const char *outfile_strerror(int rc);
/*
 * strace's -o '|COMMAND' (or '!COMMAND'): the write end of a pipe to /bin/sh -c COMMAND, or
 * -errno.  The command runs as a grandchild, so that a tracer reaping every child never sees
 * it; it ends when the pipe is closed.
 */
int outfile_pipe(const char *command);
/* Writes len bytes to fd, whatever write() does short; 0 or -errno. */
int outfile_write_all(int fd, const char *buf, size_t len);
/* Writes a whole file (outfile_open's rules, truncated): 0, or -errno of the open, write or close.
 */
int outfile_put(const char *path, const char *buf, size_t len);

#endif
