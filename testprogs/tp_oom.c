/* The OOM killer's victim: joins the memory cgroup whose cgroup.procs file argv[1] names
 * (the test made it, with a small limit) and execs itself, as a container runtime starts a
 * job; the new program touches memory until the kernel kills it.
 *   tp_oom CGROUP_PROCS_FILE
 * Exits 2 when it cannot join the cgroup, 3 when it ran out of address space unkilled.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char pid[32];

	if (argc < 2)
		return 2;
	if (!strcmp(argv[1], "--touch"))
		goto touch;
	int fd = open(argv[1], O_WRONLY);
	int n = snprintf(pid, sizeof(pid), "%d\n", (int)getpid());
	if (fd < 0 || write(fd, pid, (size_t)n) != n)
		return 2;
	close(fd);
	execl(argv[0], argv[0], "--touch", (char *)NULL);
	return 2;
touch:
	for (int i = 0; i < 4096; i++) {
		char *p = malloc(1 << 20);
		if (!p)
			return 3;
		memset(p, i, 1 << 20); /* touched: charged to the cgroup */
	}
	return 3;
}
