#!/usr/bin/env python3
"""Differential check of argument formatting against strace: scripts/argfuzz.c makes each
system call with seeded garbage arguments, once under strace and once under ptrc, and the
lines that differ are listed per call.

    scripts/argfuzz-diff.py [--ptrc P] [--m32] [--count N] [--seed S] [--opts "-X raw"] [NAME...]

Without names, every call in <sys/syscall.h> but those that block, end or fork the process,
or send signals.  Calls whose results vary between runs (times, random bytes) differ for
that reason alone: the diff, don't count it."""
import argparse, os, re, subprocess, sys, tempfile

SKIP = set("""
exit exit_group fork vfork clone clone3 execve execveat kill tkill tgkill rt_sigqueueinfo
rt_tgsigqueueinfo pidfd_send_signal reboot ptrace pause nanosleep clock_nanosleep
clock_nanosleep_time64 rt_sigsuspend sigsuspend rt_sigtimedwait rt_sigtimedwait_time64 futex
futex_time64 futex_waitv futex_wait futex_wake futex_requeue select _newselect pselect6
pselect6_time64 poll ppoll ppoll_time64 epoll_wait epoll_pwait epoll_pwait2 msgrcv semop
semtimedop semtimedop_time64 io_getevents io_pgetevents io_pgetevents_time64 alarm setitimer
timer_settime timer_settime64 vhangup kexec_load kexec_file_load seccomp restart_syscall
rt_sigreturn sigreturn io_uring_enter mq_timedreceive mq_timedreceive_time64 personality
userfaultfd
""".split())


# Calls whose lines differ between any two runs (pids, times, the temporary directory):
# left out of a run of every call, as SKIP is; still run when named.
VARYING = set("""
getpid getppid gettid set_tid_address setsid getpgrp getsid getcwd times sysinfo gettimeofday
time clock_gettime adjtimex clock_adjtime getrusage keyctl
""".split())


def m32_flags(work):
    """-m32, and <asm/...> as gcc-multilib would give it (testprogs/m32.cmake does the same)."""
    inc = os.path.join(work, "inc32")
    os.makedirs(inc, exist_ok=True)
    arch = subprocess.run(["cc", "-print-multiarch"], capture_output=True, text=True).stdout.strip()
    os.symlink(f"/usr/include/{arch}/asm", os.path.join(inc, "asm"))
    return ["-m32", "-isystem", inc]


def syscall_table(cflags):
    cc = ["cc"] + cflags + ["-dM", "-E", "-"]
    out = subprocess.run(cc, input="#include <sys/syscall.h>\n", capture_output=True,
                         text=True, check=True).stdout
    table = {}
    for m in re.finditer(r"#define __NR_(\w+) (\d+)", out):
        table[m.group(1)] = int(m.group(2))
    return table


def trace(cmd, work):
    d = tempfile.mkdtemp(dir=work)
    os.chmod(d, 0o777)
    try:
        subprocess.run(cmd, cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=20)
    except subprocess.TimeoutExpired:
        return None
    return True


def clip(line, other, width=160):
    """The line around where it first differs from the other, at most width characters."""
    if len(line) <= width:
        return line
    at = next((i for i, (c, d) in enumerate(zip(line, other)) if c != d), min(len(line), len(other)))
    start = max(0, at - width // 2)
    return ("..." if start else "") + line[start:start + width] + "..."


def main():
    ap = argparse.ArgumentParser()
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--ptrc", default=os.path.join(top, "build", "ptrc"))
    ap.add_argument("--m32", action="store_true")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--opts", default="")
    ap.add_argument("--show", type=int, default=3)
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    work = tempfile.mkdtemp()
    cflags = m32_flags(work) if a.m32 else []
    table = syscall_table(cflags)
    names = a.names or sorted(n for n in table if n not in SKIP and n not in VARYING)
    prog = os.path.join(work, "argfuzz")
    subprocess.run(["cc", "-O1", "-o", prog, os.path.join(top, "scripts", "argfuzz.c")] + cflags,
                   check=True)
    opts = a.opts.split()
    total = 0
    for name in names:
        if name not in table:
            print(f"{name}: not in <sys/syscall.h>")
            continue
        run = [prog, str(table[name]), str(a.seed), str(a.count)]
        outs = []
        for tracer in (["strace"], [a.ptrc]):
            out = os.path.join(work, "out")
            ok = trace(["setarch", "-R"] + tracer + ["-qq", "-e", "signal=none", "-e",
                       "trace=" + name, "-o", out] + opts + run, work)
            text = open(out).read().splitlines() if ok and os.path.exists(out) else ["<timeout>"]
            if os.path.exists(out):
                os.unlink(out)
            outs.append(text)
        s, p = outs
        diff = [(x, y) for x, y in zip(s, p) if x != y]
        if len(s) != len(p):
            diff.append((f"<{len(s)} lines>", f"<{len(p)} lines>"))
        if diff:
            total += 1
            print(f"== {name}: {len(diff)} of {len(s)} lines differ")
            for x, y in diff[:a.show]:
                print(f"  strace: {clip(x, y)}\n  ptrc:   {clip(y, x)}")
    print(f"{total} of {len(names)} calls differ")


if __name__ == "__main__":
    main()
