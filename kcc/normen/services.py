"""Writes on Signaleringen by people (the monitor itself writes in monitor.py)."""

from __future__ import annotations

from django.utils import timezone

from kcc.normen.models import Signalering


def signalering_gezien(*, signalering: Signalering, medewerker) -> Signalering:
    """Mark an escalation as seen. Only the first click counts (conditional update)."""
    nu = timezone.now()
    Signalering.objects.filter(pk=signalering.pk, gezien_op__isnull=True).update(
        gezien_op=nu, gezien_door=medewerker
    )
    signalering.refresh_from_db(fields=["gezien_op", "gezien_door"])
    return signalering
