"""Shared by the fault scripts (fault_kill.py, memory_bound.py): the reference server started on a
database file of its own, and a plain HTTP/1.1 client for it (one connection per request)."""

import http.client
import json
import os
import socket
import subprocess
import time

DEMO_PASSWORD = "veche-demo"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`veche-server` on `database` (the demo community if it is new), on a free port."""

    def __init__(self, binary: str, database: str):
        self.port = free_port()
        env = dict(
            os.environ,
            VECHE_ADDR=f"127.0.0.1:{self.port}",
            VECHE_DATABASE=database,
            VECHE_STATIC_DIR="/nonexistent",
            VECHE_WRITES_PER_MINUTE="1000000",
            VECHE_AUTH_ATTEMPTS_PER_MINUTE="100000",
            RUST_LOG="error",
        )
        self.process = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while True:
            try:
                if request(self.port, "GET", "/api/v1/health")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start on port {self.port}")
            time.sleep(0.1)

    def kill(self) -> None:
        """kill -9: nothing is flushed or finished."""
        self.process.kill()
        self.process.wait()

    def status(self, field: str) -> int:
        """A memory figure of /proc/PID/status (VmRSS, VmHWM), in KiB."""
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        raise SystemExit(f"no {field} in /proc/{self.process.pid}/status")


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None, timeout: float = 30):
    """One request on its own connection: (status, headers, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


class Member:
    """A demo member signed in: cookie and CSRF token."""

    def __init__(self, port: int, handle: str):
        self.port = port
        status, _, body = request(port, "GET", "/api/v1/auth/me")
        csrf = json.loads(body)["csrf_token"]
        payload = json.dumps({"login": handle, "password": DEMO_PASSWORD}).encode()
        status, headers, body = request(
            port, "POST", "/api/v1/auth/login", payload, {"Content-Type": "application/json", "X-CSRF-Token": csrf}
        )
        if status != 200:
            raise SystemExit(f"signing {handle} in: {status} {body[:200]!r}")
        self.cookie = headers["set-cookie"].split(";")[0]
        self.csrf = json.loads(body)["csrf_token"]

    def headers(self, key: str | None = None, content_type: str = "application/json") -> dict:
        headers = {"Content-Type": content_type, "X-CSRF-Token": self.csrf, "Cookie": self.cookie}
        if key:
            headers["Idempotency-Key"] = key
        return headers

    def send(self, method: str, path: str, payload: dict, key: str | None = None, timeout: float = 30):
        return request(self.port, method, path, json.dumps(payload).encode(), self.headers(key), timeout)
