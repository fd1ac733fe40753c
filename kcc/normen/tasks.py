"""Celery tasks of the norm monitor: thin, a service does the work (acks_late is global)."""

from __future__ import annotations

from celery import shared_task

from kcc.normen.digest import teamleider_digest_versturen
from kcc.normen.monitor import monitor_tick


@shared_task(name="kcc.normen.tasks.monitor")
def monitor() -> dict:
    """Beat, every 5 minutes: signal warnings and breaches, queue citizen messages."""
    return monitor_tick()


@shared_task(name="kcc.normen.tasks.teamleider_digest")
def teamleider_digest() -> int:
    """Beat, daily at 08:00: one mail per teamleider with counts and the worst breaches."""
    return teamleider_digest_versturen()
