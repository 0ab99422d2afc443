/* Tracee memory at its edges (issue 10): arrays that run into unmapped memory print what was
 * read and where reading stopped, as strace 6.1 does.  Runs over the 64-bit and the -m32
 * test programs. */
#include "harness.h"

#include <criterion/criterion.h>

TestSuite(mem, .fini = it_fini, .timeout = 120);

static struct it_run r;

#define RUN(...) IT_RUN(&r, __VA_ARGS__)

Test(mem, arrays_end_where_memory_ends)
{
	RUN("-o", "@TRACE", it_prog("tp_mem"), "straddle");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}
