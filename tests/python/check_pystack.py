#!/usr/bin/env python3
"""Runs ptrc -f -k on testprogs/tp_pystack.py under one CPython and checks, for every stat(2)
the program made, that the stack ptrc printed holds exactly the Python frames the program
stated (innermost first), below the native frames of the call.

    check_pystack.py PTRC PYTHON TP_PYSTACK [--py-stacks|--json|--crash|--policy|--dump|
                                             --dump-live|--perf-map|--strace-offsets|
                                             --policy-report]
                   [SCENARIO...]

Exit 0 when every stated call matched, 1 with the first difference, 77 (skip) when PYTHON
is not on this machine.  Before 3.7 (no _PyRuntime) every stack must carry the one line
saying that the version is not supported, and no Python frames.
"""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

PY_LINE = " > [py] "
HERE = os.path.dirname(os.path.abspath(__file__))
VALIDATE = os.path.join(HERE, "..", "integration", "validate_json.py")
SCHEMA = os.path.join(HERE, "..", "..", "docs", "json-schema.json")
REPORT_SCHEMA = os.path.join(HERE, "..", "..", "docs", "policy-report-schema.json")


def parse_trace(text):
    """{tid: [lines]} from a -f -o trace: "PID  line", stack lines (" > ...") unprefixed."""
    per = {}
    last = None
    for line in text.splitlines():
        m = re.match(r"^(\d+) +(.*)$", line)
        if m:
            last = int(m.group(1))
            per.setdefault(last, []).append(m.group(2))
        elif line.startswith(" > ") and last is not None:
            per[last].append(line)
    return per


def stack_after(lines, marker):
    """The stack lines that follow the syscall line naming marker, or None."""
    quoted = '"' + marker + '"'
    for i, line in enumerate(lines):
        if quoted in line and not line.startswith(" > "):
            # A call another task's line interrupted: its stack follows "<... NAME resumed>".
            if line.endswith("<unfinished ...>"):
                while i + 1 < len(lines) and not lines[i + 1].startswith("<... "):
                    i += 1
                i += 1
            out = []
            for nxt in lines[i + 1:]:
                if not nxt.startswith(" > "):
                    break
                out.append(nxt)
            return line, out
    return None, None


def check_json(trace_text, records):
    """--json: each stated call's event carries the same Python frames in its "stack"."""
    events = [json.loads(line) for line in trace_text.splitlines() if line.strip()]
    for rec in records:
        marker, tid, want = rec[0], int(rec[1]), rec[2:]
        ev = next((e for e in events if e.get("type") == "syscall" and e.get("tid") == tid
                   and marker in e.get("args", [])), None)
        if ev is None:
            return f"no syscall event naming {marker} for task {tid}"
        got = [f"{f['file']}:{f.get('line', '?')} in {f['function']}"
               for f in ev.get("stack", []) if f.get("python")]
        if got != want:
            return f"{marker} (task {tid}): JSON Python frames differ\n  want: {want}\n  got:  {got}"
    return None


def check_crash(trace_text, records):
    """--crash: the crash report's backtrace ends with the stated frames, below ctypes'."""
    m = re.search(r"^backtrace:\n(.*?)^(?:source|last syscalls)", trace_text, re.M | re.S)
    if not m:
        return "no crash report with a backtrace:\n" + trace_text[-2000:]
    got = [s[len(PY_LINE):] for s in m.group(1).splitlines() if s.startswith(PY_LINE)]
    want = records[0][2:]
    if len(got) != len(want) + 1 or got[1:] != want or not got[0].endswith(" in string_at"):
        return f"crash report's Python frames differ\n  want: string_at, {want}\n  got:  {got}"
    return None


def check(trace_text, records, python_only, note=None, policy=False):
    per = parse_trace(trace_text)
    for rec in records:
        marker, tid, want = rec[0], int(rec[1]), rec[2:]
        line, stack = stack_after(per.get(tid, []), marker)
        if line is None:
            return f"no syscall line naming {marker} for task {tid}"
        if policy and f"({want[0]}); rule " not in line:
            return f"{marker}: the violation does not name the Python line {want[0]}:\n{line}"
        got = [s[len(PY_LINE):] for s in stack if s.startswith(PY_LINE)]
        if got != want:
            return (f"{marker} (task {tid}): Python frames differ\n  want: " +
                    "\n        ".join(want) + "\n  got:  " + "\n        ".join(got) +
                    "\n  stack:\n" + "\n".join(stack))
        if note and note not in stack:
            return f"{marker}: the stack does not end with{note}:\n" + "\n".join(stack)
        native = [s for s in stack if not s.startswith(PY_LINE) and not s.startswith(" > (")]
        if python_only and native:
            return f"{marker}: --py-stacks printed native frames:\n" + "\n".join(native)
        if not python_only and (not stack or stack[0].startswith(PY_LINE)):
            return f"{marker}: the native frames of the call are missing:\n" + "\n".join(stack)
    return None


def strace_offsets(ptrc, python):
    """--strace-offsets: the [0x...] of each native frame is strace -k's: the offset in the file,
    also in a non-PIE executable (Debian's python3), where it is not the virtual address."""
    code = "import os; os.getppid()"
    frame = re.compile(r"^ > (\S+?)\(.*\) \[(0x[0-9a-f]+)\]")
    stacks = []
    for tracer in ("strace", ptrc):
        out = subprocess.run([tracer, "-k", "-e", "trace=getppid", python, "-c", code],
                             capture_output=True, text=True, timeout=60).stderr
        stacks.append([m.groups() for m in map(frame.match, out.splitlines()) if m])
    want, got = stacks
    if not want:
        print("SKIP: strace -k printed no stack")
        return 77
    # ptrc replaces the eval loop's frames; every native frame it keeps is one of strace's.
    missing = [f for f in got if f not in want]
    if not got or missing:
        print(f"frames strace -k does not print: {missing}\nstrace: {want}\nptrc: {got}")
        return 1
    print(f"{python}: {len(got)} native frames at strace's offsets")
    return 0


def python_version(python):
    """(major, minor) of an interpreter."""
    out = subprocess.run([python, "-c", "import sys; print(*sys.version_info[:2])"],
                         capture_output=True, text=True).stdout.split()
    return tuple(map(int, out))


def unsupported_note(version):
    return f"(no Python frames: CPython {'.'.join(map(str, version))} is not supported)"


def thread_sections(out):
    """{tid: text} of each "thread TID ..." section of a hang report."""
    sections = re.split(r"^thread (\d+) ", out, flags=re.M)
    return {int(sections[i]): sections[i + 1] for i in range(1, len(sections) - 1, 2)}


def dump_live(ptrc, python, prog):
    """--dump-live: SIGUSR1 to a running ptrc -f: the report of every traced thread, none
    stopped: the blocked call with how long, the Python frames; then the run goes on."""
    with tempfile.TemporaryDirectory(prefix="ptrc-pylive-") as d:
        expect, trace = os.path.join(d, "expect"), os.path.join(d, "trace")
        job = subprocess.Popen([ptrc, "-f", "-o", trace, python, prog, expect, "hang"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
        try:
            if job.stdout.readline().strip() != "ready":
                return print("the program did not get ready") or 1
            time.sleep(0.5)  # each thread in its blocking call
            job.send_signal(signal.SIGUSR1)
            for _ in range(200):
                if "=== end of dump" in open(trace).read():
                    break
                time.sleep(0.05)
            job.stdin.write("x")
            job.stdin.close()
            rest = job.stdout.read()
            code = job.wait(timeout=60)
        finally:
            job.kill()
        text = open(trace).read()
        with open(expect) as f:
            records = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    if code != 0 or rest.strip() != "woke x":
        return print(f"the run did not go on: exit {code}, printed {rest!r}") or 1
    start, end = text.find("=== ptrc dump: pid "), text.find("=== end of dump")
    if start < 0 or end < 0:
        return print(f"no hang report in the trace:\n{text[-3000:]}") or 1
    threads = thread_sections(text[start:end])
    version = python_version(python)
    for marker, tid, *want in records:
        body = threads.get(int(tid), "")
        if version < (3, 7):
            want = []  # no _PyRuntime: the line saying so instead
            if unsupported_note(version) not in body:
                return print(f"{marker}: no line saying why:\n{body}") or 1
        call = "in read(0, " if marker == "hang-main" else "in futex("
        if not re.search(r"blocked for \d+\.\d s " + re.escape(call), body):
            return print(f"{marker}: not 'blocked for N s {call}...':\n{body}") or 1
        got = [l[len("   > [py] "):] for l in body.splitlines() if l.startswith("   > [py] ")]
        if got != want:
            return print(f"{marker}: Python frames differ\n  want: {want}\n  got:  {got}") or 1
    # exit_group's line may be split by the other threads' exits: "exit_group(0 <unfinished ...>"
    if not re.search(r"exit_group\(0(\)| <unfinished)", text[end:]):
        return print(f"the trace did not go on after the report:\n{text[end:][-2000:]}") or 1
    print(f"{python}: SIGUSR1 reported 3 threads, the run went on")
    return 0


def dump(ptrc, python, prog):
    """--dump: ptrc --dump -p on a process with two deadlocked threads and a main thread in
    read(0): each thread's blocked call and exact Python frames; then the process runs on
    (its read gets the byte written after the dump) and nothing traces it any more."""
    with tempfile.TemporaryDirectory(prefix="ptrc-pydump-") as d:
        expect = os.path.join(d, "expect")
        job = subprocess.Popen([python, prog, expect, "hang"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
        try:
            if job.stdout.readline().strip() != "ready":
                print("the program did not get ready")
                return 1
            # Until both lock threads have stated their frames (they block right after).
            for _ in range(100):
                with open(expect) as f:
                    records = [l.rstrip("\n").split("\t") for l in f if l.strip()]
                if len(records) == 3:
                    break
                time.sleep(0.05)
            time.sleep(0.3)  # each thread in its blocking call, not on the way to it
            run = subprocess.run([ptrc, "--dump", "-p", str(job.pid)], capture_output=True,
                                 text=True, timeout=60)
            jfile = os.path.join(d, "dump.json")
            jrun = subprocess.run([ptrc, "--dump", "--json", "-o", jfile, "-p", str(job.pid)],
                                  capture_output=True, text=True, timeout=60)
            jtext = open(jfile).read() if jrun.returncode == 0 else ""
            # Debian's python3 is the one scripts/dev.sh gives python3-jsonschema.
            vpy = "/usr/bin/python3" if os.access("/usr/bin/python3", os.X_OK) else sys.executable
            valid = subprocess.run([vpy, VALIDATE, SCHEMA, jfile],
                                   capture_output=True, text=True)
            tracers = [line for t in os.listdir(f"/proc/{job.pid}/task")
                       for line in open(f"/proc/{job.pid}/task/{t}/status")
                       if line.startswith("TracerPid:") and line.split()[1] != "0"]
            job.stdin.write("x")
            job.stdin.close()
            rest = job.stdout.read()
            code = job.wait(timeout=30)
        finally:
            job.kill()
    out = run.stdout + run.stderr
    if run.returncode != 0:
        return print(f"ptrc --dump exited {run.returncode}:\n{out}") or 1
    if tracers:
        return print(f"still traced after the dump: {tracers}") or 1
    if jrun.returncode != 0 or valid.returncode not in (0, 77):
        return print(f"--dump --json: exit {jrun.returncode}, schema: {valid.stdout}") or 1
    events = {e["tid"]: e for e in map(json.loads, jtext.splitlines()) if e["type"] == "dump"}
    if code != 0 or rest.strip() != "woke x":
        return print(f"the process did not run on: exit {code}, printed {rest!r}") or 1
    version = python_version(python)
    old = version < (3, 7)
    threads = thread_sections(out)
    for marker, tid, *want in records:
        body = threads.get(int(tid))
        if body is None:
            return print(f"{marker}: no section for thread {tid}:\n{out}") or 1
        call = "blocked in read(0, " if marker == "hang-main" else "blocked in futex("
        if call not in body:
            return print(f"{marker}: not '{call}...':\n{body}") or 1
        got = [l[len("   > [py] "):] for l in body.splitlines() if l.startswith("   > [py] ")]
        if old:
            # No _PyRuntime before 3.7: the stack says so in place of Python frames.
            want = []
            if unsupported_note(version) not in body:
                return print(f"{marker}: no line saying why:\n{body}") or 1
        if got != want:
            return print(f"{marker}: Python frames differ\n  want: {want}\n  got:  {got}") or 1
        ev = events.get(int(tid), {})
        jgot = [f"{f['file']}:{f.get('line', '?')} in {f['function']}"
                for f in ev.get("stack", []) if f.get("python")]
        name = (ev.get("syscall") or {}).get("name")
        if jgot != want or name != ("read" if marker == "hang-main" else "futex"):
            return print(f"{marker}: the JSON dump differs: {name}, {jgot}") or 1
    print(f"{python}: 3 threads dumped, the process ran on")
    return 0


def perf_map(ptrc, python, prog):
    """--perf-map: CPython 3.12+ -X perf runs each Python call through a trampoline it names
    in /tmp/perf-PID.map; ptrc names that JIT frame from the map instead of "?()"."""
    version = python_version(python)
    if version < (3, 12):
        print(f"SKIP: {python} has no -X perf (3.12+)")
        return 77
    with tempfile.TemporaryDirectory(prefix="ptrc-perfmap-") as d:
        trace = os.path.join(d, "trace")
        run = subprocess.run([ptrc, "-k", "-e", "trace=stat,newfstatat,statx", "-o", trace,
                              python, "-X", "perf", prog, os.path.join(d, "expect"), "nested"],
                             capture_output=True, text=True, timeout=120)
        text = open(trace).read() if os.path.exists(trace) else ""
    m = re.search(r'"/nonexistent/ptrc-py/nested".*?\n((?: > .*\n)+)', text)
    stack = m.group(1) if m else ""
    want = re.compile(r"^ > /tmp/perf-\d+\.map\(py::probe:\S*tp_pystack\.py\+0x[0-9a-f]+\) ",
                      re.M)
    if run.returncode != 0 or not want.search(stack):
        print(f"exit {run.returncode}; no frame named from the perf map:\n{stack or text[-3000:]}")
        return 1
    print(f"{python}: the trampoline is named from /tmp/perf-PID.map")
    return 0


def check_report(doc, records, root):
    """Each stated call's violation is located at its innermost Python frame's FILE:LINE,
    named relative to root (ptrc's cwd) when beneath it."""
    found = {}
    for v in doc["violations"]:
        m = re.search(r'"(/nonexistent/ptrc-py/[^"]*)"', v["call"])
        if m:
            found.setdefault(m.group(1), v["location"])
    for rec in records:
        marker, want = rec[0], rec[2]
        where, func = want.split(" in ", 1)
        file, line = where.rsplit(":", 1)
        if os.path.isabs(file) and file.startswith(root + os.sep):
            file = os.path.relpath(file, root)
        loc = found.get(marker)
        if loc is None:
            return f"{marker}: no violation in the report"
        if (loc["file"], loc["line"], loc.get("function"), loc["python"]) != \
                (file, int(line), func, True):
            return f"{marker}: the report says {loc}, the program {want}"
    return None


def policy_report(ptrc, python, prog):
    """--policy-report: a violation names the Python line that made the call.  ptrc runs in
    the directory above the program, so the report names the script relative to it, as a
    GitHub annotation wants it."""
    root = os.path.dirname(os.path.dirname(prog))
    rel = os.path.relpath(prog, root)
    if python_version(python) < (3, 7):
        print(f"SKIP: {python} has no Python frames for ptrc")
        return 77
    with tempfile.TemporaryDirectory(prefix="ptrc-pyreport-") as d:
        pfile, report = os.path.join(d, "stat.policy"), os.path.join(d, "report.json")
        expect = os.path.join(d, "expect")
        with open(pfile, "w") as f:
            f.write("default allow\ndeny stat newfstatat statx path=/nonexistent/**\n")
        cmd = [ptrc, "-f", "--policy", pfile, "--policy-report", report, "--policy-format=json",
               "-o", os.devnull, python, rel, expect, "nested", "method", "thread", "fork"]
        run = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=120)
        if run.returncode != 86:
            print(f"{' '.join(cmd)}\nexit {run.returncode}\n{run.stderr}")
            return 1
        with open(expect) as f:
            records = [line.rstrip("\n").split("\t") for line in f if line.strip()]
        with open(report) as f:
            doc = json.load(f)
        valid = subprocess.run([sys.executable, VALIDATE, "--document", REPORT_SCHEMA, report],
                               capture_output=True, text=True)
    if valid.returncode not in (0, 77):
        print(f"the report does not validate: {valid.stderr}")
        return 1
    err = "the program stated no call" if len(records) < 4 else check_report(doc, records, root)
    if err:
        print(err)
        return 1
    print(f"{python}: {len(records)} violations located at their Python lines")
    return 0


def main(argv):
    ptrc, prog = os.path.abspath(argv[1]), os.path.abspath(argv[3])
    python = argv[2]
    rest = argv[4:]
    python_only = "--py-stacks" in rest
    as_json = "--json" in rest
    crash = "--crash" in rest
    policy = "--policy" in rest
    scenarios = [a for a in rest if not a.startswith("--")]
    if not os.access(python, os.X_OK):
        print(f"SKIP: {python} is not on this machine")
        return 77
    if "--strace-offsets" in rest:
        return strace_offsets(ptrc, python)
    if "--dump" in rest:
        return dump(ptrc, python, prog)
    if "--dump-live" in rest:
        return dump_live(ptrc, python, prog)
    if "--perf-map" in rest:
        return perf_map(ptrc, python, prog)
    if "--policy-report" in rest:
        return policy_report(ptrc, python, prog)
    with tempfile.TemporaryDirectory(prefix="ptrc-pystack-") as d:
        trace, expect = os.path.join(d, "trace"), os.path.join(d, "expect")
        opts = ["--py-stacks"] if python_only else ["-k"]
        if as_json:
            opts.append("--json")
        if crash:
            opts, scenarios = ["-e", "trace=none"], ["crash"]
        if policy:
            # Violations (reported, not denied) carry the stack and name the Python line.
            pfile = os.path.join(d, "stat.policy")
            with open(pfile, "w") as f:
                f.write("default allow\ndeny stat newfstatat statx path=/nonexistent/**\n")
            opts = ["--policy", pfile]
        elif not crash:
            opts += ["-e", "trace=stat,newfstatat,statx"]
        cmd = [ptrc, "-f", *opts, "-o", trace, python, prog, expect, *scenarios]
        run = subprocess.run(cmd, cwd=d, capture_output=True, text=True, timeout=120)
        # A killed command: ptrc dies of the same signal (docs/usage.md), -11 to subprocess.
        # A run with violations exits 86 (docs/policy.md).
        if run.returncode != (-11 if crash else 86 if policy else 0):
            print(f"{' '.join(cmd)}\nexit {run.returncode}\n{run.stderr}")
            return 1
        with open(expect) as f:
            records = [line.rstrip("\n").split("\t") for line in f if line.strip()]
        with open(trace) as f:
            text = f.read()
    want = len(scenarios) if scenarios else 0
    if not records or len(records) < want:
        print(f"the program stated {len(records)} calls")
        return 1
    version = python_version(python)
    old = version < (3, 7)
    if crash and old:
        note = " > " + unsupported_note(version)
        err = None if note in text else f"the crash report does not say{note}"
    elif crash:
        err = check_crash(text, records)
    elif as_json:
        err = check_json(text, records)
    elif old:
        # No _PyRuntime before 3.7: each stack must say so, in place of Python frames.
        records = [rec[:2] for rec in records]
        note = " > " + unsupported_note(version)
        err = check(text, records, python_only, note)
    else:
        err = check(text, records, python_only, policy=policy)
    if err:
        print(err)
        return 1
    print(f"{python}: {len(records)} stacks match")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
