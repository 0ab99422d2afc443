/* A crash inside a shared library (libcrashlib.so, built by the tests). */
#include "crash_note.h"
#include <stddef.h>

#include "crash_lib.h"

int main(void)
{
	about_to_crash();
	crashlib_store(NULL, 1);
	return 0;
}
