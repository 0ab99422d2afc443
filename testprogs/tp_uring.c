/* Opens a file through io_uring (IORING_OP_OPENAT), which no syscall stop shows.
 *   tp_uring PATH
 * Prints "setup=OK" or "setup=ERRNO-NAME", then "open=OK" (and "leaked" when the file's
 * first byte is 'S') or "open=ERRNO-NAME".  Exits 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *errname(int e)
{
	return e == EPERM ? "EPERM" : e == EACCES ? "EACCES" : e == ENOSYS ? "ENOSYS" : "other";
}

/* One OPENAT through a fresh ring: the open's result, -errno. */
static int ring_open(int ring, const struct io_uring_params *p, const char *path)
{
	size_t sq_len = p->sq_off.array + p->sq_entries * sizeof(unsigned);
	size_t cq_len = p->cq_off.cqes + p->cq_entries * sizeof(struct io_uring_cqe);
	char *sq = mmap(NULL, sq_len, PROT_READ | PROT_WRITE, MAP_SHARED, ring, IORING_OFF_SQ_RING);
	char *cq = mmap(NULL, cq_len, PROT_READ | PROT_WRITE, MAP_SHARED, ring, IORING_OFF_CQ_RING);
	struct io_uring_sqe *sqes = mmap(NULL, p->sq_entries * sizeof(*sqes),
					 PROT_READ | PROT_WRITE, MAP_SHARED, ring, IORING_OFF_SQES);

	if (sq == MAP_FAILED || cq == MAP_FAILED || sqes == MAP_FAILED)
		return -errno;
	unsigned *tail = (unsigned *)(sq + p->sq_off.tail);
	unsigned *array = (unsigned *)(sq + p->sq_off.array);
	memset(&sqes[0], 0, sizeof(sqes[0]));
	sqes[0].opcode = IORING_OP_OPENAT;
	sqes[0].fd = AT_FDCWD;
	sqes[0].addr = (unsigned long)path;
	sqes[0].open_flags = O_RDONLY;
	array[*tail & *(unsigned *)(sq + p->sq_off.ring_mask)] = 0;
	__atomic_store_n(tail, *tail + 1, __ATOMIC_RELEASE);
	if (syscall(SYS_io_uring_enter, ring, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) < 0)
		return -errno;
	unsigned head = __atomic_load_n((unsigned *)(cq + p->cq_off.head), __ATOMIC_ACQUIRE);
	struct io_uring_cqe *cqes = (struct io_uring_cqe *)(cq + p->cq_off.cqes);
	int res = cqes[head & *(unsigned *)(cq + p->cq_off.ring_mask)].res;
	__atomic_store_n((unsigned *)(cq + p->cq_off.head), head + 1, __ATOMIC_RELEASE);
	return res;
}

int main(int argc, char **argv)
{
	struct io_uring_params p;
	char c = 0;

	if (argc != 2)
		return 64;
	memset(&p, 0, sizeof(p));
	int ring = (int)syscall(SYS_io_uring_setup, 4, &p);
	if (ring < 0) {
		printf("setup=%s\n", errname(errno));
		return 0;
	}
	printf("setup=OK\n");
	int fd = ring_open(ring, &p, argv[1]);
	if (fd < 0) {
		printf("open=%s\n", errname(-fd));
		return 0;
	}
	printf("open=OK\n");
	if (read(fd, &c, 1) == 1 && c == 'S')
		printf("leaked\n");
	return 0;
}
