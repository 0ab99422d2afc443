/*
 * Where CPython keeps what a stack needs, one table per minor version.
 *
 * The only file that knows a CPython struct layout.  Offsets are for 64-bit
 * builds (x86_64 and aarch64 share them); 3.7 to 3.12 come from each
 * version's headers (tests/python/layout_probe.c prints them from the
 * headers, and the unit test compares), 3.13 from the _Py_DebugOffsets the
 * interpreter publishes at the start of _PyRuntime.
 */
#ifndef PTRC_PYTHON_LAYOUT_H
#define PTRC_PYTHON_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

/* How frames link, and what ends one C call of the eval loop. */
enum py_frame_model {
	PY_FRAME_OBJECTS, /* 3.7 to 3.10: PyFrameObject; one eval call per frame */
	PY_FRAME_ENTRY,	  /* 3.11: _PyInterpreterFrame, is_entry marks an eval call's first */
	PY_FRAME_SHIM,	  /* 3.12+: an owner == FRAME_OWNED_BY_CSTACK frame below each call's */
};

/* How a code object maps an instruction offset to a line. */
enum py_line_model {
	PY_LINES_LNOTAB,    /* 3.7 to 3.9: co_lnotab */
	PY_LINES_LINETABLE, /* 3.10: co_linetable, PEP 626 */
	PY_LINES_LOCATIONS, /* 3.11+: co_linetable, PEP 657 locations */
};

enum { PY_NONE = -1 }; /* an offset the version does not have */

struct py_layout {
	unsigned minor; /* 3.minor */
	enum py_frame_model frames;
	enum py_line_model lines;
	int runtime_interp_head;     /* _PyRuntimeState.interpreters.head */
	int interp_next;	     /* PyInterpreterState.next */
	int interp_threads_head;     /* .threads.head (tstate_head before 3.11) */
	int tstate_next;	     /* PyThreadState.next */
	int tstate_thread_id;	     /* pthread_self() of the thread */
	int tstate_native_thread_id; /* its kernel tid (3.11+) */
	int tstate_frame;	     /* .frame (3.9, 3.10), .cframe (3.11, 3.12), .current_frame */
	int cframe_current;	     /* _PyCFrame.current_frame (3.11, 3.12) */
	int frame_code;		     /* f_code, or f_executable (3.13) */
	int frame_back;		     /* f_back, or previous */
	int frame_instr;	     /* int f_lasti (3.9, 3.10), or prev_instr / instr_ptr */
	int frame_owner;	     /* char owner (3.11+) */
	int frame_is_entry;	     /* bool is_entry (3.11) */
	int frame_size;		     /* bytes to read for one frame */
	int code_filename, code_name, code_qualname, code_linetable, code_firstlineno;
	int code_adaptive; /* co_code_adaptive: the instructions, inside the object (3.11+) */
	int code_size;	   /* bytes to read for one code object's header */
	int object_type;   /* PyObject.ob_type */
	int bytes_size;	   /* PyVarObject.ob_size of a bytes object */
	int bytes_data;	   /* PyBytesObject.ob_sval */
	int unicode_length, unicode_state;
	int unicode_ascii_data;	  /* sizeof(PyASCIIObject): where a compact ASCII string's bytes are
				   */
	int unicode_compact_data; /* sizeof(PyCompactUnicodeObject): the other compact strings' */
};

/* FRAME_OWNED_BY_CSTACK (3.12+): the eval loop's entry shim, not a Python frame. */
enum { PY_OWNER_CSTACK = 3, PY_OWNER_GENERATOR = 1 };

/* The table of 3.minor, or NULL when the version's layout is not known here. */
const struct py_layout *py_layout_table(unsigned minor);

/* What _Py_DebugOffsets (3.13) must hold; the bytes to read at _PyRuntime. */
enum { PY_DEBUG_OFFSETS_SIZE = 73 * 8 };

/*
 * Fills out from the _Py_DebugOffsets at the start of _PyRuntime (buf, len
 * bytes).  Returns 0; -EINVAL when the cookie is missing, -ENOTSUP for a
 * free-threaded build, -EPROTO for a minor version whose offsets struct is
 * laid out otherwise (only 3.13's is known).
 */
int py_layout_from_debug(const unsigned char *buf, size_t len, struct py_layout *out);

#endif
