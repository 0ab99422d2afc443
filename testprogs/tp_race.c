/* Races a policy's path check: a second thread rewrites the path between the tracer's read of
 * it and the kernel's, flipping it between an allowed file and a denied one.
 *   tp_race ALLOWED DENIED TRIES
 * The main thread opens the path TRIES times and reads what it got; it prints
 *   opened=N leaked=L
 * where L counts the opens that read the denied file's first byte ('S'), and writes
 * "leak" at once on each (a kill may end it before the summary).  Exits 0.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static char path[2][4096];
static char buf[4096];
static atomic_int done;

static void *flipper(void *arg)
{
	(void)arg;
	for (unsigned i = 0; !atomic_load_explicit(&done, memory_order_relaxed); i++) {
		/* one byte store at a time: the tracer and the kernel may see either */
		const char *src = path[i & 1];
		for (size_t k = 0; k <= strlen(src); k++)
			((volatile char *)buf)[k] = src[k];
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t th;
	unsigned long opened = 0, leaked = 0;

	if (argc != 4 || strlen(argv[1]) >= sizeof(path[0]) || strlen(argv[2]) >= sizeof(path[0]))
		return 64;
	strcpy(path[0], argv[1]);
	strcpy(path[1], argv[2]);
	strcpy(buf, argv[1]);
	long tries = atol(argv[3]);
	if (pthread_create(&th, NULL, flipper, NULL))
		return 1;
	for (long i = 0; i < tries; i++) {
		char c = 0;
		int fd = (int)syscall(SYS_openat, AT_FDCWD, buf, O_RDONLY);
		if (fd < 0)
			continue;
		opened++;
		if (read(fd, &c, 1) == 1 && c == 'S') {
			leaked++;
			if (write(1, "leak\n", 5) < 0)
				return 1;
		}
		close(fd);
	}
	atomic_store(&done, 1);
	pthread_join(th, NULL);
	printf("opened=%lu leaked=%lu\n", opened, leaked);
	return 0;
}
