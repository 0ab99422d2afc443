/*
 * The call a crash program makes just before it faults: the crash report's
 * "last syscalls" must show it decoded, as the trace would (it_crash.c).
 */
#ifndef PTRC_TESTPROGS_CRASH_NOTE_H
#define PTRC_TESTPROGS_CRASH_NOTE_H

#include <unistd.h>

#define CRASH_NOTE "about to crash\n"

static inline void about_to_crash(void)
{
	(void)!write(1, CRASH_NOTE, sizeof(CRASH_NOTE) - 1);
}

#endif
