"""Size report: what a browser downloads on first load, brotli-compressed, against the budgets.

    python3 scripts/size_report.py dist

Reads the built index.html to find exactly the files it loads (stylesheet, JS module, WASM), so
the figure is the real first load. Exits non-zero when a budget is exceeded.
"""
import pathlib
import re
import sys

import brotli

KB = 1000
# Budgets (also in DEVELOPERS.md): whole app first load (JS + WASM + CSS).
APP_BUDGET = 200 * KB


def brotli_size(path: pathlib.Path) -> int:
    return len(brotli.compress(path.read_bytes(), quality=11))


def first_load_files(dist: pathlib.Path, html_name: str) -> list[pathlib.Path]:
    html = (dist / html_name).read_text()
    refs = re.findall(r'(?:href|src)=["\']?(/?[^"\' >]+\.(?:css|js|wasm))', html)
    files = []
    for ref in dict.fromkeys(refs):
        path = dist / ref.lstrip("/")
        if path.is_file():
            files.append(path)
    return files


def report(title: str, files: list[pathlib.Path], budget: int) -> bool:
    print(f"\n{title}")
    total = 0
    for path in files:
        size = brotli_size(path)
        total += size
        print(f"  {path.name:<48} {path.stat().st_size / KB:8.1f} KB raw  {size / KB:7.1f} KB brotli")
    ok = total <= budget
    mark = "ok" if ok else "OVER BUDGET"
    print(f"  {'total':<48} {'':>16}  {total / KB:7.1f} KB brotli  (budget {budget / KB:.0f} KB: {mark})")
    return ok


def main(dist_dir: str) -> int:
    dist = pathlib.Path(dist_dir)
    ok = report("App, first load (index.html):", first_load_files(dist, "index.html"), APP_BUDGET)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist"))
