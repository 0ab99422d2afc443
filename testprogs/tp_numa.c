/* move_pages on two pages of the program's own and an unmapped one: where they are (the
 * status array the kernel writes), a move to where they already are, wild pointers.
 *   tp_numa basic   the statuses are stated as the kernel wrote them
 */
#include "expect.h"

#include <errno.h>
#include <linux/mempolicy.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t me;
static void *pages[3];
static int nodes[3], status[3];

/* A status as strace shows it: the node, or -EFAULT. */
static const char *st(int s)
{
	static char bufs[3][32];
	static unsigned next;
	char *b = bufs[next++ % 3];

	if (s < 0)
		snprintf(b, sizeof(bufs[0]), "-%s", strerrorname_np(-s));
	else
		snprintf(b, sizeof(bufs[0]), "%d", s);
	return b;
}

static int run_basic(void)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return 1;
	p[0] = p[4096] = 1;
	pages[0] = p;
	pages[1] = p + 4096;
	pages[2] = (void *)0xdeadb000;
	long n = syscall(SYS_move_pages, 0, 3, pages, NULL, status, 0);
	xp_line(me, "move_pages(0, 3, [%p, %p, 0xdeadb000], NULL, [%s, %s, %s], 0) = %s", pages[0],
		pages[1], st(status[0]), st(status[1]), st(status[2]), xp_res(n));
	nodes[0] = nodes[1] = status[0] < 0 ? 0 : status[0];
	n = syscall(SYS_move_pages, 0, 2, pages, nodes, status, MPOL_MF_MOVE);
	xp_line(me, "move_pages(0, 2, [%p, %p], [%d, %d], [%s, %s], MPOL_MF_MOVE) = %s", pages[0],
		pages[1], nodes[0], nodes[1], st(status[0]), st(status[1]), xp_res(n));
	n = syscall(SYS_move_pages, 0, 2, (void *)0xdeadbeef, NULL, status, 0);
	xp_line(me, "move_pages(0, 2, 0xdeadbeef, NULL, %p, 0) = %s", (void *)status, xp_res(n));
	n = syscall(SYS_move_pages, 0, 2, pages, NULL, (void *)0xdeadbeef, MPOL_MF_MOVE_ALL | 0x80);
	xp_line(me, "move_pages(0, 2, [%p, %p], NULL, 0xdeadbeef, MPOL_MF_MOVE_ALL|0x80) = %s",
		pages[0], pages[1], xp_res(n));
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_numa", argc, argv, modes);
}
