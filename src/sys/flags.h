/* Flag and enumeration name tables shared by the decoders (see flags.c). */
#ifndef PTRC_SYS_FLAGS_H
#define PTRC_SYS_FLAGS_H

#include "xlat.h"

extern const struct xlat xl_open_accmode; /* O_RDONLY, O_WRONLY, O_RDWR */
extern const struct xlat xl_open_flags;	  /* every other O_* bit */
extern const struct xlat xl_at_flags;
extern const struct xlat xl_signals; /* SIGHUP..SIGSYS, by number */

#endif
