"""20 concurrent clients post contactmomenten through gunicorn: every one is stored once."""

import os
import uuid

from kanalen.models import Contactmoment
from kcc.bench.load import RequestSpec, run
from kcc.bench.server import GunicornServer
from tests.klanten.factories import KlantFactory
from tests.processes import process_env

AANTAL = int(os.environ.get("KCC_FAULT_CONTACTMOMENTEN", "10000"))


def test_parallel_posts_make_exactly_one_row_each(kcc_token):
    from kanalen.demo import load_kanalen
    from kcc.core.demo import DemoReport

    load_kanalen(DemoReport())
    klant = KlantFactory()
    before = Contactmoment.objects.count()
    specs = [
        RequestSpec(
            "POST",
            "/api/v1/contactmomenten/",
            json={
                "klant": klant.pk,
                "kanaal": "telefoon",
                "resultaat": "beantwoord",
                "vragen": [{"vraag": f"Vraag {i}", "antwoord": "Antwoord"}],
            },
            headers={"Idempotency-Key": str(uuid.uuid4()), "Authorization": f"Token {kcc_token}"},
        )
        for i in range(AANTAL)
    ]
    import requests

    with GunicornServer(workers=3, env=process_env(CACHE_URL="locmem://")) as server:
        result = run(
            name="contactmomenten",
            base_url=server.base_url,
            specs=specs,
            concurrency=20,
            total=AANTAL,
            session_factory=requests.Session,
            ok_statuses=(201,),
            max_seconds=900,
            timeout=120,  # a slow answer on a busy CI machine is not a lost contact
        )
    assert result.errors == 0, result.summary()
    assert result.requests == AANTAL
    assert Contactmoment.objects.count() - before == AANTAL
