/*
 * The CPython stack reader (src/python) on tracee memory the input lays out:
 * a bad pointer, a cycle, a lying length or a foreign object must end a walk
 * with a reason, never crash, hang or read without bound.  The checks: no
 * crash, leak or undefined behaviour; at most 1024 frames; every frame has
 * its names; a second walk on the same memory (through the caches) gives the
 * same frames.
 *
 * Input: a layout byte (the minor version 7 to 12 of a table, or 13: the
 * layout is read from a _Py_DebugOffsets the input places at the runtime
 * anchor), a kernel tid (u32), a thread pointer (u64), then memory regions
 * (fz_mem_build; anchors: the runtime, the interpreter, a thread state, a
 * cframe, frames, two code objects and the code type, at fixed addresses).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "python/internal.h"

static const uint64_t anchors[FZ_ANCHORS] = {0x10000, 0x20000, 0x30000, 0x38000,
					     0x40000, 0x50000, 0x51000, 0x60000};

static void same_stacks(const struct py_stack *a, const struct py_stack *b)
{
	if (a->n != b->n)
		fz_fail("the cached walk found %zu frames, the first %zu", b->n, a->n);
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->frames[i].file, b->frames[i].file) ||
		    strcmp(a->frames[i].func, b->frames[i].func) ||
		    a->frames[i].line != b->frames[i].line)
			fz_fail("frame %zu differs through the cache", i);
}

static void check(const struct py_stack *s)
{
	if (s->n > 1024)
		fz_fail("%zu frames", s->n);
	for (size_t i = 0; i < s->n; i++)
		if (!s->frames[i].file || !s->frames[i].func)
			fz_fail("frame %zu has no names", i);
}

/* --- Seeds: PTRC_FUZZ_PYTHON_SEEDS=DIR writes real-looking images, offsets from the tables. */

struct seed {
	uint8_t buf[8192];
	size_t n;
};

static void put(struct seed *s, const void *p, size_t n)
{
	memcpy(s->buf + s->n, p, n);
	s->n += n;
}

/* A region at anchor a (fz_mem_build: placement byte, 16-bit length, bytes). */
static void region(struct seed *s, unsigned a, const uint8_t *bytes, uint16_t len)
{
	uint8_t place = (uint8_t)a;
	put(s, &place, 1);
	put(s, &len, 2);
	put(s, bytes, len);
}

static void set64(uint8_t *b, int off, uint64_t v)
{
	memcpy(b + off, &v, 8);
}

static void set32(uint8_t *b, int off, uint32_t v)
{
	memcpy(b + off, &v, 4);
}

/* A compact ASCII str at off of a code region (at anchor address base). */
static uint64_t seed_str(const struct py_layout *l, uint8_t *b, uint64_t base, int off,
			 const char *text)
{
	set64(b, off + l->unicode_length, strlen(text));
	set32(b, off + l->unicode_state, 1u << 2 | 1u << 5 | 1u << 6);
	memcpy(b + off + l->unicode_ascii_data, text, strlen(text));
	return base + (uint64_t)off;
}

static void seed_code(const struct py_layout *l, uint8_t *b, uint64_t base, const char *func)
{
	set64(b, l->object_type, anchors[7]);
	set64(b, l->code_filename, seed_str(l, b, base, 0x200, "train.py"));
	set64(b, l->code_qualname != PY_NONE ? l->code_qualname : l->code_name,
	      seed_str(l, b, base, 0x280, func));
	set32(b, l->code_firstlineno, 10);
	set64(b, 0x300 + l->bytes_size, 4);
	/* Two line entries in whichever format: the fuzzer mutates them. */
	static const uint8_t table[4] = {0xe9, 0x04, 0x02, 0x01};
	memcpy(b + 0x300 + l->bytes_data, table, sizeof(table));
	set64(b, l->code_linetable, base + 0x300);
}

static void write_seed(const char *dir, unsigned minor)
{
	static uint8_t runtime[64], interp[128], tstate[256], cframe[16], frames[0x300];
	static uint8_t code0[0x400], code1[0x400];
	const struct py_layout *l = py_layout_table(minor);
	struct seed s = {.n = 0};
	uint8_t head[13] = {(uint8_t)(minor - 7)};
	uint32_t tid = 4242;
	uint64_t tp = 0x7f0000001000;

	memset(runtime, 0, sizeof(runtime));
	memset(interp, 0, sizeof(interp));
	memset(tstate, 0, sizeof(tstate));
	memset(cframe, 0, sizeof(cframe));
	memset(frames, 0, sizeof(frames));
	memset(code0, 0, sizeof(code0));
	memset(code1, 0, sizeof(code1));
	memcpy(head + 1, &tid, 4);
	memcpy(head + 5, &tp, 8);
	put(&s, head, sizeof(head));
	set64(runtime, l->runtime_interp_head, anchors[1]);
	set64(interp, l->interp_threads_head, anchors[2]);
	if (l->tstate_native_thread_id != PY_NONE)
		set64(tstate, l->tstate_native_thread_id, tid);
	set64(tstate, l->tstate_thread_id, tp);
	set64(tstate, l->tstate_frame, l->cframe_current != PY_NONE ? anchors[3] : anchors[4]);
	if (l->cframe_current != PY_NONE)
		set64(cframe, l->cframe_current, anchors[4]);
	for (int i = 0; i < 3; i++) {
		uint8_t *fr = frames + 0x100 * i;
		uint64_t code = i ? anchors[6] : anchors[5];
		set64(fr, l->frame_code, code);
		set64(fr, l->frame_back, i < 2 ? anchors[4] + 0x100 * (uint64_t)(i + 1) : 0);
		if (l->frames == PY_FRAME_OBJECTS)
			set32(fr, l->frame_instr, 2);
		else
			set64(fr, l->frame_instr, code + (uint64_t)l->code_adaptive + 2);
		if (l->frame_is_entry != PY_NONE)
			fr[l->frame_is_entry] = i != 0;
	}
	seed_code(l, code0, anchors[5], "load_weights");
	seed_code(l, code1, anchors[6], "Trainer.step");
	region(&s, 0, runtime, sizeof(runtime));
	region(&s, 1, interp, sizeof(interp));
	region(&s, 2, tstate, sizeof(tstate));
	region(&s, 3, cframe, sizeof(cframe));
	region(&s, 4, frames, sizeof(frames));
	region(&s, 5, code0, sizeof(code0));
	region(&s, 6, code1, sizeof(code1));
	char path[512];
	snprintf(path, sizeof(path), "%s/py3.%u-three-frames", dir, minor);
	FILE *out = fopen(path, "wb");
	if (!out || fwrite(s.buf, 1, s.n, out) != s.n)
		fz_fail("cannot write %s", path);
	fclose(out);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("PTRC_FUZZ_PYTHON_SEEDS");

	(void)argc;
	(void)argv;
	for (unsigned minor = 7; dir && minor <= 12; minor++)
		write_seed(dir, minor);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f = {data, size};
	struct fz_mem mem;
	unsigned minor = 7 + fz_u8(&f) % 7;
	pid_t tid = (pid_t)(fz_u32(&f) & 0x7fffffff);
	uint64_t tp = fz_u64(&f);
	const struct py_target t = {.minor = 11, .runtime = anchors[0], .code_type = anchors[7]};
	const char *why = NULL;
	struct py_proc *pp = py_proc_new(1, &t, &why);

	if (!pp)
		fz_fail("no reader for 3.11: %s", why ? why : "?");
	fz_mem_build(&mem, &f, anchors, UINT64_MAX);
	pp->mem = mem.entry;
	if (minor == 13) {
		uint8_t buf[PY_DEBUG_OFFSETS_SIZE];
		if (tmem_read(&pp->mem, anchors[0], buf, sizeof(buf)) < 0 ||
		    py_layout_from_debug(buf, sizeof(buf), &pp->lay) < 0)
			goto out_free; /* refused: the reader says so and reads nothing */
	} else {
		pp->lay = *py_layout_table(minor);
	}
	struct arena ar = {0};
	struct py_stack a, b;
	(void)py_stack(pp, tid, tp, &ar, &a);
	check(&a);
	(void)py_stack(pp, tid, tp, &ar, &b);
	same_stacks(&a, &b);
	if (fz_show())
		for (size_t i = 0; i < a.n; i++)
			fprintf(stderr, "%s:%u in %s\n", a.frames[i].file, a.frames[i].line,
				a.frames[i].func);
	arena_free(&ar);
out_free:
	py_proc_free(pp);
	return 0;
}
