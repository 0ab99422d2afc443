/* move_pages on two pages of the program's own and an unmapped one: where they are (the
 * status array the kernel writes), a move to where they already are, wild pointers; the
 * memory policy calls with their modes, flags and node masks of 1 to 200 bits.
 *   tp_numa basic    the statuses are stated as the kernel wrote them
 *   tp_numa policy   set_mempolicy, mbind, migrate_pages, set_mempolicy_home_node and
 *                    get_mempolicy; results (a kernel without NUMA fails them) as returned
 */
#include "expect.h"

#include <errno.h>
#include <limits.h>
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

#define WORD_BITS (sizeof(long) * CHAR_BIT)

static unsigned long mask[8], got[8];
static char *area; /* one page of the program's, the next one unmapped */

/* maxnode - 1 bits of m as strace shows them: words of the ABI's, each %#0*lx as wide as
 * the word's hex digits ([0x00000000000001]; 0 is 0000000000000000). */
static const char *nodemask(const unsigned long *m, unsigned long maxnode)
{
	static char bufs[4][400];
	static unsigned next;
	char *b = bufs[next++ % 4];
	unsigned long words = (maxnode - 1 + WORD_BITS - 1) / WORD_BITS;
	size_t len = 0;

	b[len++] = '[';
	for (unsigned long i = 0; i < words; i++)
		len += snprintf(b + len, sizeof(bufs[0]) - len, "%s%#0*lx", i ? ", " : "",
				(int)(2 * sizeof(long)), m[i]);
	snprintf(b + len, sizeof(bufs[0]) - len, "]");
	return b;
}

static const char *const mode_names[] = {
	[MPOL_DEFAULT] = "MPOL_DEFAULT", [MPOL_PREFERRED] = "MPOL_PREFERRED",
	[MPOL_BIND] = "MPOL_BIND",	 [MPOL_INTERLEAVE] = "MPOL_INTERLEAVE",
	[MPOL_LOCAL] = "MPOL_LOCAL",	 [MPOL_PREFERRED_MANY] = "MPOL_PREFERRED_MANY",
};

/* set_mempolicy's modes with their flags, masks of 2, 65 and 200 bits, none, NULL, wild and
 * one that runs into the unmapped page. */
static void policy_set(void)
{
	unsigned long *tail = (unsigned long *)(area + 4096) - 2;
	long n;

	tail[0] = 1;
	tail[1] = 2;
	n = syscall(SYS_set_mempolicy, MPOL_PREFERRED, mask, 2);
	xp_line(me, "set_mempolicy(MPOL_PREFERRED, %s, 2) = %s", nodemask(mask, 2), xp_res(n));
	n = syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES, mask, 65);
	xp_line(me, "set_mempolicy(MPOL_BIND|MPOL_F_STATIC_NODES, %s, 65) = %s", nodemask(mask, 65),
		xp_res(n));
	n = syscall(SYS_set_mempolicy, MPOL_INTERLEAVE | MPOL_F_RELATIVE_NODES, mask, 200);
	xp_line(me, "set_mempolicy(MPOL_INTERLEAVE|MPOL_F_RELATIVE_NODES, %s, 200) = %s",
		nodemask(mask, 200), xp_res(n));
	n = syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_NUMA_BALANCING, mask, 3);
	xp_line(me, "set_mempolicy(MPOL_BIND|MPOL_F_NUMA_BALANCING, %s, 3) = %s", nodemask(mask, 3),
		xp_res(n));
	n = syscall(SYS_set_mempolicy, MPOL_PREFERRED, mask, 1);
	xp_line(me, "set_mempolicy(MPOL_PREFERRED, %p, 1) = %s", (void *)mask, xp_res(n));
	n = syscall(SYS_set_mempolicy, MPOL_PREFERRED, mask, 0);
	xp_line(me, "set_mempolicy(MPOL_PREFERRED, [], 0) = %s", xp_res(n));
	n = syscall(SYS_set_mempolicy, MPOL_PREFERRED, NULL, 3);
	xp_line(me, "set_mempolicy(MPOL_PREFERRED, NULL, 3) = %s", xp_res(n));
	n = syscall(SYS_set_mempolicy, MPOL_BIND, (void *)0xdeadbeef, 3);
	xp_line(me, "set_mempolicy(MPOL_BIND, 0xdeadbeef, 3) = %s", xp_res(n));
	n = syscall(SYS_set_mempolicy, MPOL_PREFERRED, tail, 200);
	xp_line(me, "set_mempolicy(MPOL_PREFERRED, [%#0*lx, %#0*lx, ... /* %p */], 200) = %s",
		(int)(2 * sizeof(long)), tail[0], (int)(2 * sizeof(long)), tail[1],
		(void *)(area + 4096), xp_res(n));
	n = syscall(SYS_set_mempolicy, 0x4d, NULL, 0);
	xp_line(me, "set_mempolicy(0x4d /* MPOL_??? */, NULL, 0) = %s", xp_res(n));
	n = syscall(SYS_set_mempolicy, 0x4d | MPOL_F_STATIC_NODES, NULL, 0);
	xp_line(me, "set_mempolicy(MPOL_F_STATIC_NODES|0x4d, NULL, 0) = %s", xp_res(n));
	n = syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
	xp_line(me, "set_mempolicy(MPOL_DEFAULT, NULL, 0) = %s", xp_res(n));
}

/* mbind's mode, mask and flags on the page; migrate_pages' two masks; a home node. */
static void policy_mbind(void)
{
	long n = syscall(SYS_mbind, area, 4096, MPOL_BIND, mask, 64, MPOL_MF_MOVE);

	xp_line(me, "mbind(%p, 4096, MPOL_BIND, %s, 64, MPOL_MF_MOVE) = %s", (void *)area,
		nodemask(mask, 64), xp_res(n));
	n = syscall(SYS_mbind, area, 4096, MPOL_INTERLEAVE, mask, 3,
		    MPOL_MF_STRICT | MPOL_MF_MOVE_ALL | 0x80);
	xp_line(me,
		"mbind(%p, 4096, MPOL_INTERLEAVE, %s, 3, MPOL_MF_STRICT|MPOL_MF_MOVE_ALL|0x80) = "
		"%s",
		(void *)area, nodemask(mask, 3), xp_res(n));
	n = syscall(SYS_mbind, area, 4096, MPOL_PREFERRED, mask, 3, 0x100);
	xp_line(me, "mbind(%p, 4096, MPOL_PREFERRED, %s, 3, 0x100 /* MPOL_??? */) = %s",
		(void *)area, nodemask(mask, 3), xp_res(n));
	n = syscall(SYS_mbind, area, 4096, MPOL_LOCAL, NULL, 0, 0);
	xp_line(me, "mbind(%p, 4096, MPOL_LOCAL, NULL, 0, 0) = %s", (void *)area, xp_res(n));
	n = syscall(SYS_migrate_pages, 0, 64, mask, mask);
	xp_line(me, "migrate_pages(0, 64, %s, %s) = %s", nodemask(mask, 64), nodemask(mask, 64),
		xp_res(n));
	n = syscall(SYS_migrate_pages, 0, 3, NULL, (void *)0xdeadbeef);
	xp_line(me, "migrate_pages(0, 3, NULL, 0xdeadbeef) = %s", xp_res(n));
	n = syscall(SYS_migrate_pages, 0, 0, mask, mask);
	xp_line(me, "migrate_pages(0, 0, [], []) = %s", xp_res(n));
	n = syscall(SYS_set_mempolicy_home_node, area, 4096, 0, 3);
	xp_line(me, "set_mempolicy_home_node(%p, 4096, 0, 0x3) = %s", (void *)area, xp_res(n));
}

static const char *mode_name(int mode)
{
	unsigned nmodes = sizeof(mode_names) / sizeof(mode_names[0]);

	return mode >= 0 && (unsigned)mode < nmodes ? mode_names[mode] : "?";
}

/* get_mempolicy: the task's mode and mask, the page's mode, the nodes allowed, flags. */
static void policy_get(void)
{
	int mode = -1;
	long n;

	memset(got, 0xa5, sizeof(got));
	n = syscall(SYS_get_mempolicy, &mode, got, 200, NULL, 0);
	if (n == 0)
		xp_line(me, "get_mempolicy([%s], %s, 200, NULL, 0) = 0", mode_name(mode),
			nodemask(got, 200));
	else
		xp_line(me, "get_mempolicy(%p, %p, 200, NULL, 0) = %s", (void *)&mode, (void *)got,
			xp_res(n));
	n = syscall(SYS_get_mempolicy, &mode, NULL, 0, area, MPOL_F_ADDR);
	if (n == 0)
		xp_line(me, "get_mempolicy([%s], NULL, 0, %p, MPOL_F_ADDR) = 0", mode_name(mode),
			(void *)area);
	else
		xp_line(me, "get_mempolicy(%p, NULL, 0, %p, MPOL_F_ADDR) = %s", (void *)&mode,
			(void *)area, xp_res(n));
	n = syscall(SYS_get_mempolicy, NULL, got, 65, NULL, MPOL_F_MEMS_ALLOWED);
	if (n == 0)
		xp_line(me, "get_mempolicy(NULL, %s, 65, NULL, MPOL_F_MEMS_ALLOWED) = 0",
			nodemask(got, 65));
	else
		xp_line(me, "get_mempolicy(NULL, %p, 65, NULL, MPOL_F_MEMS_ALLOWED) = %s",
			(void *)got, xp_res(n));
	n = syscall(SYS_get_mempolicy, NULL, (void *)0xdeadbeef, 0, NULL, 0);
	xp_line(me, "get_mempolicy(NULL, [], 0, NULL, 0) = %s", xp_res(n));
	n = syscall(SYS_get_mempolicy, NULL, NULL, 0, NULL, MPOL_F_NODE | MPOL_F_ADDR | 0x80);
	xp_line(me, "get_mempolicy(NULL, NULL, 0, NULL, MPOL_F_NODE|MPOL_F_ADDR|0x80) = %s",
		xp_res(n));
	n = syscall(SYS_get_mempolicy, (void *)0xdeadbeef, (void *)0xdeadbeef, 64, NULL, 0x80);
	xp_line(me, "get_mempolicy(0xdeadbeef, 0xdeadbeef, 64, NULL, 0x80 /* MPOL_??? */) = %s",
		xp_res(n));
}

static int run_policy(void)
{
	area = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED || munmap(area + 4096, 4096))
		return 1;
	area[0] = 1;
	mask[0] = 1;
	mask[1] = 1UL << (WORD_BITS - 1);
	policy_set();
	policy_mbind();
	policy_get();
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {
		{"basic", run_basic}, {"policy", run_policy}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_numa", argc, argv, modes);
}
