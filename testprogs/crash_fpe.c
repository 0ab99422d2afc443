/* Integer division by zero: SIGFPE FPE_INTDIV. */
#include "crash_note.h"
#include <stdio.h>

__attribute__((noinline)) static int divide(int a, int b)
{
	return a / b; /* CRASH-LINE */
}

int main(int argc, char **argv)
{
	(void)argv;
	about_to_crash();
	printf("%d\n", divide(argc, argc - 1));
	return 0;
}
