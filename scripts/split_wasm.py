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
from post_build import imported_names, is_stream_export, smaller_js, without_exports  # noqa: E402

# Leptos links `wasm-streams` for server functions, which the app does not use: its exports go
# before optimising, and its code, still reachable from the function table, becomes a trap (by
# name, so wasm-bindgen keeps the names until Binaryen drops them).
STREAMS = ["--unreachable", r"wasm_streams(\[[0-9a-f]+\])?::"]

def run(*args: str) -> None:
    """Runs a tool; its output shows, but for the warning given for each label-name table in the
    name section (subsection 3, which the std built with the app has and the tools do not read:
    hundreds of lines, harmless)."""
    done = subprocess.run(args, capture_output=True, text=True)
    for stream, text in ((sys.stdout, done.stdout), (sys.stderr, done.stderr)):
        stream.write("".join(line for line in text.splitlines(keepends=True) if not line.startswith("warning: unknown name subsection")))
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
    r'export const (__wasm_split_load_\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*'
    r'const src = fetch\(new URL\("\./(split_\w+\.wasm)".*?\n, \[([^\]]*)\]\)\);',
    re.S,
)

# Loads a page's pack: its own module and every chunk it needs, in one request. A chunk is
# instantiated once (the first pack that brings it); a failed load can be tried again.
PACK_RUNTIME = """const chunks = new Map();
function pack(url) {
    let loading;
    return () => loading ??= (async () => {
        const response = await fetch(new URL(url, import.meta.url));
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const view = new DataView(bytes.buffer);
        let at = 0;
        const number = () => view.getUint32((at += 4) - 4, true);
        const next = () => {
            const length = number();
            return bytes.subarray(at, (at += length));
        };
        const ids = Array.from({ length: number() }, number);
        const imports = getSharedImports();
        const own = next();
        await Promise.all(ids.map((id) => {
            const part = next();
            if (!chunks.has(id)) {
                const instance = WebAssembly.instantiate(part, imports);
                instance.catch(() => chunks.delete(id));
                chunks.set(id, instance);
            }
            return chunks.get(id);
        }));
        return WebAssembly.instantiate(own, imports);
    })().catch((error) => {
        loading = undefined;
        throw error;
    });
}
"""


def packed_loader(loader: str, modules: dict[str, bytes]) -> tuple[str, dict[str, bytes]]:
    """Rewrites wasm-split's loader so that each page comes in one request (a "pack": the number
    and ids of the shared chunks it needs, then the page's module and those chunks, each as its
    length and bytes; every number a little-endian u32)
    instead of one request per chunk — a page needed over a hundred, which on a phone's
    connection limit cost seconds. Returns the new loader and the packs by content-hashed name."""
    chunk_files = {int(number): name for number, name in SHARED_CHUNK.findall(loader)}
    start, end = loader.index("let sharedImports"), loader.index("function makeLoad")
    out = [loader[: loader.index("\n") + 1], loader[start:end], PACK_RUNTIME]
    packs: dict[str, bytes] = {}
    pages = PAGE.findall(loader)
    if not pages or len(chunk_files) != loader.count("const __chunk_"):
        raise SystemExit("split_wasm: the wasm-split loader changed shape; update packed_loader")
    for export, own, deps in pages:
        ids = [int(dep.strip().removeprefix("__chunk_")) for dep in deps.split(",") if dep.strip()]
        parts = [modules[own]] + [modules[chunk_files[i]] for i in ids]
        header = b"".join(n.to_bytes(4, "little") for n in [len(ids), *ids])
        data = header + b"".join(len(part).to_bytes(4, "little") + part for part in parts)
        name = f"pack_{own.removeprefix('split_').removesuffix('.wasm')}-{content_hash(data)}.bin"
        packs[name] = data
        out.append(f'export const {export} = wrapAsyncCb(pack("./{name}"));\n')
    return "".join(out), packs


LAZY_ROUTE = re.compile(r'path=path!\("([^"]*)"\)\s*view=\|\| view! \{ <LazyPage load=\|\| Box::pin\((\w+)\(\)\)')
LAZY_BLOCK = re.compile(r"lazy_page!\((\w+),")


def route_preloads(packs: dict[str, str]) -> str:
    """An inline script for index.html that starts fetching the pack of the page being opened
    (and the sections' stylesheet it waits for) while the main module is still downloading,
    instead of after it has started. Routes come
    from src/app.rs (`path!(…)` with a `LazyPage`); the home page's lazy blocks from
    src/pages/home/. `packs` maps a split point to its pack's file name."""
    src = pathlib.Path(__file__).resolve().parent.parent / "src"
    routes = [(path, [loader]) for path, loader in LAZY_ROUTE.findall((src / "app.rs").read_text())]
    # The blocks every visitor sees (`*_on_home`), not the members' survey banner.
    home = [
        name
        for f in sorted((src / "pages" / "home").glob("*.rs"))
        for name in LAZY_BLOCK.findall(f.read_text())
        if name.endswith("_on_home")
    ]
    routes.append(("", home))
    table = []
    for path, loaders in routes:
        missing = [loader for loader in loaders if loader not in packs]
        if missing:
            raise SystemExit(f"split_wasm: no pack for {missing} (route '{path}')")
        table.append([[part for part in path.split("/") if part], [packs[loader] for loader in loaders]])
    if len(table) < 5:
        raise SystemExit("split_wasm: found almost no lazy routes in src/app.rs; update LAZY_ROUTE")
    # The route with the fewest `:param` segments wins, as in the router ("ideas/roadmap" over "ideas/:id");
    # a trailing `*rest` matches what is left, after every other route.
    return (
        "<script>(function(){var r=" + json.dumps(table, separators=(",", ":")) + ",p=location.pathname"
        ".split('/').filter(Boolean),b,n=99;r.forEach(function(e){var s=e[0],k=0,w=s.length&&s[s.length-1][0]=='*';"
        "if(w){s=s.slice(0,-1);k=50}if((w?p.length>=s.length:s.length==p.length)&&"
        "s.every(function(x,i){if(x[0]==':'){k++;return true}return x==p[i]})&&k<n){b=e[1];n=k}});"
        "(b||[]).forEach(function(f){var l=document.createElement('link');l.rel='preload';l.as='fetch';"
        "l.crossOrigin='anonymous';l.href='/'+f;document.head.appendChild(l)});"
        # A lazy page (or a home block) waits for the sections' styles too: fetch them alongside.
        "if(b){var c=document.createElement('link');c.rel='preload';c.as='style';c.href='/sections.css';"
        "document.head.appendChild(c)}})()</script>"
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
        loader, packs = packed_loader(loader, modules)
        for name, data in packs.items():
            (staging / name).write_bytes(data)
        preload = route_preloads({name[len("pack_") :].rsplit("-", 1)[0]: name for name in packs})
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
    packs = list(staging.glob("pack_*.bin"))
    print(f"split_wasm: {stem} main {len(main_wasm)} bytes, {len(packs)} page packs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
