"""Celery tasks of the zaken app: thin, ids in, a service does the work."""

from __future__ import annotations

from celery import shared_task
from django.core.cache import cache

from zaken.services.outbox import outbox_bericht_afleveren, outbox_herverzenden

HERVERZEND_LOCK = "zaken:outbox-herverzenden"
HERVERZEND_LOCK_SECONDEN = 300


@shared_task(name="zaken.tasks.outbox_afleveren")
def outbox_afleveren(bericht_id: int) -> bool:
    return outbox_bericht_afleveren(bericht_id=bericht_id)


@shared_task(name="zaken.tasks.outbox_herverzenden")
def outbox_herverzenden_taak() -> int:
    """Beat: offer every due outbox message again. A lock keeps two runs from overlapping."""
    if not cache.add(HERVERZEND_LOCK, "1", HERVERZEND_LOCK_SECONDEN):
        return 0
    try:
        return outbox_herverzenden()
    finally:
        cache.delete(HERVERZEND_LOCK)
