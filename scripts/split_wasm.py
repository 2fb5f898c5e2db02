"""Trunk post-build hook: splits the app's WebAssembly at its lazy pages.

Trunk builds one module. Pages marked as split points (see `src/pages/lazy.rs`) must live in
chunks the browser fetches on first visit, so the first load carries only the shell and the
home page. This hook redoes Trunk's last steps with a split in the middle:

    cargo's veche.wasm --wasm-split-cli--> main + chunks + __wasm_split.js
                       --wasm-bindgen-->  veche-<hash>.js + veche-<hash>_bg.wasm
                       --wasm-opt -Oz-->  (release only; scripts/wasm_opt_batch.mjs)
                       --packed_loader-->  one file per page: its module and its shared chunks

and writes the results into Trunk's staging directory under content-hashed names, fixing the
`integrity` attributes Trunk put in index.html.
"""
import base64
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

# The module-level helpers of the survey frame's build serve the app's too.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "widget"))
from post_build import imported_names, is_stream_export, leb128, sections, smaller_js, without_exports  # noqa: E402

# Leptos links `wasm-streams` for server functions, which the app does not use: its exports go
# before optimising, and its code, still reachable from the function table, becomes a trap (by
# name, so wasm-bindgen keeps the names until Binaryen drops them).
STREAMS = ["--unreachable", r"wasm_streams(\[[0-9a-f]+\])?::"]

# Tool output nobody needs to read: hundreds of lines about the label-name tables, and
# wasm-split passing over the route table (read here, not by it).
QUIET = re.compile(r"^warning: unknown name subsection|Ignoring custom section veche_routes")


def run(*args: str) -> None:
    """Runs a tool; its output shows, but for the lines QUIET matches."""
    done = subprocess.run(args, capture_output=True, text=True)
    for stream, text in ((sys.stdout, done.stdout), (sys.stderr, done.stderr)):
        stream.write("".join(line for line in text.splitlines(keepends=True) if not QUIET.search(line)))
    if done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, args)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def cargo_target_dir() -> pathlib.Path:
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"], check=True, capture_output=True, text=True
    )
    return pathlib.Path(json.loads(meta.stdout)["target_directory"])


SHARED_CHUNK = re.compile(
    r'const __chunk_(\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./(chunk_\d+\.wasm)"'
)
PAGE = re.compile(
    r'export const (__wasm_split_load_(\w+)) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*'
    r'const src = fetch\(new URL\("\./(split_\w+\.wasm)".*?\n, \[([^\]]*)\]\)\);',
    re.S,
)
# A page's own module gets an id above every chunk's.
OWN_ID_BASE = 1 << 20
# At most this many files for a page's code on an in-app navigation (its own module included,
# the home page's file not counted). More files waste fewer bytes on modules a page does not
# need, at the price of requests (measured with `make walk`: 8 → 1.21, 12 → 1.19, 24 → 1.21
# times the distinct code on the walk; compressing each file apart costs too).
FILES_PER_PAGE = 12

# The loader: how a page's code arrives. A page opened from a link gets all of it in one file
# (its route's "cold pack", which index.html started fetching); on in-app navigation, only the
# modules not already there, from the few "navigation files" that hold them (the code map says
# which), so no module is fetched twice in a tab. Every module is instantiated once; a failed
# load can be tried again. `prefetch` fetches without instantiating (a link hovered, focused or touched).
RUNTIME = """const arrived = new Map();   // module id -> bytes, not yet instantiated
const instances = new Map(); // module id -> instantiation
const files = new Map();     // file -> its fetch, answering the ids of the modules it holds
function file(name) {
    let got = files.get(name);
    if (!got) {
        got = fetch(new URL(name, import.meta.url)).then(async (response) => {
            if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
            const bytes = new Uint8Array(await response.arrayBuffer());
            const view = new DataView(bytes.buffer);
            let at = 0;
            const number = () => view.getUint32((at += 4) - 4, true);
            const ids = [];
            for (let count = number(); count > 0; count--) {
                const id = number(), length = number();
                if (!instances.has(id)) arrived.set(id, bytes.subarray(at, at + length));
                ids.push(id);
                at += length;
            }
            return ids;
        });
        got.catch(() => files.delete(name));
        files.set(name, got);
    }
    return got;
}
function instance(id) {
    let got = instances.get(id);
    if (!got) {
        const bytes = arrived.get(id);
        if (!bytes) return Promise.reject(new Error(`module ${id} missing`));
        arrived.delete(id);
        got = WebAssembly.instantiate(bytes, getSharedImports());
        got.catch(() => { instances.delete(id); arrived.set(id, bytes); });
        instances.set(id, got);
    }
    return got;
}
let map;
const codeMap = () => map ??= fetch(new URL(CODE_MAP, import.meta.url))
    .then((response) => { if (!response.ok) throw new Error(`${CODE_MAP}: HTTP ${response.status}`); return response.json(); })
    .catch((error) => { map = undefined; throw error; });
// Fetches what `page` needs and is not here yet; answers the ids of its modules.
async function fetchFor(page) {
    const cold = self.__vecheCold;
    if (cold) {
        // The pack of the page opened from a link (started by index.html) holds all its code.
        const ids = await file(cold.file).catch(() => (self.__vecheCold = undefined));
        if (ids && cold.pages.includes(page)) return ids;
    }
    const { needs, files: where } = await codeMap();
    const missing = needs[page].filter((id) => !instances.has(id) && !arrived.has(id));
    await Promise.all([...new Set(missing.map((id) => where[id]))].map(file));
    return needs[page];
}
function load(page) {
    let loading;
    return () => loading ??= fetchFor(page).then((ids) => Promise.all(ids.map(instance))).catch((error) => {
        loading = undefined;
        throw error;
    });
}
// The code of the page a link leads to, fetched ahead and not instantiated: a click then finds
// it here. Matches as the router does (the first route of the table that fits).
export function prefetch(path) {
    const parts = path.split('/').filter(Boolean);
    return codeMap().then(({ routes, needs, files: where }) => {
        const route = routes.find(([segments]) => {
            const rest = segments.length > 0 && segments[segments.length - 1][0] == '*';
            const fixed = rest ? segments.slice(0, -1) : segments;
            return (rest ? parts.length >= fixed.length : parts.length == fixed.length)
                && fixed.every((s, i) => s[0] == ':' || s == parts[i]);
        });
        const wanted = new Set();
        for (const page of route ? route[1] : []) {
            for (const id of needs[page]) if (!instances.has(id) && !arrived.has(id)) wanted.add(where[id]);
        }
        return Promise.all([...wanted].map(file));
    }).catch(() => {});
}
"""

# Runs when the loader does, with the app's start (and never delays it): the code of the page a
# link leads to is fetched when the link is hovered, focused or touched, a few hundred
# milliseconds before the click. (Fetching ahead for every link in view once the page was idle
# cost Lighthouse's total blocking time 0.5-2 s on the home page, measured: not done.)
PREFETCH = """const seen = new Set();
const ahead = (link) => {
    if (!link || link.origin != location.origin || seen.has(link.pathname)) return;
    seen.add(link.pathname);
    prefetch(link.pathname);
};
for (const type of ['pointerover', 'focusin', 'touchstart']) {
    addEventListener(type, (event) => ahead(event.target.closest?.('a[href]')), { passive: true, capture: true });
}
"""


def read_custom_section(module: bytes, wanted: str) -> bytes:
    """The bytes of every custom section named `wanted`, joined."""
    found = b""
    for section_id, body, _, end in sections(module):
        if section_id == 0:
            length, at = leb128(module, body)
            if module[at : at + length].decode("utf-8", "replace") == wanted:
                found += module[at + length : end]
    return found


def without_custom_section(module: bytes, *unwanted: str) -> bytes:
    """The module without its custom sections of the names `unwanted`."""
    kept = bytearray(module[:8])
    for section_id, body, start, end in sections(module):
        if section_id == 0:
            length, at = leb128(module, body)
            if module[at : at + length].decode("utf-8", "replace") in unwanted:
                continue
        kept += module[start:end]
    return bytes(kept)


def route_table(artifact: bytes) -> list[tuple[list[str], list[str]]]:
    """The app's route table as `lazy_routes!`/`route_code!` wrote it into the module's
    `veche_routes` section: per address (in the router's order), the pages whose code it needs."""
    rows = []
    for line in read_custom_section(artifact, "veche_routes").decode().splitlines():
        path, *pages = line.split()
        rows.append(([part for part in path.split("/") if part], pages))
    if len(rows) < 5:
        raise SystemExit("split_wasm: the module's route table (veche_routes section) is missing or almost empty")
    return rows


def pack(modules: list[tuple[int, bytes]]) -> bytes:
    """A file of modules: their number, then each one's id, length and bytes (little-endian u32s)."""
    out = [len(modules).to_bytes(4, "little")]
    for module_id, data in modules:
        out += [module_id.to_bytes(4, "little"), len(data).to_bytes(4, "little"), data]
    return b"".join(out)


def navigation_groups(needs: dict[str, list[int]], sizes: dict[int, int]) -> list[list[int]]:
    """Groups the modules into files so that each page's code is in at most FILES_PER_PAGE files,
    merging, for the page that needs the most files, the two of its groups whose merge wastes
    the fewest bytes (bytes a page fetches that it does not need, summed over the pages)."""
    pages = sorted(needs)
    users: dict[int, int] = {}
    for bit, page in enumerate(pages):
        for module_id in needs[page]:
            users[module_id] = users.get(module_id, 0) | 1 << bit
    groups = {module_id: [sizes[module_id], users[module_id], [module_id]] for module_id in users}
    while True:
        counts = [(sum(1 for g in groups.values() if g[1] >> bit & 1), bit) for bit in range(len(pages))]
        most, bit = max(counts)
        if most <= FILES_PER_PAGE:
            return sorted(sorted(g[2]) for g in groups.values())
        mine = [key for key, g in groups.items() if g[1] >> bit & 1]
        best = None
        for i, a in enumerate(mine):
            size_a, users_a, _ = groups[a]
            for b in mine[i + 1 :]:
                size_b, users_b, _ = groups[b]
                waste = size_a * (users_b & ~users_a).bit_count() + size_b * (users_a & ~users_b).bit_count()
                if best is None or waste < best[0]:
                    best = (waste, a, b)
        _, a, b = best
        merged = groups.pop(b)
        groups[a][0] += merged[0]
        groups[a][1] |= merged[1]
        groups[a][2] += merged[2]


def packed_code(loader: str, modules: dict[str, bytes], routes) -> tuple[str, dict[str, bytes], dict, list]:
    """Rewrites wasm-split's loader to fetch pages' code in files of several modules (see
    RUNTIME), and makes those files: a cold pack per address (everything its pages need), and
    the navigation groups. Returns the loader, the files by content-hashed name, the code map
    (for the loader and the size report) and the route table for index.html's start script."""
    chunk_files = {int(number): name for number, name in SHARED_CHUNK.findall(loader)}
    pages = PAGE.findall(loader)
    if not pages or len(chunk_files) != loader.count("const __chunk_"):
        raise SystemExit("split_wasm: the wasm-split loader changed shape; update packed_code")
    # Which tools made a module and the features it uses (Binaryen keeps both) are of no use to
    # the browser: a few hundred bytes per module.
    modules = {name: without_custom_section(data, "producers", "target_features") for name, data in modules.items()}
    by_id = {number: modules[name] for number, name in chunk_files.items()}
    needs: dict[str, list[int]] = {}
    exports = {}
    for index, (export, page, own, deps) in enumerate(sorted(pages)):
        by_id[OWN_ID_BASE + index] = modules[own]
        needs[page] = [OWN_ID_BASE + index] + [int(d.strip().removeprefix("__chunk_")) for d in deps.split(",") if d.strip()]
        exports[page] = export
    out_files: dict[str, bytes] = {}

    def named(stem: str, data: bytes) -> str:
        name = f"{stem}-{content_hash(data)}.bin"
        out_files[name] = data
        return name

    for segments, route_pages in routes:
        missing = [page for page in route_pages if page not in needs]
        if missing:
            raise SystemExit(f"split_wasm: no split point for {missing} (route '/{'/'.join(segments)}')")
    # The home page's blocks are the most shared code and where most visits start: their modules
    # are one navigation file of their own, which is also the home page's pack, so nothing the
    # home page brought is fetched again by the next page.
    home = sorted({i for segments, route_pages in routes if not segments for page in route_pages for i in needs[page]})
    others = {page: [i for i in ids if i not in set(home)] for page, ids in needs.items()}
    groups = [home] + navigation_groups({p: ids for p, ids in others.items() if ids}, {i: len(b) for i, b in by_id.items()})
    where = {}
    file_of_set = {}
    for number, group in enumerate(groups):
        name = named(f"code_{number}", pack([(i, by_id[i]) for i in group]))
        where.update({i: name for i in group})
        file_of_set[tuple(group)] = name
    cold = []
    for segments, route_pages in routes:
        ids = sorted({i for page in route_pages for i in needs[page]})
        name = file_of_set.get(tuple(ids)) or named("pack_" + "+".join(route_pages), pack([(i, by_id[i]) for i in ids]))
        cold.append((segments, route_pages, name))
    code_map = {
        "routes": [[segments, route_pages] for segments, route_pages, _ in cold],
        "needs": needs,
        "files": where,
        "cold": {"/" + "/".join(segments): name for segments, _, name in cold},
    }
    map_text = json.dumps(code_map, separators=(",", ":"))
    map_name = f"codemap-{content_hash(map_text.encode())}.json"
    out_files[map_name] = map_text.encode()

    start, end = loader.index("let sharedImports"), loader.index("function makeLoad")
    text = [loader[: loader.index("\n") + 1], loader[start:end], f"const CODE_MAP = './{map_name}';\n", RUNTIME, PREFETCH]
    text += [f"export const {exports[page]} = wrapAsyncCb(load({json.dumps(page)}));\n" for page in sorted(needs)]
    return "".join(text), out_files, code_map, cold


def route_preloads(cold) -> str:
    """An inline script for index.html that starts fetching the code of the page being opened
    (its route's cold pack, and the sections' stylesheet it waits for) while the main module is
    still downloading, instead of after it has started; it tells the loader which pack that is.
    Matches as the router does: the first route of the table that fits wins, a last `*rest`
    matches what is left."""
    table = [[segments, pages, name] for segments, pages, name in cold]
    return (
        "<script>(function(){var r=" + json.dumps(table, separators=(",", ":")) + ",p=location.pathname"
        ".split('/').filter(Boolean),b;r.some(function(e){var s=e[0],w=s.length&&s[s.length-1][0]=='*';"
        "if(w)s=s.slice(0,-1);if((w?p.length>=s.length:s.length==p.length)&&"
        "s.every(function(x,i){return x[0]==':'||x==p[i]})){b=e;return true}});"
        "if(!b)return;self.__vecheCold={pages:b[1],file:b[2]};"
        "var l=document.createElement('link');l.rel='preload';l.as='fetch';"
        "l.crossOrigin='anonymous';l.href='/'+b[2];document.head.appendChild(l);"
        # A lazy page (or a home block) waits for the sections' styles too: fetch them alongside.
        "var c=document.createElement('link');c.rel='preload';c.as='style';c.href='/sections.css';"
        "document.head.appendChild(c)})()</script>"
    )


def main() -> int:
    staging = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
    profile = os.environ.get("TRUNK_PROFILE", "debug")
    release = profile == "release"
    staged_wasm = sorted(staging.glob("veche-*_bg.wasm"))
    if len(staged_wasm) != 1:
        print(f"split_wasm: expected one staged module, found {staged_wasm}", file=sys.stderr)
        return 1
    stem = staged_wasm[0].name[: -len("_bg.wasm")]
    artifact = cargo_target_dir() / "wasm32-unknown-unknown" / profile / "veche.wasm"
    routes = route_table(artifact.read_bytes())

    with tempfile.TemporaryDirectory() as work:
        split_dir = pathlib.Path(work, "split")
        bound_dir = pathlib.Path(work, "bound")
        split_dir.mkdir()
        run("wasm-split-cli", str(artifact), str(split_dir), "--out-name", stem)
        run(
            # The chunks import the function table LLD exports: keep it.
            "wasm-bindgen", "--target", "web", "--no-typescript", "--keep-lld-exports", *(["--keep-debug"] if release else []),
            "--out-dir", str(bound_dir), "--out-name", stem, str(split_dir / f"{stem}.wasm"),
        )
        bound_main = bound_dir / f"{stem}_bg.wasm"
        # The route table is for this step only.
        bound_main.write_bytes(without_custom_section(bound_main.read_bytes(), "veche_routes"))
        if release:
            bound_main.write_bytes(without_exports(bound_main.read_bytes(), is_stream_export))

        # The main module, then pages (`split_*.wasm`) and the code several pages share
        # (`chunk_*.wasm`): optimised in one batch (release), or copied as they are.
        chunks = sorted(c for c in split_dir.glob("*.wasm") if c.name != f"{stem}.wasm")
        jobs = [(bound_main, staging / f"{stem}_bg.wasm")]
        jobs += [(chunk, pathlib.Path(work, chunk.name)) for chunk in chunks]
        if release:
            batch = pathlib.Path(__file__).with_name("wasm_opt_batch.mjs")
            run("node", str(batch), *STREAMS, *(str(path) for path in jobs[0]))
            run("node", str(batch), *(str(path) for job in jobs[1:] for path in job))
        else:
            for source, target in jobs:
                shutil.copyfile(source, target)
        main_wasm = jobs[0][1].read_bytes()

        # Chunks and the loader get content-hashed names (served as immutable).
        loader = (split_dir / "__wasm_split.js").read_text()
        modules = {chunk.name: pathlib.Path(work, chunk.name).read_bytes() for chunk in chunks}
        loader, out_files, _, cold = packed_code(loader, modules, routes)
        for name, data in out_files.items():
            (staging / name).write_bytes(data)
        preload = route_preloads(cold)
        loader_name = f"__wasm_split-{content_hash(loader.encode())}.js"
        (staging / loader_name).write_text(loader)

        # Only the ES import moves; the key naming the module's imports stays as compiled.
        main_js = (bound_dir / f"{stem}.js").read_text().replace('from "./__wasm_split.js"', f'from "./{loader_name}"')
        if release:
            # Without the stream classes, and only the imports the optimised module still asks for
            # (the chunks import nothing from JS: only the table, memory and shared globals).
            main_js = smaller_js(main_js, imported_names(main_wasm))
        (staging / f"{stem}.js").write_text(main_js)

    # Trunk's index.html pinned the old files by hash: pin the new ones.
    index = staging / "index.html"
    html = index.read_text()
    for name in (f"{stem}.js", f"{stem}_bg.wasm"):
        data = (staging / name).read_bytes()
        html = re.sub(
            rf'(href="?/{re.escape(name)}"?[^>]*?integrity="?)sha384-[A-Za-z0-9+/=]+',
            lambda m, d=data: m.group(1) + sri(d),
            html,
        )
        html = re.sub(
            rf'(integrity="?)sha384-[A-Za-z0-9+/=]+("?[^>]*?href="?/{re.escape(name)})',
            lambda m, d=data: m.group(1) + sri(d) + m.group(2),
            html,
        )
    # The main module is compiled from its bytes, not streamed: Chromium decodes a streamed module
    # on the main thread when its bytes arrive at once (preloaded), one long task that blocks
    # input; `WebAssembly.instantiate(bytes)` decodes in the background.
    html, count = re.subn(
        r"init\(\{ module_or_path: '([^']+_bg\.wasm)' \}\)",
        lambda m: f"init({{ module_or_path: fetch('{m.group(1)}').then((r) => (r.ok ? r.arrayBuffer() : r)) }})",
        html,
    )
    if count != 1:
        raise SystemExit("split_wasm: Trunk's start script changed shape; update the init rewrite")
    index.write_text(html.replace("</head>", preload + "\n  </head>", 1))
    print(f"split_wasm: {stem} main {len(main_wasm)} bytes, {len(cold)} routes' packs, {len(list(staging.glob('code_*.bin')))} navigation files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
