"""Writes name.br and name.gz beside every compressible file of a built app directory."""
import gzip
import pathlib
import sys

import brotli

COMPRESSIBLE = {".html", ".js", ".css", ".wasm", ".svg", ".json", ".txt", ".ics", ".bin"}


def main(directory: str) -> None:
    for path in pathlib.Path(directory).rglob("*"):
        if path.is_file() and path.suffix in COMPRESSIBLE:
            data = path.read_bytes()
            path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


if __name__ == "__main__":
    main(sys.argv[1])
