/* Switching ABIs (built as testprogs/tp_abi and, with -m32, as testprogs/m32/tp_abi).
 *   tp_abi int80     64-bit only: getpid through int $0x80 decodes with the i386 table
 *   tp_abi exec      64 -> 32 -> 64: exec m32/tp_abi, which execs tp_abi back
 * Each exec'd image states its own lines; the personality lines are stated by the
 * image that runs after the switch.
 */
#include "expect.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t me;
static const int bits = (int)sizeof(long) * 8;

static int run_int80(void)
{
#if defined(__x86_64__)
	long n, r = 20; /* __NR_getpid in the i386 table (unistd_32.h) */

	/* int $0x80 from 64-bit code: the i386 entry; r8-r11 are clobbered. */
	__asm__ volatile("int $0x80" : "+a"(r) : : "r8", "r9", "r10", "r11", "memory");
	xp_exact(me, "[ Process PID=%d runs in 32 bit mode. ]", (int)me);
	xp_line(me, "getpid() = %ld", r);
	xp_exact(me, "[ Process PID=%d runs in 64 bit mode. ]", (int)me);
	n = syscall(SYS_getppid);
	xp_line(me, "getppid() = %ld", n);
	return r == me ? 0 : 1;
#else
	return 2;
#endif
}

/* The other ABI's image: m32/tp_abi from a 64-bit program, ../tp_abi from a 32-bit one. */
static void other_image(char *buf, size_t size)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (n < 0) {
		perror("/proc/self/exe");
		exit(99);
	}
	self[n] = '\0';
	char *dir = dirname(self);
	if (bits == 64)
		snprintf(buf, size, "%s/m32/tp_abi", dir);
	else
		snprintf(buf, size, "%s/../tp_abi", dir);
}

/* The exec'd image states its own execve line: the old image passes what it cannot know. */
static void state_exec(int argc, char **argv)
{
	const char *path = getenv("TP_ABI_PATH");

	if (argc < 4 || !path)
		return;
	xp_line(me, "execve(\"%s\", [\"tp_abi\", \"%s\", \"%s\", \"%s\"], %s /* %s vars */) = 0",
		path, argv[1], argv[2], argv[3], argv[2], argv[3]);
	xp_exact(me, "[ Process PID=%d runs in %d bit mode. ]", (int)me, bits);
}

static int run_exec(const char *next)
{
	char path[PATH_MAX], envp[32], nvars[16];
	extern char **environ;
	long n;

	n = syscall(SYS_getpid);
	xp_line(me, "getpid() = %ld", n);
	if (!next) /* the last image */
		return 0;
	other_image(path, sizeof(path));
	setenv("TP_ABI_PATH", path, 1);
	snprintf(envp, sizeof(envp), "%p", (void *)environ);
	snprintf(nvars, sizeof(nvars), "%d", xp_count_env(environ));
	xp_flush();
	char *args[] = {"tp_abi", (char *)next, envp, nvars, NULL};
	syscall(SYS_execve, path, args, environ);
	perror(path);
	return 99;
}

int main(int argc, char **argv)
{
	int ret;

	xp_init();
	me = getpid();
	state_exec(argc, argv);
	if (argc < 2) {
		fprintf(stderr, "usage: tp_abi int80|exec\n");
		return 2;
	}
	if (!strcmp(argv[1], "int80"))
		ret = run_int80();
	else if (!strcmp(argv[1], "exec")) /* 64: exec the 32-bit image */
		ret = run_exec(bits == 64 ? "exec64" : NULL);
	else if (!strcmp(argv[1], "exec64")) /* 32: exec the 64-bit image back */
		ret = run_exec("end");
	else if (!strcmp(argv[1], "end"))
		ret = run_exec(NULL);
	else
		return 2;
	xp_exit(me, ret);
}
