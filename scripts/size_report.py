"""Size report: what a browser downloads on first load, brotli-compressed, against the budgets.

    python3 scripts/size_report.py dist

Reads the built index.html to find exactly the files it loads (stylesheet, JS module, WASM), so
the figure is the real first load; then, for every address of the app's route table, what a
browser downloads when that address is opened from a link with a cold cache: the first load, the
route's pack (all the code its pages need, which index.html starts fetching) and the sections'
stylesheet; the same for the NPS survey's frame (embed/frame/index.html), and the embed loader a
company's page includes (embed/nps.js). Exits non-zero when a budget is exceeded or one of them
was not built (`--routes-report-only`: the routes' totals are shown against their budget but do
not fail the run).
"""
import json
import pathlib
import re
import sys

import brotli

KB = 1000
# Budgets (also in DEVELOPERS.md): whole app first load (JS + WASM + CSS), any address opened
# cold (the first load and everything its page needs), the NPS survey in its frame (JS + WASM +
# CSS) and the loader script on the company's page.
APP_BUDGET = 200 * KB
ROUTE_BUDGET = 200 * KB
FRAME_BUDGET = 60 * KB
LOADER_BUDGET = 2 * KB


STATIC_IMPORT = re.compile(r'(?:^|[;\s])(?:import|export)\s[^;()]*?from\s*["\'](\.{1,2}/[^"\']+\.js)["\']', re.M)


def brotli_size(path: pathlib.Path) -> int:
    return len(brotli.compress(path.read_bytes(), quality=11))


def first_load_files(dist: pathlib.Path, html_name: str) -> list[pathlib.Path] | None:
    """The stylesheets, scripts and WASM a page links, absolute paths from `dist`, others from the
    page's folder. None when the page was not built. What an inline script fetches for the page
    being opened (its pack, the sections' styles) is not the first load: `routes` adds it."""
    page = dist / html_name
    if not page.is_file():
        return None
    markup = re.sub(r"<script>.*?</script>", "", page.read_text(), flags=re.S)
    refs = re.findall(r'(?:href|src)=["\']?(/?[^"\' >]+\.(?:css|js|wasm))', markup)
    files = []
    for ref in dict.fromkeys(refs):
        path = (dist / ref.lstrip("/") if ref.startswith("/") else page.parent / ref).resolve()
        if path.is_file() and path not in files:
            files.append(path)
    # Modules those scripts import statically load with them (the split pages' loader).
    for script in files:
        if script.suffix == ".js":
            for ref in STATIC_IMPORT.findall(script.read_text()):
                path = (script.parent / ref).resolve()
                if path.is_file() and path not in files:
                    files.append(path)
    return files


def report(title: str, files: list[pathlib.Path] | None, budget: int) -> bool:
    print(f"\n{title}")
    if not files:
        print(f"  not built (budget {budget / KB:.0f} KB): FAILED")
        return False
    total = 0
    for path in files:
        size = brotli_size(path)
        total += size
        print(f"  {path.name:<48} {path.stat().st_size / KB:8.1f} KB raw  {size / KB:7.1f} KB brotli")
    ok = total <= budget
    mark = "ok" if ok else "OVER BUDGET"
    print(f"  {'total':<48} {'':>16}  {total / KB:7.1f} KB brotli  (budget {budget / KB:.0f} KB: {mark})")
    return ok


def routes(dist: pathlib.Path, first_load: list[pathlib.Path] | None, enforce: bool) -> bool:
    """Every address of the route table (the build's code map) opened cold: the first load, the
    route's pack and the sections' stylesheet every lazy page waits for."""
    maps = list(dist.glob("codemap-*.json"))
    sheet = dist / "sections.css"
    print(f"\nApp, each address opened from a link with a cold cache (first load + its pack + {sheet.name}):")
    if len(maps) != 1 or not sheet.is_file() or not first_load:
        print("  the code map, sections.css or the first load is missing: FAILED")
        return False
    base = sum(brotli_size(path) for path in first_load) + brotli_size(sheet)
    cold = json.loads(maps[0].read_text())["cold"]
    ok = True
    print(f"  {'address':<32} {'its pack':>12} {'total':>14}")
    for address, pack in cold.items():
        total = base + brotli_size(dist / pack)
        over = total > ROUTE_BUDGET
        ok &= not over
        mark = "  OVER BUDGET" if over else ""
        print(f"  {address:<32} {brotli_size(dist / pack) / KB:9.1f} KB {total / KB:9.1f} KB{mark}")
    print(f"  (budget {ROUTE_BUDGET / KB:.0f} KB each: {'ok' if ok else 'some over'}{'' if enforce else ', not enforced'})")
    return ok or not enforce


def main(dist_dir: str, enforce_routes: bool) -> int:
    dist = pathlib.Path(dist_dir)
    loader = dist / "embed" / "nps.js"
    first_load = first_load_files(dist, "index.html")
    results = [
        report("App, first load (index.html):", first_load, APP_BUDGET),
        routes(dist, first_load, enforce_routes),
        report("NPS embed loader (embed/nps.js):", [loader] if loader.is_file() else None, LOADER_BUDGET),
        report("NPS survey frame (embed/frame/index.html):", first_load_files(dist, "embed/frame/index.html"), FRAME_BUDGET),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(arguments[0] if arguments else "dist", "--routes-report-only" not in sys.argv))
