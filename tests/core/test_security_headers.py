import json

import pytest

from tests.core.test_settings_startup import PRODUCTION_ENV, _manage


@pytest.mark.django_db
def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/accounts/login/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_production_cookies_are_secure_and_hsts_on():
    result = _manage(
        "shell",
        "-c",
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'session': s.SESSION_COOKIE_SECURE, 'csrf': s.CSRF_COOKIE_SECURE, "
        "'httponly': s.SESSION_COOKIE_HTTPONLY, 'hsts': s.SECURE_HSTS_SECONDS, "
        "'redirect': s.SECURE_SSL_REDIRECT, 'mfa': s.KCC_MFA_REQUIRED, 'debug': s.DEBUG}))",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    flags = json.loads(result.stdout.strip().splitlines()[-1])
    assert flags == {
        "session": True,
        "csrf": True,
        "httponly": True,
        "hsts": 31536000,
        "redirect": True,
        "mfa": True,
        "debug": False,
    }
