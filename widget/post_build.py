"""Trunk post-build hook of the survey frame (widget/Trunk.toml).

- Release builds: `wasm-opt -Oz` on the module, through Binaryen's JS API
  (scripts/wasm_opt_batch.mjs; there is no wasm-opt binary on these machines), after dropping the
  linker's relocation sections: `.cargo/config.toml` links every wasm32 build with
  `--emit-relocs` for the app's split, and Binaryen would carry them into the frame's module.
- Every build: Trunk starts the module with an inline `<script type="module">`, which the frame's
  Content-Security-Policy (`script-src 'self'`) refuses; it moves into a content-hashed file.
"""
import hashlib
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def leb128(data: bytes, at: int) -> tuple[int, int]:
    """Reads an unsigned LEB128 number: (value, position after it)."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def without_link_sections(module: bytes) -> bytes:
    """The module without its custom sections `linking` and `reloc.*`."""
    kept = bytearray(module[:8])
    at = 8
    while at < len(module):
        start = at
        section_id = module[at]
        size, body = leb128(module, at + 1)
        at = body + size
        if section_id == 0:
            name_length, name_at = leb128(module, body)
            name = module[name_at : name_at + name_length].decode("utf-8", "replace")
            if name == "linking" or name.startswith("reloc."):
                continue
        kept += module[start:at]
    return bytes(kept)


def main() -> int:
    staging = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/embed/frame/")
    if os.environ.get("TRUNK_PROFILE") == "release":
        modules = sorted(staging.glob("*_bg.wasm"))
        for module in modules:
            module.write_bytes(without_link_sections(module.read_bytes()))
        batch = ROOT / "scripts" / "wasm_opt_batch.mjs"
        subprocess.run(["node", str(batch), *(str(path) for module in modules for path in (module, module))], check=True)

    index = staging / "index.html"
    html = index.read_text()
    inline = re.search(r'<script type="?module"?>(.*?)</script>', html, re.S)
    if inline is None:
        print("post_build: no inline start script in index.html", file=sys.stderr)
        return 1
    code = inline.group(1).strip() + "\n"
    name = f"start-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    (staging / name).write_text(code)
    index.write_text(html.replace(inline.group(0), f'<script type="module" src="{public_url}{name}"></script>'))
    return 0


if __name__ == "__main__":
    sys.exit(main())
