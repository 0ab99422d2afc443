#!/usr/bin/env python3
"""A pretend training job, the demo for `ptrc -f python3 testprogs/train_model.py`.

It starts two worker processes and a data-loading thread, "trains" for a few steps with
short sleeps, writes a log file under /tmp and exits 0.  Standard library only, no network.

When $PTRC_EXPECT names a file (the integration tests set it), the script also states the
trace lines a tracer must print for the calls it makes directly (see testprogs/expect.h).
"""

import math
import multiprocessing
import os
import random
import sys
import tempfile
import threading
import time

EXPECT = os.environ.get("PTRC_EXPECT")


def expect(tid, kind, text):
    """Append one expectation record: TID, KIND (~ syscall line, = exact line), TEXT."""
    if not EXPECT:
        return
    fd = os.open(EXPECT, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        os.write(fd, f"{tid}\t{kind}\t{text}\n".encode())
    finally:
        os.close(fd)


def say(fd, text):
    """One write(2) whose trace line is known: short text, no escapes but \\n."""
    data = text.encode()
    n = os.write(fd, data)
    shown = text.replace("\n", "\\n")
    expect(threading.get_native_id(), "~", f'write({fd}, "{shown}", {len(data)}) = {n}')


def worker(rank, queue):
    rng = random.Random(rank)
    weights = [rng.uniform(-1, 1) for _ in range(64)]
    loss = 0.0
    for step in range(3):
        grad = [math.tanh(w) * 0.1 for w in weights]
        weights = [w - g for w, g in zip(weights, grad)]
        loss = sum(w * w for w in weights) / len(weights)
        time.sleep(0.05)
    say(1, f"worker {rank} done\n")
    queue.put((rank, os.getpid(), loss))
    expect(os.getpid(), "=", "+++ exited with 0 +++")


def loader(batches):
    for i in range(4):
        batches.append([random.random() for _ in range(256)])
        time.sleep(0.02)
    say(1, "loader: 4 batches\n")
    # The thread's end; its exit(0) comes from the C library, so only the +++ line.
    expect(threading.get_native_id(), "=", "+++ exited with 0 +++")


def main():
    batches = []
    thread = threading.Thread(target=loader, args=(batches,), name="loader")
    thread.start()

    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    workers = [ctx.Process(target=worker, args=(rank, queue)) for rank in (1, 2)]
    for w in workers:
        w.start()
    results = sorted(queue.get(timeout=60) for _ in workers)
    for w in workers:
        w.join(timeout=60)
        if w.exitcode != 0:
            print(f"worker {w.pid} failed with {w.exitcode}", file=sys.stderr)
            return 1
    thread.join()

    fd, path = tempfile.mkstemp(prefix="ptrc-train-", suffix=".log", dir="/tmp")
    with os.fdopen(fd, "w") as log:
        for rank, pid, loss in results:
            log.write(f"worker {rank} pid {pid} loss {loss:.6f}\n")
        log.write(f"batches {len(batches)}\n")
    print(f"training done, log in {path}")
    say(1, "main: done\n")
    expect(os.getpid(), "=", "+++ exited with 0 +++")
    return 0


if __name__ == "__main__":
    sys.exit(main())
