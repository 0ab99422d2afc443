#!/bin/sh
# check_layout.sh PREFIX DUMPER: ptrc's layout table for the CPython installed under PREFIX
# (src/python/layout.c, printed by DUMPER, the py_layout_dump program) against the offsets
# the compiler finds in that CPython's own headers (layout_probe.c, compiled here with cc).
# Exit 0 when they agree, 1 with the diff when not, 77 (skipped) when PREFIX has no
# headers, there is no cc, or the version's table is not a static one (3.13+).
set -u
if [ $# -ne 2 ]; then
	echo "usage: check_layout.sh PREFIX DUMPER" >&2
	exit 2
fi
prefix=$1
dumper=$2
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v cc >/dev/null 2>&1; then
	echo "skip: no cc to compile the layout probe"
	exit 77
fi
inc=
n=0
for d in "$prefix"/include/python3.*; do
	if [ -f "$d/Python.h" ]; then
		inc=$d
		n=$((n + 1))
	fi
done
if [ "$n" -eq 0 ]; then
	echo "skip: no CPython headers under $prefix/include"
	exit 77
fi
if [ "$n" -ne 1 ]; then
	echo "skip: several CPython header directories under $prefix/include"
	exit 77
fi
case $(basename "$inc") in
python3.7* | python3.8* | python3.9* | python3.10* | python3.11* | python3.12*) ;;
*)
	echo "skip: $(basename "$inc"): ptrc's table for it comes from _Py_DebugOffsets at run time"
	exit 77
	;;
esac

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
if ! cc -std=gnu11 -DPy_BUILD_CORE -I"$inc" -I"$inc/internal" -o "$tmp/probe" \
	"$here/layout_probe.c" 2>"$tmp/cc.err"; then
	echo "FAIL: cannot compile layout_probe.c against $inc:"
	cat "$tmp/cc.err"
	exit 1
fi
if ! "$tmp/probe" >"$tmp/headers"; then
	echo "FAIL: the layout probe failed"
	exit 1
fi
minor=$(sed -n 's/^minor=//p' "$tmp/headers")
if ! "$dumper" "$minor" >"$tmp/ptrc"; then
	echo "FAIL: ptrc has no layout table for 3.$minor"
	exit 1
fi
if ! diff -u --label "headers ($inc)" --label "ptrc (py_layout_table($minor))" \
	"$tmp/headers" "$tmp/ptrc"; then
	echo "FAIL: ptrc's 3.$minor layout differs from the headers'"
	exit 1
fi
echo "ok: 3.$minor: $(wc -l <"$tmp/headers") offsets agree with $inc"
