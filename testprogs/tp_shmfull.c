/* A shared mapping of a file on a full filesystem: the DataLoader's /dev/shm SIGBUS.
 *   tp_shmfull DIR   DIR is a small tmpfs (the test mounts one): a 4 MiB sparse file there
 *                    is mapped MAP_SHARED and written page by page until the kernel, with
 *                    no page left to give, raises SIGBUS.
 * Exits 2 when the file cannot be made, 3 when every page was written (nothing filled).
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char path[512];
	size_t len = 4 << 20;

	if (argc < 2)
		return 2;
	snprintf(path, sizeof(path), "%s/segment", argv[1]);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || ftruncate(fd, (off_t)len) < 0)
		return 2;
	volatile char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return 2;
	for (size_t off = 0; off < len; off += 4096)
		p[off] = 1;
	return 3;
}
