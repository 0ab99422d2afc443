/* ABIs switching under one tracer: int $0x80 from 64-bit code, exec 64 -> 32 -> 64, and
 * -k stacks and crash reports of i386 programs.  Needs the -m32 test programs
 * (testprogs/m32/); skipped without them. */
#include "harness.h"

#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

TestSuite(abi, .fini = it_fini, .timeout = 120);

static struct it_run r;

#define RUN(...) IT_RUN(&r, __VA_ARGS__)

/* testprogs/m32/NAME, or skip the test when the -m32 programs were not built. */
static const char *m32_prog(const char *name)
{
	static char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/m32/%s", getenv("PTRC_TESTPROGS"), name);
	if (access(path, X_OK))
		cr_skip_test("no %s: the -m32 test programs were not built", path);
	return path;
}

Test(abi, int80_from_64_bit_code_decodes_as_i386)
{
#if defined(__x86_64__)
	/* strace 6.1 prints the personality lines only on stderr, never into a -o file. */
	RUN(it_prog("tp_abi"), "int80");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_STDERR, 40);
#else
	cr_skip_test("int $0x80 is x86");
#endif
}

Test(abi, exec_64_to_32_to_64_with_personality_lines)
{
	m32_prog("tp_abi");
	RUN("-f", it_prog("tp_abi"), "exec");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_STDERR, 40);
}

Test(abi, i386_program_launched_directly)
{
	RUN("-o", "@TRACE", m32_prog("tp_files"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}

/* SysV IPC of an i386 program: IPC_64 in the commands, its structs, and ipc(2). */
Test(abi, i386_sysv_ipc_direct_and_through_ipc)
{
	RUN("-o", "@TRACE", m32_prog("tp_ipc"), "basic");
	it_assert_exit(&r, 0);
	it_check(&r, IT_LAYOUT_SINGLE, 40);
}
