/* A failing assert: SIGABRT from abort(). */
#include "crash_note.h"
#undef NDEBUG /* release builds define it; the assert must stay */
#include <assert.h>
#include <stdlib.h>

__attribute__((noinline)) static void check(int value)
{
	assert(value == 2); /* CRASH-LINE */
}

int main(int argc, char **argv)
{
	(void)argv;
	about_to_crash();
	check(argc);
	return 0;
}
