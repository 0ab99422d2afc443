#!/usr/bin/env bash
# Runs every fuzz target for SECONDS with libFuzzer, two at a time:
#   tests/fuzz/run.sh SECONDS
# Builds with clang in build-fuzz/ (-DPTRC_FUZZ=ON), copies each target's seed corpus and
# regression inputs into a scratch directory (what libFuzzer adds to its corpus never goes
# into the repository), and prints one line per target: executions, seconds, coverage (cov:
# of libFuzzer's last stats line).  Fails when a target crashes, leaks, times out or runs
# out of memory; the input that did it is kept and its path printed.
set -euo pipefail

secs=${1:?usage: tests/fuzz/run.sh SECONDS}
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build-fuzz
targets=()
for src in "$top"/tests/fuzz/fuzz_*.c; do
	name=${src##*/fuzz_}
	targets+=("${name%.c}")
done
parallel=2

cmake -S "$top" -B "$build" -DCMAKE_C_COMPILER=clang -DPTRC_FUZZ=ON -DPTRC_WERROR=ON \
	-DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-O1 -g" >/dev/null
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}" >/dev/null

scratch=$(mktemp -d "${TMPDIR:-/tmp}/ptrc-fuzz.XXXXXX")

# One target in $scratch/NAME: corpus/, the crash input if any, log and status.
run_one() {
	local name=$1 dir=$scratch/$1 start rc=0
	mkdir -p "$dir/corpus"
	cp "$top/tests/fuzz/corpus/$name/"* "$dir/corpus/"
	if [ -d "$top/tests/fuzz/regress/$name" ]; then
		cp "$top/tests/fuzz/regress/$name/"* "$dir/corpus/" 2>/dev/null || true
	fi
	start=$(date +%s)
	(cd "$dir" &&
		ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=64 \
		"$build/tests/fuzz/fuzz_$name" -max_total_time="$secs" -timeout=10 \
			-rss_limit_mb=2048 -artifact_prefix="$dir/" -print_final_stats=1 \
			corpus >"$dir/log" 2>&1) || rc=$?
	echo $(($(date +%s) - start)) >"$dir/seconds"
	echo $rc >"$dir/rc"
}

for name in "${targets[@]}"; do
	while [ "$(jobs -rp | wc -l)" -ge $parallel ]; do
		wait -n || true
	done
	run_one "$name" &
done
wait

status=0
for name in "${targets[@]}"; do
	dir=$scratch/$name
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
	# A run that crashed prints no final stats: its last status line's count.
	[ -n "$execs" ] || execs=$(grep -ao '^#[0-9]*' "$dir/log" | tail -1 | tr -d '#')
	cov=$(grep -ao 'cov: [0-9]*' "$dir/log" | tail -1 | cut -d' ' -f2)
	printf 'fuzz_%-10s %10s executions %4s s  cov %s\n' "$name" "${execs:-?}" \
		"$(cat "$dir/seconds" 2>/dev/null)" "${cov:-?}"
	if [ "$(cat "$dir/rc" 2>/dev/null || echo 1)" != 0 ]; then
		status=1
		crash=$(grep -ao 'Test unit written to [^ ]*' "$dir/log" | tail -1 | cut -d' ' -f5)
		echo "fuzz_$name FAILED: input ${crash:-(none written)}; log $dir/log"
		grep -a -m1 -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error|^[a-z_]+: ' \
			"$dir/log" || true
	fi
done
if [ $status = 0 ]; then
	rm -rf "$scratch"
else
	echo "run.sh: kept $scratch"
fi
exit $status
