"""Claiming an inbox item from many connections at once: exactly one winner."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection

from kanalen.inbox import services
from kanalen.inbox.models import InkomendBericht
from kcc.accounts import roles
from tests.factories import UserFactory
from tests.inbox.factories import InkomendBerichtFactory

AANTAL = 30


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="echte parallelle verbindingen: PostgreSQL"
)
def test_parallelle_claims_hebben_precies_een_winnaar(roles_ready):
    bericht = InkomendBerichtFactory()
    medewerkers = [UserFactory(username=f"kcc{i}", rol=roles.KCC_MEDEWERKER) for i in range(AANTAL)]
    start = threading.Barrier(AANTAL)
    uitkomsten: list[str] = []
    lock = threading.Lock()

    def claim(medewerker):
        # Each thread has its own database connection: the claims really race.
        try:
            item = InkomendBericht.objects.get(pk=bericht.pk)
            start.wait()
            try:
                services.bericht_claimen(bericht=item, medewerker=medewerker)
                uitkomst = "gewonnen"
            except services.ClaimVerloren as exc:
                uitkomst = str(exc)
            with lock:
                uitkomsten.append(uitkomst)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=claim, args=(m,)) for m in medewerkers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert uitkomsten.count("gewonnen") == 1
    assert uitkomsten.count(services.CLAIM_VERLOREN) == AANTAL - 1
    bericht.refresh_from_db()
    assert bericht.behandelaar in medewerkers
    assert bericht.status == InkomendBericht.Status.IN_BEHANDELING
