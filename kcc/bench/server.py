"""Start and stop the real HTTP stack for a benchmark: gunicorn with several workers.

Started with the production settings (``kcc.gunicorn_conf``, as in the Dockerfile and
docker-compose.yml); only the address, the number of workers and the log level differ.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class GunicornServer:
    def __init__(self, *, workers: int = 4, port: int | None = None, env: dict | None = None):
        self.workers = workers
        self.port = port or free_port()
        self.env = dict(os.environ, KCC_BENCH="true", DEBUG="false", **(env or {}))
        self.proc: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "python:kcc.gunicorn_conf",
            "kcc.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--log-level",
            "warning",
        ]

    def __enter__(self) -> GunicornServer:
        self.proc = subprocess.Popen(self.command(), cwd=ROOT, env=self.env)  # noqa: S603
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn stopte meteen (code {self.proc.returncode})")
            try:
                requests.get(self.base_url + "/health/", timeout=2)
                return self
            except requests.RequestException:
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError("gunicorn startte niet binnen 60 seconden")

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
