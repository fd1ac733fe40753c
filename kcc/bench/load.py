"""A bounded HTTP load driver on loopback: concurrent clients, latency percentiles.

Each client is a thread with its own keep-alive session; the server runs in other
processes (gunicorn), so the GIL only limits the client side, and the floor operation
measured the same way absorbs that cost in the reported ratios.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import requests


@dataclass
class RequestSpec:
    method: str
    path: str
    json: dict | None = None
    headers: dict = field(default_factory=dict)
    data: dict | None = None  # a form post


@dataclass
class OperationResult:
    name: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    server_ms: list[float]
    queries: list[int]
    status_counts: dict[int, int]
    first_error: str = ""

    def percentile(self, values: Sequence[float], p: float) -> float:
        if not values:
            return float("nan")
        ordered = sorted(values)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
        return ordered[index]

    def summary(self) -> dict:
        lat, srv = self.latencies_ms, self.server_ms
        return {
            "operation": self.name,
            "requests": self.requests,
            "errors": self.errors,
            "throughput_rps": round(self.requests / self.seconds, 1) if self.seconds else 0,
            "p50_ms": round(self.percentile(lat, 50), 2),
            "p95_ms": round(self.percentile(lat, 95), 2),
            "p99_ms": round(self.percentile(lat, 99), 2),
            "server_p50_ms": round(self.percentile(srv, 50), 2) if srv else None,
            "server_p95_ms": round(self.percentile(srv, 95), 2) if srv else None,
            "queries_per_request_max": max(self.queries) if self.queries else None,
            "queries_per_request_mean": round(statistics.mean(self.queries), 1)
            if self.queries
            else None,
            "status_counts": {str(k): v for k, v in sorted(self.status_counts.items())},
            "first_error": self.first_error,
        }


def _server_time(response: requests.Response) -> float | None:
    header = response.headers.get("Server-Timing", "")
    for part in header.split(","):
        if "dur=" in part:
            try:
                return float(part.split("dur=")[1].split(";")[0])
            except ValueError:
                return None
    return None


def run(
    *,
    name: str,
    base_url: str,
    specs: Sequence[RequestSpec],
    concurrency: int,
    total: int,
    session_factory: Callable[[], requests.Session],
    ok_statuses: tuple[int, ...] = (200, 201),
    max_seconds: float = 300.0,
    timeout: float = 30.0,
) -> OperationResult:
    """Send ``total`` requests (cycling through ``specs``) from ``concurrency`` threads."""
    lock = threading.Lock()
    next_index = 0
    latencies: list[float] = []
    server: list[float] = []
    queries: list[int] = []
    statuses: dict[int, int] = {}
    errors = 0
    first_error = ""
    deadline = time.monotonic() + max_seconds

    def worker() -> None:
        nonlocal next_index, errors, first_error
        session = session_factory()
        while True:
            with lock:
                if next_index >= total or time.monotonic() > deadline:
                    return
                spec = specs[next_index % len(specs)]
                next_index += 1
            started = time.perf_counter()
            try:
                response = session.request(
                    spec.method,
                    base_url + spec.path,
                    json=spec.json,
                    data=spec.data,
                    headers=spec.headers,
                    timeout=timeout,
                    allow_redirects=False,
                )
            except requests.RequestException as exc:
                with lock:
                    errors += 1
                    if not first_error:
                        first_error = f"{spec.method} {spec.path} -> {exc!r}"[:400]
                continue
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                if response.status_code not in ok_statuses:
                    errors += 1
                    if not first_error:
                        first_error = f"{spec.method} {spec.path} -> {response.status_code}: "
                        first_error += response.text[:300]
                srv = _server_time(response)
                if srv is not None:
                    server.append(srv)
                if "X-KCC-Queries" in response.headers:
                    queries.append(int(response.headers["X-KCC-Queries"]))

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    return OperationResult(
        name=name,
        requests=len(latencies),
        errors=errors,
        seconds=seconds,
        latencies_ms=latencies,
        server_ms=server,
        queries=queries,
        status_counts=statuses,
        first_error=first_error,
    )
