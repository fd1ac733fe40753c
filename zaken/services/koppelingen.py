"""Credentials of external organisations: an API token (stored hashed) and a webhook secret."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction

from productcatalogus.models import Organisatie
from zaken.models import ExterneKoppeling


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def externe_koppeling_instellen(
    *, organisatie: Organisatie, token: str | None = None, webhook_secret: str | None = None
) -> tuple[ExterneKoppeling, str]:
    """Create or renew the koppeling; returns it with the plain token (shown only once).

    A renewal replaces the token and the webhook secret: the old ones stop working.
    ``token``/``webhook_secret`` may be given (demo data, tests); otherwise random.
    """
    token = token or secrets.token_urlsafe(32)
    webhook_secret = webhook_secret or secrets.token_urlsafe(32)
    koppeling, _ = ExterneKoppeling.objects.update_or_create(
        organisatie=organisatie,
        defaults={
            "token_hash": token_hash(token),
            "token_begin": token[:8],
            "webhook_secret": webhook_secret,
            "actief": True,
        },
    )
    return koppeling, token


def externe_koppeling_voor_token(token: str) -> ExterneKoppeling | None:
    if not token:
        return None
    return (
        ExterneKoppeling.objects.select_related("organisatie")
        .filter(token_hash=token_hash(token), actief=True)
        .first()
    )
