"""Start-up refuses bad configuration with a message that names the problem."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = secrets.token_urlsafe(64)


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("KCC_", "DEBUG", "SECRET", "DJANGO_ALLOW_ASYNC"))
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_debug_default_secret_and_simulator():
    result = _manage(
        "check",
        KCC_ENV="production",
        DEBUG="true",
        KCC_DIGID_SIMULATOR="true",
        ALLOWED_HOSTS="kcc.example.nl",
    )
    assert result.returncode != 0
    assert "DEBUG staat aan" in result.stderr
    assert "SECRET_KEY" in result.stderr
    assert "KCC_DIGID_SIMULATOR" in result.stderr


def test_production_check_deploy_is_clean():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        KCC_ENV="production",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="kcc.example.nl",
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_invalid_variable_stops_startup_with_its_name():
    result = _manage("check", KCC_HEARTBEAT_MAX_AGE="lang")
    assert result.returncode != 0
    assert "KCC_HEARTBEAT_MAX_AGE" in result.stderr


def test_invalid_database_url_is_named():
    result = _manage("check", DATABASE_URL="nosuchdb://x")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
