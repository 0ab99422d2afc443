#!/usr/bin/env python3
"""ptrc's lines against strace 6.1's, for options whose output is strace's to the byte: both
tracers run the same deterministic test program under `setarch -R` (no address
randomisation, so addresses match) and the traces must be equal once pids are masked.

    strace_compare.py PTRC TESTPROGS_DIR [M32_DIR]

Exit 0 when every case matches, 1 with the first difference, 77 (skip) without strace or
setarch.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

FSAPI = ("trace=fsopen,fsconfig,fsmount,open_tree,move_mount,mount_setattr,"
         "landlock_create_ruleset,landlock_add_rule,fanotify_init,fanotify_mark,mq_open,"
         "mq_timedsend,mq_notify,pidfd_open,pidfd_send_signal,sched_getscheduler")

# (tracer options, test program, its arguments); the program is in TESTPROGS_DIR.
CASES = [
    (["-i", "-e", "trace=getppid,exit_group"], "tp_inject", ["retval"]),
    (["-i", "-n", "-e", "trace=getppid,exit_group"], "tp_inject", ["retval"]),
    (["-n", "-e", "trace=chdir,exit_group"], "tp_inject", ["error"]),
    (["-e", "trace=getppid,exit_group", "-e", "inject=getppid:retval=42:when=2+2"],
     "tp_inject", ["retval"]),
    (["-e", "trace=chdir,exit_group", "--inject=chdir:error=ENOENT:when=3"],
     "tp_inject", ["error"]),
    (["-e", "trace=getppid,exit_group", "-e", "fault=getppid:when=1..2"], "tp_inject",
     ["fault"]),
    (["-e", "trace=getppid,exit_group", "-e", "inject=getppid:signal=SIGUSR1:when=2"],
     "tp_inject", ["signal"]),
    (["-e", "trace=getppid,exit_group", "-e", "inject=getppid:syscall=gettid:retval=7:when=1"],
     "tp_inject", ["syscall"]),
    (["-i", "-e", "trace=getppid,exit_group", "-e", "inject=getppid:delay_exit=20ms:when=1"],
     "tp_inject", ["delay"]),
    (["-Y", "-e", "trace=getppid,exit_group"], "tp_inject", ["retval"]),
    # -b execve: the exec'd program runs untraced (it exits 0 only then).
    (["-f", "-b", "execve", "-e", "trace=execve,exit_group"], "tp_inject", ["spawn"]),
    (["-f", "--decode-pids=comm", "-e", "trace=getppid,exit_group"], "tp_inject", ["retval"]),
    # prctl and arch_prctl, option by option, in each -X style; injected, the outputs of the
    # options an x86 kernel refuses (what the program left in memory) and the named results.
    (["-e", "trace=prctl,arch_prctl"], "tp_prctl", ["basic"]),
    (["-X", "raw", "-e", "trace=prctl,arch_prctl"], "tp_prctl", ["basic"]),
    (["-X", "verbose", "-e", "trace=prctl,arch_prctl"], "tp_prctl", ["basic"]),
    (["-X", "raw", "-e", "trace=prctl,arch_prctl"], "tp_prctl", ["raw"]),
    (["-s", "4", "-e", "trace=prctl"], "tp_prctl", ["trunc"]),
    (["-e", "trace=prctl", "-e", "inject=prctl:retval=3"], "tp_prctl", ["basic"]),
    (["-X", "raw", "-e", "trace=prctl", "-e", "inject=prctl:retval=0"], "tp_prctl", ["basic"]),
    # Capability sets, personalities, scheduling attributes (not the clock's or the CPU's,
    # which differ from one run to the next).
    (["-e", "trace=capget,capset,personality,sched_getattr,sched_setattr"], "tp_attrs",
     ["basic"]),
    # SysV IPC on ids that do not exist (the others differ from run to run).
    (["-e", "trace=%ipc"], "tp_ipc", ["errors"]),
    (["-X", "raw", "-e", "trace=%ipc"], "tp_ipc", ["errors"]),
    (["-X", "verbose", "-e", "trace=%ipc"], "tp_ipc", ["errors"]),
    # The new mount API, Landlock, fanotify, message queues, pidfds.
    (["-e", FSAPI], "tp_fsapi", ["basic"]),
    (["-X", "raw", "-e", FSAPI], "tp_fsapi", ["raw"]),
    (["-X", "verbose", "-e", FSAPI], "tp_fsapi", ["verbose"]),
    # keyctl, add_key, request_key on keys that do not exist.
    # Native aio on a file of the program's own, every buffer static.
    (["-e", "trace=io_setup,io_submit,io_getevents,io_pgetevents,io_cancel,io_destroy"], "tp_aio", ["basic"]),
    (["-e", "trace=timer_create,timer_getoverrun,timer_delete,nanosleep"], "tp_timer", ["basic"]),
    (["-e", "trace=utimensat,utimes,futimesat"], "tp_utime", ["basic"]),
    (["-X", "raw", "-e", "trace=utimensat,utimes,futimesat"], "tp_utime", ["basic"]),
    (["-X", "verbose", "-e", "trace=utimensat,utimes,futimesat"], "tp_utime", ["basic"]),
    (["-e", "trace=futex_waitv"], "tp_futexv", ["basic"]),
    (["-e", "trace=move_pages"], "tp_numa", ["basic"]),
    (["-e", "trace=set_mempolicy,mbind,migrate_pages,set_mempolicy_home_node,get_mempolicy"],
     "tp_numa", ["policy"]),
    (["-e", "trace=setxattr,lsetxattr,fsetxattr,listxattr,flistxattr"], "tp_files", ["xattr"]),
    (["-X", "raw", "-e", "trace=rt_sigaction,rt_sigprocmask,exit_group"], "tp_signals", ["actions"]),
    (["-X", "verbose", "-e", "trace=rt_sigaction,rt_sigprocmask,exit_group"], "tp_signals", ["actions"]),
    (["-e", "trace=utimensat,sendfile,epoll_ctl"], "tp_files", ["times"]),
    (["-X", "raw", "-e", "trace=utimensat,sendfile,epoll_ctl"], "tp_files", ["times"]),
    (["-X", "verbose", "-e", "trace=utimensat,sendfile,epoll_ctl"], "tp_files", ["times"]),
    (["-X", "raw", "-e", "trace=set_mempolicy,mbind,migrate_pages,get_mempolicy"], "tp_numa",
     ["policy"]),
    (["-X", "verbose", "-e", "trace=set_mempolicy,mbind,migrate_pages,get_mempolicy"],
     "tp_numa", ["policy"]),
    (["-e", "trace=io_uring_setup,io_uring_register"], "tp_uring_reg", ["basic"]),
    (["-X", "raw", "-e", "trace=io_uring_setup,io_uring_register"], "tp_uring_reg", ["basic"]),
    (["-X", "verbose", "-e", "trace=io_uring_setup,io_uring_register"], "tp_uring_reg",
     ["basic"]),
    (["-e", "trace=keyctl,add_key,request_key"], "tp_keys", ["errors"]),
    (["-e", "trace=ptrace"], "tp_ptrace", ["errors"]),
    (["-e", "trace=ptrace"], "tp_ptrace", ["child"]),
    (["-e", "trace=ptrace"], "tp_ptrace_regs", ["child"]),
    (["-e", "trace=sendto,recvfrom"], "tp_recvfrom", ["basic"]),
    (["-X", "raw", "-e", "trace=sendto,recvfrom"], "tp_recvfrom", ["basic"]),
    (["-X", "verbose", "-e", "trace=sendto,recvfrom"], "tp_recvfrom", ["basic"]),
    (["-v", "-X", "verbose", "-e", "trace=ptrace"], "tp_ptrace_regs", ["child"]),
    (["-e", "trace=quotactl,quotactl_fd"], "tp_quota", ["errors"]),
    (["-X", "raw", "-e", "trace=quotactl,quotactl_fd"], "tp_quota", ["raw"]),
    (["-X", "verbose", "-e", "trace=quotactl,quotactl_fd"], "tp_quota", ["verbose"]),
    (["-e", "trace=quotactl", "-e", "inject=quotactl:retval=0"], "tp_quota", ["outputs"]),
    (["-v", "-e", "trace=quotactl", "-e", "inject=quotactl:retval=0"], "tp_quota",
     ["outputs_v"]),
    (["-X", "raw", "-e", "trace=keyctl,add_key,request_key"], "tp_keys", ["raw"]),
    (["-X", "verbose", "-e", "trace=keyctl,add_key,request_key"], "tp_keys", ["verbose"]),
    (["-X", "raw", "-e", "trace=capget,capset,personality,sched_getattr,sched_setattr"],
     "tp_attrs", ["basic"]),
    (["-X", "verbose", "-e", "trace=capget,capset,personality,sched_getattr,sched_setattr"],
     "tp_attrs", ["basic"]),
    # poke_enter= and poke_exit=: the poked bytes in the lines, (INJECTED: args[, retval]).
    (["-e", "trace=write,recvfrom,pwrite64,exit_group", "-e",
      "inject=write:poke_enter=@arg2=4a4b:when=1..3", "-e", "inject=recvfrom:poke_exit=@arg2=5859",
      "-e", "inject=pwrite64:poke_enter=@arg2=5a:retval=2"], "tp_inject", ["poke"]),
    # Netlink messages: requests, made-up answers, wrong lengths, the kernel's errors (the
    # answers that depend on the machine are read with read(2), not traced here).  Not -X raw
    # nor -X verbose: strace shows a sockid's ports and addresses as bytes there.
    (["-e", "trace=sendto,recvfrom,sendmsg"], "tp_netlink", ["basic"]),
    (["-s", "8", "-e", "trace=sendto,recvfrom,sendmsg"], "tp_netlink", ["basic"]),
    (["-x", "-e", "trace=sendto,recvfrom,sendmsg"], "tp_netlink", ["basic"]),
    (["-yy", "-e", "trace=sendto,recvfrom,sendmsg"], "tp_netlink", ["basic"]),
    (["-e", "trace=sendto"], "tp_netlink_rtm", ["basic"]),
    (["-X", "raw", "-e", "trace=sendto"], "tp_netlink_rtm", ["basic"]),
    (["-X", "verbose", "-e", "trace=sendto"], "tp_netlink_rtm", ["basic"]),
    # bpf(2)'s union bpf_attr members (not the map ids, which change from run to run).
    (["-e", "trace=bpf"], "tp_bpf", ["fixed"]),
    (["-e", "trace=sendmmsg,recvmmsg,recvmmsg_time64"], "tp_mmsg", ["fixed"]),
    (["-e", "trace=sendmsg,recvmsg"], "tp_cmsg", ["basic"]),
    (["-X", "raw", "-e", "trace=sendmsg,recvmsg"], "tp_cmsg", ["basic"]),
    (["-X", "verbose", "-e", "trace=sendmsg,recvmsg"], "tp_cmsg", ["basic"]),
    (["-e", "trace=setsockopt,getsockopt"], "tp_sockopt", ["basic"]),
    (["-X", "raw", "-e", "trace=setsockopt,getsockopt"], "tp_sockopt", ["basic"]),
    (["-X", "verbose", "-e", "trace=setsockopt,getsockopt"], "tp_sockopt", ["basic"]),
    # The structs of SO_ATTACH_FILTER, IPV6_ADD_MEMBERSHIP and MCAST_JOIN_GROUP (not the
    # received messages of "basic": their ports change from run to run).
    (["-e", "trace=setsockopt,getsockopt"], "tp_cmsg6", ["opts"]),
    (["-X", "raw", "-e", "trace=bpf"], "tp_bpf", ["fixed"]),
    (["-X", "verbose", "-e", "trace=bpf"], "tp_bpf", ["fixed"]),
    # -y: the descriptors in the union and the ones the commands return.
    (["-y", "-e", "trace=bpf"], "tp_bpf", ["fixed"]),
    # struct perf_event_attr, abbreviated and whole (-v), in each -X style.
    (["-e", "trace=perf_event_open"], "tp_perf", ["basic"]),
    (["-v", "-e", "trace=perf_event_open"], "tp_perf", ["verbose"]),
    (["-X", "raw", "-e", "trace=perf_event_open"], "tp_perf", ["basic"]),
    (["-X", "verbose", "-v", "-e", "trace=perf_event_open"], "tp_perf", ["verbose"]),
    (["-yy", "-e", "trace=perf_event_open"], "tp_perf", ["basic"]),
    # ioctl requests of many drivers on fd -1; injected, the outputs the program left in its
    # buffers (strace decodes them as it would a driver's), in each -X style and with -v.
    (["-e", "trace=ioctl"], "tp_ioctl_zoo", ["basic"]),
    (["-e", "trace=ioctl"], "tp_ioc32", ["basic"]),
    (["-e", "trace=ioctl", "-e", "inject=ioctl:retval=0"], "tp_ioctl_zoo", ["basic"]),
    (["-v", "-e", "trace=ioctl", "-e", "inject=ioctl:retval=0"], "tp_ioctl_zoo", ["basic"]),
    (["-X", "raw", "-e", "trace=ioctl"], "tp_ioctl_zoo", ["basic"]),
    (["-e", "trace=sendmmsg,recvmmsg"], "tp_mmsg", ["fixed"]),
    (["-s", "2", "-e", "trace=sendmmsg,recvmmsg"], "tp_mmsg", ["fixed"]),
    (["-X", "verbose", "-e", "trace=ioctl", "-e", "inject=ioctl:retval=0"], "tp_ioctl_zoo",
     ["basic"]),
]
# The same under an i386 program: -i prints 8 digits there.
CASES_M32 = [
    (["-i", "-e", "trace=getppid,exit_group"], "tp_inject", ["retval"]),
    (["-e", "trace=getppid@32,exit_group@64"], "tp_inject", ["retval"]),
    (["-e", "trace=getppid@64,exit_group@32"], "tp_inject", ["retval"]),
    (["-e", "trace=prctl,arch_prctl"], "tp_prctl", ["basic"]),
    (["-e", "trace=prctl", "-e", "inject=prctl:retval=3"], "tp_prctl", ["basic"]),
    (["-e", "trace=capget,capset,personality,sched_getattr,sched_setattr"], "tp_attrs",
     ["basic"]),
    (["-e", "trace=%ipc,ipc"], "tp_ipc", ["errors"]),
    (["-e", "trace=keyctl,add_key,request_key"], "tp_keys", ["errors"]),
    (["-e", "trace=ptrace"], "tp_ptrace", ["errors"]),
    (["-e", "trace=ptrace"], "tp_ptrace", ["child"]),
    (["-e", "trace=ptrace"], "tp_ptrace_regs", ["child"]),
    (["-e", "trace=sendto,recvfrom"], "tp_recvfrom", ["basic"]),
    (["-X", "raw", "-e", "trace=sendto,recvfrom"], "tp_recvfrom", ["basic"]),
    (["-X", "verbose", "-e", "trace=sendto,recvfrom"], "tp_recvfrom", ["basic"]),
    (["-v", "-X", "verbose", "-e", "trace=ptrace"], "tp_ptrace_regs", ["child"]),
    (["-e", "trace=quotactl,quotactl_fd"], "tp_quota", ["errors"]),
    (["-v", "-e", "trace=quotactl", "-e", "inject=quotactl:retval=0"], "tp_quota",
     ["outputs_v"]),
    (["-e", FSAPI], "tp_fsapi", ["basic"]),
    (["-e", "trace=io_setup,io_submit,io_getevents,io_pgetevents,io_cancel,io_destroy"], "tp_aio", ["basic"]),
    (["-e", "trace=timer_create,timer_getoverrun,timer_delete,nanosleep"], "tp_timer", ["basic"]),
    (["-e", "trace=utimensat,utimes,futimesat"], "tp_utime", ["basic"]),
    (["-X", "raw", "-e", "trace=utimensat,utimes,futimesat"], "tp_utime", ["basic"]),
    (["-X", "verbose", "-e", "trace=utimensat,utimes,futimesat"], "tp_utime", ["basic"]),
    (["-e", "trace=futex_waitv"], "tp_futexv", ["basic"]),
    (["-e", "trace=move_pages"], "tp_numa", ["basic"]),
    (["-e", "trace=set_mempolicy,mbind,migrate_pages,set_mempolicy_home_node,get_mempolicy"],
     "tp_numa", ["policy"]),
    (["-e", "trace=setxattr,lsetxattr,fsetxattr,listxattr,flistxattr"], "tp_files", ["xattr"]),
    (["-X", "raw", "-e", "trace=rt_sigaction,rt_sigprocmask,exit_group"], "tp_signals", ["actions"]),
    (["-X", "verbose", "-e", "trace=rt_sigaction,rt_sigprocmask,exit_group"], "tp_signals", ["actions"]),
    (["-e", "trace=utimensat,sendfile,epoll_ctl"], "tp_files", ["times"]),
    (["-X", "verbose", "-e", "trace=utimensat,sendfile,epoll_ctl"], "tp_files", ["times"]),
    (["-e", "trace=io_uring_setup,io_uring_register"], "tp_uring_reg", ["basic"]),
    (["-e", "trace=write,recvfrom,pwrite64,exit_group", "-e",
      "inject=write:poke_enter=@arg2=4a4b:when=1..3", "-e", "inject=recvfrom:poke_exit=@arg2=5859",
      "-e", "inject=pwrite64:poke_enter=@arg2=5a:retval=2"], "tp_inject", ["poke"]),
    (["-e", "trace=sendto,recvfrom,sendmsg"], "tp_netlink", ["basic"]),
    (["-e", "trace=sendto"], "tp_netlink_rtm", ["basic"]),
    (["-X", "raw", "-e", "trace=sendto"], "tp_netlink_rtm", ["basic"]),
    (["-X", "verbose", "-e", "trace=sendto"], "tp_netlink_rtm", ["basic"]),
    (["-e", "trace=bpf"], "tp_bpf", ["fixed"]),
    (["-v", "-e", "trace=perf_event_open"], "tp_perf", ["verbose"]),
    (["-e", "trace=ioctl"], "tp_ioctl_zoo", ["basic"]),
    (["-e", "trace=ioctl"], "tp_ioc32", ["basic"]),
    (["-v", "-e", "trace=ioctl", "-e", "inject=ioctl:retval=0"], "tp_ioctl_zoo", ["basic"]),
    # struct sock_fprog and struct group_req are smaller there (a 4-byte pointer and padding).
    (["-e", "trace=setsockopt,getsockopt"], "tp_cmsg6", ["opts"]),
]

# Pids (a fresh machine's are small): every decimal of 3 to 7 digits, on both sides alike.
PID = re.compile(r"(?<![0-9a-fA-Fx])\d{3,7}(?![0-9a-fA-F])")
# A kernel-chosen port as -X raw and -X verbose show it, its bytes: like a pid, it differs.
PORT = re.compile(r'(sin6?_port=)"(\\x[0-9a-f]{2}){2}"')
# The launch's execve shows the tracer's own child's envp, which differs between tracers.
ENVP = re.compile(r"0x[0-9a-f]+ /\* \d+ vars \*/")


def trace(tracer, opts, argv, d, name):
    out = os.path.join(d, name)
    run = subprocess.run(["setarch", "-R", tracer, *opts, "-o", out, *argv],
                         capture_output=True, text=True, timeout=60, env=dict(os.environ))
    if not os.path.exists(out):
        return run.returncode, ["(no trace) " + run.stderr.strip()]
    with open(out) as f:
        # getppid() names the tracer itself under -Y.
        return run.returncode, [ENVP.sub("ENVP", PID.sub("PID", PORT.sub(
            r"\1PORT", line.rstrip("\n")))).replace(
            f"<{os.path.basename(tracer)[:15]}>", "<TRACER>") for line in f]


def main(argv):
    ptrc, progs = os.path.abspath(argv[1]), argv[2]
    m32 = argv[3] if len(argv) > 3 else ""
    if not shutil.which("strace") or not shutil.which("setarch"):
        print("SKIP: no strace or no setarch")
        return 77
    cases = [(o, os.path.join(progs, p), a) for o, p, a in CASES]
    if m32 and os.path.isdir(m32):
        cases += [(o, os.path.join(m32, p), a) for o, p, a in CASES_M32]
    with tempfile.TemporaryDirectory(prefix="ptrc-vs-strace-") as d:
        for opts, prog, args in cases:
            want = trace("strace", opts, [prog, *args], d, "strace")
            got = trace(ptrc, opts, [prog, *args], d, "ptrc")
            if want != got:
                print(f"ptrc {' '.join(opts)} {os.path.basename(prog)} {' '.join(args)}:")
                print(f"  strace (exit {want[0]}):\n    " + "\n    ".join(want[1]))
                print(f"  ptrc (exit {got[0]}):\n    " + "\n    ".join(got[1]))
                return 1
    print(f"{len(cases)} cases: ptrc's trace is strace's")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
