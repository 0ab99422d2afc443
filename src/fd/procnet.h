/*
 * Describing sockets for -yy from the text of /proc/net/{tcp,tcp6,udp,udp6}.
 * Pure: the caller reads the files.
 */
#ifndef PTRC_FD_PROCNET_H
#define PTRC_FD_PROCNET_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Finds the socket with this inode in a /proc/net table and writes strace's
 * description ("TCP:[127.0.0.1:5000->127.0.0.1:41234]", "UDP:[0.0.0.0:68]")
 * to out.  proto is "TCP" or "UDP"; v6 selects the 128-bit address format.
 * Returns true when found.
 */
bool procnet_describe(const char *table, unsigned long inode, const char *proto, bool v6, char *out,
		      size_t len);

#endif
