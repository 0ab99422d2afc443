#ifndef PTRC_TESTPROGS_CRASH_LIB_H
#define PTRC_TESTPROGS_CRASH_LIB_H

void crashlib_store(int *p, int v);
long crashlib_getppid(void);

#endif
