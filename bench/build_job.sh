#!/bin/sh
# A typical build: compile and link a few C files with make, from scratch.
set -e
dir=$1
rm -rf "$dir/obj" && mkdir -p "$dir/obj"
for i in 1 2 3 4 5 6; do
	printf '#include <stdio.h>\n#include <string.h>\nint f%d(const char *s) { return (int)strlen(s) + %d; }\n' "$i" "$i" >"$dir/obj/f$i.c"
done
printf 'int f1(const char *);\nint main(void) { return f1("x") == 2 ? 0 : 1; }\n' >"$dir/obj/main.c"
cat >"$dir/obj/Makefile" <<'MK'
OBJS = main.o f1.o f2.o f3.o f4.o f5.o f6.o
prog: $(OBJS)
	cc -o $@ $(OBJS)
%.o: %.c
	cc -O1 -c $< -o $@
MK
make -s -C "$dir/obj" prog
"$dir/obj/prog"
