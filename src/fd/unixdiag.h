/* Describing a UNIX socket for -yy through NETLINK_SOCK_DIAG. */
#ifndef PTRC_FD_UNIXDIAG_H
#define PTRC_FD_UNIXDIAG_H

#include <stddef.h>

/*
 * Writes strace's description of the UNIX socket with this inode:
 * UNIX-STREAM:[ino->peer], UNIX-DGRAM:[ino,"/path"].  Returns 0, or -errno
 * (-ENOENT when no UNIX socket has that inode, e.g. in another netns).
 */
int unixdiag_describe(unsigned long ino, char *out, size_t len);

#endif
