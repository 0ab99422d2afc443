/* Unbounded recursion: SIGSEGV in the stack guard gap. */
#include "crash_note.h"
#include <stdio.h>

static volatile int keep_going = 1;

__attribute__((noinline)) static int recurse(int depth)
{
	volatile char pad[256];

	pad[0] = (char)depth;
	if (!keep_going)
		return 0;
	return recurse(depth + 1) + pad[0]; /* CRASH-LINE */
}

int main(void)
{
	about_to_crash();
	printf("%d\n", recurse(0));
	return 0;
}
