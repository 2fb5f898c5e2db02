"""Trunk pre-build step: joins the stylesheets into the bundles style/bundles.toml lists
(style/build/<bundle>.css), and stops the build when a stylesheet under style/ is in no bundle."""
import pathlib
import sys
import tomllib

STYLE = pathlib.Path(__file__).resolve().parent.parent / "style"


def main() -> int:
    bundles = tomllib.loads((STYLE / "bundles.toml").read_text())
    listed = {(STYLE / name).resolve() for files in bundles.values() for name in files}
    forgotten = sorted(path.name for path in STYLE.glob("*.css") if path.resolve() not in listed)
    if forgotten:
        print(f"css_bundles: {', '.join(forgotten)} in no bundle: add them to style/bundles.toml", file=sys.stderr)
        return 1
    out = STYLE / "build"
    out.mkdir(exist_ok=True)
    for bundle, files in bundles.items():
        text = "".join((STYLE / name).read_text() for name in files)
        target = out / f"{bundle}.css"
        # Unchanged bundles keep their time stamp: Trunk's watcher would rebuild forever.
        if not target.is_file() or target.read_text() != text:
            target.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
