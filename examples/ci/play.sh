#!/bin/sh
# The steps of examples/ci/github-workflow.yml, played locally on one example job:
#   1. learn: the job runs in a fresh copy of its checkout under `ptrc --learn`, into a
#      temporary file;
#   2. review: the learned policy is shown (it is a starting point, not what is
#      committed);
#   3. enforce: the job runs again, in another fresh copy, under the committed example
#      policy with --policy-action=deny: any violation fails it (status 86).
#
#   examples/ci/play.sh [JOB]     JOB: ci-build (the default), cmake-build,
#                                 python-unittest, python-multiprocessing
#   PTRC=build/ptrc examples/ci/play.sh cmake-build
#
# Each job is examples/ci/jobs/JOB, its policy examples/policies/JOB.policy.  The jobs
# run with Debian's PATH, the one the policies were written for (a PATH search tries
# every directory: see ci-build.policy).  The test suite runs this script
# (tests/integration/it_examples.c).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
job=${1:-ci-build}
jobdir=$here/jobs/$job
policy=$top/examples/policies/$job.policy
if [ ! -d "$jobdir" ] || [ ! -f "$policy" ]; then
	echo "play.sh: no job '$job' (ci-build, cmake-build, python-unittest, python-multiprocessing)" >&2
	exit 64
fi
if [ -z "${PTRC:-}" ]; then
	PTRC=$(command -v ptrc || echo "$top/build/ptrc")
fi
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH

# run_steps FUNCTION: FUNCTION N COMMAND... for each step of the job, in order.
run_steps() {
	case $job in
	ci-build) "$1" 1 make ;;
	cmake-build) "$1" 1 cmake -S . -B build && "$1" 2 cmake --build build ;;
	python-unittest) "$1" 1 /usr/bin/python3 -m unittest -v ;;
	python-multiprocessing) "$1" 1 /usr/bin/python3 job.py ;;
	esac
}

# What the job made, shown after the enforced run.
artifact() {
	case $job in
	ci-build) ./hello ;;
	cmake-build) build/hello ;;
	python-unittest) ;; # unittest said OK, or the run failed
	python-multiprocessing) cat results.txt ;;
	esac
}

work=$(mktemp -d "${TMPDIR:-/tmp}/ptrc-play-XXXXXX")
trap 'rm -rf "$work"' EXIT
checkout() { # a fresh copy of the job's checkout: $work/$1
	mkdir "$work/$1"
	cp -R "$jobdir/." "$work/$1/"
}

learn() {
	n=$1
	shift
	(cd "$work/learn" && "$PTRC" --learn "$work/learned-$n.policy" -f "$@")
}

enforce() {
	n=$1
	shift
	(cd "$work/enforce" &&
		"$PTRC" --policy "$policy" --policy-action=deny -f -o "$work/ptrc-$n.log" "$@") || {
		status=$?
		echo "play.sh: $* failed (status $status) under $policy; the violations:" >&2
		grep -v '^ >' "$work/ptrc-$n.log" | grep '!!!' | head -20 >&2 || true
		exit $status
	}
}

echo "== 1. learn: $job, under ptrc --learn"
checkout learn
run_steps learn

echo "== 2. review: the learned policy (a starting point; the committed one is $policy)"
for f in "$work"/learned-*.policy; do
	echo "--- $f"
	cat "$f"
done

echo "== 3. enforce: $job, under $policy, --policy-action=deny"
checkout enforce
run_steps enforce
(cd "$work/enforce" && artifact)
echo "== $job passes under $policy"
