/*
 * The offsets struct py_layout (src/python/layout.h) describes, computed by the compiler
 * from one CPython's own headers: tests/python/check_layout.sh compiles this against
 * PREFIX/include/python3.X (with -DPy_BUILD_CORE, for the internal headers) and diffs
 * its output with py_layout_dump's, which prints ptrc's table.  Nothing here comes from
 * ptrc: a field the version does not have is printed as -1 (PY_NONE).  frame_size and
 * code_size are how many bytes ptrc reads, not CPython fields, and are not printed.
 *
 * For 3.7 to 3.12 only: 3.13's table is filled at run time from _Py_DebugOffsets.
 */
#include <Python.h>
#include <frameobject.h>
#include <stddef.h>
#include <stdio.h>

#if PY_MAJOR_VERSION != 3 || PY_MINOR_VERSION < 7 || PY_MINOR_VERSION > 12
#error "layout_probe.c knows the headers of CPython 3.7 to 3.12"
#endif

#if PY_MINOR_VERSION == 7
#include "internal/pystate.h" /* _PyRuntimeState, PyInterpreterState */
#elif PY_MINOR_VERSION == 8
#include "internal/pycore_pystate.h"
#else
#include "internal/pycore_runtime.h"
#include "internal/pycore_interp.h"
#endif
#if PY_MINOR_VERSION >= 11
#include "internal/pycore_frame.h" /* _PyInterpreterFrame */
#endif

#define NONE (-1L)
#define OFF(type, member) ((long)offsetof(type, member))

/* The frame struct ptrc walks: PyFrameObject before 3.11, _PyInterpreterFrame after. */
#if PY_MINOR_VERSION >= 11
typedef _PyInterpreterFrame probe_frame;
#else
typedef PyFrameObject probe_frame;
#endif

static void put(const char *name, long v)
{
	printf("%s=%ld\n", name, v);
}

int main(void)
{
	put("minor", PY_MINOR_VERSION);
	put("runtime_interp_head", OFF(_PyRuntimeState, interpreters.head));
	put("interp_next", OFF(PyInterpreterState, next));
#if PY_MINOR_VERSION >= 11
	put("interp_threads_head", OFF(PyInterpreterState, threads.head));
#else
	put("interp_threads_head", OFF(PyInterpreterState, tstate_head));
#endif
	put("tstate_next", OFF(PyThreadState, next));
	put("tstate_thread_id", OFF(PyThreadState, thread_id));
#if PY_MINOR_VERSION >= 11
	put("tstate_native_thread_id", OFF(PyThreadState, native_thread_id));
	put("tstate_frame", OFF(PyThreadState, cframe));
	put("cframe_current", OFF(_PyCFrame, current_frame));
#else
	put("tstate_native_thread_id", NONE);
	put("tstate_frame", OFF(PyThreadState, frame));
	put("cframe_current", NONE);
#endif
#if PY_MINOR_VERSION >= 11
	put("frame_code", OFF(probe_frame, f_code));
	put("frame_back", OFF(probe_frame, previous));
	put("frame_instr", OFF(probe_frame, prev_instr));
	put("frame_owner", OFF(probe_frame, owner));
#else
	put("frame_code", OFF(probe_frame, f_code));
	put("frame_back", OFF(probe_frame, f_back));
	put("frame_instr", OFF(probe_frame, f_lasti));
	put("frame_owner", NONE);
#endif
#if PY_MINOR_VERSION == 11
	put("frame_is_entry", OFF(probe_frame, is_entry));
#else
	put("frame_is_entry", NONE);
#endif
	put("code_filename", OFF(PyCodeObject, co_filename));
	put("code_name", OFF(PyCodeObject, co_name));
#if PY_MINOR_VERSION >= 11
	put("code_qualname", OFF(PyCodeObject, co_qualname));
#else
	put("code_qualname", NONE);
#endif
#if PY_MINOR_VERSION >= 10
	put("code_linetable", OFF(PyCodeObject, co_linetable));
#else
	put("code_linetable", OFF(PyCodeObject, co_lnotab));
#endif
	put("code_firstlineno", OFF(PyCodeObject, co_firstlineno));
#if PY_MINOR_VERSION >= 11
	put("code_adaptive", OFF(PyCodeObject, co_code_adaptive));
#else
	put("code_adaptive", NONE);
#endif
	put("object_type", OFF(PyObject, ob_type));
	put("bytes_size", OFF(PyBytesObject, ob_base.ob_size));
	put("bytes_data", OFF(PyBytesObject, ob_sval));
	put("unicode_length", OFF(PyASCIIObject, length));
	put("unicode_state", OFF(PyASCIIObject, state));
	put("unicode_ascii_data", (long)sizeof(PyASCIIObject));
	put("unicode_compact_data", (long)sizeof(PyCompactUnicodeObject));
	return 0;
}
