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

/*
 * -yy's text of a socket no table lists yet (an unbound UDP one), out's "socket:[12345]":
 * its protocol, "UDP:[12345]", as strace prints it.  Returns whether it rewrote out.  Kept
 * apart from fdinfo_describe: the story asks again about a socket still "socket:[...]".
 */
bool fdinfo_socket_proto(pid_t tid, int fd, char *out, size_t len);

#endif
