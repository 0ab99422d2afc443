#!/usr/bin/env bash
# What Python frames cost -k: python3 walks and reads FILES small files (bench/pywalk.py), and
# every openat is traced with its stack (-f: the seccomp filter stops only at what -k needs), by ptrc without Python frames (--py-frames=no), with
# them (the default), with --py-stacks, and by strace -k.  Prints the median of RUNS wall
# times, the tracing cost per openat ((traced - native) / calls) and the ratios the issue
# asks about.  Times are ratios within one run of this script, never absolute targets.
#   bench/pystack_bench.sh PTRC [FILES] [RUNS]
set -euo pipefail
ptrc=${1:?usage: pystack_bench.sh PTRC [FILES] [RUNS]}
files=${2:-2000}
runs=${3:-3}
py=/usr/bin/python3
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$py" "$here/pywalk.py" make "$dir/tree" "$files"

median() { # COMMAND...: the median wall time of RUNS runs, in seconds
	local i t0 t1
	for ((i = 0; i < runs; i++)); do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000))
	done | sort -n | awk '{ v[NR] = $1 } END { printf "%.6f\n", v[int((NR + 1) / 2)] / 1e6 }'
}

calls=$("$ptrc" -f -c -e trace=openat -o "$dir/count" "$py" "$here/pywalk.py" walk "$dir/tree" \
	>/dev/null 2>&1; awk '$NF == "openat" { print $4 }' "$dir/count")
native=$(median "$py" "$here/pywalk.py" walk "$dir/tree")
run() { median "$@" -f -e trace=openat -o "$dir/out" "$py" "$here/pywalk.py" walk "$dir/tree"; }
k_native=$(run "$ptrc" -k --py-frames=no)
k_py=$(run "$ptrc" -k)
k_pyonly=$(run "$ptrc" --py-stacks)
k_strace=$(run strace -k)

echo "python3 walk of $files files: $calls openat calls, median of $runs runs"
printf "%-40s %9s %14s\n" run "wall s" "us per openat"
row() { awk -v l="$1" -v s="$2" -v b="$native" -v n="$calls" \
	'BEGIN { printf "%-40s %9.3f %14.1f\n", l, s, (s - b) * 1e6 / n }'; }
row "native" "$native"
row "ptrc -k --py-frames=no (native frames)" "$k_native"
row "ptrc -k (Python frames)" "$k_py"
row "ptrc --py-stacks" "$k_pyonly"
row "strace -k" "$k_strace"
awk -v b="$native" -v a="$k_native" -v p="$k_py" -v s="$k_strace" 'BEGIN {
	printf "Python frames add %.0f%% to the cost of -k (target: at most 30%%)\n", ((p - b) / (a - b) - 1) * 100
	printf "ptrc -k with Python frames is %.1fx faster than strace -k (target: at least 5x)\n", (s - b) / (p - b)
}'
