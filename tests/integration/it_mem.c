/* Tracee memory at its edges (issue 10): arrays that run into unmapped memory print what was
 * read and where reading stopped, as strace 6.1 does, and a call's decoding is bounded
 * whatever -s says.  Runs over the 64-bit and the -m32 test programs. */
#include "harness.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

TestSuite(mem, .fini = it_fini, .timeout = 120);

static struct it_run r;

#define RUN(...) IT_RUN(&r, __VA_ARGS__)

Test(mem, arrays_end_where_memory_ends)
{
	RUN("-o", "@TRACE", it_prog("tp_mem"), "straddle");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

Test(mem, huge_environment_and_argument_counts)
{
	RUN("-o", "@TRACE", it_prog("tp_mem"), "counts");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

/* i386's select is old_select: its arguments are read from the block it points at. */
Test(mem, select_and_old_select)
{
	RUN("-o", "@TRACE", it_prog("tp_mem"), "select");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

/* time()'s seconds and its result carry their date, in the local time zone (strace 6.1). */
Test(mem, time_shows_its_date)
{
	RUN("-o", "@TRACE", it_prog("tp_mem"), "time");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

/* The case: -s 2147483647 and poll(fds, 1 << 30, 0) aborted ptrc on memory and killed
 * the command.  The line shows what one call may keep, then "...".  strace refuses that -s. */
Test(mem, huge_count_and_s_are_bounded)
{
	if (it_tracer_is_strace())
		cr_skip_test("strace refuses -s 2147483647");
	RUN("-s", "2147483647", "-e", "trace=poll", "-o", "@TRACE", it_prog("tp_mem"), "huge");
	it_assert_exit(&r, 0);
	char *trace = it_read_trace(&r, NULL);
	cr_assert(trace);
	const char *tail = "}, ...], 1073741824, 0) = -1 EINVAL (Invalid argument)\n";
	char *line = strstr(trace, "poll([{fd=0, events=0}, {fd=0, events=0}, ");
	cr_assert(line, "no poll line in: %.200s", trace);
	char *end = strchr(line, '\n');
	cr_assert(end && (size_t)(end + 1 - line) >= strlen(tail));
	cr_expect(!strncmp(end + 1 - strlen(tail), tail, strlen(tail)), "...%.100s",
		  end + 1 - strlen(tail) - 40);
	cr_expect_lt(end - line, 64 << 20, "a line of %td bytes", end - line);
	free(trace);
}
