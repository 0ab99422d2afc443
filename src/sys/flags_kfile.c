/*
 * Open flags as the kernel defines them: glibc's O_LARGEFILE is 0 on 64-bit
 * hosts, yet the kernel reports the bit in F_GETFL and strace names it.
 */
#include <asm/fcntl.h>
#include <linux/fcntl.h>

#include "flags.h"

XLAT_TABLE(xl_open_accmode, XLAT_ENUM, XLAT(O_RDONLY), XLAT(O_WRONLY), XLAT(O_RDWR),
	   XLAT(O_ACCMODE));

/*
 * strace's print order, which is not the order of the values.  Multi-bit
 * flags (O_SYNC, O_TMPFILE) come before the bits they contain.
 */
XLAT_TABLE(xl_open_flags, XLAT_BITS, XLAT(O_CREAT), XLAT(O_EXCL), XLAT(O_NOCTTY), XLAT(O_TRUNC),
	   XLAT(O_APPEND), XLAT(O_NONBLOCK), XLAT(O_SYNC), XLAT(__O_SYNC), XLAT(O_DSYNC),
	   XLAT(O_DIRECT), XLAT(O_LARGEFILE), XLAT(O_NOFOLLOW), XLAT(O_NOATIME), XLAT(O_CLOEXEC),
	   XLAT(O_PATH), XLAT(O_TMPFILE), XLAT(__O_TMPFILE), XLAT(O_DIRECTORY), XLAT(FASYNC));

XLAT_TABLE(xl_at_flags, XLAT_BITS, XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_REMOVEDIR),
	   XLAT(AT_SYMLINK_FOLLOW), XLAT(AT_NO_AUTOMOUNT), XLAT(AT_EMPTY_PATH), XLAT(AT_RECURSIVE));

/* statx's synchronisation type: a 2-bit field whose 0 has a name. */
XLAT_TABLE(xl_statx_sync, XLAT_BITS, XLAT(AT_STATX_SYNC_AS_STAT), XLAT(AT_STATX_FORCE_SYNC),
	   XLAT(AT_STATX_DONT_SYNC));

/* faccessat2 shares AT_EACCESS's value with AT_REMOVEDIR. */
XLAT_TABLE(xl_faccessat_flags, XLAT_BITS, XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_EACCESS),
	   XLAT(AT_EMPTY_PATH));
