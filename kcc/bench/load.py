"""A bounded HTTP load driver on loopback: concurrent clients, latency percentiles.

Each client is a process of its own with its own session, so clients never wait for
each other; the server runs in other processes (gunicorn). The floor operation, measured
the same way, shows what the driver and the HTTP stack cost by themselves.
"""

from __future__ import annotations

import multiprocessing
import statistics
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
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    status_counts: dict[int, int] = field(default_factory=dict)
    first_error: str = ""

    def fout(self, tekst: str) -> None:
        self.errors += 1
        self.first_error = self.first_error or tekst[:400]

    def samenvoegen(self, deel: OperationResult) -> None:
        """Add the figures of one client."""
        self.requests += deel.requests
        self.latencies_ms += deel.latencies_ms
        self.server_ms += deel.server_ms
        self.queries += deel.queries
        for status, count in deel.status_counts.items():
            self.status_counts[status] = self.status_counts.get(status, 0) + count
        self.errors += deel.errors
        self.first_error = self.first_error or deel.first_error

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


def _client(
    *,
    index: multiprocessing.Value,
    results: multiprocessing.Queue,
    base_url: str,
    specs: Sequence[RequestSpec],
    total: int,
    deadline: float,
    session_factory: Callable[[], requests.Session],
    ok_statuses: tuple[int, ...],
    timeout: float,
) -> None:
    """One client: take the next request number from the shared counter until done."""
    deel = OperationResult(name="client")
    session = session_factory()
    while True:
        with index.get_lock():
            if index.value >= total or time.monotonic() > deadline:
                break
            spec = specs[index.value % len(specs)]
            index.value += 1
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
            deel.fout(f"{spec.method} {spec.path} -> {exc!r}")
            continue
        deel.latencies_ms.append((time.perf_counter() - started) * 1000)
        deel.requests += 1
        status = response.status_code
        deel.status_counts[status] = deel.status_counts.get(status, 0) + 1
        if status not in ok_statuses:
            deel.fout(f"{spec.method} {spec.path} -> {status}: {response.text[:300]}")
        srv = _server_time(response)
        if srv is not None:
            deel.server_ms.append(srv)
        if "X-KCC-Queries" in response.headers:
            deel.queries.append(int(response.headers["X-KCC-Queries"]))
    results.put(deel)


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
    """Send ``total`` requests (cycling through ``specs``) from ``concurrency`` clients.

    Each client is its own process (forked, so ``specs`` and ``session_factory`` need no
    pickling): client threads in one process would wait for each other's GIL while
    reading a response, and that wait would be counted as the server's latency.
    """
    fork = multiprocessing.get_context("fork")
    index = fork.Value("l", 0)
    results = fork.Queue()
    deadline = time.monotonic() + max_seconds
    kwargs = {
        "index": index,
        "results": results,
        "base_url": base_url,
        "specs": specs,
        "total": total,
        "deadline": deadline,
        "session_factory": session_factory,
        "ok_statuses": ok_statuses,
        "timeout": timeout,
    }
    started = time.perf_counter()
    clients = [fork.Process(target=_client, kwargs=kwargs, daemon=True) for _ in range(concurrency)]
    for client in clients:
        client.start()
    # Read before joining: a child that has put a large result cannot exit until it is read.
    parts = [results.get(timeout=max_seconds + timeout + 60) for _ in clients]
    seconds = time.perf_counter() - started
    for client in clients:
        client.join()
    result = OperationResult(name=name, seconds=seconds)
    for deel in parts:
        result.samenvoegen(deel)
    return result
