"""Parse ``EMAIL_URL`` into Django e-mail settings.

Schemes: ``smtp://user:pass@host:port`` (``smtp+tls://`` for STARTTLS, ``smtps://`` for
implicit TLS), ``file:///path/to/folder`` (each message a file), ``console://``,
``locmem://`` (tests).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}


def parse_email_url(url: str) -> dict[str, Any]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _BACKENDS:
        raise ValueError(f"onbekend schema {scheme!r}")
    config: dict[str, Any] = {"EMAIL_BACKEND": _BACKENDS[scheme]}
    if scheme == "file":
        if not parts.path:
            raise ValueError("file:// heeft een map nodig")
        config["EMAIL_FILE_PATH"] = unquote(parts.path)
    elif scheme.startswith("smtp"):
        if not parts.hostname:
            raise ValueError("smtp:// heeft een host nodig")
        config.update(
            EMAIL_HOST=parts.hostname,
            EMAIL_PORT=parts.port or (465 if scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=scheme == "smtp+tls",
            EMAIL_USE_SSL=scheme == "smtps",
        )
    return config
