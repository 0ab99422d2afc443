/* A read past the end of a mapped file that was truncated: SIGBUS BUS_ADRERR. */
#include "crash_note.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

__attribute__((noinline)) static int touch(volatile const char *p)
{
	return p[0]; /* CRASH-LINE */
}

int main(void)
{
	char path[] = "/tmp/ptrc-crash-bus-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0 || ftruncate(fd, 2 * 4096) < 0)
		return 1;
	char *p = mmap(NULL, 2 * 4096, PROT_READ, MAP_SHARED, fd, 0);
	unlink(path);
	if (p == MAP_FAILED || ftruncate(fd, 100) < 0)
		return 1;
	about_to_crash();
	printf("%d\n", touch(p + 4096));
	return 0;
}
