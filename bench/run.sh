#!/usr/bin/env bash
# ptrc's speed against the native run and strace, measured in one run on this machine.
#   bench/run.sh [PTRC] [STORM_CALLS] [policy]   (policy: only the policy fast path)
# Prints a Markdown table of wall-clock medians of 5 runs and their ratios to the native run.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
ptrc=${1:-$top/build/ptrc}
calls=${2:-100000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cc -O2 -pthread "$top/bench/storm.c" -o "$dir/storm"
cc -O2 "$top/bench/seccomp_floor.c" -o "$dir/floor"
printf 'allow *\n' >"$dir/allow.policy"
printf 'deny ptrace\nallow *\n' >"$dir/check.policy"
# Path rules in deny mode: the job also gets a Landlock ruleset.
printf '%s\n' 'allow @default @basic-io @memory @signal @process' \
	'allow @file-system access=read path=/usr/**,/lib/**,/lib64/**,/etc/**,/proc/**' \
	"allow execve exec=$dir/storm,$dir/floor" >"$dir/paths.policy"

median() { # COMMAND...: median wall seconds of 5 runs
	local t0 t1 times=()
	for _ in 1 2 3 4 5; do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		t1=$(date +%s%N)
		times+=($(((t1 - t0) / 1000)))
	done
	printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

row() { # LABEL BASE_US COMMAND...
	local label=$1 base=$2
	shift 2
	local us
	us=$(median "$@")
	awk -v l="$label" -v us="$us" -v b="$base" \
		'BEGIN { printf "| %s | %.1f ms | %.2fx |\n", l, us / 1000, us / b }'
}

heading() { # TITLE
	echo
	echo "### $1"
	echo
	echo "| run | median wall time | vs native |"
	echo "| --- | --- | --- |"
}

bench() { # TITLE COMMAND...
	local title=$1
	shift
	local base
	base=$(median "$@")
	heading "$title"
	row "native" "$base" "$@"
	row "strace -f -o /dev/null" "$base" strace -f -o /dev/null "$@"
	row "ptrc -f -o /dev/null" "$base" "$ptrc" -f -o /dev/null "$@"
	row "ptrc -c (summary only)" "$base" "$ptrc" -f -c -o /dev/null "$@"
	row "ptrc --policy (allow all: seccomp filter)" "$base" "$ptrc" --policy "$dir/allow.policy" "$@"
	row "ptrc --policy (deny ptrace: filter)" "$base" "$ptrc" --policy "$dir/check.policy" "$@"
	row "ptrc --policy -e trace=all (no filter)" "$base" \
		"$ptrc" --policy "$dir/allow.policy" -e trace=all -o /dev/null "$@"
}

bench_policy() { # TITLE COMMAND...: the seccomp fast path against its floor
	local title=$1
	shift
	local base
	base=$(median "$@")
	heading "$title"
	row "native" "$base" "$@"
	row "native under a 1-instruction allow filter (the floor)" "$base" "$dir/floor" "$@"
	row "ptrc --policy (allow all)" "$base" "$ptrc" --policy "$dir/allow.policy" "$@"
	row "ptrc --policy (deny ptrace)" "$base" "$ptrc" --policy "$dir/check.policy" "$@"
	row "ptrc --policy --policy-action=deny (path rules: Landlock ruleset too)" "$base" \
		"$ptrc" --policy "$dir/paths.policy" --policy-action=deny "$@"
}

echo "Machine: $(nproc) cores, $(uname -r); $(date -u +%Y-%m-%d)"
if [ "${3:-}" != policy ]; then
	bench "Syscall storm: $calls getppid calls" "$dir/storm" "$calls"
	bench "A typical build: make of 7 C files" "$top/bench/build_job.sh" "$dir"
fi
bench_policy "Policy fast path: $((calls * 10)) getppid calls" "$dir/storm" "$((calls * 10))"
