/* What a tracee's descriptor refers to, for -y and -yy.  Reads /proc. */
#ifndef PTRC_FD_FDINFO_H
#define PTRC_FD_FDINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * Writes the description of tid's descriptor fd into out: the path for -y
 * ("/etc/passwd", "pipe:[1234]", "socket:[99]"), and with detailed (-yy)
 * socket endpoints and device numbers.  fd AT_FDCWD describes the working
 * directory.  Returns 0, or -errno when the descriptor is not open.
 */
int fdinfo_describe(pid_t tid, int fd, bool detailed, char *out, size_t len);

#endif
