"""Celery tasks of the norm monitor: thin, a service does the work (acks_late is global)."""

from __future__ import annotations

from celery import shared_task

from kcc.normen.digest import teamleider_digest_versturen
from kcc.normen.monitor import monitor_tick

# A tick that reached its cap (a backlog after an import or an outage) asks for the next
# tick this soon instead of waiting 5 minutes for beat: every tick stays short and frees
# the lock, and the backlog is still signalled within minutes.
INHAAL_SECONDEN = 10


@shared_task(name="kcc.normen.tasks.monitor")
def monitor() -> dict:
    """Beat, every 5 minutes: signal warnings and breaches, queue citizen messages."""
    resultaat = monitor_tick()
    if resultaat.get("nog_in_te_halen"):
        monitor.apply_async(countdown=INHAAL_SECONDEN)
    return resultaat


@shared_task(name="kcc.normen.tasks.teamleider_digest")
def teamleider_digest() -> int:
    """Beat, daily at 08:00: one mail per teamleider with counts and the worst breaches."""
    return teamleider_digest_versturen()
