/*
 * One thread's Python stack: its thread state, then its frames from the
 * innermost out, each with the code object's names and the line of the
 * instruction it is at.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "util/xalloc.h"

enum {
	PY_MAX_FRAMES = 1024,  /* deeper than CPython's default recursion limit */
	PY_MAX_THREADS = 4096, /* thread states followed in one search */
	PY_MAX_INTERPS = 64,   /* subinterpreters followed */
	PY_READ_MAX = 512,     /* the largest struct window the layouts need */
};

int py_minor_from_name(const char *path)
{
	const char *base = strrchr(path, '/');
	unsigned minor;
	char after;

	base = base ? base + 1 : path;
	if (!strncmp(base, "lib", 3))
		base += 3;
	if (strncmp(base, "python3.", 8))
		return -1;
	/* python3.11, python3.11d, libpython3.9.so.1.0, but not python3.11-config. */
	int n = sscanf(base + 8, "%u%c", &minor, &after);
	if (n < 1 || minor > 99)
		return -1;
	if (n == 2 && after != '.' && after != 'd' && after != 'm' && after != 't')
		return -1;
	return (int)minor;
}

struct py_proc *py_proc_new(pid_t pid, const struct py_target *t, const char **why)
{
	static char msg[96];
	struct py_proc *pp = xcalloc(1, sizeof(*pp));
	const struct py_layout *l = py_layout_table(t->minor);

	pp->pid = pid;
	pp->target = *t;
	tmem_live_init(&pp->live, &pp->mem, pid);
	if (l) {
		pp->lay = *l;
		return pp;
	}
	uint8_t buf[PY_DEBUG_OFFSETS_SIZE];
	int err = -EINVAL;
	if (t->minor >= 13 && tmem_read(&pp->mem, t->runtime, buf, sizeof(buf)) == 0)
		err = py_layout_from_debug(buf, sizeof(buf), &pp->lay);
	if (err == 0)
		return pp;
	if (err == -ENOTSUP)
		snprintf(msg, sizeof(msg),
			 "no Python frames: free-threaded CPython 3.%u is not supported", t->minor);
	else
		snprintf(msg, sizeof(msg), "no Python frames: CPython 3.%u is not supported",
			 t->minor);
	*why = msg;
	py_proc_free(pp);
	return NULL;
}

bool py_wants_thread_ptr(const struct py_proc *pp)
{
	return pp->lay.tstate_native_thread_id == PY_NONE;
}

void py_proc_free(struct py_proc *pp)
{
	if (!pp)
		return;
	tmem_live_close(&pp->live);
	py_codes_free(&pp->codes);
	free(pp);
}

/* Reads len bytes of a struct at addr; false when any is unreadable. */
static bool read_struct(struct py_proc *pp, uint64_t addr, uint8_t *buf, int len)
{
	return addr && len > 0 && len <= PY_READ_MAX &&
	       tmem_read(&pp->mem, addr, buf, (size_t)len) == 0;
}

static int tstate_window(const struct py_layout *l)
{
	int m = l->tstate_next;

	m = l->tstate_thread_id > m ? l->tstate_thread_id : m;
	m = l->tstate_native_thread_id > m ? l->tstate_native_thread_id : m;
	m = l->tstate_frame > m ? l->tstate_frame : m;
	return m + 8;
}

/* Does the thread state in buf belong to the thread? */
static bool tstate_is(const struct py_layout *l, const uint8_t *buf, pid_t tid, uint64_t tp)
{
	if (l->tstate_native_thread_id != PY_NONE)
		return py_word(buf, l->tstate_native_thread_id) == (uint64_t)tid;
	return tp && py_word(buf, l->tstate_thread_id) == tp;
}

static void remember(struct py_proc *pp, pid_t tid, uint64_t tstate)
{
	for (unsigned i = 0; i < PY_THREAD_CACHE; i++)
		if (pp->threads[i].tid == tid) {
			pp->threads[i].tstate = tstate;
			return;
		}
	pp->threads[pp->next_thread] = (struct py_thread){tid, tstate};
	pp->next_thread = (pp->next_thread + 1) % PY_THREAD_CACHE;
}

/*
 * The thread state of thread tid: 1 with *ts and buf (its window) filled, 0
 * when the thread has none (it runs no Python), -errno when the interpreter
 * cannot be read, -ENOTUNIQ when the thread cannot be told apart.
 */
static int find_tstate(struct py_proc *pp, pid_t tid, uint64_t tp, uint64_t *ts, uint8_t *buf)
{
	const struct py_layout *l = &pp->lay;
	int win = tstate_window(l);
	uint64_t interp, only = 0;
	unsigned seen = 0;

	for (unsigned i = 0; i < PY_THREAD_CACHE; i++)
		if (pp->threads[i].tid == tid && read_struct(pp, pp->threads[i].tstate, buf, win) &&
		    tstate_is(l, buf, tid, tp)) {
			*ts = pp->threads[i].tstate;
			return 1;
		}
	if (tmem_read_word(&pp->mem, 8, pp->target.runtime + (uint64_t)l->runtime_interp_head,
			   &interp) < 0)
		return -EFAULT;
	for (unsigned ni = 0; interp && ni < PY_MAX_INTERPS; ni++) {
		uint64_t t;
		if (tmem_read_word(&pp->mem, 8, interp + (uint64_t)l->interp_threads_head, &t) < 0)
			return -EFAULT;
		for (unsigned nt = 0; t && nt < PY_MAX_THREADS; nt++) {
			if (!read_struct(pp, t, buf, win))
				return -EFAULT;
			if (tstate_is(l, buf, tid, tp)) {
				remember(pp, tid, t);
				*ts = t;
				return 1;
			}
			only = t;
			seen++;
			t = py_word(buf, l->tstate_next);
		}
		if (tmem_read_word(&pp->mem, 8, interp + (uint64_t)l->interp_next, &interp) < 0)
			break;
	}
	/* Without a kernel tid or a thread pointer, a lone thread state is the thread's. */
	if (l->tstate_native_thread_id == PY_NONE && !tp) {
		if (seen != 1)
			return seen ? -ENOTUNIQ : 0;
		*ts = only;
		return read_struct(pp, only, buf, win) ? 1 : -EFAULT;
	}
	return 0;
}

/* The innermost frame of the thread state in buf; 0 when it runs none. */
static int first_frame(struct py_proc *pp, const uint8_t *buf, uint64_t *frame)
{
	const struct py_layout *l = &pp->lay;
	uint64_t f = py_word(buf, l->tstate_frame);

	if (l->cframe_current != PY_NONE && f &&
	    tmem_read_word(&pp->mem, 8, f + (uint64_t)l->cframe_current, &f) < 0)
		return -EFAULT;
	*frame = f;
	return 0;
}

/* The byte offset of the frame's instruction in its code, -1 when unknown. */
static int frame_addrq(const struct py_layout *l, const uint8_t *fb, uint64_t code)
{
	if (l->frames == PY_FRAME_OBJECTS) {
		int lasti = py_int(fb, l->frame_instr);
		/* Beyond any code object: garbage, and no line (found by fuzz_python). */
		if (lasti > (1 << 26))
			return -1;
		/* 3.10 counts f_lasti in 2-byte code units, 3.9 in bytes. */
		return l->lines == PY_LINES_LINETABLE && lasti >= 0 ? lasti * 2 : lasti;
	}
	uint64_t instr = py_word(fb, l->frame_instr);
	uint64_t start = code + (uint64_t)l->code_adaptive;
	if (instr < start || instr - start > (1u << 26))
		return -2; /* a frame being set up (3.11+ "incomplete"), or garbage */
	return (int)(instr - start);
}

static void push(struct arena *ar, struct py_stack *out, size_t *cap, const struct py_frame *f)
{
	if (out->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		struct py_frame *v = arena_alloc(ar, ncap * sizeof(*v));
		if (out->n)
			memcpy(v, out->frames, out->n * sizeof(*v));
		out->frames = v;
		*cap = ncap;
	}
	out->frames[out->n++] = *f;
}

/* Marks the last frame pushed as the end of an eval-loop call. */
static void end_eval(struct py_stack *out)
{
	if (out->n)
		out->frames[out->n - 1].eval_end = true;
}

/* Follows the frames from f; stops at the first that cannot be read, saying why. */
static void walk_frames(struct py_proc *pp, uint64_t f, struct arena *ar, struct py_stack *out)
{
	const struct py_layout *l = &pp->lay;
	uint8_t fb[PY_READ_MAX], cb[PY_READ_MAX];
	size_t cap = 0;
	uint64_t prev = 0;

	for (unsigned depth = 0; f; depth++) {
		if (depth == PY_MAX_FRAMES || f == prev) {
			out->why = "Python stack cut: too many frames, or a loop";
			return;
		}
		if (!read_struct(pp, f, fb, l->frame_size)) {
			out->why = "Python stack cut: a frame is unreadable";
			return;
		}
		prev = f;
		uint64_t back = py_word(fb, l->frame_back);
		if (l->frame_owner != PY_NONE && fb[l->frame_owner] == PY_OWNER_CSTACK) {
			end_eval(out); /* the entry shim of one eval call (3.12+) */
			f = back;
			continue;
		}
		uint64_t code = py_word(fb, l->frame_code);
		if (!read_struct(pp, code, cb, l->code_size) ||
		    (pp->target.code_type && py_word(cb, l->object_type) != pp->target.code_type)) {
			out->why = "Python stack cut: a frame's code object is unreadable";
			return;
		}
		int addrq = frame_addrq(l, fb, code);
		const struct py_code *c = addrq == -2 ? NULL : py_code_get(pp, code, cb);
		if (c) {
			struct py_frame pf = {.file = c->file, .func = c->func};
			pf.line = (unsigned)py_line(l->lines, c->table, c->ntable, c->firstlineno,
						    addrq);
			pf.eval_end = l->frames == PY_FRAME_OBJECTS ||
				      (l->frame_is_entry != PY_NONE && fb[l->frame_is_entry]);
			push(ar, out, &cap, &pf);
		} else if (addrq != -2) {
			out->why = "Python stack cut: a code object's names are unreadable";
			return;
		}
		f = back;
	}
}

int py_stack(struct py_proc *pp, pid_t tid, uint64_t thread_ptr, struct arena *ar,
	     struct py_stack *out)
{
	uint8_t buf[PY_READ_MAX];
	uint64_t ts, frame;

	memset(out, 0, sizeof(*out));
	tmem_live_use(&pp->live, tid);
	int found = find_tstate(pp, tid, thread_ptr, &ts, buf);
	if (found == -ENOTUNIQ) {
		out->why = "no Python frames: this thread's state cannot be told from the others' "
			   "here";
		return 0;
	}
	if (found < 0) {
		out->why = "no Python frames: the interpreter's state is unreadable";
		return found;
	}
	if (found == 0 || first_frame(pp, buf, &frame) < 0)
		return 0;
	walk_frames(pp, frame, ar, out);
	return 0;
}
