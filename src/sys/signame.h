/* Signal and errno names, from the system headers. */
#ifndef PTRC_SYS_SIGNAME_H
#define PTRC_SYS_SIGNAME_H

#include <stddef.h>
#include <stdint.h>

/*
 * Writes the signal's name ("SIGINT", "SIGRTMIN", "SIGRT_3") into buf and
 * returns buf, or returns NULL when sig is not a signal number.
 */
const char *signame(int64_t sig, char *buf, size_t size);

/* "ENOENT", or NULL for a number with no name. */
const char *errno_name(int64_t err);
/* The message strace prints after the name: "No such file or directory". */
const char *errno_text(int64_t err);
/* True for the kernel's internal restart codes, which print as "= ?". */
int errno_is_restart(int64_t err);

#endif
