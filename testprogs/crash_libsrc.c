/* libcrashlib.so: a NULL store in a library, and a syscall made from a library. */
#include <sys/syscall.h>
#include <unistd.h>

#include "crash_lib.h"

__attribute__((noinline)) static void lib_inner(int *p, int v)
{
	*p = v; /* CRASH-LINE */
}

void crashlib_store(int *p, int v)
{
	lib_inner(p, v);
}

long crashlib_getppid(void)
{
	return syscall(SYS_getppid); /* KSTACK-LIB */
}
