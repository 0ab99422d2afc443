#!/usr/bin/env bash
# One entry point for set-up, build, demo and tests on a Debian 12 machine.
#   scripts/dev.sh demo   install what is missing, build, trace testprogs/train_model.py
#   scripts/dev.sh test   install what is missing, build (plain and ASan+UBSan), run every test,
#                         the fuzzers for 60 s each, then the aarch64 guest suite under qemu
#   scripts/dev.sh arch   cross-build for aarch64 and run the guest suite under a real arm64
#                         kernel in qemu (tests/arch/run-aarch64.sh)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

packages=(build-essential cmake pkg-config libdw-dev libelf-dev libunwind-dev
          libcapstone-dev libcriterion-dev libdrm-dev python3 python3-jsonschema strace
          linux-libc-dev-arm64-cross clang libclang-rt-14-dev)
# What only the tests need: headless Chromium renders --report's page
# (tests/integration/it_report.c; about a minute to install).
test_packages=(chromium)

install_deps() { # install_deps [more packages...]
	local missing=()
	for p in "${packages[@]}" "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	local sudo=()
	[ "$(id -u)" -eq 0 ] || sudo=(sudo)
	echo "dev.sh: installing ${missing[*]}"
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The -m32 test programs (testprogs/m32.cmake).  Not gcc-multilib: it conflicts with the
# cross compilers (gcc-aarch64-linux-gnu); gcc-12-multilib without its recommends does not.
install_m32() {
	[ "$(uname -m)" = x86_64 ] || return 0
	dpkg-query -W -f='${Status}' gcc-12-multilib 2>/dev/null | grep -q "install ok installed" &&
		return 0
	local sudo=()
	[ "$(id -u)" -eq 0 ] || sudo=(sudo)
	echo "dev.sh: installing gcc-12-multilib (i386 test programs)"
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
		gcc-12-multilib >/dev/null || echo "dev.sh: no gcc-12-multilib: i386 tests skipped"
}

build() { # build DIR [cmake options...]
	local dir=$1
	shift
	cmake -S . -B "$dir" -DPTRC_WERROR=ON "$@" >/dev/null
	cmake --build "$dir" -j"$(nproc)"
}

case "${1:-}" in
demo)
	install_deps
	build build
	exec ./build/ptrc -f --summary-tree python3 testprogs/train_model.py
	;;
test)
	install_deps "${test_packages[@]}"
	install_m32
	build build
	build build-asan -DPTRC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
	status=0
	(cd build && ctest --output-on-failure -j2) || status=1
	# The stress tests measure ptrc (ASan's quarantine would be most of its memory): not here.
	echo "dev.sh: integration tests under AddressSanitizer and UBSan"
	(cd build-asan &&
		ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j2 -L integration -LE stress) ||
		status=1
	# libFuzzer with clang, ASan and UBSan: about 60 s a target, two at a time (tests/fuzz).
	echo "dev.sh: fuzzing (tests/fuzz/run.sh 60)"
	tests/fuzz/run.sh 60 || status=1
	# aarch64 for real: cross-built ptrc under Debian's arm64 kernel in qemu (tests/arch).
	if [ "$(uname -m)" = x86_64 ]; then
		echo "dev.sh: aarch64 guest suite (tests/arch/run-aarch64.sh)"
		tests/arch/run-aarch64.sh || status=1
	fi
	exit $status
	;;
arch)
	install_deps
	exec tests/arch/run-aarch64.sh
	;;
*)
	echo "usage: scripts/dev.sh demo|test|arch" >&2
	exit 64
	;;
esac
