/* An illegal instruction (ud2 on x86): SIGILL ILL_ILLOPN. */
#include "crash_note.h"
__attribute__((noinline)) static void bad(void)
{
	__builtin_trap(); /* CRASH-LINE */
}

int main(void)
{
	about_to_crash();
	bad();
	return 0;
}
