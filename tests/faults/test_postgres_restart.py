"""PostgreSQL restarts under a running web server: it recovers without a hand."""

from __future__ import annotations

import subprocess
from pathlib import Path

import requests
from django.db import connection

from kcc.bench.server import GunicornServer
from tests.processes import process_env, wait_until


def _pg_restart() -> None:
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]
    subprocess.run(  # noqa: S603
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],  # noqa: S607
        check=True,
        timeout=120,
    )


def test_web_recovers_after_postgres_restart(kcc_token):
    env = process_env(CACHE_URL="locmem://")
    with GunicornServer(workers=2, env=env) as server:
        session = requests.Session()
        session.headers["Authorization"] = f"Token {kcc_token}"
        url = server.base_url + "/api/v1/klanten/?zoek=Jansen"
        assert session.get(url, timeout=10).status_code == 200
        _pg_restart()
        connection.close()  # our own test connection died with the server too
        # Every request after the restart is answered; stale connections are replaced.
        assert wait_until(lambda: session.get(url, timeout=10).status_code == 200, seconds=30)
        statuses = [session.get(url, timeout=10).status_code for _ in range(20)]
    assert statuses == [200] * 20
