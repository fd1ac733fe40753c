"""Start-up refuses bad configuration with a message that names the problem."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = secrets.token_urlsafe(64)
# What production needs besides the secret: a host name and a Redis broker (not contacted
# by these commands).
PRODUCTION_ENV = {
    "KCC_ENV": "production",
    "SECRET_KEY": GOOD_SECRET,
    "ALLOWED_HOSTS": "kcc.example.nl",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
}


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
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_refuses_mfa_off_and_a_broker_for_one_machine():
    result = _manage(
        "check",
        **{**PRODUCTION_ENV, "KCC_MFA_REQUIRED": "false", "CELERY_BROKER_URL": "filesystem://"},
    )
    assert result.returncode != 0
    assert "KCC_MFA_REQUIRED staat uit" in result.stderr
    assert "CELERY_BROKER_URL is geen redis://" in result.stderr


def test_unknown_broker_scheme_is_named():
    result = _manage("check", CELERY_BROKER_URL="redsi://127.0.0.1:6379/0")
    assert result.returncode != 0
    assert "CELERY_BROKER_URL: ongeldige waarde" in result.stderr


def test_invalid_variable_stops_startup_with_its_name():
    result = _manage("check", KCC_HEARTBEAT_MAX_AGE="lang")
    assert result.returncode != 0
    assert "KCC_HEARTBEAT_MAX_AGE" in result.stderr


def test_invalid_database_url_is_named():
    result = _manage("check", DATABASE_URL="nosuchdb://x")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_concept_days_out_of_range_is_named():
    result = _manage("check", KCC_CONCEPT_BEWAARDAGEN="0")
    assert result.returncode != 0
    assert "KCC_CONCEPT_BEWAARDAGEN: ongeldige waarde '0'" in result.stderr
