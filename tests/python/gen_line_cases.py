#!/usr/bin/env python3
"""Line-table cases for tests/unit/test_python.c, with CPython itself as the truth.

Run under one CPython with no argument, it compiles the sample functions below and
prints a C fragment: for each function its line table as that version stores it
(co_lnotab before 3.10, co_linetable after), co_firstlineno, and for every instruction
byte offset (step 2) the line CPython gives for it:

  * 3.10+: the ranges of code.co_lines() (None, "no line", is expected as 0);
  * 3.7 to 3.9: dis.findlinestarts(): the line of offset X is the one of the last line
    start <= X;

and, on every version, the same offsets asked of CPython's C function PyCode_Addr2Line
(through ctypes): the two must agree or the script fails, so no case is in the header
that CPython's own two answers disagree on.  Nothing of ptrc's decoding is reimplemented
here (the small format walk in coverage() only counts which entry kinds the samples
exercise, so that a CPython whose compiler emits other forms is noticed).

Run with interpreters as arguments, it runs itself under each and prints the whole
header, tests/unit/py_line_cases.h; that file is committed, regenerated with:

  python3 tests/python/gen_line_cases.py /root/.pyenv/versions/3.7.*/bin/python3 \\
      /root/.pyenv/versions/3.8.*/bin/python3 /root/.pyenv/versions/3.9.*/bin/python3 \\
      /root/.pyenv/versions/3.10.*/bin/python3 /usr/bin/python3.11 \\
      /root/.pyenv/versions/3.12.*/bin/python3 /root/.pyenv/versions/3.13.*/bin/python3 \\
      > tests/unit/py_line_cases.h
"""
import ctypes
import dis
import os
import subprocess
import sys

MINOR = sys.version_info[1]


def blank(n):
    return "\n" * n


# (name, the line its def is on, source of the def).  Each exercises a part of the formats.
SAMPLES = [
    # Short location forms (3.11+): one line, small columns.
    ("straight", 1, """def straight(a, b):
    c = a + b
    d = c * 2
    return d
"""),
    # Line jumps of more than 127 and of thousands of lines: several (0, 127) pairs in
    # lnotab and the 3.10 table, multi-chunk signed varints in 3.11+ long/no-column forms.
    ("far_jump", 1, "def far_jump(x):\n    a = x\n" + blank(300) + "    b = a + 1\n"
     + blank(5000) + "    return b\n"),
    # More than 255 bytes of code in one line (several address-only pairs), and columns
    # past 255 (the long form only, 3.11+).
    ("long_line", 1, "def long_line(x):\n    y = "
     + " + ".join("(x * %d)" % i for i in range(1, 121)) + "\n    return y\n"),
    # One expression over several lines: end lines differ (long form), one-line forms with
    # line deltas 1 and 2.
    ("multi_line", 1, """def multi_line(f, a, b):
    r = f(
        a,

        b,
    )
    s = (a
         + b)
    return r, s
"""),
    # Loops: negative line deltas to the loop's head.
    ("loops", 1, """def loops(xs):
    t = 0
    for x in xs:
        if x < 0:
            continue
        t += x
        if t > 100:
            break
    i = 0
    while i < t:
        i += 3
    return i
"""),
    # A loop back over 300 lines: a negative jump of more than 128.
    ("far_loop", 1, "def far_loop(xs):\n    t = 0\n    for x in xs:\n        t += x\n"
     + blank(300) + "        t -= 1\n    return t\n"),
    # The same, but where the loop's condition is tested again at its end (3.10+).
    ("far_while", 1, "def far_while(n):\n    i = 0\n    while i < n:\n        i += 1\n"
     + blank(300) + "        i += 2\n    return i\n"),
    # A call's arguments 300 lines below it: the call itself goes back to its first line
    # (3.8+).
    ("far_args", 1, "def far_args(f, a, b):\n    return f(\n        a,\n" + blank(300)
     + "        b)\n"),
    # finally (duplicated bodies, negative deltas) and except ... as (cleanup without a line).
    ("try_finally", 1, """def try_finally(x):
    try:
        x += 1
        try:
            x /= 0
        except ZeroDivisionError as e:
            x = str(e)
    finally:
        x = 0
    return x
"""),
    ("with_stmt", 1, """def with_stmt(m):
    with m as a:
        b = a
    with m:
        try:
            return b
        finally:
            b = None
"""),
    ("generator", 1, """def generator(n):
    for i in range(n):
        yield i
    yield from range(n)
"""),
    ("coroutine", 1, """async def coroutine(a):
    b = await a
    async for c in b:
        pass
    return b
"""),
    # One line: an empty co_lnotab before 3.10.
    ("one_liner", 1, "one_liner = lambda x: x + 1\n"),
    # A function whose first line is large.
    ("first_5000", 5000, """def first_5000(a):
    if a:
        return a + 1
    return 0
"""),
]


def code_of(name, first, src):
    tree = compile(blank(first - 1) + src, "<line cases>", "exec")
    for c in tree.co_consts:
        if hasattr(c, "co_code") and c.co_name in (name, "<lambda>"):
            return c
    raise SystemExit("gen_line_cases: no code object %s" % name)


def table_of(co):
    return bytes(co.co_lnotab if MINOR < 10 else co.co_linetable)


def addr2line():
    f = ctypes.pythonapi.PyCode_Addr2Line
    f.argtypes = [ctypes.py_object, ctypes.c_int]
    f.restype = ctypes.c_int
    return f


def lines_of(co):
    """The line of every even byte offset of co, from co_lines() or findlinestarts()."""
    size = len(co.co_code)
    lines = [0] * (size // 2)
    if MINOR >= 10:
        for start, end, line in co.co_lines():
            for off in range(start, min(end, size), 2):
                lines[off // 2] = line if line is not None else 0
    else:
        starts = list(dis.findlinestarts(co))
        for off in range(0, size, 2):
            before = [line for (s, line) in starts if s <= off]
            lines[off // 2] = before[-1] if before else 0
    # CPython's C answer for the same offsets must be the same.
    a2l = addr2line()
    for off in range(0, size, 2):
        c = a2l(co, off)
        if max(c, 0) != lines[off // 2]:
            raise SystemExit("gen_line_cases: 3.%d %s offset %d: %s says %d, "
                             "PyCode_Addr2Line %d" % (MINOR, co.co_name, off,
                                                      "co_lines" if MINOR >= 10
                                                      else "findlinestarts",
                                                      lines[off // 2], c))
    return lines


def coverage(table):
    """Which entry kinds the table holds (a count for the fragment's comment only)."""
    seen = set()
    if MINOR >= 11:
        for b in table:
            if b & 0x80:
                code = (b >> 3) & 15
                seen.add({15: "none", 14: "long", 13: "no-columns"}.get(
                    code, "one-line" if code >= 10 else "short"))
    else:
        for i in range(0, len(table) - 1, 2):
            d = table[i + 1] - 256 if table[i + 1] >= 128 else table[i + 1]
            if MINOR == 10 and d == -128:
                seen.add("no-line")
            elif d < 0:
                seen.add("negative")
            if d in (127, -127, -128) and table[i] == 0:
                seen.add("line-only")
            if table[i] >= 254 and d == 0:
                seen.add("address-only")
    return seen


def cases():
    out = []
    for name, first, src in SAMPLES:
        co = code_of(name, first, src)
        out.append((name, co))
    # No entries at all: the same code with an empty table (from 3.10 CPython answers
    # None; before, co_firstlineno).  3.7's code objects have no replace().
    co = code_of("straight", 1, SAMPLES[0][2])
    if MINOR >= 10:
        out.append(("empty_table", co.replace(co_linetable=b"")))
    elif MINOR >= 8:
        out.append(("empty_table", co.replace(co_lnotab=b"")))
    return out


def no_columns_child():
    """3.11+ under -X no_debug_ranges: every entry is of the no-columns form."""
    name, first, src = SAMPLES[1]
    co = code_of(name, first, src)
    import marshal
    sys.stdout.buffer.write(marshal.dumps(co))


def fragment():
    all_cases = cases()
    if MINOR >= 11:
        import marshal
        blob = subprocess.run([sys.executable, "-X", "no_debug_ranges", __file__,
                               "--no-columns-child"], check=True,
                              stdout=subprocess.PIPE).stdout
        all_cases.append(("no_columns", marshal.loads(blob)))
    model = ("PY_LINES_LNOTAB" if MINOR < 10 else
             "PY_LINES_LINETABLE" if MINOR == 10 else "PY_LINES_LOCATIONS")
    tag = "py3_%d" % MINOR
    p = print
    p("/* CPython %s (%s): %s */" % (sys.version.split()[0], sys.executable, model))
    seen = set()
    entries = []
    for name, co in all_cases:
        table = table_of(co)
        lines = lines_of(co)
        neg = addr2line()(co, -1)
        seen |= coverage(table)
        ident = "%s_%s" % (tag, name)
        # (An empty table is an array of one byte, n 0: C has no empty arrays.)
        p("static const uint8_t %s_table[] = {" % ident)
        for i in range(0, max(len(table), 1), 12):
            p("\t" + " ".join("0x%02x," % b for b in (table or b"\0")[i:i + 12]))
        p("};")
        p("static const int %s_lines[] = {" % ident)
        for i in range(0, len(lines), 12):
            p("\t" + " ".join("%d," % v for v in lines[i:i + 12]))
        p("};")
        entries.append('\t{"%s", %d, %s, %d, %d, %s_table, %d, %s_lines, %d},' % (
            name, MINOR, model, co.co_firstlineno, neg, ident, len(table), ident,
            len(lines)))
    p("/* 3.%d's samples hold: %s */" % (MINOR, ", ".join(sorted(seen))))
    p("static const struct py_line_case %s_cases[] = {" % tag)
    for e in entries:
        p(e)
    p("};")
    p()


HEAD = """/*
 * Generated by tests/python/gen_line_cases.py: do not edit.  Each case is one code
 * object compiled by the CPython named above its tables, with the line that CPython
 * (code.co_lines() from 3.10, dis.findlinestarts() before, both checked against
 * PyCode_Addr2Line) gives for every even byte offset of its code; 0 where it has none.
 * Regenerated, from the top of the source tree, with:
 *
 *   python3 tests/python/gen_line_cases.py \\
%s
 *       > tests/unit/py_line_cases.h
 */
#ifndef PTRC_TESTS_PY_LINE_CASES_H
#define PTRC_TESTS_PY_LINE_CASES_H

#include <stddef.h>
#include <stdint.h>

#include "python/layout.h"

struct py_line_case {
	const char *name;
	unsigned minor;
	enum py_line_model model;
	int firstlineno;
	int line_before; /* PyCode_Addr2Line(code, -1) */
	const uint8_t *table;
	size_t n;
	const int *lines; /* lines[i]: the line of byte offset 2 * i */
	size_t nlines;
};

struct py_line_set {
	unsigned minor;
	const struct py_line_case *cases;
	size_t n;
};

/* clang-format off */
"""


def header(pythons):
    sys.stdout.write(HEAD % "\n".join(" *       %s \\" % py for py in pythons))
    sys.stdout.flush()
    minors = []
    for py in pythons:
        out = subprocess.run([py, os.path.abspath(__file__)], check=True,
                             stdout=subprocess.PIPE, universal_newlines=True).stdout
        tag = out.split("static const struct py_line_case py3_")[-1].split("_", 1)[0]
        minors.append(int(tag))
        sys.stdout.write(out)
    print("static const struct py_line_set py_line_sets[] = {")
    for m in minors:
        print("\t{%d, py3_%d_cases, sizeof(py3_%d_cases) / sizeof(py3_%d_cases[0])}," %
              (m, m, m, m))
    print("};")
    print("/* clang-format on */")
    print()
    print("#endif")


if __name__ == "__main__":
    if sys.argv[1:] == ["--no-columns-child"]:
        no_columns_child()
    elif len(sys.argv) > 1:
        header(sys.argv[1:])
    else:
        fragment()
