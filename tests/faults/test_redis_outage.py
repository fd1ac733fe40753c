"""Redis stops during load: the web keeps accepting, the outbox delivers everything once."""

from __future__ import annotations

import os
import time
import uuid

import requests
from django.db import transaction

from kcc.bench.server import GunicornServer
from tests.factories import OrganisatieFactory
from tests.klanten.factories import KlantFactory
from tests.processes import CeleryWorker, process_env, wait_until
from zaken.models import OutboxBericht
from zaken.services.koppelingen import externe_koppeling_instellen
from zaken.services.outbox import cloudevent, outbox_bericht_schrijven, outbox_herverzenden

UITVAL_SECONDEN = int(os.environ.get("KCC_FAULT_REDIS_SECONDS", "10"))


def _bericht(organisatie, doel: str) -> str:
    event = cloudevent(type="nl.kcc.test", subject="storing", data={"n": str(uuid.uuid4())})
    with transaction.atomic():
        outbox_bericht_schrijven(
            soort=OutboxBericht.Soort.WEBHOOK,
            dedup_sleutel=event["id"],
            doel=doel,
            payload=event,
            organisatie=organisatie,
        )
    return event["id"]


def test_redis_outage_loses_nothing_and_sends_nothing_twice(kcc_token, receiver, redis_control):
    from kanalen.demo import load_kanalen
    from kcc.celery import app
    from kcc.core.demo import DemoReport

    load_kanalen(DemoReport())
    klant = KlantFactory()
    organisatie = OrganisatieFactory(extern=True, webhook_url=receiver.url)
    externe_koppeling_instellen(organisatie=organisatie)
    env = process_env(CACHE_URL="locmem://")
    worker = CeleryWorker(env=env).start()
    app.conf.task_always_eager = False
    verstuurd: list[str] = []
    geaccepteerd = 0
    try:
        with GunicornServer(workers=2, env=env) as server:
            session = requests.Session()
            session.headers["Authorization"] = f"Token {kcc_token}"

            def contactmoment() -> int:
                return session.post(
                    server.base_url + "/api/v1/contactmomenten/",
                    json={
                        "klant": klant.pk,
                        "kanaal": "telefoon",
                        "resultaat": "beantwoord",
                        "vragen": [{"vraag": "Tijdens storing", "antwoord": "Geholpen"}],
                    },
                    timeout=30,
                ).status_code

            verstuurd += [_bericht(organisatie, receiver.url) for _ in range(5)]
            assert wait_until(lambda: len(receiver.deliveries) >= 5, seconds=60)

            redis_control.stop()
            try:
                einde = time.monotonic() + UITVAL_SECONDEN
                while time.monotonic() < einde:
                    assert contactmoment() == 201  # the web keeps accepting
                    geaccepteerd += 1
                    verstuurd.append(_bericht(organisatie, receiver.url))
                    time.sleep(0.2)
            finally:
                redis_control.start()

            # What beat does every minute: offer every pending message again.
            assert wait_until(
                lambda: (
                    outbox_herverzenden() >= 0 and (len(set(receiver.deliveries)) >= len(verstuurd))
                ),
                seconds=120,
                interval=2,
            )
            time.sleep(3)  # a late duplicate would arrive now
    finally:
        output = worker.stop()
        app.conf.task_always_eager = True
    assert geaccepteerd > 0
    assert sorted(receiver.deliveries) == sorted(verstuurd), output[-2000:]
    assert not OutboxBericht.objects.exclude(status=OutboxBericht.Status.VERZONDEN).exists()
