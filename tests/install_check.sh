#!/usr/bin/env bash
# cmake --install puts ptrc, its man pages (naming the installed docs), the docs, the example
# policies and CI files, and the bash completion where GNUInstallDirs says.
#   tests/install_check.sh BUILD_DIR DOCDIR    (DOCDIR: what the man pages must name)
set -euo pipefail
build=$1 docdir=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
status=0
for f in bin/ptrc share/man/man1/ptrc.1 share/man/man5/ptrc-policy.5 share/doc/ptrc/usage.md \
	share/doc/ptrc/policy.md share/doc/ptrc/json-schema.json share/doc/ptrc/policy-report-schema.json \
	share/doc/ptrc/report.png share/doc/ptrc/examples/policies/strict.policy \
	share/doc/ptrc/examples/ci/play.sh share/bash-completion/completions/ptrc; do
	[ -e "$prefix/$f" ] || { echo "install: $f is missing"; status=1; }
done
[ -x "$prefix/share/doc/ptrc/examples/ci/play.sh" ] ||
	{ echo "install: examples/ci/play.sh is not executable"; status=1; }
if grep -l '@PTRC_' "$prefix"/share/man/man*/*; then
	echo "install: a man page still holds a placeholder"
	status=1
fi
grep -qF "$docdir/policy.md" "$prefix/share/man/man5/ptrc-policy.5" ||
	{ echo "install: ptrc-policy(5) does not name $docdir/policy.md"; status=1; }
"$prefix/bin/ptrc" -V | grep -q '^ptrc ' || { echo "install: bin/ptrc does not run"; status=1; }
bash -n "$prefix/share/bash-completion/completions/ptrc" || status=1
exit $status
