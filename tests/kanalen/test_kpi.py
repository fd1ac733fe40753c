"""KPIs exactly as DESIGN.md defines them."""

import datetime

import pytest
from django.utils import timezone

from kanalen.selectors import kpi_afhandeltijd_per_kanaal, kpi_eerste_contactoplossing
from tests.kanalen.factories import ContactmomentFactory, ContactverzoekFactory
from tests.klanten.factories import KlantFactory
from tests.productcatalogus.factories import ProductFactory

pytestmark = pytest.mark.django_db
TZ = timezone.get_current_timezone()
MAANDAG = datetime.datetime(2025, 3, 3, 10, 0, tzinfo=TZ)  # no holidays that week or the next


def _cm(klant, moment, resultaat="beantwoord", product=None, richting="inkomend", **kw):
    return ContactmomentFactory(
        klant=klant,
        gestart_op=moment,
        resultaat=resultaat,
        richting=richting,
        vragen=[("v", "a", product, None)],
        **kw,
    )


def test_fcr(kim_kcc, kanalen):
    paspoort, rijbewijs = ProductFactory(), ProductFactory()
    opgelost = KlantFactory()
    _cm(opgelost, MAANDAG, product=paspoort)  # resolved
    _cm(
        opgelost, MAANDAG + datetime.timedelta(days=2), product=rijbewijs
    )  # other subject: both resolved

    herhaald = KlantFactory()
    _cm(herhaald, MAANDAG, product=paspoort)  # only an outbound follow-up: still resolved
    _cm(
        herhaald,
        MAANDAG + datetime.timedelta(days=6, hours=23),
        product=paspoort,
        richting="uitgaand",
    )

    laat = KlantFactory()
    _cm(laat, MAANDAG, product=paspoort)  # again after the window (next week Tuesday): resolved
    _cm(laat, MAANDAG + datetime.timedelta(days=8), product=paspoort)

    verzoek = _cm(KlantFactory(), MAANDAG, resultaat="contactverzoek")
    ContactverzoekFactory(
        contactmoment=verzoek, klant=verzoek.klant, afdeling=None, behandelaar=kim_kcc
    )
    _cm(KlantFactory(), MAANDAG, resultaat="doorverbonden")
    ContactmomentFactory(klant=None, gestart_op=MAANDAG)  # anonymous: not counted

    herhaald_binnen = KlantFactory()
    _cm(herhaald_binnen, MAANDAG, product=rijbewijs)
    _cm(
        herhaald_binnen, MAANDAG + datetime.timedelta(days=6), product=rijbewijs
    )  # Sunday after: within window

    uitkomst = kpi_eerste_contactoplossing(
        van=MAANDAG.date(), tot=MAANDAG.date() + datetime.timedelta(days=1)
    )
    # Counted (Mon-Tue): opgelost, herhaald, laat, verzoek, doorverbonden, herhaald_binnen = 6
    # Resolved: opgelost, herhaald (outbound is no new inbound contact), laat = 3
    assert uitkomst.totaal == 6
    assert uitkomst.opgelost == 3
    assert uitkomst.percentage == 50.0 and uitkomst.gehaald is False


def test_fcr_geen_contacten():
    uitkomst = kpi_eerste_contactoplossing(van=MAANDAG.date(), tot=MAANDAG.date())
    assert (uitkomst.totaal, uitkomst.percentage, uitkomst.gehaald) == (0, None, None)


def test_afhandeltijd_gemiddeld_en_p90(kanalen):
    for duur in range(10, 110, 10):  # 10 .. 100 s
        ContactmomentFactory(kanaal=kanalen["telefoon"], gestart_op=MAANDAG, duur_seconden=duur)
    ContactmomentFactory(
        kanaal=kanalen["balie"], gestart_op=MAANDAG - datetime.timedelta(days=30), duur_seconden=999
    )
    rijen = {
        r.kanaal: r for r in kpi_afhandeltijd_per_kanaal(van=MAANDAG.date(), tot=MAANDAG.date())
    }
    assert len(rijen) == 7
    telefoon = rijen["telefoon"]
    assert (telefoon.aantal, telefoon.gemiddeld_seconden, telefoon.p90_seconden) == (10, 55.0, 90.0)
    assert (rijen["balie"].aantal, rijen["balie"].p90_seconden) == (0, None)
