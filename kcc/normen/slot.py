"""Task locks in the database: one holder at a time, whatever the number of processes.

A cache lock (``cache.add``) only works across processes when the cache is shared; the
embedded default's cache is per process. The database is always shared, so the lock
lives there: one row per lock name, taken by a conditional UPDATE that only one caller
can win (PostgreSQL re-checks the condition after waiting for the row lock; SQLite
serialises writers).
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from kcc.normen.models import Taakslot


def slot_nemen(*, naam: str, seconden: int) -> str | None:
    """Take the lock ``naam`` for at most ``seconden``; its token, or None when it is held."""
    nu = timezone.now()
    token = uuid.uuid4().hex
    with transaction.atomic():
        # The row exists once; a parallel first call loses the insert quietly.
        Taakslot.objects.bulk_create(
            [Taakslot(naam=naam, verloopt_op=nu - timedelta(seconds=1))], ignore_conflicts=True
        )
    gewonnen = Taakslot.objects.filter(naam=naam, verloopt_op__lte=nu).update(
        houder=token, verloopt_op=nu + timedelta(seconds=seconden)
    )
    return token if gewonnen else None


def slot_vrijgeven(*, naam: str, token: str) -> None:
    """Free the lock if ``token`` still holds it (an expired lock taken over stays taken)."""
    Taakslot.objects.filter(naam=naam, houder=token).update(houder="", verloopt_op=timezone.now())
