/*
 * Shared harness for the syscall decoder tests: a fake tracee memory and a
 * function that decodes one whole call and returns its strace line.
 * Include it once per test file, after <criterion/criterion.h>.
 */
#ifndef PTRC_TEST_SYS_HARNESS_H
#define PTRC_TEST_SYS_HARNESS_H

#include <string.h>

#include "../../arch/abi.h"
#include "out/fmt_text.h"
#include "sys/decode.h"
#include "sys/sysent.h"

static struct arena ar;
static struct tmem mem;
static struct tmem_fake fake;
static struct tmem_region regions[8];
static size_t nregions;
static struct decode_opts opts = {.strsize = 32};
static struct strbuf out;

static void setup(void)
{
	nregions = 0;
	opts.verbose = false;
	tmem_fake_init(&fake, &mem, regions, 0);
}

static void teardown(void)
{
	arena_free(&ar);
	strbuf_free(&out);
}

static uint64_t map(uint64_t addr, const void *data, size_t len)
{
	regions[nregions++] = (struct tmem_region){addr, data, len};
	fake.n = nregions;
	return addr;
}

static uint64_t nr_of(const char *name)
{
	const struct systab *t = abi_by_id(ABI_X86_64)->systab;

	for (unsigned i = 0; i < t->len; i++)
		if (!strcmp(t->entries[i].name, name))
			return t->entries[i].nr;
	cr_assert_fail("no syscall %s", name);
	return 0;
}

/* Decodes a whole call and returns its strace line ("name(args) = ret"). */
static const char *run6(const char *name, int64_t ret, const uint64_t raw[6])
{
	static struct sc_event ev;
	struct dctx d = {.mem = &mem, .ar = &ar, .abi = abi_by_id(ABI_X86_64), .opt = &opts};
	struct text_opts to = {0};

	memset(&ev, 0, sizeof(ev));
	ev.abi = d.abi;
	ev.nr = nr_of(name);
	memcpy(ev.raw, raw, sizeof(ev.raw));
	sys_decode_entry(&d, &ev);
	strbuf_reset(&out);
	strbuf_addf(&out, "%s(", ev.name);
	text_args(&out, &ev, 0, ev.split, &to);
	ev.ret = ret;
	ev.is_error = ret < 0 && ret > -4096;
	sys_decode_exit(&d, &ev);
	if (ev.split && ev.split < ev.nargs)
		strbuf_adds(&out, ", ");
	text_args(&out, &ev, ev.split, ev.nargs, &to);
	strbuf_adds(&out, ") ");
	text_retval(&out, &ev, &to);
	return out.buf;
}

#define RUN(name, ret, ...) run6(name, ret, (const uint64_t[6]){__VA_ARGS__})

#endif
