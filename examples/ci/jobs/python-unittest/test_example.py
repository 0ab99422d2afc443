"""The job of examples/policies/python-unittest.policy: /usr/bin/python3 -m unittest.

A temporary file, a subprocess and a file of the checkout, as a real test suite has.
"""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n**0.5) + 1))


class ExampleTest(unittest.TestCase):
    def test_data_file_of_the_checkout(self):
        with open(os.path.join(HERE, "data", "primes.txt")) as f:
            numbers = [int(w) for w in f.read().split()]
        self.assertEqual(numbers, [n for n in range(30) if is_prime(n)])

    def test_temporary_file(self):
        with tempfile.NamedTemporaryFile("w+", suffix=".txt") as f:
            f.write("scratch\n")
            f.flush()
            f.seek(0)
            self.assertEqual(f.read(), "scratch\n")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "out.txt")
            with open(path, "w") as f:
                f.write("42")
            self.assertEqual(os.listdir(d), ["out.txt"])

    def test_subprocess(self):
        out = subprocess.run(
            [sys.executable, "-c", "import sys; print(sys.argv[1].upper())", "child"],
            check=True, capture_output=True, text=True,
        ).stdout
        self.assertEqual(out, "CHILD\n")


if __name__ == "__main__":
    unittest.main()
