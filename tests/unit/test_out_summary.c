/* The -c table: layout, sorting, totals. */
#include <criterion/criterion.h>
#include <errno.h>
#include <string.h>

#include "arch/abi.h"
#include "out/summary.h"
#include "sys/sysent.h"

static unsigned nr_of(const char *name)
{
	const struct systab *t = abi_by_id(ABI_X86_64)->systab;

	for (unsigned i = 0; i < t->len; i++)
		if (!strcmp(t->entries[i].name, name))
			return t->entries[i].nr;
	cr_assert_fail("no syscall %s", name);
	return 0;
}

Test(summary, layout_and_time_order)
{
	struct summary s = {0};
	struct strbuf sb = {0};
	const struct ptrc_abi *abi = abi_by_id(ABI_X86_64);

	summary_add(&s, abi, nr_of("read"), false, 1000);
	summary_add(&s, abi, nr_of("read"), false, 3000);
	summary_add(&s, abi, nr_of("openat"), true, 12000);
	summary_format(&s, SORT_TIME, NULL, &sb);
	cr_assert_str_eq(sb.buf,
			 "% time     seconds  usecs/call     calls    errors syscall\n"
			 "------ ----------- ----------- --------- --------- ----------------\n"
			 " 75.00    0.000012          12         1         1 openat\n"
			 " 25.00    0.000004           2         2           read\n"
			 "------ ----------- ----------- --------- --------- ----------------\n"
			 "100.00    0.000016           5         3         1 total\n");
	strbuf_free(&sb);
	summary_free(&s);
}

Test(summary, sort_by_calls_then_number)
{
	struct summary s = {0};
	struct strbuf sb = {0};
	const struct ptrc_abi *abi = abi_by_id(ABI_X86_64);

	summary_add(&s, abi, nr_of("close"), false, 0);
	summary_add(&s, abi, nr_of("write"), false, 0);
	summary_add(&s, abi, nr_of("read"), false, 0);
	summary_add(&s, abi, nr_of("close"), false, 0);
	summary_format(&s, SORT_CALLS, NULL, &sb);
	const char *close = strstr(sb.buf, "close"), *read = strstr(sb.buf, "read"),
		   *write = strstr(sb.buf, "write");
	cr_assert(close && read && write);
	cr_assert(close < read && read < write, "close (2 calls), then read before write:\n%s",
		  sb.buf);
	strbuf_free(&sb);
	summary_free(&s);
}

Test(summary, unknown_number_and_nothing_seen)
{
	struct summary s = {0};
	struct strbuf sb = {0};

	summary_format(&s, SORT_TIME, NULL, &sb);
	cr_assert_eq(sb.len, 0, "no table without calls");
	summary_add(&s, abi_by_id(ABI_X86_64), 999, true, 0);
	summary_format(&s, SORT_NAME, NULL, &sb);
	cr_assert(strstr(sb.buf, "syscall_0x3e7\n"), "%s", sb.buf);
	strbuf_free(&sb);
	summary_free(&s);
}

Test(summary, sort_keys)
{
	enum summary_sort k;

	cr_assert_eq(summary_sort_parse("calls", &k), 0);
	cr_assert_eq(k, SORT_CALLS);
	cr_assert_eq(summary_sort_parse("name", &k), 0);
	cr_assert_eq(k, SORT_NAME);
	cr_assert_lt(summary_sort_parse("bogus", &k), 0);
}

/* -U: strace's columns in the order given, the name last when left out; -S by longest. */
Test(summary, columns_and_longest_first)
{
	struct summary s = {0};
	struct strbuf sb = {0};
	struct summary_layout l;
	const struct ptrc_abi *abi = abi_by_id(ABI_X86_64);

	summary_add(&s, abi, nr_of("read"), false, 1000);
	summary_add(&s, abi, nr_of("read"), true, 3000);
	summary_add(&s, abi, nr_of("openat"), false, 2000);
	cr_assert_eq(summary_layout_parse("max-time,shortest,calls,errors", &l), 0);
	summary_format(&s, SORT_MAX_TIME, &l, &sb);
	cr_assert_str_eq(sb.buf, " longest shortest     calls    errors syscall\n"
				 "-------- -------- --------- --------- ----------------\n"
				 "0.000003 0.000001         2         1 read\n"
				 "0.000002 0.000002         1           openat\n"
				 "-------- -------- --------- --------- ----------------\n"
				 "0.000003 0.000001         3         1 total\n");
	strbuf_free(&sb);
	cr_assert_eq(summary_layout_parse("name,calls", &l), 0);
	summary_format(&s, SORT_NAME, &l, &sb);
	cr_assert_str_eq(sb.buf, "syscall              calls\n"
				 "---------------- ---------\n"
				 "openat                   1\n"
				 "read                     2\n"
				 "---------------- ---------\n"
				 "total                    3\n");
	strbuf_free(&sb);
	cr_assert_eq(summary_layout_parse("calls,bogus", &l), -EINVAL);
	cr_assert_eq(summary_layout_parse("", &l), -EINVAL);
	summary_free(&s);
}
