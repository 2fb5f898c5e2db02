#!/usr/bin/env python3
"""The live stream at scale, on loopback (a benchmark, not a test: it prints figures).

    scripts/stream_bench.py --server target/release/veche-server [--streams 5000] [--port 18450]
    make stream-bench                      # builds the release server first

Starts the server on a new demo database, opens `--streams` guest streams (`GET /api/v1/stream`)
at once from this one process (asyncio), measures the server's resident memory before and with
them all open and idle, then posts one reply as a demo member and times, for every stream, how
long after the request was sent the reply's `reply_created` event arrived. Prints the delivery
times (median, 99th percentile, slowest: the issue's goal is every stream within 1 s), memory per
idle stream and the total RSS. The client's own time to read 5,000 sockets is part of the figures.
Needs an open-file limit above twice the streams (`ulimit -n`).
"""

import argparse
import asyncio
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fault_lib import Member, Server  # noqa: E402

REQUEST = b"GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"


class Stream:
    """One open stream: connected, then waiting for the reply's event."""

    def __init__(self) -> None:
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.arrived: float | None = None

    async def connect(self, port: int) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", port)
        self.writer.write(REQUEST)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 200"):
            raise SystemExit(f"the stream was refused: {head[:200]!r}")

    async def wait_for(self, needle: bytes) -> None:
        """Reads until `needle` went by (chunk framing can split it: keep a tail)."""
        assert self.reader is not None
        seen = b""
        while True:
            piece = await self.reader.read(65536)
            if not piece:
                raise SystemExit("a stream ended before the event arrived")
            seen = seen[-len(needle) :] + piece
            if needle in seen:
                self.arrived = time.monotonic()
                return


async def open_all(port: int, count: int, batch: int) -> list[Stream]:
    """Opens `count` streams, `batch` connecting at a time (the listen queue is finite)."""
    streams = [Stream() for _ in range(count)]
    for start in range(0, count, batch):
        await asyncio.gather(*(s.connect(port) for s in streams[start : start + batch]))
    return streams


async def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as work:
        server = Server(args.server, f"{work}/veche.sqlite3", args.port)
        try:
            member = Member(server.port, "anna")
            # Warm up: the first reply, the first stream (allocator, caches, prepared statements).
            member.send("POST", "/api/v1/threads/1/replies", {"body": "warming up"})
            warm = await open_all(server.port, 10, 10)
            await asyncio.sleep(1)
            rss_before = server.status("VmRSS")
            opened = time.monotonic()
            streams = await open_all(server.port, args.streams, args.batch)
            took_to_open = time.monotonic() - opened
            await asyncio.sleep(2)  # idle: whatever each stream holds is allocated by now
            rss_idle = server.status("VmRSS")

            waiting = [asyncio.create_task(s.wait_for(b"event: reply_created")) for s in streams]
            await asyncio.sleep(0.5)
            sent = time.monotonic()
            status, _, body = await asyncio.to_thread(
                member.send, "POST", "/api/v1/threads/1/replies", {"body": "One event for everyone."}
            )
            if status != 201:
                raise SystemExit(f"posting the reply: {status} {body[:200]!r}")
            await asyncio.wait_for(asyncio.gather(*waiting), timeout=60)
            delays = sorted((s.arrived or 0) - sent for s in streams)
            rss_after = server.status("VmRSS")
            for stream in streams + warm:
                if stream.writer:
                    stream.writer.close()
        finally:
            server.kill()
    p99 = delays[min(len(delays) - 1, int(len(delays) * 0.99))]
    print(f"streams open:                 {args.streams} (opened in {took_to_open:.1f} s)")
    print(f"one event delivered to all:   median {statistics.median(delays) * 1000:.0f} ms, "
          f"p99 {p99 * 1000:.0f} ms, slowest {delays[-1] * 1000:.0f} ms (goal: all within 1000 ms)")
    per_stream = (rss_idle - rss_before) / args.streams
    print(f"memory per idle stream:       {per_stream:.1f} KiB (server RSS {rss_before / 1024:.1f} MiB before, "
          f"{rss_idle / 1024:.1f} MiB with the streams idle)")
    print(f"server RSS after delivering:  {rss_after / 1024:.1f} MiB")
    if delays[-1] > 1.0:
        print("the slowest delivery took over 1 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="the veche-server program (a release build)")
    parser.add_argument("--streams", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=250, help="streams connecting at a time")
    parser.add_argument("--port", type=int, default=None, help="the server's port (default: a free one)")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = args.streams + 200
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, wanted), hard))
    asyncio.run(run(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
