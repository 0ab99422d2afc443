/* -e trace= selection: names, classes, regexes, negation, unknown numbers. */
#include <criterion/criterion.h>
#include <errno.h>
#include <string.h>

#include "arch/abi.h"
#include "sys/filter.h"

static bool sel(struct sysfilter *f, const char *name)
{
	const struct ptrc_abi *abi = abi_by_id(ABI_X86_64);
	const struct systab *t = abi->systab;

	for (unsigned i = 0; i < t->len; i++)
		if (!strcmp(t->entries[i].name, name))
			return sysfilter_match(f, abi, t->entries[i].nr);
	cr_assert_fail("no syscall %s", name);
	return false;
}

static void parse(struct sysfilter *f, const char *spec)
{
	char err[128];

	cr_assert_eq(sysfilter_parse(f, spec, err, sizeof(err)), 0, "%s: %s", spec, err);
}

Test(filter, default_is_everything)
{
	struct sysfilter f;

	sysfilter_init(&f);
	cr_assert(sel(&f, "read"));
	cr_assert(sysfilter_match(&f, abi_by_id(ABI_X86_64), 4000), "unknown numbers too");
	sysfilter_free(&f);
}

Test(filter, names)
{
	struct sysfilter f;

	sysfilter_init(&f);
	parse(&f, "read,close");
	cr_assert(sel(&f, "read"));
	cr_assert(sel(&f, "close"));
	cr_assert_not(sel(&f, "write"));
	cr_assert_not(sysfilter_match(&f, abi_by_id(ABI_X86_64), 4000));
	sysfilter_free(&f);
}

Test(filter, negation_and_classes)
{
	struct sysfilter f;

	sysfilter_init(&f);
	parse(&f, "!%memory,write");
	cr_assert_not(sel(&f, "mmap"));
	cr_assert_not(sel(&f, "brk"));
	cr_assert_not(sel(&f, "write"));
	cr_assert(sel(&f, "read"));
	cr_assert(sysfilter_match(&f, abi_by_id(ABI_X86_64), 4000), "!... keeps unknown numbers");
	sysfilter_free(&f);
}

Test(filter, file_class_and_stat_name)
{
	struct sysfilter f;

	sysfilter_init(&f);
	parse(&f, "%file");
	cr_assert(sel(&f, "openat"));
	cr_assert(sel(&f, "execve"));
	cr_assert_not(sel(&f, "read"));
	sysfilter_free(&f);

	sysfilter_init(&f);
	parse(&f, "stat");
	cr_assert(sel(&f, "stat"), "a syscall name wins over the old class spelling");
	cr_assert_not(sel(&f, "lstat"));
	sysfilter_free(&f);
}

Test(filter, regex_and_adding_up)
{
	struct sysfilter f;

	sysfilter_init(&f);
	parse(&f, "/^(pread|pwrite)64$");
	parse(&f, "close");
	cr_assert(sel(&f, "pread64"));
	cr_assert(sel(&f, "pwrite64"));
	cr_assert(sel(&f, "close"));
	cr_assert_not(sel(&f, "read"));
	sysfilter_free(&f);
}

Test(filter, none_and_errors)
{
	struct sysfilter f;
	char err[128];

	sysfilter_init(&f);
	parse(&f, "none");
	cr_assert_not(sel(&f, "read"));
	cr_assert_lt(sysfilter_parse(&f, "nosuchcall", err, sizeof(err)), 0);
	cr_assert(strstr(err, "nosuchcall"), "%s", err);
	cr_assert_lt(sysfilter_parse(&f, "%bogus", err, sizeof(err)), 0);
	cr_assert_lt(sysfilter_parse(&f, "/[", err, sizeof(err)), 0);
	cr_assert_eq(sysfilter_parse(&f, "?nosuchcall", err, sizeof(err)), 0);
	sysfilter_free(&f);
}

/* strace's -e trace=NUMBER: the number in the ABI that makes the call (x86_64's 1 is write,
 * i386's 1 is exit), and numbers no table names. */
Test(filter, numbers)
{
	struct sysfilter f;

	sysfilter_init(&f);
	parse(&f, "1,4000");
	cr_expect(sel(&f, "write"));
	cr_expect(!sel(&f, "read"));
	cr_expect(sysfilter_match(&f, abi_by_id(ABI_I386), 1), "i386's exit");
	cr_expect(!sysfilter_match(&f, abi_by_id(ABI_I386), 4), "i386's write");
	cr_expect(sysfilter_match(&f, abi_by_id(ABI_X86_64), 4000));
	cr_expect(!sysfilter_match(&f, abi_by_id(ABI_X86_64), 4001));
	cr_expect(!sysfilter_match_name(&f, "write"), "a multiplexed call has no number");
	sysfilter_free(&f);
	sysfilter_init(&f);
	char err[128];
	cr_expect_eq(sysfilter_parse(&f, "12x", err, sizeof(err)), -EINVAL);
	sysfilter_free(&f);
}

/* strace's old class spellings win over a syscall of the same name (i386's signal and ipc). */
Test(filter, old_class_names_before_syscall_names)
{
	struct sysfilter f;

	sysfilter_init(&f);
	parse(&f, "signal,ipc");
	cr_expect(sel(&f, "rt_sigaction"));
	cr_expect(sel(&f, "kill"));
	cr_expect(sel(&f, "semget"));
	cr_expect(!sel(&f, "write"));
	sysfilter_free(&f);
}

static bool sel_in(struct sysfilter *f, enum abi_id id, const char *name)
{
	const struct ptrc_abi *abi = abi_by_id(id);
	const struct systab *t = abi->systab;

	for (unsigned i = 0; i < t->len; i++)
		if (!strcmp(t->entries[i].name, name))
			return sysfilter_match(f, abi, t->entries[i].nr);
	cr_assert_fail("no syscall %s in %s", name, abi->name);
	return false;
}

/* strace's personality suffixes: NAME@64, %class@32, /regex@64, negated too; x32 is none. */
Test(filter, personality_suffixes)
{
	struct sysfilter f;

	sysfilter_init(&f);
	parse(&f, "getppid@64,%process@32,/^getp(g|r)id$@64");
	cr_expect(sel_in(&f, ABI_X86_64, "getppid"));
	cr_expect_not(sel_in(&f, ABI_I386, "getppid"), "@64 only");
	cr_expect(sel_in(&f, ABI_I386, "execve"), "%%process@32 in i386");
	cr_expect_not(sel_in(&f, ABI_X86_64, "execve"), "but not in x86_64");
	cr_expect(sel_in(&f, ABI_X86_64, "getpgid") && !sel_in(&f, ABI_I386, "getpgid"));
	cr_expect(sel_in(&f, ABI_AARCH64, "getppid"), "aarch64 is a 64-bit personality");
	sysfilter_free(&f);

	sysfilter_init(&f);
	parse(&f, "!getppid@32");
	cr_expect(sel_in(&f, ABI_X86_64, "getppid"), "the 64-bit one stays");
	cr_expect_not(sel_in(&f, ABI_I386, "getppid"));
	sysfilter_free(&f);

	sysfilter_init(&f);
	parse(&f, "getppid@x32");
	cr_expect_not(sel_in(&f, ABI_X86_64, "getppid") || sel_in(&f, ABI_I386, "getppid"));
	sysfilter_free(&f);
}
