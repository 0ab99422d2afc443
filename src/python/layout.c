/* CPython's layouts by minor version (see layout.h for where each number comes from). */
#include <errno.h>
#include <string.h>

#include "layout.h"

/*
 * 3.7 to 3.10 share PyThreadState and PyFrameObject's start; 3.8 added
 * co_posonlyargcount (moving the code object's fields), 3.10 dropped
 * f_stacktop and counts f_lasti in code units.
 */
#define PY_OBJECTS_COMMON                                                                          \
	.frames = PY_FRAME_OBJECTS, .interp_next = 0, .interp_threads_head = 8, .tstate_next = 8,  \
	.tstate_thread_id = 176, .tstate_native_thread_id = PY_NONE, .tstate_frame = 24,           \
	.cframe_current = PY_NONE, .frame_code = 32, .frame_back = 24, .frame_owner = PY_NONE,     \
	.frame_is_entry = PY_NONE, .code_qualname = PY_NONE, .code_adaptive = PY_NONE,             \
	.object_type = 8, .bytes_size = 16, .bytes_data = 32, .unicode_length = 16,                \
	.unicode_state = 32, .unicode_ascii_data = 48, .unicode_compact_data = 72
#define PY_CODE_38                                                                                 \
	.code_filename = 104, .code_name = 112, .code_linetable = 120, .code_firstlineno = 40,     \
	.code_size = 128

static const struct py_layout layouts[] = {
	{.minor = 7,
	 .lines = PY_LINES_LNOTAB,
	 .runtime_interp_head = 24,
	 .frame_instr = 104,
	 .frame_size = 112,
	 .code_filename = 96,
	 .code_name = 104,
	 .code_linetable = 112,
	 .code_firstlineno = 36,
	 .code_size = 120,
	 PY_OBJECTS_COMMON},
	{.minor = 8,
	 .lines = PY_LINES_LNOTAB,
	 .runtime_interp_head = 32,
	 .frame_instr = 104,
	 .frame_size = 112,
	 PY_CODE_38,
	 PY_OBJECTS_COMMON},
	{.minor = 9,
	 .lines = PY_LINES_LNOTAB,
	 .runtime_interp_head = 32,
	 .frame_instr = 104,
	 .frame_size = 112,
	 PY_CODE_38,
	 PY_OBJECTS_COMMON},
	{.minor = 10,
	 .lines = PY_LINES_LINETABLE,
	 .runtime_interp_head = 32,
	 .frame_instr = 96,
	 .frame_size = 104,
	 PY_CODE_38,
	 PY_OBJECTS_COMMON},
	{.minor = 11,
	 .frames = PY_FRAME_ENTRY,
	 .lines = PY_LINES_LOCATIONS,
	 .runtime_interp_head = 40,
	 .interp_next = 0,
	 .interp_threads_head = 16,
	 .tstate_next = 8,
	 .tstate_thread_id = 152,
	 .tstate_native_thread_id = 160,
	 .tstate_frame = 56,
	 .cframe_current = 8,
	 .frame_code = 32,
	 .frame_back = 48,
	 .frame_instr = 56,
	 .frame_owner = 69,
	 .frame_is_entry = 68,
	 .frame_size = 72,
	 .code_filename = 112,
	 .code_name = 120,
	 .code_qualname = 128,
	 .code_linetable = 136,
	 .code_firstlineno = 72,
	 .code_adaptive = 184,
	 .code_size = 144,
	 .object_type = 8,
	 .bytes_size = 16,
	 .bytes_data = 32,
	 .unicode_length = 16,
	 .unicode_state = 32,
	 .unicode_ascii_data = 48,
	 .unicode_compact_data = 72},
	{.minor = 12,
	 .frames = PY_FRAME_SHIM,
	 .lines = PY_LINES_LOCATIONS,
	 .runtime_interp_head = 40,
	 .interp_next = 0,
	 .interp_threads_head = 72,
	 .tstate_next = 8,
	 .tstate_thread_id = 136,
	 .tstate_native_thread_id = 144,
	 .tstate_frame = 56,
	 .cframe_current = 0,
	 .frame_code = 0,
	 .frame_back = 8,
	 .frame_instr = 56,
	 .frame_owner = 70,
	 .frame_is_entry = PY_NONE,
	 .frame_size = 72,
	 .code_filename = 112,
	 .code_name = 120,
	 .code_qualname = 128,
	 .code_linetable = 136,
	 .code_firstlineno = 68,
	 .code_adaptive = 192,
	 .code_size = 144,
	 .object_type = 8,
	 .bytes_size = 16,
	 .bytes_data = 32,
	 .unicode_length = 16,
	 .unicode_state = 32,
	 .unicode_ascii_data = 40,
	 .unicode_compact_data = 56},
};

const struct py_layout *py_layout_table(unsigned minor)
{
	for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (layouts[i].minor == minor)
			return &layouts[i];
	return NULL;
}

/* The words of 3.13's _Py_DebugOffsets, by index (each field is a uint64_t after the cookie). */
enum {
	DO_VERSION = 1,
	DO_FREE_THREADED = 2,
	DO_RUNTIME_INTERP_HEAD = 5,
	DO_INTERP_NEXT = 8,
	DO_INTERP_THREADS_HEAD = 9,
	DO_TSTATE_NEXT = 21,
	DO_TSTATE_CURRENT_FRAME = 23,
	DO_TSTATE_THREAD_ID = 24,
	DO_TSTATE_NATIVE_THREAD_ID = 25,
	DO_FRAME_PREVIOUS = 29,
	DO_FRAME_EXECUTABLE = 30,
	DO_FRAME_INSTR_PTR = 31,
	DO_FRAME_LOCALSPLUS = 32,
	DO_FRAME_OWNER = 33,
	DO_CODE_FILENAME = 35,
	DO_CODE_NAME = 36,
	DO_CODE_QUALNAME = 37,
	DO_CODE_LINETABLE = 38,
	DO_CODE_FIRSTLINENO = 39,
	DO_CODE_ADAPTIVE = 43,
	DO_OBJECT_TYPE = 45,
	DO_BYTES_SIZE = 65,
	DO_BYTES_DATA = 66,
	DO_UNICODE_STATE = 68,
	DO_UNICODE_LENGTH = 69,
	DO_UNICODE_ASCII_SIZE = 70,
};

static uint64_t word(const unsigned char *buf, unsigned i)
{
	uint64_t v;

	memcpy(&v, buf + 8 * i, sizeof(v));
	return v;
}

/* An offset from the struct, refused when it is not a plausible field offset. */
static int field(const unsigned char *buf, unsigned i, int *ok)
{
	uint64_t v = word(buf, i);

	if (v > (1u << 20))
		*ok = 0;
	return (int)v;
}

static int max4(int a, int b, int c, int d)
{
	int m = a > b ? a : b;

	m = m > c ? m : c;
	return m > d ? m : d;
}

int py_layout_from_debug(const unsigned char *buf, size_t len, struct py_layout *out)
{
	int ok = 1;

	if (len < PY_DEBUG_OFFSETS_SIZE || memcmp(buf, "xdebugpy", 8))
		return -EINVAL;
	uint64_t hex = word(buf, DO_VERSION);
	if ((hex >> 24) != 3 || ((hex >> 16) & 0xff) != 13)
		return -EPROTO;
	if (word(buf, DO_FREE_THREADED))
		return -ENOTSUP;
	*out = (struct py_layout){
		.minor = 13,
		.frames = PY_FRAME_SHIM,
		.lines = PY_LINES_LOCATIONS,
		.runtime_interp_head = field(buf, DO_RUNTIME_INTERP_HEAD, &ok),
		.interp_next = field(buf, DO_INTERP_NEXT, &ok),
		.interp_threads_head = field(buf, DO_INTERP_THREADS_HEAD, &ok),
		.tstate_next = field(buf, DO_TSTATE_NEXT, &ok),
		.tstate_thread_id = field(buf, DO_TSTATE_THREAD_ID, &ok),
		.tstate_native_thread_id = field(buf, DO_TSTATE_NATIVE_THREAD_ID, &ok),
		.tstate_frame = field(buf, DO_TSTATE_CURRENT_FRAME, &ok),
		.cframe_current = PY_NONE,
		.frame_code = field(buf, DO_FRAME_EXECUTABLE, &ok),
		.frame_back = field(buf, DO_FRAME_PREVIOUS, &ok),
		.frame_instr = field(buf, DO_FRAME_INSTR_PTR, &ok),
		.frame_owner = field(buf, DO_FRAME_OWNER, &ok),
		.frame_is_entry = PY_NONE,
		.frame_size = field(buf, DO_FRAME_LOCALSPLUS, &ok),
		.code_filename = field(buf, DO_CODE_FILENAME, &ok),
		.code_name = field(buf, DO_CODE_NAME, &ok),
		.code_qualname = field(buf, DO_CODE_QUALNAME, &ok),
		.code_linetable = field(buf, DO_CODE_LINETABLE, &ok),
		.code_firstlineno = field(buf, DO_CODE_FIRSTLINENO, &ok),
		.code_adaptive = field(buf, DO_CODE_ADAPTIVE, &ok),
		.object_type = field(buf, DO_OBJECT_TYPE, &ok),
		.bytes_size = field(buf, DO_BYTES_SIZE, &ok),
		.bytes_data = field(buf, DO_BYTES_DATA, &ok),
		.unicode_length = field(buf, DO_UNICODE_LENGTH, &ok),
		.unicode_state = field(buf, DO_UNICODE_STATE, &ok),
		.unicode_ascii_data = field(buf, DO_UNICODE_ASCII_SIZE, &ok),
	};
	/* PyCompactUnicodeObject adds utf8_length and utf8 to PyASCIIObject (3.12+). */
	out->unicode_compact_data = out->unicode_ascii_data + 16;
	out->code_size =
		max4(out->code_filename, out->code_name, out->code_qualname, out->code_linetable) +
		8;
	if (out->code_firstlineno + 4 > out->code_size)
		out->code_size = out->code_firstlineno + 4;
	if (out->frame_owner + 1 > out->frame_size)
		ok = 0;
	return ok ? 0 : -EPROTO;
}
