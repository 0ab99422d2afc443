#!/usr/bin/env bash
# ptrc under a real arm64 Linux kernel: cross-builds ptrc and its test programs with
# aarch64-linux-gnu-gcc, packs them with their shared libraries and a static busybox into an
# initramfs, and boots Debian's own arm64 kernel in qemu-system-aarch64 twice:
#   1. -cpu cortex-a57: the whole guest suite (tests/arch/guest-suite.sh full)
#   2. -cpu max,pauth-impdef=on: pointer authentication; -k stacks must still symbolize
# The last line is "N passed, N failed" over both boots; the exit status is 0 iff all passed.
#   tests/arch/run-aarch64.sh [--record]   --record: also rewrite tests/data/aarch64_*.txt
# Needs root and Debian's apt (it installs what is missing).  Work directory: $PTRC_ARCH_DIR,
# default build-arch/aarch64 (kept between runs: the kernel is downloaded once).
# Based on the recipe and pitfalls of ../shared/arch-testing/README.md.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
W=${PTRC_ARCH_DIR:-$top/build-arch/aarch64}
record=0
[[ ${1:-} == --record ]] && record=1
T0=$(date +%s)
step() { echo "run-aarch64: [$(($(date +%s) - T0))s] $*"; }
mkdir -p "$W/dl"
export DEBIAN_FRONTEND=noninteractive
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

# 1. Packages.  arm64 must be a foreign architecture for the kernel .deb and the -dev
#    libraries.  Not libcriterion-dev:arm64: it replaces the amd64 one (libnanomsg5 is not
#    multi-arch), so the guest runs its own suite instead of the Criterion tests.
pkgs=(qemu-system-arm gcc-aarch64-linux-gnu g++-aarch64-linux-gnu libc6-dev-arm64-cross cpio
      libdw-dev:arm64 libelf-dev:arm64 libunwind-dev:arm64 libcapstone-dev:arm64)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
updated=0
if [ ${#missing[@]} -gt 0 ]; then
	dpkg --print-foreign-architectures | grep -qx arm64 || "${sudo[@]}" dpkg --add-architecture arm64
	step "apt: installing ${missing[*]}"
	"${sudo[@]}" apt-get update -qq
	updated=1
	"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. Debian's arm64 kernel (PL011 console and initramfs support built in), cached in $W.
#    The metapackage names today's version; never pin one: old ABIs leave the mirror.
fetch() { # fetch PKG: apt-get download into $W/dl
	(cd "$W/dl" && apt-get download "$1" 2>&1 | grep -v unsandboxed || true)
}
kpkg=$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
	awk '/Depends: linux-image-[0-9]/{print $2; exit}' || true)
kver=${kpkg#linux-image-}
kver=${kver%:arm64}
if [ -n "$kver" ] && [ ! -s "$W/vmlinuz-$kver" ]; then
	step "kernel: downloading $kpkg"
	fetch "$kpkg"
	if ! ls "$W/dl/${kpkg%:arm64}"_*_arm64.deb >/dev/null 2>&1 && [ $updated = 0 ]; then
		"${sudo[@]}" apt-get update -qq
		fetch "$kpkg"
	fi
	deb=$(ls "$W/dl/${kpkg%:arm64}"_*_arm64.deb 2>/dev/null | tail -1 || true)
	[ -n "$deb" ] && dpkg-deb --fsys-tarfile "$deb" | tar -xO "./boot/vmlinuz-$kver" >"$W/vmlinuz-$kver.tmp" &&
		mv "$W/vmlinuz-$kver.tmp" "$W/vmlinuz-$kver"
	rm -f "$W/dl/"linux-image-*.deb
fi
kernel=$(ls -t "$W"/vmlinuz-* 2>/dev/null | head -1 || true)
if [ -z "$kernel" ]; then
	echo "run-aarch64: no arm64 kernel could be downloaded" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
if [ ! -s "$W/busybox" ]; then
	fetch busybox-static:arm64
	dpkg-deb --fsys-tarfile "$W"/dl/busybox-static_*_arm64.deb | tar -xO ./bin/busybox >"$W/busybox"
	rm -f "$W"/dl/busybox-static_*.deb
fi
step "kernel $(basename "$kernel"), busybox $(stat -c %s "$W/busybox") bytes"

# 3. Cross-build ptrc and the test programs (-Werror, as natively).
B=$W/build
cmake -S "$top" -B "$B" -DCMAKE_TOOLCHAIN_FILE="$top/cmake/aarch64-linux-gnu.cmake" \
	-DPTRC_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$W/cmake.log" 2>&1 ||
	{ cat "$W/cmake.log"; echo "0 passed, 1 failed"; exit 1; }
if ! cmake --build "$B" -j"$(nproc)" >"$W/build.log" 2>&1; then
	grep -E "error|Error" "$W/build.log" | head -30
	echo "0 passed, 1 failed"
	exit 1
fi
CC=aarch64-linux-gnu-gcc
tpflags=(-O0 -g -fno-omit-frame-pointer)
# crash_kstack with return addresses signed by pointer authentication (paciasp/autiasp).
$CC "${tpflags[@]}" -mbranch-protection=standard -o "$B/testprogs/crash_kstack_pac" \
	"$top/testprogs/crash_kstack.c"
$CC -O2 -Wall -Werror -static -o "$B/regdump" "$top/tests/arch/regdump.c"
step "cross-built ptrc and $(ls "$B/testprogs" | grep -cE '^(tp_|crash_)') test programs"

# 4. The initramfs: busybox, ptrc, the tests, and the DT_NEEDED closure of every binary.
R=$W/rootfs
rm -rf "$R"
mkdir -p "$R/bin" "$R/ptrc/bin" "$R/ptrc/tp" "$R/lib/aarch64-linux-gnu"
install -m755 "$W/busybox" "$R/bin/busybox"
install -m755 "$B/ptrc" "$R/ptrc/bin/ptrc"
install -m755 "$B/regdump" "$R/ptrc/regdump"
for f in "$B"/testprogs/tp_* "$B"/testprogs/crash_* "$B"/testprogs/libcrashlib.so; do
	[ -f "$f" ] && [ -x "$f" ] && cp "$f" "$R/ptrc/tp/"
done
cp "$B/testprogs/libcrashlib.so" "$R/lib/aarch64-linux-gnu/"
install -m644 "$top/tests/arch/xcheck.awk" "$R/ptrc/xcheck.awk"
install -m755 "$top/tests/arch/guest-suite.sh" "$R/ptrc/suite.sh"
# The faulting line of crash_null.c, as the report must name it: the source marks it.
echo "crash_null.c:$(grep -n 'CRASH-LINE' "$top/testprogs/crash_null.c" | cut -d: -f1)" \
	>"$R/ptrc/crash_null.line"
declare -A seen
add_lib() {
	local so=$1 d
	[ -n "${seen[$so]:-}" ] && return 0
	seen[$so]=1
	for d in /lib/aarch64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/aarch64-linux-gnu/lib \
		"$B/testprogs"; do
		if [ -e "$d/$so" ]; then
			cp -L "$d/$so" "$R/lib/aarch64-linux-gnu/$so"
			add_needed "$d/$so"
			return 0
		fi
	done
	echo "run-aarch64: missing library $so" >&2
	return 1
}
add_needed() {
	local s
	for s in $(readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do add_lib "$s"; done
}
for t in "$R/ptrc/bin/ptrc" "$R"/ptrc/tp/*; do
	interp=$(readelf -l "$t" 2>/dev/null | sed -n 's/.*program interpreter: \(.*\)]/\1/p')
	if [ -n "$interp" ] && [ ! -e "$R$interp" ]; then
		mkdir -p "$R$(dirname "$interp")"
		cp -L "/usr/aarch64-linux-gnu/lib/$(basename "$interp")" "$R$interp" 2>/dev/null ||
			cp -L "$interp" "$R$interp"
	fi
	add_needed "$t"
done
# ptrc dlopens capstone for a crash report (src/crash/disasm.c): not a NEEDED entry.
add_lib "$(readelf -d /usr/lib/aarch64-linux-gnu/libcapstone.so |
	sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
cat >"$R/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mkdir -p /proc /sys /dev /tmp
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
mode=full
grep -q 'ptrc.suite=pac' /proc/cmdline && mode=pac
echo "guest: $(uname -srm), suite $mode"
grep -q 'ptrc.record=1' /proc/cmdline && /ptrc/regdump
sh /ptrc/suite.sh $mode
echo "GUEST-EXIT-STATUS=$?"
poweroff -f
INIT
chmod 755 "$R/init"
(cd "$R" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1 >"$W/initrd.cpio.gz")
step "initramfs $(stat -c %s "$W/initrd.cpio.gz") bytes"

# 5. Boot.  -nic none: the default NIC's option ROM is not installed.  panic=-1 -no-reboot:
#    a dead /init ends qemu at once; timeout is the last guard.  qemu's status says nothing
#    about the tests: the console log does.
total_pass=0
total_fail=0
boot() { # boot NAME CPU MODE
	local log=$W/guest-$1.log extra=""
	((record)) && [ "$3" = full ] && extra=" ptrc.record=1"
	step "boot $1: -cpu $2"
	timeout 900 qemu-system-aarch64 -M virt -cpu "$2" -smp 1 -m 1024 -nographic -no-reboot \
		-nic none -kernel "$kernel" -initrd "$W/initrd.cpio.gz" \
		-append "console=ttyAMA0 panic=-1 quiet ptrc.suite=$3$extra" </dev/null 2>&1 |
		tr -d '\r' >"$log" || true
	grep -vE '^\[ *[0-9]+\.[0-9]+\]' "$log" | sed "s/^/  [$1] /"
	local line
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1 || true)
	if [ -z "$line" ] || ! grep -qx 'GUEST-EXIT-STATUS=[01]' "$log"; then
		step "boot $1: the guest suite did not finish (see $log)"
		total_fail=$((total_fail + 1))
		return
	fi
	total_pass=$((total_pass + ${line%% passed*}))
	local f=${line#*, }
	total_fail=$((total_fail + ${f%% failed}))
	step "boot $1: $line"
}
boot a57 cortex-a57 full
boot pac max,pauth-impdef=on pac
if ((record)); then
	sed -n '/^REGDUMP-BEGIN$/,/^REGDUMP-END$/p' "$W/guest-a57.log" | sed '1d;$d' \
		>"$top/tests/data/aarch64_prstatus_getpid.txt"
	step "recorded tests/data/aarch64_prstatus_getpid.txt"
fi
step "aarch64 done"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ] && [ "$total_pass" -gt 0 ]
