/* Where a tracee's path leads, symlinks followed (pathwalk.c). */
#ifndef PTRC_CORE_PATHWALK_H
#define PTRC_CORE_PATHWALK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * Resolves an absolute path of task tid (of process tgid) as the kernel will:
 * in its root, each symlink followed (the last component only when
 * follow_last), ".." after the link before it; a component that does not
 * exist ends the walk with the rest appended as written.  0 with the result
 * in out, or -errno (-ELOOP, -ENAMETOOLONG, -ENOENT for a /proc link to a
 * pipe or a socket, and for standard input, output and error, which are
 * judged by their name) when it leads nowhere a name can say.
 */
int path_walk(pid_t tgid, pid_t tid, const char *path, bool follow_last, char *out, size_t len);

#endif
