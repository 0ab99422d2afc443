/*
 * py_layout_dump MINOR: ptrc's table for CPython 3.MINOR (py_layout_table()), printed as
 * tests/python/layout_probe.c prints the headers' offsets, for check_layout.sh to diff.
 * Exit 1 when ptrc has no table for that version, 2 on a bad argument.
 */
#include <stdio.h>
#include <stdlib.h>

#include "python/layout.h"

int main(int argc, char **argv)
{
	char *end;
	unsigned long minor;
	const struct py_layout *l;

	if (argc != 2 || !*argv[1]) {
		fprintf(stderr, "usage: py_layout_dump MINOR\n");
		return 2;
	}
	minor = strtoul(argv[1], &end, 10);
	if (*end || minor > 99) {
		fprintf(stderr, "py_layout_dump: bad minor version: %s\n", argv[1]);
		return 2;
	}
	l = py_layout_table((unsigned)minor);
	if (!l) {
		fprintf(stderr, "py_layout_dump: no table for 3.%lu\n", minor);
		return 1;
	}
#define PUT(f) printf(#f "=%ld\n", (long)l->f)
	PUT(minor);
	PUT(runtime_interp_head);
	PUT(interp_next);
	PUT(interp_threads_head);
	PUT(tstate_next);
	PUT(tstate_thread_id);
	PUT(tstate_native_thread_id);
	PUT(tstate_frame);
	PUT(cframe_current);
	PUT(frame_code);
	PUT(frame_back);
	PUT(frame_instr);
	PUT(frame_owner);
	PUT(frame_is_entry);
	PUT(code_filename);
	PUT(code_name);
	PUT(code_qualname);
	PUT(code_linetable);
	PUT(code_firstlineno);
	PUT(code_adaptive);
	PUT(object_type);
	PUT(bytes_size);
	PUT(bytes_data);
	PUT(unicode_length);
	PUT(unicode_state);
	PUT(unicode_ascii_data);
	PUT(unicode_compact_data);
#undef PUT
	return 0;
}
