/* pidfd_open's flags (<linux/pidfd.h>). */
#include <linux/pidfd.h>

#include "flags.h"

XLAT_TABLE(xl_pidfd_open_flags, XLAT_BITS, XLAT(PIDFD_NONBLOCK));
