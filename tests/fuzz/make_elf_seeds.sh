#!/usr/bin/env bash
# Writes the seed corpus of fuzz_symbolize, tests/fuzz/corpus/symbolize/: small ELF files
# (no libc, no build id, no page padding) with DWARF, inlined calls, C++ and odd symbol
# names, the same stripped, and a few cut short.  The outputs are committed; run it again
# only to change them:
#   tests/fuzz/make_elf_seeds.sh
# Needs gcc and binutils; g++ and gcc -m32 (gcc-multilib) add their seeds when present.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/tests/fuzz/corpus/symbolize
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ptrc-seeds.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
cd "$tmp"

# Small and the same on every machine: no unwind tables, .comment or build path.
# shellcheck disable=SC2054 # commas in -Wl, options
flags=(-g -O2 -nostdlib -fno-asynchronous-unwind-tables -fno-ident
	"-fdebug-prefix-map=$tmp=/src" -Wl,--build-id=none -Wl,--no-warn-rwx-segments)
# shellcheck disable=SC2054
exe=(-static -fno-pic -Wl,-N)
# shellcheck disable=SC2054
dso=(-shared -fPIC -fno-semantic-interposition -Wl,-z,noseparate-code -Wl,-z,norelro
	-Wl,-z,max-page-size=0x10 -Wl,-z,common-page-size=0x10)

cat >prog.c <<'EOF'
static volatile int sink;

static inline __attribute__((always_inline)) int leaf(int x)
{
	sink = x;
	return x * 3;
}

static inline __attribute__((always_inline)) int middle(int x)
{
	return leaf(x + 1) + 2;
}

__attribute__((noinline)) int work(int x)
{
	return middle(x) ^ leaf(x);
}

__attribute__((noinline)) int grüße(int x)
{
	return work(x) + 1;
}

__attribute__((noinline)) int ctlname(int x)
{
	return grüße(x) - 1;
}

__attribute__((noinline)) int rusty(int x)
{
	return ctlname(x) * 5;
}

void _start(void)
{
	sink = rusty(sink);
	for (;;)
		;
}
EOF

cat >prog.cc <<'EOF'
namespace shapes {
static volatile int sink;

template <typename T> struct Box {
	T v;
	inline __attribute__((always_inline)) T twice() const { return v * 2; }
};

__attribute__((noinline)) int pack(Box<int> &b, int k)
{
	sink = b.twice();
	return b.twice() + k;
}
} // namespace shapes

extern "C" void _start()
{
	shapes::Box<int> b{3};
	shapes::sink = shapes::pack(b, 4);
	for (;;)
		;
}
EOF

# 8 bytes, little-endian.
le64() {
	local i
	for i in 0 1 2 3 4 5 6 7; do
		# shellcheck disable=SC2059
		printf "\\$(printf %03o $((($1 >> (8 * i)) & 255)))"
	done
}

# The bytes fuzz_symbolize reads after the file (ELF ignores them): four addresses, then
# the option byte (bits 0-1 the load address, bit 2 the odd module path, 4-7 the formatter's).
tail_bytes() {
	local a
	for a in "$2" "$3" "$4" "$5"; do
		le64 "$a"
	done
	# shellcheck disable=SC2059
	printf "\\$(printf %03o "$1")"
}

gcc "${flags[@]}" "${exe[@]}" -o x86_64-exec-dwarf5 prog.c
strip --strip-debug -o x86_64-exec-symtab-only x86_64-exec-dwarf5
strip --strip-all -o x86_64-exec-stripped x86_64-exec-dwarf5
gcc "${flags[@]}" "${exe[@]}" -Wl,--compress-debug-sections=zlib -o x86_64-exec-zlib-debug prog.c
gcc "${flags[@]}" -gdwarf-4 -c -o x86_64-object-dwarf4 prog.c
# Names an ELF symbol table may hold: control bytes, a version, Rust's legacy mangling.
objcopy --redefine-sym "ctlname=$(printf 'ctl\033[31m\nname')" \
	--redefine-sym 'work=work@@VERS_1' \
	--redefine-sym 'rusty=_ZN4core3fmt5write17h0123456789abcdefE' \
	x86_64-exec-dwarf5 x86_64-exec-odd-names
tail_bytes $((0x04 | 0x20 | 0x40)) 0x10 0x40 0x5f 0x400100 >>x86_64-exec-odd-names

gcc "${flags[@]}" "${dso[@]}" -o x86_64-shared-dwarf5 prog.c
strip --strip-all -o x86_64-shared-stripped x86_64-shared-dwarf5
tail_bytes $((0x01 | 0x04 | 0x80)) 0x1f0 0x200 0x230 0x555555554200 >>x86_64-shared-dwarf5
tail_bytes $((0x02 | 0x10)) 0x1f0 0x210 0x240 0x7f0000000200 >>x86_64-shared-stripped

if gcc -m32 "${flags[@]}" "${exe[@]}" -gdwarf-4 -o i386-exec-dwarf4 prog.c 2>/dev/null; then
	gcc -m32 "${flags[@]}" "${dso[@]}" -o i386-shared-dwarf5 prog.c
	tail_bytes 3 0x100 0x120 0x140 0xfffffffffff00200 >>i386-shared-dwarf5
else
	echo "make_elf_seeds.sh: no gcc -m32 (gcc-multilib): no i386 seeds" >&2
fi
if command -v g++ >/dev/null; then
	g++ "${flags[@]}" "${exe[@]}" -fno-exceptions -fno-rtti -o x86_64-cxx-dwarf5 prog.cc
else
	echo "make_elf_seeds.sh: no g++: no C++ seed" >&2
fi

# Cut short: half the file; the file without the end of its section header table; the ELF
# header alone.
size=$(stat -c %s x86_64-exec-dwarf5)
head -c $((size / 2)) x86_64-exec-dwarf5 >x86_64-exec-cut-half
head -c $((size - 40)) x86_64-exec-dwarf5 >x86_64-exec-cut-section-headers
head -c 64 x86_64-exec-dwarf5 >x86_64-exec-cut-header-only

rm -f "$out"/*
for f in *; do
	case $f in
	prog.c | prog.cc) ;;
	*) cp "$f" "$out/$f" ;;
	esac
done
stat -c '%s %n' "$out"/* | awk '{ n++; s += $1; print } END { printf "%d seeds, %d bytes\n", n, s }'
