/*
 * A tracee's netlink sockets, for the netlink decoders and -yy: the protocol
 * and port id of a bound socket, from the tracee's /proc/PID/net/netlink.
 */
#ifndef PTRC_FD_NLSOCK_H
#define PTRC_FD_NLSOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * Finds the socket with this inode in the text of a /proc/net/netlink table
 * and sets its protocol and port id.  Pure: the caller reads the file.
 */
bool nlsock_find(const char *table, unsigned long inode, int *proto, uint32_t *portid);

/* The kernel's name of the protocol of tid's socket fd ("UDP", "NETLINK"); false when fd
 * is no socket. */
bool sock_protoname(pid_t tid, int fd, char *out, size_t len);

/* Whether tid's descriptor fd is a netlink socket; *inode is then its inode. */
bool nlsock_is_netlink(pid_t tid, int fd, unsigned long *inode);

/*
 * The protocol of tid's netlink socket fd, and its port id: >= 0; -1 when fd
 * is not a netlink socket; -2 when it is one the table does not list (a
 * socket is listed once it is bound, or has sent).
 */
int nlsock_proto(pid_t tid, int fd, uint32_t *portid);

/* strace's -yy text of a netlink socket: NETLINK:[ROUTE:1234], or NETLINK:[ino] when not
 * bound.  Returns false when fd is not a netlink socket. */
bool nlsock_describe(pid_t tid, int fd, char *out, size_t len);

#endif
