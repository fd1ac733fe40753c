"""Thin Celery tasks of the customer record."""

from __future__ import annotations

from celery import shared_task

from klanten.api.idempotentie import verlopen_aanroepen_opruimen


@shared_task
def idempotentie_opruimen() -> int:
    """Beat, hourly: stored answers of idempotent calls past their 24 hours."""
    return verlopen_aanroepen_opruimen()
