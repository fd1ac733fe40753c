"""A Celery worker is killed (SIGKILL) in the middle of delivering an outbox message.

The delivery is recorded as done exactly once: after the lease runs out beat offers the
message again, a new worker delivers it, and the row ends up sent with one successful
delivery. The receiver may see the same CloudEvents id twice (the first attempt was cut
off after sending); that is what the id is for.
"""

from __future__ import annotations

import time

import pytest
from django.db import transaction

from tests.factories import OrganisatieFactory
from tests.processes import CeleryWorker, process_env, wait_until
from zaken.models import OutboxAflevering, OutboxBericht
from zaken.services.koppelingen import externe_koppeling_instellen
from zaken.services.outbox import cloudevent, outbox_bericht_schrijven, outbox_herverzenden

LEASE = 4


@pytest.fixture
def slow_receiver(receiver):
    """The first request is held for 30 s, long enough to kill the worker during it."""
    handler = receiver.server.RequestHandlerClass
    original = handler.do_POST

    def held(self):
        if not receiver.deliveries:
            original(self)
            time.sleep(30)
            return
        original(self)

    handler.do_POST = held
    return receiver


def test_killed_worker_task_completes_exactly_once(fault_env, slow_receiver, settings):
    from kcc.celery import app

    settings.KCC_OUTBOX_LEASE_SECONDS = LEASE
    organisatie = OrganisatieFactory(extern=True, webhook_url=slow_receiver.url)
    externe_koppeling_instellen(organisatie=organisatie)
    env = process_env(CACHE_URL="locmem://", KCC_OUTBOX_LEASE_SECONDS=str(LEASE))
    app.conf.task_always_eager = False
    worker = CeleryWorker(env=env).start()
    event = cloudevent(type="nl.kcc.test", subject="crash", data={})
    try:
        with transaction.atomic():
            bericht = outbox_bericht_schrijven(
                soort=OutboxBericht.Soort.WEBHOOK,
                dedup_sleutel=event["id"],
                doel=slow_receiver.url,
                payload=event,
                organisatie=organisatie,
            )
        assert wait_until(lambda: len(slow_receiver.deliveries) == 1, seconds=60)
        worker.kill()  # mid-task: the HTTP call is under way
        bericht.refresh_from_db()
        assert bericht.status == OutboxBericht.Status.BEZIG

        worker = CeleryWorker(env=env).start()
        time.sleep(LEASE + 1)
        # What beat does: offer what is due again; the new worker delivers it.
        assert wait_until(
            lambda: (
                outbox_herverzenden() >= 0
                and OutboxBericht.objects.get(pk=bericht.pk).status
                == OutboxBericht.Status.VERZONDEN
            ),
            seconds=60,
            interval=1,
        )
        outbox_herverzenden()  # a later beat tick must not send it again
        time.sleep(2)
    finally:
        worker.stop()
        app.conf.task_always_eager = True
    assert OutboxAflevering.objects.filter(bericht=bericht, gelukt=True).count() == 1
    assert set(slow_receiver.deliveries) == {event["id"]}
    assert len(slow_receiver.deliveries) == 2
