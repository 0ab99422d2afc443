/*
 * Syscalls at known places for the -k tests: getpid three calls deep with a
 * function inlined into another, then a library loaded with dlopen between
 * two getppid calls (the unwinder must see the new module).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

__attribute__((noinline)) static long deep3(void)
{
	return syscall(SYS_getpid); /* KSTACK-DEEP */
}

static inline __attribute__((always_inline)) long deep2(void)
{
	return deep3() + 1; /* KSTACK-INLINE */
}

__attribute__((noinline)) static long deep1(void)
{
	return deep2();
}

int main(int argc, char **argv)
{
	long (*fn)(void);
	void *lib;

	deep1();
	syscall(SYS_getppid); /* KSTACK-BEFORE */
	lib = dlopen(argc > 1 ? argv[1] : "libcrashlib.so", RTLD_NOW);
	if (!lib)
		return 1;
	fn = (long (*)(void))dlsym(lib, "crashlib_getppid");
	if (!fn)
		return 1;
	fn();
	return 0;
}
