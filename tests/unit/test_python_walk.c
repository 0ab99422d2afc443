/*
 * The Python stack reader on a fake memory image laid out as CPython 3.11's:
 * a thread state, frames, code objects and strings at made-up addresses.  The
 * layout numbers come from the table (they are checked against the headers
 * elsewhere); what is tested here is the walk: which thread state, how runs of
 * frames end, and that loops, bad pointers and foreign objects end it with a
 * reason instead of a crash or an endless loop.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "python/internal.h"

enum {
	RUNTIME = 0x10000,
	INTERP = 0x20000,
	TSTATE = 0x30000,
	CFRAME = 0x38000,
	FRAMES = 0x40000, /* frame i at FRAMES + i * 0x100 */
	CODES = 0x50000,  /* code i at CODES + i * 0x1000; its strings and table follow */
	CODE_TYPE = 0x60000,
	TID = 4242,
};

static uint8_t runtime[64], interp[64], tstate[256], cframe[16], frames[4][0x100];
static uint8_t codes[2][0x1000];

static void put64(uint8_t *buf, int off, uint64_t v)
{
	memcpy(buf + off, &v, sizeof(v));
}

static void put32(uint8_t *buf, int off, uint32_t v)
{
	memcpy(buf + off, &v, sizeof(v));
}

/* A compact ASCII str at off in buf (which is at base): its object header, then its bytes. */
static uint64_t put_str(const struct py_layout *l, uint8_t *buf, uint64_t base, int off,
			const char *s)
{
	put64(buf, off + l->unicode_length, strlen(s));
	put32(buf, off + l->unicode_state,
	      1u << 2 | 1u << 5 | 1u << 6); /* kind 1, compact, ascii */
	memcpy(buf + off + l->unicode_ascii_data, s, strlen(s) + 1);
	return base + (uint64_t)off;
}

/* Code object i: "file.py", function name, first line 10, a table of one line per unit. */
static void make_code(const struct py_layout *l, int i, const char *func)
{
	uint8_t *c = codes[i];
	uint64_t base = CODES + (uint64_t)i * 0x1000;

	put64(c, l->object_type, CODE_TYPE);
	put64(c, l->code_filename, put_str(l, c, base, 0x400, "file.py"));
	put64(c, l->code_qualname, put_str(l, c, base, 0x500, func));
	put32(c, l->code_firstlineno, 10);
	/* The bytes object: ob_size 2, then a NO_COLUMNS entry for 8 units, line delta +2. */
	put64(c, 0x600 + l->bytes_size, 2);
	c[0x600 + l->bytes_data] = 0x80 | 13 << 3 | 7;
	c[0x600 + l->bytes_data + 1] = 4; /* svarint 4: +2 */
	put64(c, l->code_linetable, base + 0x600);
}

/* Frame i runs code c at instruction unit 1, linked to frame back (0: none). */
static void make_frame(const struct py_layout *l, int i, int c, uint64_t back, bool entry)
{
	uint64_t code = CODES + (uint64_t)c * 0x1000;

	put64(frames[i], l->frame_code, code);
	put64(frames[i], l->frame_back, back);
	put64(frames[i], l->frame_instr, code + (uint64_t)l->code_adaptive + 2);
	frames[i][l->frame_is_entry] = entry;
}

static struct tmem_region regions[] = {
	{RUNTIME, runtime, sizeof(runtime)}, {INTERP, interp, sizeof(interp)},
	{TSTATE, tstate, sizeof(tstate)},    {CFRAME, cframe, sizeof(cframe)},
	{FRAMES, frames, sizeof(frames)},    {CODES, codes, sizeof(codes)},
};

static struct py_proc *setup(struct tmem_fake *fake)
{
	const struct py_target t = {.minor = 11, .runtime = RUNTIME, .code_type = CODE_TYPE};
	const char *why = NULL;
	struct py_proc *pp = py_proc_new(1, &t, &why);
	cr_assert(pp, "%s", why ? why : "?");
	const struct py_layout *l = &pp->lay;

	memset(runtime, 0, sizeof(runtime));
	memset(interp, 0, sizeof(interp));
	memset(tstate, 0, sizeof(tstate));
	memset(frames, 0, sizeof(frames));
	memset(codes, 0, sizeof(codes));
	put64(runtime, l->runtime_interp_head, INTERP);
	put64(interp, l->interp_threads_head, TSTATE);
	put64(tstate, l->tstate_native_thread_id, TID);
	put64(tstate, l->tstate_frame, CFRAME);
	put64(cframe, l->cframe_current, FRAMES);
	make_code(l, 0, "inner");
	make_code(l, 1, "Model.step");
	make_frame(l, 0, 0, FRAMES + 0x100, false);
	make_frame(l, 1, 1, FRAMES + 0x200, true);
	make_frame(l, 2, 1, 0, true);
	tmem_fake_init(fake, &pp->mem, regions, sizeof(regions) / sizeof(regions[0]));
	return pp;
}

Test(python_walk, frames_lines_and_runs)
{
	struct tmem_fake fake;
	struct py_proc *pp = setup(&fake);
	struct arena ar = {0};
	struct py_stack st;

	cr_assert_eq(py_stack(pp, TID, 0, &ar, &st), 0);
	cr_assert_null(st.why, "%s", st.why);
	cr_assert_eq(st.n, 3);
	cr_expect_str_eq(st.frames[0].func, "inner");
	cr_expect_str_eq(st.frames[0].file, "file.py");
	cr_expect_eq(st.frames[0].line, 12, "first line 10, delta +2");
	cr_expect_str_eq(st.frames[1].func, "Model.step");
	cr_expect_not(st.frames[0].eval_end);
	cr_expect(st.frames[1].eval_end, "is_entry ends the run of one eval call");
	cr_expect(st.frames[2].eval_end);
	py_proc_free(pp);
	arena_free(&ar);
}

Test(python_walk, another_thread_has_no_frames)
{
	struct tmem_fake fake;
	struct py_proc *pp = setup(&fake);
	struct arena ar = {0};
	struct py_stack st;

	cr_assert_eq(py_stack(pp, TID + 1, 0, &ar, &st), 0);
	cr_expect_eq(st.n, 0);
	cr_expect_null(st.why, "a thread without a thread state runs no Python: nothing to say");
	py_proc_free(pp);
	arena_free(&ar);
}

Test(python_walk, a_frame_loop_ends_the_walk)
{
	struct tmem_fake fake;
	struct py_proc *pp = setup(&fake);
	struct arena ar = {0};
	struct py_stack st;

	/* Frame 2 links back to frame 1: not the same frame twice in a row, a longer cycle. */
	put64(frames[2], pp->lay.frame_back, FRAMES + 0x100);
	cr_assert_eq(py_stack(pp, TID, 0, &ar, &st), 0);
	cr_expect_not_null(st.why);
	cr_expect_leq(st.n, 1024);
	py_proc_free(pp);
	arena_free(&ar);
}

Test(python_walk, bad_pointers_end_the_walk_with_a_reason)
{
	struct tmem_fake fake;
	struct py_proc *pp = setup(&fake);
	struct arena ar = {0};
	struct py_stack st;

	/* Frame 1's back pointer into nothing: two frames, then why. */
	put64(frames[1], pp->lay.frame_back, 0xdead0000);
	cr_assert_eq(py_stack(pp, TID, 0, &ar, &st), 0);
	cr_expect_eq(st.n, 2);
	cr_expect_not_null(st.why);
	/* A code pointer to something that is not a code object (its type differs). */
	put64(frames[1], pp->lay.frame_back, FRAMES + 0x200);
	put64(codes[1], pp->lay.object_type, 0x1234);
	cr_assert_eq(py_stack(pp, TID, 0, &ar, &st), 0);
	cr_expect_eq(st.n, 1);
	cr_expect_not_null(st.why);
	/* An unreadable interpreter: an error, said. */
	put64(runtime, pp->lay.runtime_interp_head, 0xbad000);
	pp->threads[0].tid = 0; /* forget the thread state found before */
	cr_expect_lt(py_stack(pp, TID, 0, &ar, &st), 0);
	cr_expect_not_null(st.why);
	py_proc_free(pp);
	arena_free(&ar);
}

Test(python_walk, a_name_is_read_again_when_its_code_object_changed)
{
	struct tmem_fake fake;
	struct py_proc *pp = setup(&fake);
	struct arena ar = {0};
	struct py_stack st;

	cr_assert_eq(py_stack(pp, TID, 0, &ar, &st), 0);
	cr_assert_str_eq(st.frames[0].func, "inner");
	/* Another code object at the same address (the old one freed): new name pointer. */
	put64(codes[0], pp->lay.code_qualname,
	      put_str(&pp->lay, codes[0], CODES, 0x700, "replaced"));
	cr_assert_eq(py_stack(pp, TID, 0, &ar, &st), 0);
	cr_expect_str_eq(st.frames[0].func, "replaced");
	py_proc_free(pp);
	arena_free(&ar);
}
