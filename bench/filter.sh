#!/usr/bin/env bash
# Issue 11 ("Speed"): full and filtered (-e trace=openat) tracing against the native run, a floor
# tracer of our own (bench/floor_tracer.c, bare and with a seccomp filter) and strace, measured
# in one run on this machine; then user-space instructions per traced write under callgrind.
#   bench/filter.sh [PTRC] [WRITES] [THREAD_WRITES] [ROUNDS] [FILES]
# Workloads: WRITES write(fd, buf, 1) calls to /dev/null (default 200000); 8 threads making
# THREAD_WRITES each (default 25000); /usr/bin/python3 walking and reading FILES small files
# (default 10000).
# The runs are interleaved: each round runs every tracer on every workload once, so a change of
# load hits them all alike.  Prints Markdown tables of the medians of ROUNDS rounds (default 5).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
ptrc=${1:-$top/build/ptrc}
writes=${2:-200000}
thread_writes=${3:-25000}
rounds=${4:-5}
threads=8
files=${5:-10000}
py=/usr/bin/python3
cg_n=10000 # callgrind: Ir at cg_n writes minus Ir at cg_n/2, over cg_n/2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cc -O2 -pthread "$top/bench/storm.c" -o "$dir/storm"
cc -O2 "$top/bench/floor_tracer.c" -o "$dir/floor"
"$py" "$top/bench/pywalk.py" make "$dir/tree" "$files"

# The workloads and the tracers, as arrays named wl_NAME and tr_NAME (once() reads them).
workloads=(storm threads walk)
# shellcheck disable=SC2034
{
wl_storm=("$dir/storm" write "$writes")
wl_threads=("$dir/storm" write "$thread_writes" "$threads")
wl_walk=("$py" "$top/bench/pywalk.py" walk "$dir/tree")
declare -A title=(
	[storm]="Write storm: $writes write(2) calls of 1 byte to /dev/null"
	[threads]="Write storm in $threads threads: $thread_writes writes each"
	[walk]="Python walk: os.walk and read $files files (every openat stops)"
)
tracers=(native floor floor_spin floor_bpf strace strace_bpf strace_e ptrc ptrc_nospin ptrc_e ptrc_nobpf)
tr_native=()
tr_floor=("$dir/floor")
tr_floor_spin=("$dir/floor" --spin)
tr_floor_bpf=("$dir/floor" --seccomp)
tr_strace=(strace -f -o /dev/null)
tr_strace_bpf=(strace -f --seccomp-bpf -e trace=openat -o /dev/null)
tr_strace_e=(strace -f -e trace=openat -o /dev/null)
tr_ptrc=("$ptrc" -f -o /dev/null)
tr_ptrc_nospin=("$ptrc" -f --spin-wait=no -o /dev/null)
tr_ptrc_e=("$ptrc" -f -e trace=openat -o /dev/null)
tr_ptrc_nobpf=("$ptrc" -f --seccomp-bpf=no -e trace=openat -o /dev/null)
}
declare -A label=(
	[native]="native"
	[floor]="floor tracer (PTRACE_SYSCALL at every stop)"
	[floor_spin]="floor tracer --spin (PTRACE_SYSCALL, polling for stops)"
	[floor_bpf]="floor tracer --seccomp (openat only)"
	[strace]="strace -f"
	[strace_bpf]="strace -f --seccomp-bpf -e trace=openat"
	[strace_e]="strace -f -e trace=openat"
	[ptrc]="ptrc -f"
	[ptrc_nospin]="ptrc -f --spin-wait=no"
	[ptrc_e]="ptrc -f -e trace=openat"
	[ptrc_nobpf]="ptrc -f --seccomp-bpf=no -e trace=openat"
)
# Which floor a run is held against: the bare one for full traces (the polling one for ptrc, which
# polls too), the seccomp one for filtered.
declare -A floor_of=([strace]=floor [ptrc]=floor_spin [ptrc_nospin]=floor
	[strace_bpf]=floor_bpf [strace_e]=floor_bpf [ptrc_e]=floor_bpf [ptrc_nobpf]=floor_bpf)

once() { # WORKLOAD TRACER: one timed run, its microseconds appended to $dir/t.WORKLOAD.TRACER
	local -n wl=wl_$1 tr=tr_$2
	local t0 t1 rc=0
	t0=${EPOCHREALTIME/./}
	"${tr[@]}" "${wl[@]}" >/dev/null 2>"$dir/err" || rc=$?
	t1=${EPOCHREALTIME/./}
	if ((rc != 0)); then
		echo "warning: ${label[$2]} on $1 exited with $rc: $(head -c 300 "$dir/err")" >&2
	fi
	echo $((t1 - t0)) >>"$dir/t.$1.$2"
}

stat_of() { # WORKLOAD TRACER: "median min max" in microseconds
	sort -n "$dir/t.$1.$2" | awk '{ v[NR] = $1 }
		END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		      print m, v[1], v[NR] }'
}
median() { # WORKLOAD TRACER
	local m _
	read -r m _ < <(stat_of "$1" "$2")
	echo "$m"
}
ratio() { # A B: A / B to two places
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'
}

table() { # WORKLOAD
	local w=$1 t m lo hi base vs_floor vs_bpf
	base=$(median "$w" native)
	echo
	echo "### ${title[$w]}"
	echo
	echo "| run | median wall time | min–max | vs native | vs ptrace floor | vs seccomp floor |"
	echo "| --- | --- | --- | --- | --- | --- |"
	for t in "${tracers[@]}"; do
		read -r m lo hi < <(stat_of "$w" "$t")
		vs_floor=— vs_bpf=—
		case ${floor_of[$t]:-} in
		floor | floor_spin) vs_floor=$(ratio "$m" "$(median "$w" "${floor_of[$t]}")") ;;
		floor_bpf) vs_bpf=$(ratio "$m" "$(median "$w" floor_bpf)") ;;
		esac
		awk -v l="${label[$t]}" -v m="$m" -v lo="$lo" -v hi="$hi" -v r="$(ratio "$m" "$base")" \
			-v f="$vs_floor" -v s="$vs_bpf" 'BEGIN {
			printf "| %s | %.1f ms | %.1f–%.1f ms | %s | %s | %s |\n",
				l, m / 1000, lo / 1000, hi / 1000, r, f, s }'
	done
}

ir() { # COMMAND...: the Ir total of COMMAND (the tracer alone) under callgrind
	local pid
	valgrind --tool=callgrind --trace-children=no --callgrind-out-file="$dir/cg.%p" \
		"$@" >/dev/null 2>"$dir/cg.err" &
	pid=$!
	wait "$pid" || echo "warning: callgrind of $* exited with $?" >&2
	awk '/^summary:/ { print $2 }' "$dir/cg.$pid"
}

ir_row() { # LABEL TRACER...: Ir of the tracer at cg_n/2 and cg_n writes, and per write
	local l=$1 a b
	shift
	a=$(ir "$@" "$dir/storm" write $((cg_n / 2)))
	b=$(ir "$@" "$dir/storm" write "$cg_n")
	awk -v l="$l" -v a="$a" -v b="$b" -v n=$((cg_n / 2)) \
		'BEGIN { printf "| %s | %d | %d | %.0f |\n", l, a, b, (b - a) / n }'
	echo $(((b - a) / (cg_n / 2))) >"$dir/ir.$l"
}

target() { # WHAT MEASURED LIMIT
	awk -v w="$1" -v m="$2" -v lim="$3" 'BEGIN {
		printf "| %s | %.2f | %s | %s |\n", w, m, lim, m <= lim + 0 ? "met" : "not met" }'
}

echo "Machine: $(nproc) cores, $(sed -n 's/^PRETTY_NAME="\(.*\)"$/\1/p' /etc/os-release), kernel $(uname -r);" \
	"$("$ptrc" --version) at $(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo '?')," \
	"$(strace -V | head -1), $("$py" -V); $(date -u +%Y-%m-%d)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
	for w in "${workloads[@]}"; do
		echo "round $r/$rounds: $w" >&2
		for t in "${tracers[@]}"; do
			once "$w" "$t"
		done
	done
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg); medians of $rounds interleaved rounds"
for w in "${workloads[@]}"; do
	table "$w"
done

echo
echo "### User-space instructions per traced write (callgrind, the tracer alone)"
echo
echo "(Ir at N = $cg_n writes - Ir at N = $((cg_n / 2))) / $((cg_n / 2)); \`TRACER -o /dev/null storm write N\`;"
echo "ptrc with --spin-wait=no: what each stop's work costs, without the polls of a spinning wait"
echo
echo "| tracer | Ir, N = $((cg_n / 2)) | Ir, N = $cg_n | instructions per write |"
echo "| --- | --- | --- | --- |"
echo "callgrind: ptrc" >&2
ir_row ptrc "$ptrc" --spin-wait=no -o /dev/null
echo "callgrind: strace" >&2
ir_row strace strace -o /dev/null
echo "callgrind: floor tracer" >&2
ir_row floor "$dir/floor"

ratio_of() { # WORKLOAD TRACER OVER
	awk -v a="$(median "$1" "$2")" -v b="$(median "$1" "$3")" 'BEGIN { print a / b }'
}
echo
echo "### Targets"
echo
echo "| target | measured | limit | |"
echo "| --- | --- | --- | --- |"
target "ptrc -f -e trace=openat vs native, write storm" "$(ratio_of storm ptrc_e native)" 1.3
target "ptrc -f -e trace=openat vs native, $threads threads" "$(ratio_of threads ptrc_e native)" 1.5
target "ptrc -f -e trace=openat vs native, Python walk" "$(ratio_of walk ptrc_e native)" 1.6
target "ptrc -f vs strace -f, write storm" "$(ratio_of storm ptrc strace)" 0.9
target "ptrc -f vs strace -f, $threads threads" "$(ratio_of threads ptrc strace)" 0.9
awk -v m="$(cat "$dir/ir.ptrc")" 'BEGIN {
	printf "| ptrc: user-space instructions per traced write | %d | 4000 | %s |\n",
		m, m <= 4000 ? "met" : "not met" }'
