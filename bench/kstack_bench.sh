#!/usr/bin/env bash
# Compares ptrc -k with strace -k on a syscall-heavy workload: a C program whose getppid calls
# are DEPTH frames deep, and python3 calling os.getppid().  Prints microseconds of tracing per
# syscall: (traced wall time - untraced wall time) / number of calls.
#   bench/kstack_bench.sh PTRC [N] [DEPTH]
set -euo pipefail
ptrc=${1:?usage: kstack_bench.sh PTRC [N] [DEPTH]}
n=${2:-2000}
depth=${3:-20}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cc -O0 -g -fno-omit-frame-pointer "$(dirname "$0")/kstack_work.c" -o "$dir/work"
py="import os
for i in range($n): os.getppid()"

secs() { # COMMAND...: wall-clock seconds
	local t0 t1
	t0=$(date +%s.%N)
	"$@" >/dev/null 2>&1 || true
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
}
report() { # LABEL SECONDS BASE
	awk -v l="$1" -v s="$2" -v base="$3" -v n="$n" \
		'BEGIN { printf "%-34s %9.1f us/syscall\n", l, (s - base) * 1e6 / n }'
}

c_base=$(secs "$dir/work" "$n" "$depth")
py_base=$(secs python3 -c "$py")
for tracer in strace "$ptrc"; do
	name=$(basename "$tracer")
	report "$name (C)" "$(secs "$tracer" -e trace=getppid -o "$dir/out" "$dir/work" "$n" "$depth")" "$c_base"
	report "$name -k (C, depth $depth)" \
		"$(secs "$tracer" -k -e trace=getppid -o "$dir/out" "$dir/work" "$n" "$depth")" "$c_base"
	report "$name -k (python3)" "$(secs "$tracer" -k -e trace=getppid -o "$dir/out" python3 -c "$py")" "$py_base"
done
