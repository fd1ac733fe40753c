"""Thin Celery tasks of the portal."""

from __future__ import annotations

from celery import shared_task

from kcc.portaal.services.aanvragen import verlopen_concepten_opruimen


@shared_task
def concepten_opruimen() -> int:
    """Beat, nightly: concepts not changed for KCC_CONCEPT_BEWAARDAGEN days."""
    return verlopen_concepten_opruimen()
