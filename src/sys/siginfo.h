/* siginfo_t as a value: the fields strace prints for each kind of signal. */
#ifndef PTRC_SYS_SIGINFO_H
#define PTRC_SYS_SIGINFO_H

#include <signal.h>

#include "../event/value.h"
#include "../util/arena.h"

void siginfo_decode(struct arena *a, struct val *out, const siginfo_t *si);

#endif
