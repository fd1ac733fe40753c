"""Thin Celery tasks of the inbox: ids in, a service called."""

from __future__ import annotations

import datetime

from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

from kanalen.codes import KanaalCode
from kanalen.inbox import balie, email, imap
from kanalen.inbox.models import Antwoord

HERVERZENDEN_NA = datetime.timedelta(minutes=1)
MAX_POGINGEN = 20


@shared_task
def antwoord_verzenden(antwoord_id: int) -> bool:
    return email.antwoord_verzenden(antwoord_id=antwoord_id)


@shared_task
def antwoorden_herverzenden() -> int:
    """Beat: e-mail answers still unsent a minute after they were stored (mail server down)."""
    ids = list(
        Antwoord.objects.filter(
            kanaal=KanaalCode.EMAIL,
            verzonden_op__isnull=True,
            aangemaakt_op__lt=timezone.now() - HERVERZENDEN_NA,
            pogingen__lt=MAX_POGINGEN,
        ).values_list("pk", flat=True)[:200]
    )
    return sum(email.antwoord_verzenden(antwoord_id=pk) for pk in ids)


@shared_task
def imap_ophalen() -> int:
    """Beat: fetch new mail from KCC_IMAP_URL. A cache lock stops two runs at once."""
    if not cache.add("inbox:imap-lock", 1, timeout=300):
        return 0
    try:
        return imap.imap_ophalen()
    finally:
        cache.delete("inbox:imap-lock")


@shared_task
def afspraak_herinneringen() -> int:
    """Beat: remind citizens of tomorrow's balie appointments (once each) and send the
    confirmations that could not go at booking."""
    return balie.herinneringen_versturen() + balie.bevestigingen_herversturen()
