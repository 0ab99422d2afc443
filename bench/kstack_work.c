/* -k benchmark workload: N getppid calls, each D C frames deep.  Usage: kstack_work N D */
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

__attribute__((noinline)) static void dive(int depth, long n)
{
	if (depth > 0) {
		dive(depth - 1, n);
		return;
	}
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 2000;
	int depth = argc > 2 ? atoi(argv[2]) : 20;

	dive(depth, n);
	return 0;
}
