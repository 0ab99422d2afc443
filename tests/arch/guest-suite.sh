#!/bin/sh
# The guest half of tests/arch/run-aarch64.sh: runs the cross-built ptrc on the cross-built
# testprogs under a real arm64 kernel (busybox sh, no Criterion).  Prints "ok"/"FAIL" per
# check and "N passed, N failed" last.  $1 = "full" (every check) or "pac" (the -k checks:
# the pointer-authentication boot).  Layout: /ptrc/bin/ptrc, /ptrc/tp/*, /ptrc/src/*.c.
# Every run is bounded: a hang fails its check instead of the whole boot.
P="timeout 120 /ptrc/bin/ptrc"
TP=/ptrc/tp
X=/ptrc/xcheck.awk
mode=${1:-full}
pass=0
fail=0
W=/tmp/suite
mkdir -p $W

ok() { pass=$((pass + 1)); echo "ok   - $*"; }
bad() { fail=$((fail + 1)); echo "FAIL - $*"; }
# check NAME FILE: prints FILE's head on failure
show() { echo "  --- $1 ---"; head -n "${2:-40}" "$1" | sed 's/^/  | /'; }

# expect NAME LAYOUT PTRC-ARGS...: a testprog with its expectation channel
expect() {
	name=$1 layout=$2
	shift 2
	rm -f $W/exp $W/trace
	PTRC_EXPECT=$W/exp $P -o $W/trace "$@" >$W/out 2>$W/err
	if awk -v layout="$layout" -f $X $W/exp $W/trace >$W/why 2>&1; then
		ok "$name: $(grep -c . $W/exp) expected lines"
	else
		bad "$name: $(cat $W/why)"
		show $W/trace 60
		show $W/err 10
	fi
}

# has NAME FILE FIXED-STRING...: every string occurs in FILE
has() {
	name=$1 file=$2
	shift 2
	for s in "$@"; do
		if ! grep -qF -- "$s" "$file"; then
			bad "$name: no '$s'"
			show "$file" 60
			return
		fi
	done
	ok "$name"
}

echo "suite: $mode on $(uname -m), $(cat /proc/cpuinfo | grep -m1 -i features | cut -c1-80)"

if [ "$mode" = full ]; then
	# Tracing with the testprogs' own expectations (tests/integration/it_trace.c's runs).
	expect "tp_files basic" single $TP/tp_files basic
	expect "tp_files trunc -s 5" single -s 5 $TP/tp_files trunc
	expect "-f tp_procs fork" prefixed -f $TP/tp_procs fork
	expect "-f tp_procs vfork" prefixed -f $TP/tp_procs vfork
	expect "-f tp_threads many 8" prefixed -f $TP/tp_threads many 8
	expect "-f tp_threads unfinished" prefixed -f $TP/tp_threads unfinished
	expect "-f tp_signals deliver" prefixed -f $TP/tp_signals deliver

	# Decoding, exactly: openat/read/write and ENOENT; aarch64 has no open(2).
	echo hello >$W/in
	# busybox cat copies with sendfile; dd reads (from its input moved to fd 0) and writes.
	$P -o $W/t1 -e trace=openat,read,write,close /bin/busybox dd if=$W/in bs=4096 count=1 >/dev/null 2>&1
	$P -o $W/t1b -e trace=openat /bin/busybox cat /nonexistent/ptrc >/dev/null 2>&1
	cat $W/t1b >>$W/t1
	has "decode openat/read/write/ENOENT" $W/t1 \
		'read(0, "hello\n", 4096)' \
		'write(1, "hello\n", 6)                  = 6' \
		'openat(AT_FDCWD, "/nonexistent/ptrc", O_RDONLY) = -1 ENOENT (No such file or directory)'
	# %file means the same calls by name: openat is in it, getpid and write are not.
	$P -o $W/t2 -e trace=%file /bin/busybox cat /nonexistent/ptrc >/dev/null 2>&1
	if grep -q '^openat(AT_FDCWD, "/nonexistent/ptrc"' $W/t2 && ! grep -qE '^(write|getpid|brk)\(' $W/t2; then
		ok "%file selects openat and not write"
	else
		bad "%file selection"
		show $W/t2
	fi

	# Crash report with ARM64 disassembly.
	$P -o $W/t3 $TP/crash_null >$W/out 2>$W/err
	has "crash report: NULL store" $W/err "registers (aarch64):" "  pc " " x30 " "=> 0x" \
		"$(cat /ptrc/crash_null.line)" "NULL pointer dereference" "(level3+0x" \
		'  write(1, "about to crash\n", 15) = 15'
	# The crash as data: the arm64 store is a write to the NULL page.
	$P --json --seccomp-bpf=no -f -e trace=none -o $W/t3j $TP/crash_null >/dev/null 2>&1
	has "crash event: null_page, write" $W/t3j '"class":"null_page","access":"write"' \
		'"args":[1,"about to crash\n",15],"ret":15' '"last_syscalls_complete":true'
	# Under the seccomp filter (the default with -f and a filter) the ring says it is short.
	$P --json -f -e trace=none -o $W/t3f $TP/crash_null >/dev/null 2>&1
	has "crash event under the filter" $W/t3f '"class":"null_page"' \
		'"last_syscalls_complete":false'
	# CLONE_UNTRACED is taken out of clone (x0) and clone3 (its struct): both children traced.
	$P -f -o $W/t6 $TP/tp_procs untraced >/dev/null 2>&1
	has "CLONE_UNTRACED children traced" $W/t6 '"/nonexistent/untraced-clone", O_RDONLY) = -1' \
		'"/nonexistent/untraced-clone3", O_RDONLY) = -1'
	# Unselected calls do not stop in any task: tp_filter counts its context switches.
	$P -f -e trace=faccessat -o $W/t5 $TP/tp_filter ran >/dev/null 2>&1
	has "seccomp filter: no stops for unselected calls" $W/t5 '"main: ran"' '"thread: ran"' \
		'"fork: ran"' '"vfork: ran"' '"exec: ran"'
	if grep '^=> 0x' $W/err | grep -qE '	(str|stur|strb|strh)[ 	]'; then
		ok "crash report: the => instruction is an ARM64 store"
	else
		bad "crash report: no ARM64 store at =>"
		show $W/err 40
	fi

	# Policy: deny -> EPERM through the seccomp filter (host_set_syscall/host_set_return).
	printf 'deny getppid\nallow *\n' >$W/p1.policy
	rm -f $W/exp
	PTRC_EXPECT=$W/exp $P --policy $W/p1.policy --policy-action=deny -o $W/t4 $TP/tp_opts $W >$W/out 2>$W/err
	rc=$?
	if [ $rc = 86 ] && grep -q '	#	getppid=-1$' $W/exp && grep -q '	#	getppid_errno=EPERM$' $W/exp; then
		ok "policy deny getppid: EPERM, exit 86"
	else
		bad "policy deny getppid: exit $rc"
		show $W/exp
		show $W/err 10
	fi
	# Groups are names: @file-system holds openat (aarch64 has no open) and not getpid.
	printf 'deny @file-system path=/nonexistent/**\nallow *\n' >$W/p2.policy
	$P --policy $W/p2.policy --policy-action=deny -o $W/t5 /bin/busybox cat /nonexistent/ptrc >$W/out 2>$W/err
	rc=$?
	has "policy @file-system denies openat by name (exit $rc)" $W/t5 \
		'!!! policy violation (deny): openat(AT_FDCWD, "/nonexistent/ptrc"'
	if grep -q 'Operation not permitted' $W/err; then
		ok "policy: the denied openat failed with EPERM in the program"
	else
		bad "policy: cat did not see EPERM"
		show $W/err 10
	fi
fi

# -k: stacks through libdw, symbolized with the test program's functions and lines.
for prog in crash_kstack crash_kstack_pac; do
	[ -x $TP/$prog ] || continue
	$P -k -o $W/t6 -e trace=getpid $TP/$prog $TP/libcrashlib.so >$W/out 2>$W/err
	has "-k $prog" $W/t6 "/$prog(deep3+0x" "] crash_kstack.c:13" "(inlined into deep1)" \
		"/$prog(deep1+0x" "/$prog(main+0x"
done
if [ "$mode" = pac ]; then
	if grep -q paca /proc/cpuinfo; then
		ok "the CPU has pointer authentication (paca)"
	else
		bad "no paca in /proc/cpuinfo: this boot does not test PAC"
	fi
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
