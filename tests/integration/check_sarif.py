#!/usr/bin/env python3
"""Checks a --policy-format=sarif report against what SARIF 2.1.0 and GitHub code scanning's
upload require, by hand (the SARIF schema is not available offline).

usage: check_sarif.py FILE [--uri URI --line N] [--results N] [--base-uri URI]

Structure: the log's $schema and version; one run; tool.driver.name, version and an
absolute informationUri; rules with unique ids and shortDescription.text; each result's
ruleId (and ruleIndex) naming a rule, its level, message.text, 1 to 10 locations with
physicalLocation.artifactLocation.uri (relative exactly when it has a uriBaseId, which
run.originalUriBaseIds defines as an absolute URI ending in '/') and region.startLine >= 1,
and partialFingerprints of strings.  With --uri and --line, some result's first location
must be that file and line; --results N: that many results; --base-uri: %SRCROOT%'s URI.
Exit 0 when all holds, 1 with the first thing that does not.
"""
import json
import re
import sys
from urllib.parse import urlsplit

LEVELS = ("none", "note", "warning", "error")
URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")


class Bad(Exception):
    pass


def need(cond, what):
    if not cond:
        raise Bad(what)


def text_of(obj, where):
    need(isinstance(obj, dict) and isinstance(obj.get("text"), str) and obj["text"],
         f"{where}: no text")


def check_uri(uri, where):
    need(isinstance(uri, str) and uri, f"{where}: no uri")
    need(URI_CHARS.match(uri), f"{where}: {uri!r} is not a URI reference (unencoded bytes)")
    for esc in re.findall(r"%(.{0,2})", uri):
        need(re.match(r"^[0-9A-Fa-f]{2}$", esc), f"{where}: bad %-escape in {uri!r}")


def check_driver(run):
    driver = run.get("tool", {}).get("driver")
    need(isinstance(driver, dict), "runs[0].tool.driver is missing")
    need(driver.get("name") == "ptrc", f"tool.driver.name is {driver.get('name')!r}")
    need(isinstance(driver.get("version"), str), "tool.driver.version is missing")
    info = driver.get("informationUri")
    need(isinstance(info, str) and urlsplit(info).scheme, f"informationUri {info!r}")
    rules = driver.get("rules", [])
    need(isinstance(rules, list), "tool.driver.rules is not an array")
    ids = []
    for i, rule in enumerate(rules):
        need(isinstance(rule.get("id"), str) and rule["id"], f"rules[{i}] has no id")
        text_of(rule.get("shortDescription"), f"rules[{i}].shortDescription")
        ids.append(rule["id"])
    need(len(set(ids)) == len(ids), f"rule ids repeat: {ids}")
    return ids


def check_bases(run):
    bases = run.get("originalUriBaseIds", {})
    for name, loc in bases.items():
        uri = loc.get("uri")
        check_uri(uri, f"originalUriBaseIds.{name}")
        need(urlsplit(uri).scheme == "file" and uri.endswith("/"),
             f"originalUriBaseIds.{name}: {uri!r} is not an absolute URI ending in '/'")
    return bases


def check_location(loc, bases, where):
    phys = loc.get("physicalLocation")
    need(isinstance(phys, dict), f"{where}: no physicalLocation")
    art = phys.get("artifactLocation", {})
    uri = art.get("uri")
    check_uri(uri, f"{where}.artifactLocation")
    base = art.get("uriBaseId")
    if base is not None:
        need(base in bases, f"{where}: uriBaseId {base} is not in originalUriBaseIds")
        need(not urlsplit(uri).scheme and not uri.startswith("/"),
             f"{where}: {uri!r} has a uriBaseId but is not relative")
    line = phys.get("region", {}).get("startLine")
    need(isinstance(line, int) and line >= 1, f"{where}: region.startLine {line!r}")
    return uri, line


def check_result(res, ids, bases, i):
    where = f"results[{i}]"
    need(res.get("ruleId") in ids, f"{where}: ruleId {res.get('ruleId')!r} names no rule")
    if "ruleIndex" in res:
        need(ids[res["ruleIndex"]] == res["ruleId"], f"{where}: ruleIndex is another rule")
    need(res.get("level") in LEVELS, f"{where}: level {res.get('level')!r}")
    text_of(res.get("message"), f"{where}.message")
    locs = res.get("locations")
    need(isinstance(locs, list) and 1 <= len(locs) <= 10, f"{where}: 1 to 10 locations")
    first = [check_location(loc, bases, f"{where}.locations[{k}]")
             for k, loc in enumerate(locs)][0]
    prints = res.get("partialFingerprints", {})
    need(isinstance(prints, dict) and all(isinstance(v, str) for v in prints.values()),
         f"{where}: partialFingerprints are not strings")
    return first


def check(log, args):
    need(log.get("$schema") == "https://json.schemastore.org/sarif-2.1.0.json", "$schema")
    need(log.get("version") == "2.1.0", f"version {log.get('version')!r}")
    runs = log.get("runs")
    need(isinstance(runs, list) and len(runs) == 1, "one run")
    run = runs[0]
    ids = check_driver(run)
    bases = check_bases(run)
    if "--base-uri" in args:
        want = args[args.index("--base-uri") + 1]
        need(bases.get("%SRCROOT%", {}).get("uri") == want, f"%SRCROOT% is not {want}")
    results = run.get("results")
    need(isinstance(results, list), "runs[0].results is missing")
    places = [check_result(res, ids, bases, i) for i, res in enumerate(results)]
    if "--results" in args:
        n = int(args[args.index("--results") + 1])
        need(len(results) == n, f"{len(results)} results, not {n}")
    if "--uri" in args:
        want = (args[args.index("--uri") + 1], int(args[args.index("--line") + 1]))
        need(want in places, f"no result at {want}: {sorted(set(places))}")


def main(argv):
    try:
        with open(argv[1], encoding="utf-8") as f:
            log = json.load(f)
        check(log, argv[2:])
    except (Bad, ValueError, KeyError, IndexError, AttributeError, TypeError) as e:
        print(f"{argv[1]}: {e}", file=sys.stderr)
        return 1
    print(f"{argv[1]}: a SARIF 2.1.0 log")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
