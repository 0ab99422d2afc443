/*
 * Line numbers from a code object's table, for each of CPython's three
 * formats (the formats are documented in CPython's Objects/lnotab_notes.txt
 * and Objects/locations.md).  Pure: bytes in, a line out; bad tables end the
 * search rather than read past their end.
 */
#include <limits.h>

#include "python.h"

/* 3.9's co_lnotab: (address increment, signed line increment) pairs. */
static int64_t line_lnotab(const uint8_t *t, size_t n, int64_t line, int addrq)
{
	int addr = 0;

	for (size_t i = 0; i + 1 < n; i += 2) {
		addr += t[i];
		if (addr > addrq)
			break;
		line += (int8_t)t[i + 1];
	}
	return line;
}

/* 3.10's co_linetable: (byte length, signed line delta) pairs; -128 means no line. */
static int64_t line_linetable(const uint8_t *t, size_t n, int64_t line, int addrq)
{
	int start = 0;

	for (size_t i = 0; i + 1 < n; i += 2) {
		int end = start + t[i];
		int delta = (int8_t)t[i + 1];
		int64_t here = -1;
		if (delta != -128) {
			line += delta;
			here = line;
		}
		if (addrq >= start && addrq < end)
			return here;
		start = end;
	}
	return -1;
}

/* 3.11+ location entries: 6-bit varint chunks, bit 6 set on all but the last. */
static unsigned varint(const uint8_t *t, size_t n, size_t *i)
{
	unsigned v = 0, shift = 0;

	while (*i < n && shift < 32) {
		uint8_t b = t[(*i)++];
		v |= (unsigned)(b & 63) << shift;
		shift += 6;
		if (!(b & 64))
			break;
	}
	return v;
}

static int svarint(const uint8_t *t, size_t n, size_t *i)
{
	unsigned v = varint(t, n, i);

	return v & 1 ? -(int)(v >> 1) : (int)(v >> 1);
}

enum {
	LOC_NONE = 15,	     /* no location */
	LOC_LONG = 14,	     /* a line delta, then the end line and columns */
	LOC_NO_COLUMNS = 13, /* a line delta only */
	LOC_ONE_LINE0 = 10,  /* 10..12: line delta 0..2, then two column bytes */
};

/* 3.11+: entries of (code, length in code units); addrq is in bytes. */
static int64_t line_locations(const uint8_t *t, size_t n, int64_t line, int addrq)
{
	size_t i = 0;
	int addr = 0;

	while (i < n) {
		uint8_t first = t[i++];
		if (!(first & 0x80))
			return -1; /* not the start of an entry: a corrupt table */
		unsigned code = (first >> 3) & 15;
		int end = addr + 2 * ((first & 7) + 1);
		int64_t here;
		if (code == LOC_LONG || code == LOC_NO_COLUMNS)
			line += svarint(t, n, &i);
		else if (code >= LOC_ONE_LINE0 && code < LOC_NO_COLUMNS)
			line += (int)code - LOC_ONE_LINE0;
		here = code == LOC_NONE ? -1 : line;
		/* The entry's columns are skipped as CPython does: to the next start byte. */
		while (i < n && !(t[i] & 0x80))
			i++;
		if (addrq >= addr && addrq < end)
			return here;
		addr = end;
	}
	return -1;
}

int py_line(enum py_line_model model, const uint8_t *table, size_t n, int firstlineno, int addrq)
{
	/* 64 bits: a corrupt table's deltas (up to 2^31 each) must not overflow on the way. */
	int64_t line;

	if (addrq < 0)
		return firstlineno > 0 ? firstlineno : 0;
	switch (model) {
	case PY_LINES_LNOTAB:
		line = line_lnotab(table, n, firstlineno, addrq);
		break;
	case PY_LINES_LINETABLE:
		line = line_linetable(table, n, firstlineno, addrq);
		break;
	default:
		line = line_locations(table, n, firstlineno, addrq);
		break;
	}
	return line > 0 && line <= INT_MAX ? (int)line : 0;
}
