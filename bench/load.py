"""A small HTTP load generator over loopback: threads, one keep-alive connection each, bounded in time.

Each client sends its next request as soon as the answer is read (closed-loop), so the figures
are the server's: with one client, latency; with many, throughput under contention. Every answer
that is not the expected status, or a failed connection, counts as an error. When the server
closes the connection (gunicorn's sync workers do after every answer), ``http.client``
reconnects for the next request, as a browser would.
"""

import http.client
import itertools
import threading
import time
from dataclasses import dataclass, field

from support import percentiles


@dataclass
class Run:
    clients: int
    seconds: float = 0.0
    timings: list[float] = field(default_factory=list)  # milliseconds, successful requests
    errors: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # of the last answer

    @property
    def requests(self) -> int:
        return len(self.timings) + len(self.errors)

    @property
    def rate(self) -> float:
        return len(self.timings) / self.seconds if self.seconds else 0.0

    @property
    def p50(self) -> float:
        return percentiles(self.timings)[0] if self.timings else float("nan")

    @property
    def p95(self) -> float:
        return percentiles(self.timings)[1] if self.timings else float("nan")

    def figures(self) -> dict:
        return {
            "clients": self.clients,
            "seconds": round(self.seconds, 1),
            "requests": self.requests,
            "errors": len(self.errors),
            "requests_per_second": round(self.rate, 1),
            "p50_ms": round(self.p50, 2),
            "p95_ms": round(self.p95, 2),
        }

    def line(self) -> str:
        errors = f", {len(self.errors)} errors ({self.errors[0]})" if self.errors else ", 0 errors"
        return (
            f"{self.rate:,.0f} req/s, p50 {self.p50:.1f} ms, p95 {self.p95:.1f} ms "
            f"({self.requests:,} requests{errors})"
        )


def _client(port, paths, deadline, limit, run, lock, headers, status) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    timings, errors, last = [], [], {}
    try:
        for count, path in enumerate(itertools.cycle(paths)):
            if time.perf_counter() >= deadline or (limit and count >= limit):
                break
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as error:
                errors.append(f"{path}: {error.__class__.__name__}")
                connection.close()
                continue
            if response.status != status:
                errors.append(f"{path}: HTTP {response.status}")
                continue
            timings.append((time.perf_counter() - started) * 1000)
            last = dict(response.getheaders())
    finally:
        connection.close()
        with lock:
            run.timings.extend(timings)
            run.errors.extend(errors)
            run.headers = last or run.headers


def load(
    port: int,
    paths: list[str],
    *,
    clients: int = 1,
    seconds: float = 5.0,
    requests: int = 0,
    headers: dict[str, str] | None = None,
    status: int = 200,
) -> Run:
    """GET ``paths`` in turn from ``clients`` threads for ``seconds`` (or ``requests`` each)."""
    run, lock = Run(clients), threading.Lock()
    started = time.perf_counter()
    deadline = started + seconds
    threads = [
        threading.Thread(
            target=_client,
            args=(port, paths[index:] + paths[:index], deadline, requests, run, lock, headers or {}, status),
        )
        for index in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.seconds = time.perf_counter() - started
    return run


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
    """One request: status, headers, body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()
