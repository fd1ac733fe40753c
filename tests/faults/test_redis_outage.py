"""Redis stops during load: the web keeps accepting, the outbox delivers everything once.

The outbox messages are made by web requests, as in production: a backoffice medewerker
transfers zaken to an external organisation through the API, and every transfer writes
a signed CloudEvent webhook to the outbox. The web uses the Redis cache as in production
(it fails soft while Redis is away).
"""

from __future__ import annotations

import os
import time

import requests
from rest_framework.authtoken.models import Token

from kcc.accounts import roles
from kcc.bench.server import GunicornServer
from tests.factories import AfdelingFactory, OrganisatieFactory, UserFactory
from tests.klanten.factories import KlantFactory
from tests.processes import CeleryWorker, process_env, wait_until
from tests.zaken.factories import ZaakFactory
from zaken.models import OutboxBericht
from zaken.services.koppelingen import externe_koppeling_instellen

UITVAL_SECONDEN = int(os.environ.get("KCC_FAULT_REDIS_SECONDS", "60"))
ZAKEN = UITVAL_SECONDEN * 3 + 20  # transfers during the outage, plus some before


def test_redis_outage_loses_nothing_and_sends_nothing_twice(kcc_token, receiver, redis_control):
    from kanalen.demo import load_kanalen
    from kcc.celery import app
    from kcc.core.demo import DemoReport

    load_kanalen(DemoReport())
    klant = KlantFactory()
    extern = OrganisatieFactory(extern=True, webhook_url=receiver.url)
    externe_koppeling_instellen(organisatie=extern)
    extern_afdeling = AfdelingFactory(organisatie=extern, code="extern-team")
    eigen_afdeling = AfdelingFactory(code="vergunningen-storing")
    backoffice = UserFactory(
        username="bo-storing", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[eigen_afdeling]
    )
    bo_token = Token.objects.create(user=backoffice).key
    zaken = [
        ZaakFactory(afdeling=eigen_afdeling, organisatie=eigen_afdeling.organisatie).identificatie
        for _ in range(ZAKEN)
    ]
    env = process_env()  # the Redis broker and the Redis cache, as in production
    worker = CeleryWorker(env=env).start()
    app.conf.task_always_eager = False
    overgedragen: list[str] = []
    geaccepteerd = 0
    try:
        with GunicornServer(workers=2, env=env) as server:
            kcc = requests.Session()
            kcc.headers["Authorization"] = f"Token {kcc_token}"
            bo = requests.Session()
            bo.headers["Authorization"] = f"Token {bo_token}"

            def contactmoment() -> int:
                return kcc.post(
                    server.base_url + "/api/v1/contactmomenten/",
                    json={
                        "klant": klant.pk,
                        "kanaal": "telefoon",
                        "resultaat": "beantwoord",
                        "vragen": [{"vraag": "Tijdens storing", "antwoord": "Geholpen"}],
                    },
                    timeout=60,
                ).status_code

            def overdragen() -> None:
                identificatie = zaken[len(overgedragen)]
                response = bo.post(
                    server.base_url + f"/api/v1/zaken/{identificatie}/transfer/",
                    json={"afdeling": extern_afdeling.pk, "reden": "Hoort bij de partner"},
                    timeout=60,
                )
                assert response.status_code == 200, response.text[:500]
                overgedragen.append(identificatie)

            for _ in range(5):
                overdragen()
            assert wait_until(lambda: len(receiver.deliveries) >= 5, seconds=60)

            redis_control.stop()
            try:
                einde = time.monotonic() + UITVAL_SECONDEN
                while time.monotonic() < einde and len(overgedragen) < len(zaken):
                    assert contactmoment() == 201  # the web keeps accepting
                    geaccepteerd += 1
                    overdragen()
                    time.sleep(0.2)
            finally:
                redis_control.start()

            # What beat does every minute: offer every pending message again.
            from zaken.services.outbox import outbox_herverzenden

            assert wait_until(
                lambda: (
                    outbox_herverzenden() >= 0
                    and len(set(receiver.deliveries)) >= len(overgedragen)
                ),
                seconds=180,
                interval=2,
            )
            time.sleep(3)  # a late duplicate would arrive now
    finally:
        output = worker.stop()
        app.conf.task_always_eager = True
    assert geaccepteerd > 0
    berichten = OutboxBericht.objects.filter(soort=OutboxBericht.Soort.WEBHOOK)
    assert berichten.count() == len(overgedragen)
    event_ids = sorted(str(p["id"]) for p in berichten.values_list("payload", flat=True))
    assert sorted(receiver.deliveries) == event_ids, output[-2000:]  # each exactly once
    assert not berichten.exclude(status=OutboxBericht.Status.VERZONDEN).exists()
