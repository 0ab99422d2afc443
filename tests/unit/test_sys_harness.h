/*
 * Shared harness for the syscall decoder tests of every ABI: a fake tracee
 * memory and a function that decodes one whole call and returns its strace
 * line.  harness_abi says whose call it is (x86_64 unless a test sets it);
 * a 32-bit ABI's registers are zero-extended, as the kernel reports them.
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
static enum abi_id harness_abi = ABI_X86_64;
static uint64_t stack_pointer;	   /* the call's sp (sigreturn reads its frame there) */
static uint8_t harness_xstyle;	   /* -X: how constants print (enum const_style) */
static struct dec_env harness_env; /* what the decoders may learn beyond memory: nothing */

static void setup(void)
{
	nregions = 0;
	stack_pointer = 0;
	harness_xstyle = CONST_ABBREV;
	harness_env = (struct dec_env){NULL, NULL};
	opts.verbose = false;
	opts.strsize = 32;
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
	const struct systab *t = abi_by_id(harness_abi)->systab;

	for (unsigned i = 0; i < t->len; i++)
		if (!strcmp(t->entries[i].name, name))
			return t->entries[i].nr;
	cr_assert_fail("no %s syscall %s", abi_by_id(harness_abi)->name, name);
	return 0;
}

/*
 * Decoders fill values, never text: every name and symbol is static (not in
 * the event's arena), and every string holds bytes read from the tracee.  A
 * decoder that formats text into a value ("htons(9)" as a string, a sprintf'd
 * symbol) fails every test that decodes through this harness.
 */
static bool in_tracee_memory(const char *bytes, uint32_t n)
{
	for (size_t r = 0; r < nregions; r++)
		if (memmem(regions[r].data, regions[r].len, bytes, n))
			return true;
	return false;
}

static void check_pure(const struct val *v, unsigned depth)
{
	cr_assert_lt(depth, 16, "a value nested too deep");
	switch (v->kind) {
	case VAL_SYM:
	case VAL_RESUMING:
		cr_assert(!v->text || !arena_owns(&ar, v->text), "text '%s' was made by a decoder",
			  v->text);
		break;
	case VAL_STR:
		cr_assert(!v->n || in_tracee_memory(v->bytes, v->n),
			  "string \"%.*s\" is not from the tracee", (int)v->n, v->bytes);
		break;
	case VAL_STRUCT:
	case VAL_CALL:
		for (uint32_t i = 0; i < v->n; i++)
			cr_assert(!v->fields[i].name || !arena_owns(&ar, v->fields[i].name),
				  "field name '%s' was made by a decoder", v->fields[i].name);
		break;
	default:
		break;
	}
	struct val *c;
	for (unsigned i = 0; (c = val_child(v, i)); i++)
		check_pure(c, depth + 1);
}

static void check_event_pure(const struct sc_event *ev)
{
	for (unsigned i = 0; i < ev->nargs; i++)
		check_pure(&ev->args[i], 0);
	check_pure(&ev->retv, 0);
	check_pure(&ev->ret_note, 0);
}

/* The event of the last run6(), for tests that look at its values. */
static struct sc_event harness_ev;

/* Decodes a whole call made with registers raw and returns its strace line. */
static const char *run_nr(uint64_t nr, int64_t ret, const uint64_t raw[6])
{
	struct sc_event *ev = &harness_ev;
	const struct ptrc_abi *abi = abi_by_id(harness_abi);
	struct dctx d = {.mem = &mem, .ar = &ar, .abi = abi, .opt = &opts, .env = harness_env};
	struct text_opts to = {.xstyle = harness_xstyle};
	uint64_t regs[6];

	for (unsigned i = 0; i < 6; i++)
		regs[i] = abi->word_size == 4 ? (uint32_t)raw[i] : raw[i];
	sys_call_start(ev, abi, nr, regs, &mem, &ar);
	ev->sp = stack_pointer;
	sys_decode_entry(&d, ev);
	strbuf_reset(&out);
	strbuf_addf(&out, "%s(", ev->name);
	text_args(&out, ev, 0, ev->split, &to);
	ev->ret = ret;
	ev->is_error = ret < 0 && ret > -4096;
	sys_decode_exit(&d, ev);
	if (ev->split && ev->split < ev->nargs)
		strbuf_adds(&out, ", ");
	text_args(&out, ev, ev->split, ev->nargs, &to);
	strbuf_adds(&out, ") ");
	text_retval(&out, ev, &to);
	check_event_pure(ev);
	return out.buf;
}

static const char *run6(const char *name, int64_t ret, const uint64_t raw[6])
{
	return run_nr(nr_of(name), ret, raw);
}

#define RUN(name, ret, ...) run6(name, ret, (const uint64_t[6]){__VA_ARGS__})

#endif
