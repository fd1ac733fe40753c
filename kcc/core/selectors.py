"""Health of the parts the application needs: database, broker, the beat heartbeat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from kcc.core.models import Heartbeat
from kcc.core.services import HEARTBEAT_NAAM


@dataclass
class Onderdeel:
    ok: bool
    detail: str
    extra: dict


def _database() -> Onderdeel:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return Onderdeel(False, f"niet bereikbaar: {exc.__class__.__name__}", {})
    return Onderdeel(True, "ok", {"vendor": connection.vendor})


def _broker() -> Onderdeel:
    from kcc.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            transport = str(conn.transport.driver_type)
    except Exception as exc:  # noqa: BLE001
        return Onderdeel(False, f"niet bereikbaar: {exc.__class__.__name__}", {})
    return Onderdeel(True, "ok", {"transport": transport})


def _heartbeat() -> Onderdeel:
    try:
        laatst = (
            Heartbeat.objects.filter(naam=HEARTBEAT_NAAM).values_list("laatst", flat=True).first()
        )
    except Exception as exc:  # noqa: BLE001
        return Onderdeel(False, f"onbekend: {exc.__class__.__name__}", {})
    return _leeftijd(laatst, "nog geen hartslag ontvangen")


# The beat schedule entry whose last send ``beat_get`` reads (settings.CELERY_BEAT_SCHEDULE).
BEAT_TAAK = "heartbeat"


def beat_get() -> Onderdeel:
    """When beat last sent the heartbeat task, from its database schedule.

    Unlike the heartbeat row (written by a worker) this shows beat on its own: a stopped
    worker does not make beat look dead. Beat writes ``last_run_at`` after every send
    (``CELERY_BEAT_SYNC_EVERY = 1``).
    """
    from django_celery_beat.models import PeriodicTask

    try:
        laatst = (
            PeriodicTask.objects.filter(name=BEAT_TAAK, enabled=True)
            .values_list("last_run_at", flat=True)
            .first()
        )
    except Exception as exc:  # noqa: BLE001
        return Onderdeel(False, f"onbekend: {exc.__class__.__name__}", {})
    return _leeftijd(laatst, "beat heeft de hartslagtaak nog niet verstuurd")


def _leeftijd(laatst, nog_niet: str) -> Onderdeel:
    if laatst is None:
        return Onderdeel(False, nog_niet, {"leeftijd_seconden": None})
    age = (timezone.now() - laatst).total_seconds()
    max_age = timedelta(seconds=settings.KCC_HEARTBEAT_MAX_AGE).total_seconds()
    return Onderdeel(
        age <= max_age,
        "ok" if age <= max_age else f"ouder dan {int(max_age)} seconden",
        {"leeftijd_seconden": round(age, 1), "laatst": laatst.isoformat()},
    )


def health_get() -> tuple[bool, dict]:
    onderdelen = {"database": _database(), "broker": _broker(), "heartbeat": _heartbeat()}
    ok = all(o.ok for o in onderdelen.values())
    return ok, {
        "status": "ok" if ok else "storing",
        "onderdelen": {
            naam: {"ok": o.ok, "detail": o.detail, **o.extra} for naam, o in onderdelen.items()
        },
    }
