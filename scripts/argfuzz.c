/* Makes one system call COUNT times with arguments drawn from a seeded generator, so that two
 * tracers can be run on the same calls and their lines compared (scripts/argfuzz-diff.py).
 *   argfuzz NR SEED COUNT
 * Pointers point into pages mapped at fixed addresses, so both runs see the same values:
 * a string, a page of pattern bytes, a page of zeros, the last bytes before an unmapped page
 * and the unmapped page itself.  As root it first moves into new IPC, network and UTS
 * namespaces and becomes nobody, so that what the garbage asks for fails or stays inside. */
#define _GNU_SOURCE
#include <grp.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#if UINTPTR_MAX > 0xffffffffU
#define BASE 0x7e0000000000UL
#else
#define BASE 0x50000000UL
#endif
#define PAGE 4096UL

static uint64_t state;

static uint64_t next_rand(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

static unsigned long pick_arg(void)
{
	static const unsigned long values[] = {
		0,
		1,
		2,
		3,
		(unsigned long)-1,
		(unsigned long)-100,
		0xffffffffUL,
		0xdeadbeefUL,
		(unsigned long)0xfacefeed00000003ULL,
		(unsigned long)0xbadc0dedULL,
		(unsigned long)0x8000000000000000ULL,
		4096,
		0x1ff,
		(unsigned long)0xffffffff00000000ULL,
		0x10,
		0x80,
	};
	static const unsigned long pointers[] = {
		BASE,		     /* "fuzz.sample" */
		BASE + PAGE,	     /* pattern bytes */
		BASE + 2 * PAGE,     /* zeros */
		BASE + 4 * PAGE - 8, /* 8 pattern bytes, then the unmapped page */
		BASE + 4 * PAGE,     /* unmapped */
		BASE + 3 * PAGE,     /* a page of small counts: 1, 2, 3... */
	};
	uint64_t r = next_rand();
	size_t nv = sizeof(values) / sizeof(values[0]);
	size_t np = sizeof(pointers) / sizeof(pointers[0]);
	if (r % 3 == 0)
		return pointers[(r >> 8) % np];
	return values[(r >> 8) % nv];
}

static int map_pages(void)
{
	unsigned char *p = mmap((void *)BASE, 4 * PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (p == MAP_FAILED)
		return -1;
	strcpy((char *)p, "fuzz.sample");
	for (unsigned long i = 0; i < PAGE; i++)
		p[PAGE + i] = (unsigned char)(0x80 + (i & 0x7f));
	unsigned int *counts = (unsigned int *)(p + 3 * PAGE);
	for (unsigned long i = 0; i < PAGE / 4; i++)
		counts[i] = (unsigned int)(i % 4 + 1);
	memset(p + 4 * PAGE - 8, 0xa5, 8);
	return 0;
}

static void drop_privileges(void)
{
	if (geteuid() != 0)
		return;
	if (unshare(CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWUTS) != 0)
		perror("argfuzz: unshare");
	if (setgroups(0, NULL) != 0 || setgid(65534) != 0 || setuid(65534) != 0) {
		perror("argfuzz: dropping privileges");
		exit(2);
	}
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: argfuzz NR SEED COUNT\n");
		return 2;
	}
	long nr = strtol(argv[1], NULL, 0);
	state = strtoull(argv[2], NULL, 0) * 0x9e3779b97f4a7c15ULL + 1;
	int count = atoi(argv[3]);
	if (map_pages() != 0) {
		perror("argfuzz: mmap");
		return 2;
	}
	drop_privileges();
	for (int i = 0; i < count; i++) {
		unsigned long a[6];
		for (int k = 0; k < 6; k++)
			a[k] = pick_arg();
		syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	}
	return 0;
}
