"""``python -m kcc.runall`` (what ``make run`` starts): web, worker and beat really run.

The three processes start on the test database; beat sends the heartbeat task, the
worker runs it, and the web server's /health/ reports it fresh. Ctrl-C stops all three.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from django_celery_beat.models import PeriodicTask

from kcc.core.selectors import BEAT_TAAK
from tests.processes import ROOT, process_env, wait_until


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _health(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return json.loads(exc.read() or b"{}")
    except OSError:
        return None


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_runall_starts_web_worker_and_beat(tmp_path):
    poort = _vrije_poort()
    # Own var folder: the filesystem broker of the SQLite run stays private to this test.
    env = process_env(KCC_VAR_DIR=str(tmp_path), KCC_HEARTBEAT_INTERVAL="3")
    log = (tmp_path / "runall.log").open("w")
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "kcc.runall", "--host", "127.0.0.1", "--port", str(poort)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{poort}/health/"
    laatste: dict = {}

    def gezond() -> bool:
        nonlocal laatste
        laatste = _health(url) or {}
        return laatste.get("status") == "ok"

    try:
        assert wait_until(gezond, seconds=120, interval=1), laatste
        # Beat itself sent the heartbeat task (not only runall's first one).
        assert wait_until(
            lambda: PeriodicTask.objects.filter(name=BEAT_TAAK, last_run_at__isnull=False).exists(),
            seconds=60,
            interval=1,
        )
        onderdelen = laatste["onderdelen"]
        assert onderdelen["database"]["ok"] and onderdelen["broker"]["ok"]
        assert onderdelen["heartbeat"]["leeftijd_seconden"] < 60
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    uitvoer = (tmp_path / "runall.log").read_text()
    assert "gestopt." in uitvoer, uitvoer[-3000:]
    # SQLite: web, worker and beat write at once without "database is locked".
    assert "database is locked" not in uitvoer, uitvoer[-3000:]
    assert "Traceback" not in uitvoer, uitvoer[-3000:]
    assert _health(url) is None  # the web server is gone as well
