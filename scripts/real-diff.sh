#!/usr/bin/env bash
# Traces one command under strace and under ptrc (both -f -s 64, ASLR off) and shows
# how their lines differ once what varies between runs is masked.
#   scripts/real-diff.sh [-n] [-- TRACER-OPTIONS --] COMMAND [ARGS...]
# -n prints only the count of differing lines.  PTRC defaults to build/ptrc; PREP, a shell
# command run before each tracer, resets what the command changes.  Lines are sorted: the
# order of several tasks' lines is timing.
# Tracer options (-v, -X raw, -yy...) go between two "--":  real-diff.sh -- -v -- ip link
set -uo pipefail
count=0
[ "${1:-}" = -n ] && { count=1; shift; }
opts=()
if [ "${1:-}" = -- ]; then
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
fi
top=$(cd "$(dirname "$0")/.." && pwd)
ptrc=${PTRC:-$top/build/ptrc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

eval "${PREP:-:}"
timeout 60 setarch -R strace -f -o "$work/s" -s 64 "${opts[@]}" "$@" >/dev/null 2>&1 </dev/null
eval "${PREP:-:}"
timeout 60 setarch -R "$ptrc" -f -o "$work/p" -s 64 "${opts[@]}" "$@" >/dev/null 2>&1 </dev/null

# A line another task split (" <unfinished ...>" ... "<... NAME resumed>") is joined:
# where the split falls is timing.
join_split() {
	awk '{
		pid = $1
		if ($0 ~ / <unfinished \.\.\.>$/) {
			sub(/ <unfinished \.\.\.>$/, ""); open[pid] = $0; next
		}
		if ((pid in open) && match($0, /<\.\.\. [a-z0-9_]+ resumed>/)) {
			line = open[pid] substr($0, RSTART + RLENGTH); delete open[pid]
			print line; next
		}
		print
	}' "$1"
}

# Masked: pids (line prefix, pid=, returns of clone/fork/wait), addresses, times, inodes,
# netlink port ids and sequence numbers, sizes of /proc files, padding before "=".
norm() {
	join_split "$1" | sed -E '
		s/^[0-9]+ +//; s/\) +=/) =/
		s/0x[0-9a-f]{5,}/ADDR/g
		s/((si_|nl|)pid|si_utime|si_stime|portid|seq|ino|inode|st_ino|d_ino|ifa_prefered|ifa_valid|cstamp|tstamp)=-?[0-9]+/\1=N/g
		s/(tv_sec|tv_nsec|tv_usec|st_atime|st_mtime|st_ctime|st_atime_nsec|st_mtime_nsec|st_ctime_nsec)=[0-9]+/\1=N/g
		s/(st_[amc]time)=[0-9]+(\.[0-9]+)?/\1=N/g
		s/(st_[amc]time)=[0-9T:+-]+(\.[0-9]+)?([+-][0-9]+)?/\1=N/g
		s/\/\* [0-9T:.+-]+ \*\//\/* TIME *\//g
		s/<[0-9]+\.[0-9]+>//g
		s/((clone|clone3|fork|vfork|wait4|waitid|getpid|gettid|getppid|set_tid_address)\(.*\) = )[0-9]+/\1N/
		s/(socket|TCP|UDP|UNIX|NETLINK|UNIX-STREAM|pipe|anon_inode):\[([A-Z_0-9]+:)?[0-9]+/\1:[\2N/g
		s/\[[0-9]+\]/[N]/g
		s/\/proc\/[0-9]+/\/proc\/N/g; s/"[0-9]+"/"N"/g
		s/^(sysinfo|getpgrp|getsid)\(.*/\1(...)/
		s/^(getrandom\()"[^"]*"/\1"RANDOM"/'
}
norm "$work/s" | sort >"$work/s.n"
norm "$work/p" | sort >"$work/p.n"
nd=$(diff "$work/s.n" "$work/p.n" | grep -c '^[<>]')
total=$(wc -l <"$work/s.n")
echo "${opts[*]} $*: $nd differing lines of $total (strace <, ptrc >)"
[ $count = 1 ] || diff "$work/s.n" "$work/p.n" | grep '^[<>]' | head -${MAXLINES:-80}
