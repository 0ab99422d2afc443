#!/usr/bin/env python3
"""Writes the seed corpora of fuzz_policy and fuzz_decode: policies and real calls, encoded
as each target reads its input (see the top of fuzz_policy.c and fuzz_decode.c).

    tests/fuzz/gen_seeds.py [BUILD_DIR]

The syscall index of a seed is the call's position in its ABI's table, which the build
generates from the kernel headers (BUILD_DIR/gen/systab_<abi>.c, default build/): run
this again when those headers change, and commit what changed."""

import os
import re
import socket
import struct
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ABIS = ["x86_64", "i386", "aarch64"]  # the order of arch/abis.def
WORD = {"x86_64": 8, "i386": 4, "aarch64": 8}
AT_FDCWD = -100
EXPLICIT = 8  # a region placed at an address of its own


def tables(build):
    out = {}
    for abi in ABIS:
        text = open(os.path.join(build, "gen", "systab_%s.c" % abi)).read()
        out[abi] = [m.group(1) for m in re.finditer(r'\{ "([a-z0-9_]+)", \d+ \}', text)]
    return out


def u64(v):
    return struct.pack("<Q", v & (2**64 - 1))


def word(abi, v):
    return struct.pack("<I" if WORD[abi] == 4 else "<Q", v & (2 ** (8 * WORD[abi]) - 1))


def region(where, data, addr=None, when=0):
    """where: one of the target's anchors (0-5: the six registers) or EXPLICIT."""
    head = bytes([where | when << 4])
    if where == EXPLICIT:
        head += u64(addr)
    return head + struct.pack("<H", len(data)) + data


class Seeds:
    def __init__(self, build):
        self.tab = tables(build)

    def index(self, abi, name):
        return self.tab[abi].index(name)

    def call(self, abi, name, regs, base=b"", exe=b"", regions=()):
        regs = list(regs) + [0] * (6 - len(regs))
        out = bytes([ABIS.index(abi)]) + struct.pack("<H", self.index(abi, name))
        out += b"".join(u64(r) for r in regs)
        out += bytes([len(base)]) + base + bytes([len(exe)]) + exe
        return out + b"".join(regions)


def sockaddr_in(port, ip):
    return struct.pack("<H", socket.AF_INET) + struct.pack(">H", port) + socket.inet_aton(ip) + bytes(8)


def sockaddr_in6(port, ip):
    return (struct.pack("<H", socket.AF_INET6) + struct.pack(">H", port) + bytes(4)
            + socket.inet_pton(socket.AF_INET6, ip) + bytes(4))


def sockaddr_un(path):
    return struct.pack("<H", socket.AF_UNIX) + path


def msghdr(abi, name, namelen, iov, iovlen, control, controllen):
    if WORD[abi] == 4:
        return struct.pack("<7I", name, namelen, iov, iovlen, control, controllen, 0)
    return struct.pack("<QI4xQQQQi4x", name, namelen, iov, iovlen, control, controllen, 0)


POLICY = (b"# a CI policy\ndefault deny\n\nallow read write,close   # trailing comment\n"
          b"allow @memory @basic-io\n"
          b"allow openat open access=read path=/usr/**,\"/with space/*\"\n"
          b"deny  unlink path=/etc/**\n"
          b"allow connect family=inet,AF_INET6 addr=10.0.0.0/8,::1,/run/*.sock,@abs,none "
          b"port=443,8000-8100\n"
          b"allow execve exec=/usr/bin/* exe=/usr/bin/make\n"
          b"allow socket family=unix\n")


def policy_seeds(s):
    x, i = "x86_64", "i386"
    seeds = {
        "openat-read": POLICY + b"\0" + s.call(x, "openat", [AT_FDCWD, 0x1000, 0], exe=b"/bin/cat",
                                               regions=[region(1, b"/usr/lib/os-release\0")]),
        "openat-relative": POLICY + b"\0" + s.call(
            x, "openat", [AT_FDCWD, 0x1000, 0o101], base=b"/home/u/src",
            regions=[region(1, b"../../../etc/./passwd\0")]),
        "unlink-denied": POLICY + b"\0" + s.call(x, "unlink", [0x1000],
                                                 regions=[region(0, b"/etc//shadow\0")]),
        "connect-inet": POLICY + b"\0" + s.call(x, "connect", [3, 0x1000, 16],
                                                regions=[region(1, sockaddr_in(443, "10.1.2.3"))]),
        "connect-inet6": POLICY + b"\0" + s.call(x, "connect", [3, 0x1000, 28],
                                                 regions=[region(1, sockaddr_in6(8080, "::1"))]),
        "connect-unix": POLICY + b"\0" + s.call(x, "connect", [3, 0x1000, 14],
                                                regions=[region(1, sockaddr_un(b"/run/a.sock"))]),
        "sendmsg-abstract": POLICY + b"\0" + s.call(
            x, "sendmsg", [3, 0x1000, 0],
            regions=[region(1, msghdr(x, 0x2000, 6, 0, 0, 0, 0)),
                     region(EXPLICIT, sockaddr_un(b"\0abs"), 0x2000)]),
        "execve": POLICY + b"\0" + s.call(x, "execve", [0x1000, 0, 0], exe=b"/usr/bin/make",
                                          regions=[region(0, b"/usr/bin/cc\0")]),
        "socket": POLICY + b"\0" + s.call(x, "socket", [1, 1, 0]),
        "i386-socketcall": POLICY + b"\0" + s.call(
            i, "socketcall", [3, 0x1000],
            regions=[region(1, struct.pack("<III", 3, 0x2000, 16)),
                     region(EXPLICIT, sockaddr_in(443, "10.9.9.9"), 0x2000)]),
        "default-allow": b"default allow\ndeny execve exec=/bin/*sh\ndeny @network-io\n\0"
                         + s.call(x, "execve", [0x1000], regions=[region(0, b"/bin/bash\0")]),
        "errors": b"allow read path=/x\n\0",
        "error-quote": b"allow openat path=\"/a\n\0",
        "error-group": b"allow @nope\n\0",
        "error-addr": b"allow connect addr=300.1.1.1/33 port=70000\n\0",
    }
    return seeds


def decode_call(s, abi, name, regs, ret=0, sp=0, opts=0, regions=()):
    """One fuzz_decode input; region anchors 0-5 are the registers, 6 the stack pointer, 7
    the return value."""
    regs = list(regs) + [0] * (6 - len(regs))
    out = bytes([ABIS.index(abi)]) + struct.pack("<H", s.index(abi, name))
    out += b"".join(u64(r) for r in regs) + u64(ret) + u64(sp) + bytes([opts])
    return out + b"".join(regions)


def pattern(abi, n):
    """Memory every argument of a generic seed points at: a path, then words a decoder may
    take for sizes, flags, fds or pointers back into the same memory."""
    words = [0x10, 3, 0x10000, 2, 0, 1, 0x10010, 0xffffffff]
    return (b"/tmp/a b\n\0" + b"".join(word(abi, w) for w in words))[:n].ljust(n, b"\0")


def generic_seeds(s, abi):
    """Every syscall of the ABI with each register pointing at memory of its own."""
    out = {}
    for name in s.tab[abi]:
        regs = [0x10000 * (i + 1) for i in range(6)]
        out["%s-%s" % (abi, name)] = decode_call(
            s, abi, name, regs, ret=2, sp=0x70000,
            regions=[region(i, pattern(abi, 48)) for i in range(6)])
    return out


def decode_seeds(s):
    x, i = "x86_64", "i386"
    seeds = {}
    for abi in ABIS:
        seeds.update(generic_seeds(s, abi))
    iov = word(x, 0x2000) + word(x, 2) + word(x, 0x2100) + word(x, 2)
    seeds.update({
        "writev-straddle": decode_call(s, x, "writev", [1, 0x1000, 3], ret=4, regions=[
            region(1, iov + word(x, 0x2200)), region(EXPLICIT, b"ab", 0x2000),
            region(EXPLICIT, b"cd", 0x2100)]),
        "readv-exit-memory": decode_call(s, x, "readv", [0, 0x1000, 1], ret=5, regions=[
            region(1, word(x, 0x2000) + word(x, 8)),
            region(EXPLICIT, b"hello", 0x2000, when=2)]),
        "poll-huge-s": decode_call(s, x, "poll", [0x1000, 1 << 30, 0], ret=1, opts=0x0c | 1,
                                   regions=[region(0, struct.pack("<ihh", 3, 1, 1) * 64)]),
        "execve-unterminated": decode_call(s, x, "execve", [0x1000, 0x2000, 0x3000], opts=1,
                                           regions=[region(0, b"/bin/sh\0"),
                                                    region(1, word(x, 0x1000) * 4),
                                                    region(2, word(x, 0x1000) * 3 + word(x, 0))]),
        "i386-select": decode_call(s, i, "select", [0x1000], ret=1, regions=[
            region(0, struct.pack("<5I", 5, 0x2000, 0x2004, 0, 0x2010)),
            region(EXPLICIT, struct.pack("<IIxxxxII", 8, 16, 1, 500), 0x2000)]),
        "i386-socketcall-connect": decode_call(s, i, "socketcall", [3, 0x1000], regions=[
            region(1, struct.pack("<III", 3, 0x2000, 16)),
            region(EXPLICIT, sockaddr_in(443, "10.9.9.9"), 0x2000)]),
        "sendmsg": decode_call(s, x, "sendmsg", [3, 0x1000, 0], ret=2, opts=0x10, regions=[
            region(1, msghdr(x, 0x2000, 16, 0x3000, 1, 0x4000, 24)),
            region(EXPLICIT, sockaddr_in(53, "127.0.0.1"), 0x2000),
            region(EXPLICIT, word(x, 0x5000) + word(x, 2), 0x3000),
            region(EXPLICIT, struct.pack("<Qii", 20, 1, 1) + struct.pack("<i", 7), 0x4000),
            region(EXPLICIT, b"\x01\xff", 0x5000)]),
        "ioctl-tcgets": decode_call(s, x, "ioctl", [0, 0x5401, 0x1000], opts=0x40,
                                    regions=[region(2, bytes(range(60)))]),
        "rt_sigaction": decode_call(s, x, "rt_sigaction", [2, 0x1000, 0x2000, 8], opts=0x80,
                                    regions=[region(1, word(x, 1) + word(x, 0x04000000)
                                                    + word(x, 0x401000) + word(x, 0x4002)),
                                             region(2, bytes(32), when=2)]),
    })
    return seeds


def write(kind, seeds):
    d = os.path.join(TOP, "tests", "fuzz", "corpus", kind)
    os.makedirs(d, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "build")
    s = Seeds(build)
    write("policy", policy_seeds(s))
    write("decode", decode_seeds(s))


if __name__ == "__main__":
    main()
