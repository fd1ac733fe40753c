"""Run the web server, a Celery worker and Celery beat together in the foreground.

Used by ``make run``. Ctrl-C (or SIGTERM) stops all three; if one of them dies the
others are stopped too, so a half-running system never goes unnoticed.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time


def _commands(host: str, port: int) -> dict[str, list[str]]:
    py = sys.executable
    return {
        "web": [py, "manage.py", "runserver", f"{host}:{port}", "--noreload"],
        "worker": [
            py,
            "-m",
            "celery",
            "-A",
            "kcc",
            "worker",
            "-l",
            "INFO",
            "-c",
            "2",
            "-n",
            "kcc@%h",
        ],
        "beat": [py, "-m", "celery", "-A", "kcc", "beat", "-l", "INFO"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)

    env = dict(os.environ, PYTHONUNBUFFERED="1")
    procs: dict[str, subprocess.Popen] = {}
    for name, cmd in _commands(args.host, args.port).items():
        procs[name] = subprocess.Popen(cmd, env=env)  # noqa: S603 - our own commands
        print(f"[kcc] {name} gestart (pid {procs[name].pid})", flush=True)
    print(f"[kcc] Open http://{args.host}:{args.port}/ — Ctrl-C stopt alles.", flush=True)
    # One heartbeat right away, so /health/ turns green as soon as the worker runs;
    # beat sends the next ones on its schedule.
    subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from kcc.core.tasks import heartbeat; heartbeat.delay()",
        ],
        env=dict(env, DJANGO_SETTINGS_MODULE="kcc.settings"),
        check=False,
    )

    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    exit_code = 0
    while not stopping:
        for name, proc in procs.items():
            if proc.poll() is not None:
                print(f"[kcc] {name} is gestopt (code {proc.returncode}); alles stopt.", flush=True)
                exit_code = proc.returncode or 1
                stopping = True
                break
        time.sleep(0.5)

    for proc in procs.values():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 15
    for proc in procs.values():
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
    print("[kcc] gestopt.", flush=True)
    return exit_code


if __name__ == "__main__":
    raise SystemExit(main())
