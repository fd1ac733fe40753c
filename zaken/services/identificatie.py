"""Readable, unique zaak identificaties: ZAAK-<jaar>-<volgnummer>."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F

from zaken.models import ZaakTeller

PREFIX = "ZAAK"


def zaak_identificaties_reserveren(*, jaar: int, aantal: int = 1) -> list[str]:
    """Hand out ``aantal`` consecutive numbers for ``jaar``.

    One UPDATE increments the year's counter and takes its row lock until the caller's
    transaction ends, so a parallel request waits and then continues from our number:
    no duplicates on PostgreSQL (row lock) nor SQLite (one writer at a time). Call it
    inside the transaction that creates the zaken, so a rollback returns nothing used.
    """
    if aantal < 1:
        raise ValueError("aantal moet minstens 1 zijn")
    bijgewerkt = ZaakTeller.objects.filter(jaar=jaar).update(laatste=F("laatste") + aantal)
    if not bijgewerkt:
        try:
            with transaction.atomic():
                ZaakTeller.objects.create(jaar=jaar, laatste=0)
        except IntegrityError:
            pass  # a parallel request created the year's row first; fine
        ZaakTeller.objects.filter(jaar=jaar).update(laatste=F("laatste") + aantal)
    laatste = ZaakTeller.objects.filter(jaar=jaar).values_list("laatste", flat=True).get()
    return [f"{PREFIX}-{jaar}-{n:06d}" for n in range(laatste - aantal + 1, laatste + 1)]
