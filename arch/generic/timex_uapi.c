/*
 * struct lp64_timex (generic.h) against the kernel's struct __kernel_timex.  <linux/timex.h>
 * clashes with glibc's time headers, so this file includes it alone and checks the offsets
 * lp64.c checks its wire form at against the UAPI struct itself.
 */
#include <linux/timex.h>
#include <stddef.h>

_Static_assert(sizeof(struct __kernel_timex) == 208, "struct __kernel_timex");
_Static_assert(offsetof(struct __kernel_timex, status) == 40, "__kernel_timex.status");
_Static_assert(offsetof(struct __kernel_timex, time) == 72, "__kernel_timex.time");
_Static_assert(offsetof(struct __kernel_timex, shift) == 112, "__kernel_timex.shift");
_Static_assert(offsetof(struct __kernel_timex, tai) == 160, "__kernel_timex.tai");
