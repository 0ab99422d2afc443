/* A NULL store three calls deep: SIGSEGV SEGV_MAPERR at address 0. */
#include "crash_note.h"
#include <stdio.h>

__attribute__((noinline)) static void level3(int *p)
{
	*p = 42; /* CRASH-LINE */
}

__attribute__((noinline)) static void level2(int *p)
{
	level3(p);
	puts("not reached");
}

__attribute__((noinline)) static void level1(int *p)
{
	level2(p);
	puts("not reached");
}

int main(void)
{
	about_to_crash();
	level1(NULL);
	return 0;
}
