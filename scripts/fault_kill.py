#!/usr/bin/env python3
"""kill -9 during a burst of writes, again and again; then every write is retried with its key.

    scripts/fault_kill.py --server target/debug/veche-server [--rounds 3] [--burst 30]

Each round: a burst of replies (each with its own Idempotency-Key) is sent at once, the server is
killed (SIGKILL) while they run, restarted on the same file, and every reply is retried with its
key until it is answered. At the end the database must hold each reply exactly once: it reports
duplicates and losses, and fails unless both are 0 (and `PRAGMA integrity_check` is ok).
"""

import argparse
import json
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fault_lib import Member, Server  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="the veche-server program")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--burst", type=int, default=30)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work:
        database = f"{work}/veche.sqlite3"
        server = Server(args.server, database)
        member = Member(server.port, "anna")
        status, _, body = member.send(
            "POST", "/api/v1/threads", {"space_id": "integrations", "title": "kill -9 burst", "body": "Counting."}
        )
        assert status == 201, body
        replies = f"/api/v1/threads/{json.loads(body)['id']}/replies"
        sent: list[str] = []
        unanswered_at_kill = 0
        for round_number in range(args.rounds):
            texts = [f"fault-{round_number}-{n}" for n in range(args.burst)]
            sent += texts
            answered = threading.Semaphore(0)
            acknowledged: set[str] = set()

            def send(text: str) -> None:
                try:
                    status, _, _ = member.send("POST", replies, {"body": text}, key=text)
                    if status == 201:
                        acknowledged.add(text)
                        answered.release()
                except OSError:
                    pass

            threads = [threading.Thread(target=send, args=(text,)) for text in texts]
            for thread in threads:
                thread.start()
            # Killed once a few are answered: the rest are waiting, running or half written.
            for _ in range(3):
                answered.acquire(timeout=30)
            server.kill()
            for thread in threads:
                thread.join()
            unanswered_at_kill += len(texts) - len(acknowledged)
            server = Server(args.server, database)
            member.port = server.port
            for text in texts:
                for attempt in range(50):
                    status, _, body = member.send("POST", replies, {"body": text}, key=text)
                    if status == 201:
                        break
                    time.sleep(0.2)
                else:
                    print(f"retry of {text} never completed: {status} {body[:200]!r}")
                    return 1
        server.kill()
        db = sqlite3.connect(database)
        counts = dict(db.execute("SELECT body, COUNT(*) FROM replies WHERE body LIKE 'fault-%' GROUP BY body"))
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        db.close()
    duplicates = sum(count - 1 for count in counts.values() if count > 1)
    losses = sum(1 for text in sent if text not in counts)
    print(
        f"fault_kill: {args.rounds} kill -9 during bursts of {args.burst} replies; "
        f"{unanswered_at_kill} unanswered when killed; duplicates {duplicates}, losses {losses}, "
        f"integrity {integrity}; {time.monotonic() - started:.1f} s"
    )
    return 0 if duplicates == 0 and losses == 0 and integrity == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
