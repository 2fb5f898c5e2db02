"""Trunk post-build hook: splits the app's WebAssembly at its lazy pages.

Trunk builds one module. Pages marked as split points (see `src/pages/lazy.rs`) must live in
chunks the browser fetches on first visit, so the first load carries only the shell and the
home page. This hook redoes Trunk's last steps with a split in the middle:

    cargo's veche.wasm --wasm-split-cli--> main + chunks + __wasm_split.js
                       --wasm-bindgen-->  veche-<hash>.js + veche-<hash>_bg.wasm
                       --wasm-opt -Oz-->  (release only; scripts/wasm_opt_batch.mjs)

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

def run(*args: str) -> None:
    subprocess.run(args, check=True)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def cargo_target_dir() -> pathlib.Path:
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"], check=True, capture_output=True, text=True
    )
    return pathlib.Path(json.loads(meta.stdout)["target_directory"])


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
            "wasm-bindgen", "--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", str(bound_dir),
            "--out-name", stem, str(split_dir / f"{stem}.wasm"),
        )

        # The main module, then pages (`split_*.wasm`) and the code several pages share
        # (`chunk_*.wasm`): optimised in one batch (release), or copied as they are.
        chunks = sorted(c for c in split_dir.glob("*.wasm") if c.name != f"{stem}.wasm")
        jobs = [(bound_dir / f"{stem}_bg.wasm", staging / f"{stem}_bg.wasm")]
        jobs += [(chunk, pathlib.Path(work, chunk.name)) for chunk in chunks]
        if release:
            batch = pathlib.Path(__file__).with_name("wasm_opt_batch.mjs")
            run("node", str(batch), *(str(path) for job in jobs for path in job))
        else:
            for source, target in jobs:
                shutil.copyfile(source, target)
        main_wasm = jobs[0][1].read_bytes()

        # Chunks and the loader get content-hashed names (served as immutable).
        loader = (split_dir / "__wasm_split.js").read_text()
        for chunk in chunks:
            data = pathlib.Path(work, chunk.name).read_bytes()
            hashed = f"{chunk.stem}-{content_hash(data)}.wasm"
            (staging / hashed).write_bytes(data)
            loader = loader.replace(f'"./{chunk.name}"', f'"./{hashed}"')
        loader_name = f"__wasm_split-{content_hash(loader.encode())}.js"
        (staging / loader_name).write_text(loader)

        # Only the ES import moves; the key naming the module's imports stays as compiled.
        main_js = (bound_dir / f"{stem}.js").read_text().replace('from "./__wasm_split.js"', f'from "./{loader_name}"')
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
    index.write_text(html)
    chunks = [c for c in staging.glob("*.wasm") if not c.name.startswith(stem)]
    print(f"split_wasm: {stem} main {len(main_wasm)} bytes, {len(chunks)} chunks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
