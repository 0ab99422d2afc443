#!/usr/bin/env bash
# Compares ptrc -k with strace -k on a syscall-heavy workload: a C program whose getppid calls
# are DEPTH frames deep, and python3 calling os.getppid().  Prints microseconds of tracing per
# syscall: for C, the marginal cost of one more call and the fixed cost of a run; for python3,
# (traced wall time - untraced wall time) / number of calls.  Then -f -k on a shell
# that runs /bin/true N/20 times, in milliseconds per process: what a new process costs -k.
#   bench/kstack_bench.sh PTRC [N] [DEPTH] [ROUNDS]
set -euo pipefail
ptrc=${1:?usage: kstack_bench.sh PTRC [N] [DEPTH] [ROUNDS]}
n=${2:-2000}
depth=${3:-20}
rounds=${4:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cc -O0 -g -fno-omit-frame-pointer "$(dirname "$0")/kstack_work.c" -o "$dir/work"
py="import os
for i in range($n): os.getppid()"

secs() { # COMMAND...: the median of ROUNDS runs' wall-clock seconds
	local t0 t1 r
	for ((r = 0; r < rounds; r++)); do
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		t1=$(date +%s.%N)
		awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
	done | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
report() { # LABEL SECONDS BASE
	awk -v l="$1" -v s="$2" -v base="$3" -v n="$n" \
		'BEGIN { printf "%-34s %9.1f us/syscall\n", l, (s - base) * 1e6 / n }'
}

# Each traced run at N and 4N calls: the slope is what one more call costs; what is left of
# the run at N once the native run and N slopes are taken off is the fixed cost (start-up, the
# first stack's debug info).
marginal() { # LABEL TRACER-ARGS...: a line of per-call and fixed cost, C workload
	local l=$1 a b
	shift
	a=$(secs "$@" "$dir/work" "$n" "$depth")
	b=$(secs "$@" "$dir/work" $((4 * n)) "$depth")
	awk -v l="$l" -v a="$a" -v b="$b" -v n="$n" -v na="$c_base" -v nb="$c_base4" 'BEGIN {
		per = ((b - nb) - (a - na)) / (3 * n)
		printf "%-34s %9.1f us/syscall, fixed %6.1f ms\n", l, per * 1e6, ((a - na) - per * n) * 1e3 }'
}

c_base=$(secs "$dir/work" "$n" "$depth")
c_base4=$(secs "$dir/work" $((4 * n)) "$depth")
py_base=$(secs python3 -c "$py")
for tracer in strace "$ptrc"; do
	name=$(basename "$tracer")
	marginal "$name (C)" "$tracer" -e trace=getppid -o "$dir/out"
	marginal "$name -k (C, depth $depth)" "$tracer" -k -e trace=getppid -o "$dir/out"
	report "$name -k (python3)" "$(secs "$tracer" -k -e trace=getppid -o "$dir/out" python3 -c "$py")" "$py_base"
done
procs=$((n / 20))
printf 'for i in $(seq %d); do /bin/true; done\n' "$procs" >"$dir/many.sh"
sh_base=$(secs sh "$dir/many.sh")
for tracer in strace "$ptrc"; do
	awk -v l="$(basename "$tracer") -f -k ($procs processes)" \
		-v s="$(secs "$tracer" -f -k -e trace=exit_group -o "$dir/out" sh "$dir/many.sh")" \
		-v base="$sh_base" -v p="$procs" \
		'BEGIN { printf "%-34s %9.2f ms/process\n", l, (s - base) * 1e3 / p }'
done
