#!/usr/bin/env python3
"""The conformance kit's report of a schemathesis run (scripts/conformance.sh): each operation
that failed, with the kinds of failure schemathesis found in it, one line each, instead of pages
of reproduction commands. Falls back to the end of the log when it cannot read the run.

    python3 scripts/conformance_report.py schemathesis <schemathesis output>
"""

import re
import sys

ANSI = re.compile(r"\x1b\[[0-9;]*m")
OPERATION = re.compile(r"^_+ ((?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+) _+$")
FAILURE = re.compile(r"^- (.+?)\s*$")
INDENT = "        "


def failures(lines):
    """{operation: [kinds of failure]}, in the order schemathesis lists them."""
    found = {}
    operation = None
    for line in lines:
        heading = OPERATION.match(line)
        if heading:
            operation = heading.group(1)
            found.setdefault(operation, [])
            continue
        if line.startswith("=") and "SUMMARY" in line:
            operation = None
        kind = FAILURE.match(line)
        if operation and kind and kind.group(1) not in found[operation]:
            found[operation].append(kind.group(1))
    return found


def main(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            lines = [ANSI.sub("", line.rstrip("\n")) for line in file]
    except OSError as error:
        print(f"{INDENT}no schemathesis output at {path}: {error}")
        return
    found = failures(lines)
    if not found:
        print(f"{INDENT}(the failures could not be read from the run; its last lines:)")
        for line in lines[-30:]:
            print(f"{INDENT}{line}")
        return
    for operation, kinds in found.items():
        print(f"{INDENT}{operation}: {'; '.join(kinds) or 'see the log above'}")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "schemathesis":
        sys.exit(__doc__)
    main(sys.argv[2])
