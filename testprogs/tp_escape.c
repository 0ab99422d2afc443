/* A traced process that tries to end its tracing: it sends SIGINT to its tracer (TracerPid
 * in /proc/self/status) once it is traced, then makes the openat a policy denies.
 *   tp_escape PATH
 * Exits 0 after the openat, 1 when it was never traced (10 s).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pid_t tracer(void)
{
	char line[256];
	pid_t pid = 0;
	FILE *f = fopen("/proc/self/status", "r");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "TracerPid:", 10))
			pid = (pid_t)strtol(line + 10, NULL, 10);
	if (f)
		fclose(f);
	return pid;
}

int main(int argc, char **argv)
{
	struct timespec tick = {0, 10 * 1000 * 1000}, settle = {0, 300 * 1000 * 1000};
	pid_t t = 0;

	if (argc != 2)
		return 64;
	for (int i = 0; i < 1000 && !(t = tracer()); i++)
		nanosleep(&tick, NULL);
	if (!t)
		return 1;
	kill(t, SIGINT);
	nanosleep(&settle, NULL); /* a tracer that detaches on it has done so by now */
	syscall(SYS_openat, AT_FDCWD, argv[1], O_RDONLY);
	return 0;
}
