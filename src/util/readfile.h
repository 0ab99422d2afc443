/* Whole small files (/proc files, sources): read in one go. */
#ifndef PTRC_UTIL_READFILE_H
#define PTRC_UTIL_READFILE_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Reads up to max bytes of path into a malloc'd NUL-terminated buffer the
 * caller frees; *len (if not NULL) gets the length without the NUL.
 * Returns NULL when the file cannot be opened.
 */
char *readfile(const char *path, size_t max, size_t *len);
/*
 * /proc/PID/cmdline as one line: the arguments joined by spaces, trailing
 * NULs dropped, cut at max bytes.  malloc'd; NULL when unreadable or empty.
 */
char *read_cmdline(pid_t pid, size_t max);

#endif
