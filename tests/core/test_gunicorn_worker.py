"""kcc.core.gunicorn_worker: kept-alive connections spread over the worker processes."""

from __future__ import annotations

import os
from collections import deque
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests

from kcc.core.gunicorn_worker import SpreidendeThreadWorker


def _worker(threads: int, worker_connections: int = 1000) -> SpreidendeThreadWorker:
    """The worker's bookkeeping only, without a process: what the policy reads."""
    worker = SpreidendeThreadWorker.__new__(SpreidendeThreadWorker)
    worker.cfg = SimpleNamespace(threads=threads)
    worker.worker_connections = worker_connections
    worker.max_keepalived = worker_connections - threads
    worker.nr_conns = 0
    worker.keepalived_conns = deque()
    worker.pending_conns = deque()
    return worker


def test_neemt_geen_verbinding_aan_als_elke_thread_bezig_is():
    worker = _worker(threads=1)
    assert worker.nr_conns < worker.worker_connections  # idle: accepts
    worker.nr_conns = 1  # one request in its thread
    assert not worker.nr_conns < worker.worker_connections
    worker.keepalived_conns.append(object())  # that connection now waits, idle
    assert worker.nr_conns < worker.worker_connections


def test_houdt_een_verbinding_open_zolang_er_een_thread_voor_is():
    worker = _worker(threads=1)
    worker.nr_conns = 1
    assert len(worker.keepalived_conns) < worker.max_keepalived  # kept alive
    worker.nr_conns = 2  # a second connection in this process: this one goes
    assert len(worker.keepalived_conns) >= worker.max_keepalived


def _verbindingen_per_proces(pids: list[int], poort: int) -> dict[int, set[int]]:
    """The remote ports of the connections each process holds on ``poort`` (Linux)."""
    inodes: dict[str, int] = {}
    for regel in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        velden = regel.split()
        lokaal, ander, toestand, inode = velden[1], velden[2], velden[3], velden[9]
        if toestand == "01" and int(lokaal.split(":")[1], 16) == poort:  # ESTABLISHED
            inodes[inode] = int(ander.split(":")[1], 16)
    per_proces: dict[int, set[int]] = {}
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                doel = os.readlink(fd)
            except OSError:
                continue
            if doel.startswith("socket:[") and doel[8:-1] in inodes:
                per_proces.setdefault(pid, set()).add(inodes[doel[8:-1]])
    return per_proces


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="leest /proc (Linux)")
def test_twee_klanten_elk_hun_eigen_proces(db):
    """Two clients that keep their connection end up in two processes, however the
    first accepts fell: through gunicorn, as production runs it."""
    from kcc.bench.server import GunicornServer
    from tests.processes import process_env

    with GunicornServer(workers=2, env=process_env(CACHE_URL="locmem://")) as server:
        kinderen = Path(f"/proc/{server.proc.pid}/task/{server.proc.pid}/children")
        pids = [int(pid) for pid in kinderen.read_text().split()]
        assert len(pids) == 2
        for _poging in range(3):
            sessies = [requests.Session() for _ in range(2)]
            # A process that holds both connections closes one after its answer; the
            # client's next connection goes elsewhere. Until no answer closes one:
            for _ronde in range(30):
                antwoorden = [s.get(server.base_url + "/health/", timeout=30) for s in sessies]
                if all(a.headers.get("Connection") != "close" for a in antwoorden):
                    break
            per_proces = _verbindingen_per_proces(pids, server.port)
            assert sorted(len(v) for v in per_proces.values() if v) == [1, 1], per_proces
            for sessie in sessies:
                sessie.close()
