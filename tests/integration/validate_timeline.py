#!/usr/bin/env python3
"""Checks a --timeline file against the Trace Event format's documented fields.

    validate_timeline.py FILE [--expect-closed]

The JSON Array Format: a list of event objects (the closing "]" may be missing in a
stream that was cut).  Each event: "name" (string), "ph", "pid" and "tid" (integers);
"ts" in microseconds for every phase but metadata; "X" (complete) events have "dur";
"i" (instant) events have "s" in t, p, g; "M" (metadata) events are process_name or
thread_name with args.name.  ptrc writes no other fields.  Prints a summary, exits 1 on
the first error.
"""
import json
import sys

ALLOWED = {"name", "cat", "ph", "ts", "dur", "s", "pid", "tid", "args"}


def fail(msg):
    print("timeline: " + msg)
    sys.exit(1)


def check(i, e):
    if not isinstance(e, dict):
        fail(f"event {i} is not an object")
    extra = set(e) - ALLOWED
    if extra:
        fail(f"event {i}: unknown fields {sorted(extra)}")
    if not isinstance(e.get("name"), str):
        fail(f"event {i}: no name")
    for k in ("pid", "tid"):
        if not isinstance(e.get(k), int):
            fail(f"event {i}: {k} is not an integer")
    ph = e.get("ph")
    if ph not in ("X", "i", "M"):
        fail(f"event {i}: phase {ph!r}")
    if ph != "M" and not (isinstance(e.get("ts"), (int, float)) and e["ts"] >= 0):
        fail(f"event {i}: ts")
    if ph == "X" and not (isinstance(e.get("dur"), (int, float)) and e["dur"] >= 0):
        fail(f"event {i}: a complete event without dur")
    if ph == "i" and e.get("s") not in ("t", "p", "g"):
        fail(f"event {i}: an instant's scope {e.get('s')!r}")
    if ph == "M":
        if e["name"] not in ("process_name", "thread_name"):
            fail(f"event {i}: metadata {e['name']!r}")
        if not isinstance(e.get("args", {}).get("name"), (str, type(None))):
            fail(f"event {i}: metadata without args.name")
    if "args" in e and not isinstance(e["args"], dict):
        fail(f"event {i}: args is not an object")


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    closed = text.rstrip().endswith("]")
    if "--expect-closed" in sys.argv and not closed:
        fail("the array is not closed")
    events = json.loads(text if closed else text.rstrip().rstrip(",") + "]")
    if not isinstance(events, list):
        fail("not a JSON array")
    for i, e in enumerate(events):
        check(i, e)
    print(f"timeline: {len(events)} events, {len(text)} bytes")


main()
