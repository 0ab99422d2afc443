#!/usr/bin/env bash
# Traces one command with strace and with ptrc and reports how many lines
# differ once pids and addresses are normalised.
#   scripts/compare-strace.sh [-v] COMMAND [ARGS...]
# -v prints the differing lines.  PTRC defaults to build/ptrc.
set -uo pipefail
verbose=0
[ "${1:-}" = -v ] && { verbose=1; shift; }
top=$(cd "$(dirname "$0")/.." && pwd)
ptrc=${PTRC:-$top/build/ptrc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

strace -f -qq -o "$work/s" "$@" >/dev/null 2>&1
"$ptrc" -f -qq -o "$work/p" "$@" >/dev/null 2>&1

# Lines another task's output split (" <unfinished ...>" ... "<... NAME resumed>") are
# joined first: where a split falls depends on timing, in strace's runs as in ptrc's.
join_split() {
	awk '{
		pid = $1
		if ($0 ~ / <unfinished \.\.\.>$/) {
			sub(/ <unfinished \.\.\.>$/, "")
			open[pid] = $0
			next
		}
		if ((pid in open) && match($0, /<\.\.\. [a-z0-9_]+ resumed>/)) {
			rest = substr($0, RSTART + RLENGTH)
			line = open[pid] rest
			delete open[pid]
			gsub(/\) +=/, ") =", line)
			print line
			next
		}
		print
	}' "$1"
}

# Pids at the start of lines, hex addresses, pids in messages and times vary.
norm() {
	join_split "$1" | sed -E 's/\) +=/) =/; s/^[0-9]+ +//; s/0x[0-9a-f]{6,}/ADDR/g; s/(si_pid|pid|si_utime|si_stime)=[0-9]+/\1=N/g;
	        s/(= |\[)[0-9]{3,}\]?$/\1N/; s/(tv_sec|tv_nsec)=[0-9]+/\1=N/g' | sort
}
norm "$work/s" >"$work/s.n"
norm "$work/p" >"$work/p.n"
total=$(wc -l <"$work/s.n")
differ=$(comm -23 "$work/s.n" "$work/p.n" | wc -l)
echo "$*: $((total - differ))/$total strace lines matched (pids, addresses joined/normalised)"
if [ $verbose = 1 ]; then
	diff <(comm -23 "$work/s.n" "$work/p.n") <(comm -13 "$work/s.n" "$work/p.n") | head -60
fi
