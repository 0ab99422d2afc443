/*
 * i386's fcntl64 commands that take a struct flock64 (F_GETLK64 ...).  The
 * kernel's <asm-generic/fcntl.h> defines them only for a 32-bit build, and
 * glibc's <fcntl.h> gives the same names other values on 64-bit hosts, so
 * this file includes the kernel header alone, as a 32-bit build sees it.
 */
#include <asm/bitsperlong.h>
#undef __BITS_PER_LONG
#define __BITS_PER_LONG 32
#include <asm-generic/fcntl.h>

#include "../../src/sys/xlat.h"

extern const struct xlat xl_i386_fcntl_lk64;

/* Order: GETLK64, SETLK64, SETLKW64 (src/sys/dec_fs.c maps them to F_GETLK ...). */
XLAT_TABLE(xl_i386_fcntl_lk64, XLAT_ENUM, XLAT(F_GETLK64), XLAT(F_SETLK64), XLAT(F_SETLKW64));
