/* A read of an address that was mapped and then unmapped: SIGSEGV SEGV_MAPERR. */
#include "crash_note.h"
#include <stdio.h>
#include <sys/mman.h>

__attribute__((noinline)) static int peek(volatile int *p)
{
	return *p; /* CRASH-LINE */
}

int main(void)
{
	char *page =
		mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED)
		return 1;
	/* Leave a hole in the middle, with mappings on both sides. */
	munmap(page + 4096, 4096);
	about_to_crash();
	printf("%d\n", peek((volatile int *)(page + 4096 + 16)));
	return 0;
}
