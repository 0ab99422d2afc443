#!/usr/bin/env bash
# The tracer's peak RSS against strace's (issue 11: within 4 MB of it) with many tasks:
# THREADS threads alive at once, and PROCS processes (50 at a time).  Peak RSS is the
# tracer's own, its tracees excluded.
#   bench/rss.sh PTRC [THREADS] [PROCS]
set -euo pipefail
ptrc=${1:?usage: rss.sh PTRC [THREADS] [PROCS]}
threads=${2:-300}
procs=${3:-2000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cc -O2 -pthread "$(dirname "$0")/rss_work.c" -o "$dir/work"

# Not ru_maxrss: a tracer's RUSAGE_CHILDREN would fold in its tracees.  VmHWM (the peak,
# which only grows) is sampled every 10 ms from /proc, so growth in the last 10 ms before
# the tracer exits is missed.
peak_kib() { # COMMAND...: the peak VmHWM of COMMAND's own process, in KiB
	python3 - "$@" <<'PY'
import subprocess, sys, time
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
hwm = 0
while p.poll() is None:
    try:
        with open(f"/proc/{p.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    hwm = max(hwm, int(line.split()[1]))
    except OSError:
        pass
    time.sleep(0.01)
print(hwm)
PY
}

echo "| workload | strace -f | ptrc -f | ptrc - strace |"
echo "| --- | --- | --- | --- |"
for w in "threads $threads" "procs $procs"; do
	s=$(peak_kib strace -f -o /dev/null "$dir/work" $w)
	p=$(peak_kib "$ptrc" -f -o /dev/null "$dir/work" $w)
	echo "| $w | $s KiB | $p KiB | $((p - s)) KiB |"
done
