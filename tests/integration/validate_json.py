#!/usr/bin/env python3
"""Validates a JSON Lines trace against docs/json-schema.json, or one JSON document (a
--policy-report) against its schema (docs/policy-report-schema.json).

usage: validate_json.py SCHEMA TRACE
       validate_json.py --document SCHEMA FILE
Exit 0 when every line (the document) parses and validates; otherwise the first bad line and
why.  Exit 77 when the jsonschema module is missing (the caller skips).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit(77)

args = sys.argv[1:]
document = args[:1] == ["--document"]
if document:
    args = args[1:]
schema = json.load(open(args[0]))
validator = jsonschema.Draft202012Validator(schema)
if document:
    try:
        with open(args[1], encoding="utf-8") as f:
            validator.validate(json.load(f))
    except Exception as e:  # noqa: BLE001 - any failure is a bad document
        print(f"{args[1]}: {e}", file=sys.stderr)
        sys.exit(1)
    print("document")
    sys.exit(0)
types = set()
with open(args[1], encoding="utf-8") as trace:
    for number, line in enumerate(trace, 1):
        try:
            obj = json.loads(line)
            validator.validate(obj)
        except Exception as e:  # noqa: BLE001 - any failure is a bad line
            print(f"line {number}: {e}\n{line}", file=sys.stderr)
            sys.exit(1)
        types.add(obj["type"])
print(" ".join(sorted(types)))
