#!/usr/bin/env python3
"""Python stacks: each scenario makes one stat(2) of a marker path and states, from Python's
own view of its frames (sys._getframe), the Python frames ptrc must print for that call.

    python3 tp_pystack.py EXPECT_FILE [SCENARIO...]

Each record in EXPECT_FILE is one line: MARKER<TAB>TID<TAB>FRAME<TAB>FRAME..., innermost
first, each FRAME as ptrc prints it after "[py] ": "FILE:LINE in FUNCTION".  Standard
library only; runs on CPython 3.7 and later.
"""

import ctypes
import multiprocessing
import os
import sys
import threading

MARK = "/nonexistent/ptrc-py/"
EXPECT = None


def describe(frame):
    """A frame as ptrc names it: co_qualname where CPython has one (3.11+), else co_name."""
    out = []
    while frame is not None:
        code = frame.f_code
        name = getattr(code, "co_qualname", code.co_name)
        out.append(f"{code.co_filename}:{frame.f_lineno} in {name}")
        frame = frame.f_back
    return out


def native_id():
    """The kernel's id of this thread (threading.get_native_id() is 3.8+)."""
    return int(os.readlink("/proc/thread-self").split("/")[-1])


def record(marker, frames):
    line = "\t".join([marker, str(native_id())] + frames) + "\n"
    fd = os.open(EXPECT, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)


def probe(name):
    """stat(MARK + name): the frame is taken on the line of the call, so its line is the call's."""
    path = MARK + name
    try:
        here = describe(sys._getframe()); os.stat(path)  # noqa: E702 (one line on purpose)
    except FileNotFoundError:
        pass
    record(path, here)


def nested_inner(name):
    probe(name)


def nested_outer(name="nested"):
    nested_inner(name)


class Model:
    def step(self):
        probe("method")

    @classmethod
    def build(cls):
        probe("classmethod")


def batches():
    for i in range(2):
        if i == 1:
            probe("generator")
        yield i


def run_generator():
    for _ in batches():
        pass


def run_lambda():
    (lambda: probe("lambda"))()


def run_exception():
    try:
        raise ValueError("handled")
    except ValueError:
        probe("exception")


def closure():
    def deeper(n):
        if n == 0:
            probe("recursion")
        else:
            deeper(n - 1)

    deeper(3)


def run_thread():
    t = threading.Thread(target=nested_outer, args=("thread",), name="worker-thread")
    t.start()
    t.join()


def worker(name):
    probe(name)


def run_process(method):
    ctx = multiprocessing.get_context(method)
    p = ctx.Process(target=worker, args=("mp-" + method,))
    p.start()
    p.join()
    if p.exitcode != 0:
        sys.exit(f"worker ({method}) failed: {p.exitcode}")


def run_fork_no_exec():
    pid = os.fork()
    if pid == 0:
        probe("fork")
        os._exit(0)
    os.waitpid(pid, 0)


def crash_in_ctypes():
    """A C function called from Python faults: the crash report shows the frames that led in."""
    here = describe(sys._getframe()); record("crash", here); ctypes.string_at(0)  # noqa: E702


def deadlock(first, second, ready, name):
    """Takes first, waits until the other thread holds second, then blocks on second."""
    with first:
        ready.wait()
        here = describe(sys._getframe()); record(name, here); second.acquire()  # noqa: E702


def hang():
    """For ptrc --dump: two threads in a deadlock, the main thread blocked reading stdin.
    Prints "ready" when all three are blocked (near enough), and "woke" once stdin gave a
    byte: the dump must leave every call to go on as if nothing happened."""
    a, b = threading.Lock(), threading.Lock()
    ready = threading.Barrier(2)
    for first, second, name in ((a, b, "hang-one"), (b, a, "hang-two")):
        threading.Thread(target=deadlock, args=(first, second, ready, name), daemon=True).start()
    here = describe(sys._getframe()); record("hang-main", here); print("ready", flush=True); data = os.read(0, 1)  # noqa: E702,E501
    print("woke", data.decode(), flush=True)


SCENARIOS = {
    "nested": nested_outer,
    "method": lambda: Model().step(),
    "classmethod": Model.build,
    "generator": run_generator,
    "lambda": run_lambda,
    "exception": run_exception,
    "recursion": closure,
    "thread": run_thread,
    "fork": run_fork_no_exec,
    "mp-fork": lambda: run_process("fork"),
    "mp-spawn": lambda: run_process("spawn"),
    "mp-forkserver": lambda: run_process("forkserver"),
}


def main(argv):
    global EXPECT
    EXPECT = argv[1]
    os.environ["PTRC_PYSTACK_EXPECT"] = EXPECT  # for spawned workers
    names = argv[2:] or [n for n in SCENARIOS]
    for name in names:
        if name == "crash":
            crash_in_ctypes()
        elif name == "hang":
            hang()
        else:
            SCENARIOS[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
elif os.environ.get("PTRC_PYSTACK_EXPECT"):
    # A spawned or forkserver worker imports this file as __mp_main__.
    EXPECT = os.environ["PTRC_PYSTACK_EXPECT"]
