"""Size report: what a browser downloads on first load, brotli-compressed, against the budgets.

    python3 scripts/size_report.py dist

Reads the built index.html to find exactly the files it loads (stylesheet, JS module, WASM), so
the figure is the real first load; the same for the NPS survey's frame (embed/frame/index.html),
and the embed loader a company's page includes (embed/nps.js). Exits non-zero when a budget is
exceeded or one of them was not built.
"""
import pathlib
import re
import sys

import brotli

KB = 1000
# Budgets (also in DEVELOPERS.md): whole app first load (JS + WASM + CSS), the NPS survey in its
# frame (JS + WASM + CSS) and the loader script on the company's page.
APP_BUDGET = 200 * KB
FRAME_BUDGET = 60 * KB
LOADER_BUDGET = 2 * KB


STATIC_IMPORT = re.compile(r'(?:^|[;\s])(?:import|export)\s[^;()]*?from\s*["\'](\.{1,2}/[^"\']+\.js)["\']', re.M)


def brotli_size(path: pathlib.Path) -> int:
    return len(brotli.compress(path.read_bytes(), quality=11))


def first_load_files(dist: pathlib.Path, html_name: str) -> list[pathlib.Path] | None:
    """The stylesheets, scripts and WASM a page links, absolute paths from `dist`, others from the
    page's folder. None when the page was not built. What an inline script fetches for the page
    being opened (its pack, the sections' styles) is not the first load: `lazy_parts` shows it."""
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


def lazy_parts(dist: pathlib.Path) -> bool:
    """What a page adds after the first load (not budgeted, shown so it stays in view): the
    sections' stylesheet, which every lazy page and home block waits for, and the page packs."""
    sheet = dist / "sections.css"
    packs = sorted(dist.glob("pack_*.bin"), key=brotli_size)
    print("\nApp, after the first load (with the page opened):")
    if not sheet.is_file() or not packs:
        print("  sections.css or the page packs are missing: FAILED")
        return False
    print(f"  {sheet.name:<48} {sheet.stat().st_size / KB:8.1f} KB raw  {brotli_size(sheet) / KB:7.1f} KB brotli")
    for pack in (packs[0], packs[-1]):
        size = brotli_size(pack)
        print(f"  {pack.name:<48} {pack.stat().st_size / KB:8.1f} KB raw  {size / KB:7.1f} KB brotli")
    print(f"  ({len(packs)} page packs; the smallest and the largest are shown)")
    return True


def main(dist_dir: str) -> int:
    dist = pathlib.Path(dist_dir)
    loader = dist / "embed" / "nps.js"
    results = [
        report("App, first load (index.html):", first_load_files(dist, "index.html"), APP_BUDGET),
        lazy_parts(dist),
        report("NPS embed loader (embed/nps.js):", [loader] if loader.is_file() else None, LOADER_BUDGET),
        report("NPS survey frame (embed/frame/index.html):", first_load_files(dist, "embed/frame/index.html"), FRAME_BUDGET),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist"))
