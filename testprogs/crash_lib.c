/* A crash inside a shared library (libcrashlib.so, built by the tests). */
#include <stddef.h>

#include "crash_lib.h"

int main(void)
{
	crashlib_store(NULL, 1);
	return 0;
}
