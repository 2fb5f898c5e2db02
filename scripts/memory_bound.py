#!/usr/bin/env python3
"""Hostile bodies, many at once: the server's memory must stay bounded.

    scripts/memory_bound.py --server target/debug/veche-server [--bound-mib 64] [--connections 48]

Sends, all at the same time, bodies far over the limits: JSON and pictures, with a declared
`Content-Length` of 300 MB and chunked without one (each streaming 24 MB), half of them with an
`Idempotency-Key`. Every one must be refused with 413, and the server's peak resident memory
(VmHWM) must stay within `--bound-mib` of what it used before (README: "Limits").
"""

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fault_lib import Member, Server  # noqa: E402

CHUNK = b"x" * 65536


def hostile(port: int, path: str, headers: dict, chunked: bool, results: list, total_bytes: int) -> None:
    """Sends one oversized body until the server answers or hangs up; records the status."""
    head = [f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
    head += [f"{name}: {value}" for name, value in headers.items()]
    head.append("Transfer-Encoding: chunked" if chunked else "Content-Length: 314572800")
    status = None
    with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
        try:
            connection.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
            sent = 0
            while sent < total_bytes:
                piece = b"%x\r\n%s\r\n" % (len(CHUNK), CHUNK) if chunked else CHUNK
                connection.sendall(piece)
                sent += len(CHUNK)
            if chunked:
                connection.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and hung up: read what it said
        try:
            answer = connection.recv(4096)
            status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else None
        except (OSError, ValueError, IndexError):
            status = None
    results.append((path, chunked, "Idempotency-Key" in headers, status))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="the veche-server program")
    parser.add_argument("--bound-mib", type=int, default=64, help="most the peak may grow, MiB")
    parser.add_argument("--connections", type=int, default=48)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work:
        server = Server(args.server, f"{work}/veche.sqlite3")
        member = Member(server.port, "anna")
        member.send("POST", "/api/v1/threads/1/replies", {"body": "warming up"})
        before = server.status("VmHWM")
        kinds = [
            ("/api/v1/threads", "application/json"),
            ("/api/v1/members/me/photos", "image/png"),
        ]
        results: list = []
        threads = []
        for n in range(args.connections):
            path, content_type = kinds[n % 2]
            chunked = (n // 2) % 2 == 1
            key = f"oversized-{n}" if (n // 4) % 2 == 1 else None
            headers = member.headers(key, content_type)
            threads.append(
                threading.Thread(target=hostile, args=(server.port, path, headers, chunked, results, 24 * 1024 * 1024))
            )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        peak = server.status("VmHWM")
        alive = server.process.poll() is None
        server.kill()
    growth_mib = (peak - before) / 1024
    refused = sum(1 for *_, status in results if status == 413)
    others = [r for r in results if r[3] != 413]
    print(
        f"memory_bound: {len(results)} oversized bodies at once (JSON and pictures, declared and chunked, "
        f"with and without Idempotency-Key): {refused} refused with 413; peak RSS {before / 1024:.0f} -> "
        f"{peak / 1024:.0f} MiB (+{growth_mib:.0f}, bound +{args.bound_mib}); {time.monotonic() - started:.1f} s"
    )
    for other in others:
        print(f"  not refused with 413: {other}")
    return 0 if alive and not others and growth_mib <= args.bound_mib else 1


if __name__ == "__main__":
    sys.exit(main())
