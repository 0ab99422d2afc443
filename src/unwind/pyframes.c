/*
 * Python frames in native stacks.  After each walk of a process that runs
 * CPython, the Python stack of the thread (src/python) is read and its frames
 * take the place of the native frames of the eval loop: one C call of
 * _PyEval_EvalFrameDefault runs one Python frame before 3.11 and a run of
 * them since (Python-to-Python calls stay in the same C call), which the
 * reader marks with eval_end.
 */
#include <elf.h>
#include <gelf.h>
#include <stdio.h>
#include <string.h>

#include "../../arch/host.h"
#include "internal.h"
#include "mem/tmem.h"
#include "python/python.h"

static const char eval_func[] = "_PyEval_EvalFrameDefault";

struct py_search {
	struct py_target t;
	int minor_from_name;
	uint64_t version_addr; /* Py_Version (3.11+), 0 without */
	bool is32;
	bool found;
	int minor_without_runtime; /* a python3.N module with no _PyRuntime (before 3.7), or -1 */
};

/* _PyRuntime, PyCode_Type and Py_Version among the module's symbols (dynamic ones suffice). */
static bool find_symbols(Dwfl_Module *mod, struct py_search *s)
{
	int n = dwfl_module_getsymtab(mod);
	uint64_t runtime = 0, code_type = 0, version = 0;

	for (int i = 1; i < n; i++) {
		GElf_Sym sym;
		GElf_Addr addr;
		const char *name = dwfl_module_getsym_info(mod, i, &sym, &addr, NULL, NULL, NULL);
		if (!name || sym.st_shndx == SHN_UNDEF || !addr)
			continue;
		if (!strcmp(name, "_PyRuntime"))
			runtime = addr;
		else if (!strcmp(name, "PyCode_Type"))
			code_type = addr;
		else if (!strcmp(name, "Py_Version"))
			version = addr;
	}
	if (!runtime)
		return false;
	s->t.runtime = runtime;
	s->t.code_type = code_type;
	s->version_addr = version;
	return true;
}

static int module_cb(Dwfl_Module *mod, void **user, const char *name, Dwarf_Addr start, void *arg)
{
	struct py_search *s = arg;
	int minor = name ? py_minor_from_name(name) : -1;
	GElf_Addr bias;

	(void)user;
	(void)start;
	if (minor < 0)
		return DWARF_CB_OK;
	Elf *elf = dwfl_module_getelf(mod, &bias);
	if (!elf)
		return DWARF_CB_OK;
	if (!find_symbols(mod, s)) {
		s->minor_without_runtime = minor;
		return DWARF_CB_OK;
	}
	s->is32 = gelf_getclass(elf) == ELFCLASS32;
	s->minor_from_name = minor;
	s->found = true;
	return DWARF_CB_ABORT;
}

/* Looks for an interpreter among the modules reported for this generation. */
static void find_python(struct unwind_proc *up)
{
	static char msg[80];
	struct py_search s = {.minor_without_runtime = -1};

	up->py_gen = up->gen;
	if (!up->dwfl || up->py || up->py_why)
		return;
	dwfl_getmodules(up->dwfl, module_cb, &s, 0);
	if (!s.found && s.minor_without_runtime >= 0 && s.minor_without_runtime < 7) {
		snprintf(msg, sizeof(msg), "no Python frames: CPython 3.%d is not supported",
			 s.minor_without_runtime);
		up->py_why = msg;
	}
	if (!s.found)
		return;
	if (s.is32) {
		up->py_why = "no Python frames: 32-bit CPython is not supported";
		return;
	}
	s.t.minor = (unsigned)s.minor_from_name;
	if (s.version_addr) {
		/* Py_Version is PY_VERSION_HEX: it wins over the file's name. */
		struct tmem_live live;
		struct tmem m;
		uint32_t hex;
		tmem_live_init(&live, &m, up->pid);
		if (tmem_read(&m, s.version_addr, &hex, sizeof(hex)) == 0 && hex >> 24 == 3)
			s.t.minor = (hex >> 16) & 0xff;
		tmem_live_close(&live);
	}
	const char *why = NULL;
	up->py = py_proc_new(up->pid, &s.t, &why);
	if (!up->py)
		up->py_why = why;
}

void uw_py_drop(struct unwind_proc *up)
{
	py_proc_free(up->py);
	up->py = NULL;
	up->py_why = NULL;
	up->py_gen = 0;
}

static bool is_eval(const struct unwind_frame *f)
{
	return f->func && !(f->flags & UNWIND_FRAME_INLINED) && !strcmp(f->func, eval_func);
}

static bool inlined_into_eval(const struct unwind_frame *f)
{
	return (f->flags & UNWIND_FRAME_INLINED) && f->inlined_into &&
	       !strcmp(f->inlined_into, eval_func);
}

/* The names are copied: the reader's cache may start over before the caller's arena does. */
static void put_python(struct unwind_frame *dst, const struct py_frame *p, struct arena *ar)
{
	memset(dst, 0, sizeof(*dst));
	dst->flags = UNWIND_FRAME_PYTHON;
	dst->file = arena_strndup(ar, p->file, strlen(p->file));
	dst->func = arena_strndup(ar, p->func, strlen(p->func));
	dst->line = p->line;
}

/* The native frames with each eval-loop frame replaced by its run of Python frames. */
static void splice(const struct py_stack *ps, struct arena *ar, struct unwind_trace *out)
{
	struct unwind_frame *v = arena_alloc(ar, (out->n + ps->n) * sizeof(*v));
	size_t n = 0, k = 0;

	for (size_t i = 0; i < out->n; i++) {
		const struct unwind_frame *f = &out->frames[i];
		if (!is_eval(f) || k == ps->n) {
			v[n++] = *f;
			continue;
		}
		/* The eval loop's own inlined helpers go with it. */
		while (n && inlined_into_eval(&v[n - 1]))
			n--;
		do
			put_python(&v[n++], &ps->frames[k], ar);
		while (!ps->frames[k++].eval_end && k < ps->n);
	}
	/* Python frames whose eval call the native walk did not reach go last. */
	while (k < ps->n)
		put_python(&v[n++], &ps->frames[k++], ar);
	out->frames = v;
	out->n = n;
}

void uw_py_merge(struct unwind_proc *up, pid_t tid, uint64_t tp, struct arena *ar,
		 struct unwind_trace *out)
{
	struct py_stack ps;

	if (up->py_gen != up->gen)
		find_python(up);
	if (up->py_why)
		out->py_note = up->py_why;
	if (!up->py)
		return;
	if (!tp && py_wants_thread_ptr(up->py) && host_thread_pointer(tid, &tp) < 0)
		tp = 0;
	(void)py_stack(up->py, tid, tp, ar, &ps);
	out->py_note = ps.why;
	if (ps.n)
		splice(&ps, ar, out);
}
