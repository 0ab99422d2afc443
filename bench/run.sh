#!/usr/bin/env bash
# ptrc's speed against the native run and strace, measured in one run on this machine.
#   bench/run.sh [PTRC] [STORM_CALLS] [policy]   (policy: only the policy fast path)
# Prints a Markdown table of wall-clock medians of 5 runs and their ratios to the native run
# (the policy tables: 7 interleaved rounds, the median of each round's ratio).
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

wall_us() { # COMMAND...: wall microseconds of one run
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1 || true
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000))
}

# Configurations run interleaved: each of 7 rounds runs every one once, so a change of load
# hits all of them alike; a ratio is the median of the rounds' ratios to that round's first
# configuration (load drifted 10% between sequential medians).  Commands are shell words.
interleaved() { # TITLE LABEL COMMAND [LABEL COMMAND]...
	local title=$1 labels=() cmds=() times=() k
	shift
	while [ $# -gt 0 ]; do
		labels+=("$1") cmds+=("$2") times+=("")
		shift 2
	done
	for _ in 1 2 3 4 5 6 7; do
		for k in "${!cmds[@]}"; do
			# shellcheck disable=SC2086 # the command's words
			times[k]+="$(wall_us ${cmds[k]}) "
		done
	done
	heading "$title"
	for k in "${!cmds[@]}"; do
		local us ratio
		us=$(printf '%s\n' ${times[k]} | sort -n | sed -n 4p)
		ratio=$(paste -d' ' <(printf '%s\n' ${times[k]}) <(printf '%s\n' ${times[0]}) |
			awk '{ printf "%.4f\n", $1 / $2 }' | sort -n | sed -n 4p)
		awk -v l="${labels[k]}" -v us="$us" -v r="$ratio" \
			'BEGIN { printf "| %s | %.1f ms | %.2fx |\n", l, us / 1000, r }'
	done
}

bench_policy() { # CALLS: the seccomp fast path against its floor, then Landlock's own cost
	local n=$1 job="$dir/storm $1"
	interleaved "Policy fast path: $n getppid calls" \
		"native" "$job" \
		"native under a 1-instruction allow filter (the floor)" "$dir/floor $job" \
		"ptrc --policy (allow all)" "$ptrc --policy $dir/allow.policy $job" \
		"ptrc --policy (deny ptrace)" "$ptrc --policy $dir/check.policy $job" \
		"ptrc --policy --policy-action=deny (path rules: Landlock ruleset too)" \
		"$ptrc --policy $dir/paths.policy --policy-action=deny $job"
	# Every openat is judged by ptrc (a path rule): Landlock's check is what the kernel adds.
	job="$dir/storm open $((n / 10))"
	interleaved "Path rules: $((n / 10)) openat and close of /etc/hostname" \
		"native" "$job" \
		"ptrc --policy --policy-action=deny --landlock=no (path rules judged by ptrc)" \
		"$ptrc --policy $dir/paths.policy --policy-action=deny --landlock=no $job" \
		"ptrc --policy --policy-action=deny (and a Landlock ruleset)" \
		"$ptrc --policy $dir/paths.policy --policy-action=deny $job"
}

echo "Machine: $(nproc) cores, $(uname -r); $(date -u +%Y-%m-%d)"
if [ "${3:-}" != policy ]; then
	bench "Syscall storm: $calls getppid calls" "$dir/storm" "$calls"
	bench "A typical build: make of 7 C files" "$top/bench/build_job.sh" "$dir"
fi
bench_policy "$((calls * 10))"
