#!/usr/bin/env python3
"""Validates a JSON Lines trace against docs/json-schema.json.

usage: validate_json.py SCHEMA TRACE
Exit 0 when every line parses and validates; otherwise the first bad line and why.
Exit 77 when the jsonschema module is missing (the caller skips).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit(77)

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema)
types = set()
with open(sys.argv[2], encoding="utf-8") as trace:
    for number, line in enumerate(trace, 1):
        try:
            obj = json.loads(line)
            validator.validate(obj)
        except Exception as e:  # noqa: BLE001 - any failure is a bad line
            print(f"line {number}: {e}\n{line}", file=sys.stderr)
            sys.exit(1)
        types.add(obj["type"])
print(" ".join(sorted(types)))
