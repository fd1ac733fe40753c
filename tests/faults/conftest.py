"""Load and fault tests: real gunicorn, real Celery worker, PostgreSQL and Redis.

They run in CI's PostgreSQL + Redis run (and by hand with larger numbers through the
environment variables each test names). Loopback only, bounded in count and time.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection
from rest_framework.authtoken.models import Token

from kcc.accounts import roles
from tests.factories import UserFactory


def _needs_postgres_and_redis():
    from kcc.celery import app

    if connection.vendor != "postgresql" or not app.conf.broker_url.startswith("redis"):
        pytest.skip("Fouttests draaien op PostgreSQL met Redis (CI's tweede run).")


@pytest.fixture
def fault_env(transactional_db):
    _needs_postgres_and_redis()


@pytest.fixture
def kcc_token(fault_env, roles_ready):
    user = UserFactory(username="last-kcc", rol=roles.KCC_MEDEWERKER)
    return Token.objects.create(user=user).key


class Receiver:
    """A local webhook receiver that records every delivery (CloudEvents id)."""

    def __init__(self):
        self.deliveries: list[str] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                try:
                    event_id = json.loads(body).get("id", "")
                except ValueError:
                    event_id = ""
                with receiver.lock:
                    receiver.deliveries.append(event_id)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/events"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()


@pytest.fixture
def receiver():
    with Receiver() as r:
        yield r


REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "-::1",
    "--port",
    "6379",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    "/var/lib/redis",
    "--logfile",
    "/var/log/redis/ci.log",
]


class RedisControl:
    """Stop and start the local Redis (port 6379), the way .ci/run starts it."""

    def stop(self) -> None:
        import subprocess

        subprocess.run(["redis-cli", "-p", "6379", "shutdown", "nosave"], check=False)  # noqa: S603,S607

    def start(self) -> None:
        import subprocess
        import time

        subprocess.run(REDIS_START, check=True)  # noqa: S603
        for _ in range(50):
            ping = subprocess.run(
                ["redis-cli", "-p", "6379", "ping"], capture_output=True, text=True
            )  # noqa: S603,S607
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.2)
        raise RuntimeError("Redis kwam niet terug")


@pytest.fixture
def redis_control():
    control = RedisControl()
    yield control
    import subprocess

    ping = subprocess.run(["redis-cli", "-p", "6379", "ping"], capture_output=True, text=True)  # noqa: S603,S607
    if ping.stdout.strip() != "PONG":
        control.start()
