"""A monitor tick runs the same number of queries for 10 and for 200 new objects."""

from __future__ import annotations

import datetime

import pytest

from kanalen.models import Contactverzoek
from kcc.normen.calendar import TIJDZONE
from kcc.normen.models import Signalering
from kcc.normen.monitor import KLANTBERICHTEN_PER_TICK, monitor_tick
from tests.inbox.factories import InkomendBerichtFactory
from tests.kanalen.factories import ContactverzoekFactory
from tests.productcatalogus.factories import ProductFactory
from tests.queries import count_queries
from tests.zaken.factories import DigitaalAdresFactory, KlantFactory, ZaakFactory
from zaken.models import OutboxBericht

pytestmark = pytest.mark.django_db

NU = datetime.datetime(2026, 11, 17, 10, 0, tzinfo=TIJDZONE)  # a Tuesday


def _objecten(n: int, product, ronde: int) -> None:
    """n objects of every kind, each crossing a threshold at NU.

    Half of the warnings are of an organisation new in this round: the closing days of
    every organisation are read in one query, so more organisations add no queries.
    """
    andere_organisatie = ProductFactory()
    for i in range(n):
        klant = KlantFactory()
        DigitaalAdresFactory(klant=klant)
        # Breach: streefdatum yesterday. Warning: a spread of terms ending later.
        ZaakFactory(
            product=product,
            klant=klant,
            startdatum=datetime.date(2026, 10, 1) + datetime.timedelta(days=i % 20),
            streefdatum=datetime.date(2026, 11, 16),
            uiterlijke_einddatum=datetime.date(2026, 11, 13),  # the legal term too
        )
        ZaakFactory(
            product=product if i % 2 else andere_organisatie,
            startdatum=datetime.date(2026, 10, 1) + datetime.timedelta(days=i % 20),
            streefdatum=datetime.date(2026, 11, 18) + datetime.timedelta(days=i % 3),
        )
        cv = ContactverzoekFactory(afdeling=product.afdeling)
        Contactverzoek.objects.filter(pk=cv.pk).update(
            aangemaakt_op=NU - datetime.timedelta(days=2),
            deadline=NU - datetime.timedelta(hours=1 + i % 5),
        )
        InkomendBerichtFactory(
            referentie=f"KCC-2026-{ronde}{i:05d}",
            ontvangen_op=NU - datetime.timedelta(days=3),
            deadline=NU + datetime.timedelta(hours=1),
        )


def test_tick_queries_groeien_niet_met_het_volume(afdeling_burgerzaken):
    product = ProductFactory(afdeling=afdeling_burgerzaken)
    monitor_tick(nu=NU)  # warm up the content type cache

    _objecten(10, product, 1)
    klein = count_queries(lambda: monitor_tick(nu=NU))
    assert Signalering.objects.count() == 50
    assert OutboxBericht.objects.count() == 10

    _objecten(200, product, 2)
    groot = count_queries(lambda: monitor_tick(nu=NU))
    assert Signalering.objects.count() == 50 + 1000
    # Citizen messages are capped per tick (one INSERT); the rest follow next tick.
    assert OutboxBericht.objects.count() == 10 + KLANTBERICHTEN_PER_TICK
    assert klein == groot, f"10 objecten: {klein} queries, 200 objecten: {groot}"

    monitor_tick(nu=NU + datetime.timedelta(minutes=5))
    monitor_tick(nu=NU + datetime.timedelta(minutes=10))
    assert OutboxBericht.objects.count() == 210
