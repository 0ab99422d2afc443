"""A Python workload with many openat calls: walk a tree of small files and read each one.

    pywalk.py make DIR [FILES]   create DIR holding FILES small files (default 10000), 100 a directory
    pywalk.py walk DIR           os.walk DIR, open and read every file; prints the count and bytes
"""
import os
import sys

PER_DIR = 100


def make(top, files):
    os.makedirs(top, exist_ok=True)
    for i in range(files):
        sub = os.path.join(top, "d%03d" % (i // PER_DIR))
        if i % PER_DIR == 0:
            os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "f%05d.txt" % i), "w") as f:
            f.write("file %d\n" % i * 4)


def walk(top):
    count = size = 0
    for root, _dirs, names in os.walk(top):
        for name in names:
            with open(os.path.join(root, name), "rb") as f:
                size += len(f.read())
            count += 1
    print(count, size)


def main(argv):
    if len(argv) >= 3 and argv[1] == "make":
        make(argv[2], int(argv[3]) if len(argv) > 3 else 10000)
    elif len(argv) == 3 and argv[1] == "walk":
        walk(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
