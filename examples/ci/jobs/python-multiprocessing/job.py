"""The job of examples/policies/python-multiprocessing.policy.

A pool of 3 workers started with fork, then with spawn; a Manager (a server process,
reached through a unix socket in ${TMPDIR}/pymp-*) collects which worker did what;
the results go to results.txt in the checkout: one line per start method, the
squares of 0..9 and their sum.
"""
import multiprocessing as mp
import os


def square(args):
    n, seen = args
    seen.append(os.getpid())
    return n * n


def run(method):
    ctx = mp.get_context(method)
    with ctx.Manager() as manager:
        seen = manager.list()
        pool = ctx.Pool(processes=3)
        squares = pool.map(square, [(n, seen) for n in range(10)])
        pool.close()  # the workers end on their own (the with statement would kill them)
        pool.join()
        assert len(seen) == 10 and os.getpid() not in seen, list(seen)
    return squares


def main():
    lines = []
    for method in ("fork", "spawn"):
        squares = run(method)
        lines.append("%s: %s sum=%d" % (method, " ".join(map(str, squares)), sum(squares)))
    with open("results.txt", "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote results.txt")


if __name__ == "__main__":
    main()
