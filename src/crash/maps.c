#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "maps.h"
#include "util/xalloc.h"

/* "start-end perms offset dev inode   path" */
static int parse_line(char *line, struct map_entry *e)
{
	char perms[5];
	int path_at = -1;
	unsigned long long start, end, off;
	unsigned long inode;

	if (sscanf(line, "%llx-%llx %4s %llx %*x:%*x %lu %n", &start, &end, perms, &off, &inode,
		   &path_at) < 5 ||
	    strlen(perms) != 4 || end < start)
		return -EINVAL;
	e->start = start;
	e->end = end;
	e->offset = off;
	e->inode = inode;
	e->prot = (perms[0] == 'r' ? MAP_R : 0) | (perms[1] == 'w' ? MAP_W : 0) |
		  (perms[2] == 'x' ? MAP_X : 0) | (perms[3] == 's' ? MAP_SHARED_ : 0);
	e->line = line;
	/* %n is not counted when the path is missing and the line ends after the inode. */
	e->path = path_at > 0 && (size_t)path_at <= strlen(line) ? line + path_at : "";
	return 0;
}

int maps_parse(const char *text, struct maps *out)
{
	size_t cap = 0;
	char *save = NULL;

	memset(out, 0, sizeof(*out));
	out->text = xstrdup(text);
	for (char *line = strtok_r(out->text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 64;
			out->v = xrealloc(out->v, cap * sizeof(*out->v));
		}
		if (parse_line(line, &out->v[out->n]) < 0) {
			maps_free(out);
			return -EINVAL;
		}
		out->n++;
	}
	return 0;
}

void maps_free(struct maps *m)
{
	free(m->v);
	free(m->text);
	memset(m, 0, sizeof(*m));
}

const struct map_entry *maps_find(const struct maps *m, uint64_t addr)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (addr < m->v[mid].start)
			hi = mid;
		else if (addr >= m->v[mid].end)
			lo = mid + 1;
		else
			return &m->v[mid];
	}
	return NULL;
}

void maps_neighbours(const struct maps *m, uint64_t addr, const struct map_entry **below,
		     const struct map_entry **above)
{
	*below = *above = NULL;
	for (size_t i = 0; i < m->n; i++) {
		if (m->v[i].end <= addr)
			*below = &m->v[i];
		else if (m->v[i].start > addr) {
			*above = &m->v[i];
			break;
		}
	}
}

static bool is_stack(const struct map_entry *e, uint64_t sp)
{
	return e && (!strncmp(e->path, "[stack", 6) || (sp >= e->start && sp < e->end));
}

/* Below a stack, within the guard gap, or in the PROT_NONE guard page of a thread stack. */
static const struct map_entry *overflowed_stack(const struct maps *m, uint64_t addr, uint64_t sp,
						const struct map_entry *in)
{
	const struct map_entry *below, *above;

	if (in) {
		if (in->prot & (MAP_R | MAP_W | MAP_X))
			return NULL;
		maps_neighbours(m, in->end - 1, &below, &above);
		return above && above->start == in->end && is_stack(above, sp) ? above : NULL;
	}
	maps_neighbours(m, addr, &below, &above);
	if (above && is_stack(above, sp) && above->start - addr <= MAPS_STACK_GUARD_GAP)
		return above;
	return NULL;
}

void fault_classify(const struct maps *m, uint64_t addr, uint64_t sp, enum fault_access access,
		    struct fault_info *out)
{
	const struct map_entry *in = maps_find(m, addr);

	memset(out, 0, sizeof(*out));
	out->addr = addr;
	out->in = in;
	if (!in)
		maps_neighbours(m, addr, &out->below, &out->above);
	out->stack = overflowed_stack(m, addr, sp, in);
	if (out->stack)
		out->cls = FAULT_GUARD_GAP;
	else if (!in)
		out->cls = addr < MAPS_NULL_LIMIT ? FAULT_NULL_PAGE : FAULT_UNMAPPED;
	else if (access == FAULT_ACCESS_EXEC && !(in->prot & MAP_X))
		out->cls = FAULT_EXEC_NX;
	else if (access == FAULT_ACCESS_WRITE && !(in->prot & MAP_W))
		out->cls = FAULT_WRITE_RO;
	else if (!(in->prot & MAP_R))
		out->cls = FAULT_NO_ACCESS;
	else
		out->cls = FAULT_MAPPED;
}

const char *fault_class_name(enum fault_class c)
{
	switch (c) {
	case FAULT_NO_ADDRESS:
		return "no_address";
	case FAULT_NULL_PAGE:
		return "null_page";
	case FAULT_UNMAPPED:
		return "unmapped";
	case FAULT_GUARD_GAP:
		return "stack_guard_gap";
	case FAULT_WRITE_RO:
		return "write_to_read_only";
	case FAULT_EXEC_NX:
		return "exec_of_non_exec";
	case FAULT_NO_ACCESS:
		return "no_access";
	case FAULT_MAPPED:
		return "mapped";
	}
	return "unknown";
}

const char *fault_access_name(enum fault_access a)
{
	switch (a) {
	case FAULT_ACCESS_READ:
		return "read";
	case FAULT_ACCESS_WRITE:
		return "write";
	case FAULT_ACCESS_EXEC:
		return "exec";
	case FAULT_ACCESS_UNKNOWN:
		break;
	}
	return "unknown";
}
