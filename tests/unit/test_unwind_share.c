/*
 * The shared cache of source lines (src/unwind/symshare.c): keyed by a
 * file's build ID and an ELF address, and a taker gets copies of its strings.
 * The module is this test's own executable, reported offline (gcc links a
 * build ID into it).
 */
#include <criterion/criterion.h>
#include <elfutils/libdwfl.h>
#include <string.h>

#include "unwind/internal.h"

static const Dwfl_Callbacks callbacks = {
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
};

static Dwfl *dwfl;

static Dwfl_Module *self_module(void)
{
	dwfl = dwfl_begin(&callbacks);
	cr_assert_not_null(dwfl);
	Dwfl_Module *mod = dwfl_report_offline(dwfl, "self", "/proc/self/exe", -1);
	cr_assert_not_null(mod, "%s", dwfl_errmsg(-1));
	dwfl_report_end(dwfl, NULL, NULL);
	return mod;
}

static void end(void)
{
	dwfl_end(dwfl);
}

TestSuite(unwind_share, .fini = end);

Test(unwind_share, key_by_build_id_and_address)
{
	Dwfl_Module *mod = self_module();
	uint64_t a = symshare_key(mod, 0x1130);

	cr_assert_neq(a, 0, "the test executable has a build ID");
	cr_assert_eq(symshare_key(mod, 0x1130), a);
	cr_assert_neq(symshare_key(mod, 0x1131), a);
}

Test(unwind_share, a_taker_gets_copies)
{
	Dwfl_Module *mod = self_module();
	uint64_t key = symshare_key(mod, 0x2200);
	struct symcache giver, taker;
	struct sym_frame in[2] = {
		{.func = "inlined",
		 .file = "a.c",
		 .line = 7,
		 .inlined_into = "outer",
		 .flags = UNWIND_FRAME_INLINED},
		{.func = "outer",
		 .file = "a.c",
		 .line = 12,
		 .off = 0x10,
		 .flags = UNWIND_FRAME_HAS_OFF},
	};
	struct sym_frame out[SYM_MAX_INLINE];

	symcache_init(&giver);
	symcache_init(&taker);
	sym_frames_keep(&giver, in, 2);
	symshare_put(key, in, 2);
	symcache_free(&giver); /* the giver's strings are gone: the shared cache kept its own */

	cr_assert_eq(symshare_get(&taker, symshare_key(mod, 0x2201), out, SYM_MAX_INLINE), 0);
	cr_assert_eq(symshare_get(&taker, key, out, 1), 0, "more frames than room: a miss");
	cr_assert_eq(symshare_get(&taker, key, out, SYM_MAX_INLINE), 2);
	cr_assert_str_eq(out[0].func, "inlined");
	cr_assert_str_eq(out[0].inlined_into, "outer");
	cr_assert_eq(out[0].line, 7);
	cr_assert_str_eq(out[1].file, "a.c");
	cr_assert_eq(out[1].off, 0x10);
	cr_assert_eq(out[1].flags, UNWIND_FRAME_HAS_OFF);
	cr_assert_null(out[1].module);

	struct sym_frame again[SYM_MAX_INLINE];
	cr_assert_eq(symshare_get(&taker, key, again, SYM_MAX_INLINE), 2);
	cr_assert_neq(again[1].file, out[1].file, "each take is a copy in the taker's cache");
	symcache_free(&taker);
}
