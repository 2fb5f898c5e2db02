#!/usr/bin/env python3
"""Prints each failed journey's title and the first lines of its error, from Playwright's JSON
report, so the end of a CI log says what failed and why (the list reporter prints the errors
first and then pages of attachments)."""

import json
import re
import sys

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LINES = 25


def tests(suite, titles=()):
    here = titles + ((suite.get("title"),) if suite.get("title") else ())
    for spec in suite.get("specs", []):
        for test in spec.get("tests", []):
            yield here + (spec["title"],), test
    for child in suite.get("suites", []):
        yield from tests(child, here)


def main(path):
    try:
        with open(path, encoding="utf-8") as file:
            report = json.load(file)
    except (OSError, ValueError) as error:
        print(f"no journey report at {path}: {error}")
        return
    for suite in report.get("suites", []):
        for titles, test in tests(suite):
            failed = [r for r in test.get("results", []) if r.get("status") not in ("passed", "skipped")]
            if not failed or test.get("status") == "expected":
                continue
            print(f"\n### [{test.get('projectName')}] {' › '.join(titles)}")
            for result in failed:
                for error in result.get("errors", []) or [result.get("error", {})]:
                    text = ANSI.sub("", error.get("message") or error.get("stack") or "")
                    print("\n".join(text.splitlines()[:LINES]))
                    location = error.get("location")
                    if location:
                        print(f"  at {location.get('file')}:{location.get('line')}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "end2end/test-results/report.json")
