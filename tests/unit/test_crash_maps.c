/* /proc/PID/maps parsing and fault address classification, on recorded maps (tests/data). */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crash/maps.h"

static char *read_data(const char *name)
{
	char path[1024];
	const char *slash = strrchr(__FILE__, '/');
	FILE *f;
	char *buf = calloc(1, 1 << 16);

	snprintf(path, sizeof(path), "%.*s/../data/%s", (int)(slash - __FILE__), __FILE__, name);
	f = fopen(path, "re");
	cr_assert(f, "cannot open %s", path);
	fread(buf, 1, (1 << 16) - 1, f);
	fclose(f);
	return buf;
}

static struct maps m;
static char *text;

static void setup(void)
{
	text = read_data("maps_x86_64_thread.txt");
	cr_assert_eq(maps_parse(text, &m), 0);
}

static void teardown(void)
{
	maps_free(&m);
	free(text);
}

TestSuite(maps, .init = setup, .fini = teardown);

Test(maps, parses_every_line)
{
	cr_assert_eq(m.n, 26);
	cr_expect_eq(m.v[0].start, 0x5589a6236000);
	cr_expect_eq(m.v[0].end, 0x5589a6237000);
	cr_expect_eq(m.v[1].prot, MAP_R | MAP_X);
	cr_expect_eq(m.v[1].offset, 0x1000);
	cr_expect_eq(m.v[1].inode, 10962187);
	cr_expect_str_eq(m.v[1].path, "/tmp/unwind-eng/th");
	cr_expect_str_eq(m.v[6].path, "", "anonymous: %s", m.v[6].path);
	cr_expect_eq(m.v[6].prot, 0);
	cr_expect_str_eq(m.v[24].path, "[stack]");
	cr_expect(!strncmp(m.v[24].line, "7ffd1e49c000-7ffd1e4bd000 rw-p", 30));
}

Test(maps, rejects_garbage)
{
	struct maps bad;

	cr_expect_eq(maps_parse("hello world\n", &bad), -EINVAL);
	cr_expect_eq(maps_parse("", &bad), 0);
	cr_expect_eq(bad.n, 0);
	maps_free(&bad);
}

Test(maps, find_and_neighbours)
{
	const struct map_entry *below, *above;

	cr_expect_eq(maps_find(&m, 0x5589a6237abc), &m.v[1]);
	cr_expect_null(maps_find(&m, 0x5589a623b000));
	cr_expect_eq(maps_find(&m, 0x5589a623afff), &m.v[4]);
	maps_neighbours(&m, 0x600000000000, &below, &above);
	cr_expect_eq(below, &m.v[5]);
	cr_expect_eq(above, &m.v[6]);
}

static enum fault_class classify(uint64_t addr, uint64_t sp, enum fault_access acc)
{
	struct fault_info f;

	fault_classify(&m, addr, sp, acc, &f);
	return f.cls;
}

static const uint64_t main_sp = 0x7ffd1e4bc000, thread_sp = 0x7f1ce3f8e000;

Test(maps, null_page)
{
	cr_expect_eq(classify(0, main_sp, FAULT_ACCESS_WRITE), FAULT_NULL_PAGE);
	cr_expect_eq(classify(0x18, main_sp, FAULT_ACCESS_READ), FAULT_NULL_PAGE);
	cr_expect_eq(classify(0x10000, main_sp, FAULT_ACCESS_READ), FAULT_UNMAPPED);
}

Test(maps, unmapped_names_neighbours)
{
	struct fault_info f;

	fault_classify(&m, 0x600000000000, main_sp, FAULT_ACCESS_READ, &f);
	cr_expect_eq(f.cls, FAULT_UNMAPPED);
	cr_expect_str_eq(f.below->path, "[heap]");
	cr_expect_eq(f.above, &m.v[6]);
	cr_expect_null(f.in);
}

Test(maps, main_stack_guard_gap)
{
	struct fault_info f;

	fault_classify(&m, 0x7ffd1e49bff8, 0x7ffd1e49c010, FAULT_ACCESS_WRITE, &f);
	cr_expect_eq(f.cls, FAULT_GUARD_GAP);
	cr_expect_str_eq(f.stack->path, "[stack]");
	/* Far below the stack it is only unmapped. */
	cr_expect_eq(
		classify(0x7ffd1e49c000 - 2 * MAPS_STACK_GUARD_GAP, main_sp, FAULT_ACCESS_READ),
		FAULT_UNMAPPED);
}

Test(maps, thread_stack_guard_page)
{
	/* The thread's PROT_NONE guard page lies right below its stack, which holds sp. */
	cr_expect_eq(classify(0x7f1ce378eff8, thread_sp, FAULT_ACCESS_WRITE), FAULT_GUARD_GAP);
	/* The same page with sp elsewhere: a mapping without access. */
	cr_expect_eq(classify(0x7f1ce378eff8, main_sp, FAULT_ACCESS_READ), FAULT_NO_ACCESS);
}

Test(maps, permissions)
{
	cr_expect_eq(classify(0x5589a6238010, main_sp, FAULT_ACCESS_WRITE), FAULT_WRITE_RO);
	cr_expect_eq(classify(0x5589a6238010, main_sp, FAULT_ACCESS_EXEC), FAULT_EXEC_NX);
	cr_expect_eq(classify(0x5589a6238010, main_sp, FAULT_ACCESS_READ), FAULT_MAPPED);
	cr_expect_eq(classify(0x5589a6237010, main_sp, FAULT_ACCESS_WRITE), FAULT_WRITE_RO);
	cr_expect_eq(classify(0x5589db8e5010, main_sp, FAULT_ACCESS_EXEC), FAULT_EXEC_NX);
	cr_expect_eq(classify(0x5589db8e5010, main_sp, FAULT_ACCESS_WRITE), FAULT_MAPPED);
}
