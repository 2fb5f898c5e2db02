"""Trunk post-build hook of the survey frame (widget/Trunk.toml).

- Release builds: `wasm-opt -Oz` on the module, through Binaryen's JS API
  (scripts/wasm_opt_batch.mjs; there is no wasm-opt binary on these machines), after dropping the
  linker's relocation sections: `.cargo/config.toml` links every wasm32 build with
  `--emit-relocs` for the app's split, and Binaryen would carry them into the frame's module.
- Release builds: the module's exports for `wasm-streams` (a dependency of Leptos's server
  functions, which the frame does not use) are dropped before `wasm-opt`, so their code goes too;
  the generated JS then loses those classes and the imports the optimised module no longer asks
  for, and Terser minifies it (Trunk does not minify wasm-bindgen's JS).
- Release builds: the module's imports and exports get one- or two-letter names, in the module
  and in the JS alike: wasm-bindgen names each import after its function and a 16-digit hash
  (`__wbg_createElement_de4a31ed2fb252be`), about a hundred of them, and brotli cannot shrink
  hashes. Exports the JS does not use (`main`, the abort handler's globals) go.
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


def sections(module: bytes):
    """Each section of the module: its id, where its body starts, and its whole bytes' span."""
    at = 8
    while at < len(module):
        start = at
        section_id = module[at]
        size, body = leb128(module, at + 1)
        at = body + size
        yield section_id, body, start, at


def without_link_sections(module: bytes) -> bytes:
    """The module without its custom sections `linking` and `reloc.*`."""
    kept = bytearray(module[:8])
    for section_id, body, start, at in sections(module):
        if section_id == 0:
            name_length, name_at = leb128(module, body)
            name = module[name_at : name_at + name_length].decode("utf-8", "replace")
            if name == "linking" or name.startswith("reloc."):
                continue
        kept += module[start:at]
    return bytes(kept)


def without_exports(module: bytes, unwanted) -> bytes:
    """The module without the exports whose name `unwanted(name)` is true."""
    kept = bytearray(module[:8])
    for section_id, body, start, at in sections(module):
        if section_id != 7:
            kept += module[start:at]
            continue
        count, entry = leb128(module, body)
        entries = []
        for _ in range(count):
            name_length, name_at = leb128(module, entry)
            name = module[name_at : name_at + name_length].decode()
            _, after = leb128(module, name_at + name_length + 1)
            if not unwanted(name):
                entries.append(module[entry:after])
            entry = after
        section = leb128_bytes(len(entries)) + b"".join(entries)
        kept += bytes([7]) + leb128_bytes(len(section)) + section
    return bytes(kept)


def leb128_bytes(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def short_name(number: int) -> str:
    """`a` … `z`, `A` … `Z`, then `aa`, `ab`, …: a name for the `number`-th import or export."""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    name = letters[number % len(letters)]
    number //= len(letters)
    while number:
        number -= 1
        name = letters[number % len(letters)] + name
        number //= len(letters)
    return name


def name_bytes(name: str) -> bytes:
    encoded = name.encode()
    return leb128_bytes(len(encoded)) + encoded


def import_entries(module: bytes, body: int):
    """Each entry of the import section starting at `body`: (module name, field name, the rest
    of the entry as bytes)."""
    count, entry = leb128(module, body)
    for _ in range(count):
        length, at = leb128(module, entry)
        module_name = module[at : at + length].decode()
        length, at = leb128(module, at + length)
        field = module[at : at + length].decode()
        rest = at = at + length
        kind = module[at]
        at += 1
        if kind == 0:
            _, at = leb128(module, at)
        elif kind in (1, 2):
            flags = module[at + 1] if kind == 1 else module[at]
            _, at = leb128(module, at + (2 if kind == 1 else 1))
            if flags & 1:
                _, at = leb128(module, at)
        else:
            at += 2
        yield module_name, field, module[rest:at]
        entry = at


def export_entries(module: bytes, body: int):
    """Each entry of the export section starting at `body`: (name, the rest of the entry)."""
    count, entry = leb128(module, body)
    for _ in range(count):
        length, at = leb128(module, entry)
        name = module[at : at + length].decode()
        _, after = leb128(module, at + length + 1)
        yield name, module[at + length : after]
        entry = after


def with_short_names(module: bytes, code: str) -> tuple[bytes, str]:
    """The module and its wasm-bindgen JS with short import and export names; the exports the JS
    never reads (`wasm.<name>`) are dropped, but for the memory."""
    modules: dict[str, str] = {}
    names: dict[str, str] = {}

    def renamed(name: str, table: dict[str, str]) -> str:
        return table.setdefault(name, short_name(len(modules) + len(names)))

    kept = bytearray(module[:8])
    for section_id, body, start, at in sections(module):
        if section_id == 2:
            entries = [
                name_bytes(renamed(module_name, modules)) + name_bytes(renamed(field, names)) + rest
                for module_name, field, rest in import_entries(module, body)
            ]
        elif section_id == 7:
            used = set(re.findall(r"\bwasm\.(\w+)", code))
            entries = [
                name_bytes(name if name == "memory" else renamed(name, names)) + rest
                for name, rest in export_entries(module, body)
                if name in used or name == "memory"
            ]
        else:
            kept += module[start:at]
            continue
        section = leb128_bytes(len(entries)) + b"".join(entries)
        kept += bytes([section_id]) + leb128_bytes(len(section)) + section
    # The import object's keys are the modules, quoted, and the imports' names; the exports are
    # read as `wasm.<name>`. wasm-bindgen's names (a hash, or its `__wbindgen_` prefix) occur
    # nowhere else.
    for old, new in modules.items():
        code = code.replace(f'"{old}"', f'"{new}"')
    for old, new in names.items():
        code = re.sub(rf"\b{re.escape(old)}\b", new, code)
    return bytes(kept), code


def imported_names(module: bytes) -> set[str]:
    """The field names of the module's imports."""
    for section_id, body, _, _ in sections(module):
        if section_id == 2:
            return {field for _, field, _ in import_entries(module, body)}
    return set()


# Functions made a trap before `wasm-opt` (by their names: index.html asks wasm-bindgen to keep
# them), so what only they call goes too:
# - the `wasm-streams` classes' code, still in the function table after their exports went, and
#   `future_to_promise`, which only their async methods use (nothing else in the frame does);
# - `Debug` formatting: the frame writes no `{:?}` and has no console to log to (a release build
#   of Leptos logs nothing either); only panic messages name these functions.
# A panic's own machinery is not there to trap: scripts/build-app.sh builds the frame with
# `-Cpanic=immediate-abort`, so a panic is a trap where it happens.
# Names are mangled as `crate::path` or, in that build, `crate[hash]::path`.
NEVER_RUN = [
    r"wasm_streams(\[[0-9a-f]+\])?::",
    r"^js_sys(\[[0-9a-f]+\])?::futures::future_to_promise",
    r" as core(\[[0-9a-f]+\])?::fmt::Debug>::fmt",
]


def is_stream_export(name: str) -> bool:
    return "intounderlying" in name


def smaller_js(code: str, imported: set[str]) -> str:
    """wasm-bindgen's JS without the stream classes, unused imports, comments and indentation."""
    lines = code.split("\n")
    out = []
    skipping_class = False
    skipping_import = False
    skip_lines = 0
    for line in lines:
        if line.startswith("export class IntoUnderlying"):
            skipping_class = True
        if skipping_class:
            skipping_class = not line.startswith("if (Symbol.dispose) IntoUnderlying")
            continue
        if re.match(r"const IntoUnderlying\w+Finalization = ", line):
            skip_lines = 3
        if skip_lines:
            skip_lines -= 1
            continue
        entry = re.match(r"        (\w+): function\(", line)
        if entry and entry.group(1) not in imported:
            skipping_import = True
        if skipping_import:
            # The entry's last line: `},`, or `}, arguments); },` when it catches exceptions.
            skipping_import = not re.match(r" {8}\}", line)
            continue
        out.append(line)
    text = "\n".join(out)
    if "IntoUnderlying" in text:
        raise SystemExit("post_build: the stream classes are still in the JS")
    lost = sorted(name for name in imported if f"{name}: function(" not in text and name.startswith("__wbg_"))
    if lost:
        raise SystemExit(f"post_build: the JS lost imports the module needs: {lost}")
    if any(line.count("`") % 2 for line in text.split("\n")):
        return text
    stripped = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in stripped if line and not line.startswith(("/**", "* ", "*/", "//")) and line != "*")


def main() -> int:
    staging = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/embed/frame/")
    if os.environ.get("TRUNK_PROFILE") == "release":
        modules = sorted(staging.glob("*_bg.wasm"))
        for module in modules:
            module.write_bytes(without_exports(without_link_sections(module.read_bytes()), is_stream_export))
        batch = ROOT / "scripts" / "wasm_opt_batch.mjs"
        traps = [option for pattern in NEVER_RUN for option in ("--unreachable", pattern)]
        files = [str(path) for module in modules for path in (module, module)]
        subprocess.run(["node", str(batch), *traps, *files], check=True)
        for module in modules:
            script = module.with_name(module.name.removesuffix("_bg.wasm") + ".js")
            code = smaller_js(script.read_text(), imported_names(module.read_bytes()))
            optimised, code = with_short_names(module.read_bytes(), code)
            module.write_bytes(optimised)
            script.write_text(code)
            terser = ROOT / "node_modules" / "terser" / "bin" / "terser"
            subprocess.run(["node", str(terser), str(script), "--module", "--compress", "--mangle", "-o", str(script)], check=True)

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
