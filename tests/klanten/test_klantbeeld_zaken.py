"""The klantbeeld shows the klant's open zaken: deelzaken progress and norm status."""

import datetime

import pytest
from django.utils import timezone

from kcc.normen.models import Signalering
from klanten.selectors import Normstatus, zaken_voor_klantbeeld
from tests.klanten.clients import ingelogd
from tests.klanten.factories import KlantFactory
from tests.productcatalogus.factories import LevensgebeurtenisFactory, ProductFactory
from tests.queries import assert_constant_queries
from tests.zaken.factories import AanvraagFactory, ZaakFactory, zaak_signaleren
from zaken.models import Zaak

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def _levensgebeurtenis(klant, *, deelzaken: int, afgerond: int) -> Zaak:
    """A hoofdzaak with ``deelzaken`` deelzaken of which ``afgerond`` are closed."""
    product = ProductFactory()
    aanvraag = AanvraagFactory(
        klant=klant, product=None, levensgebeurtenis=LevensgebeurtenisFactory()
    )
    hoofdzaak = ZaakFactory(
        klant=klant,
        soort=Zaak.Soort.HOOFDZAAK,
        product=None,
        aanvraag=aanvraag,
        afdeling=product.afdeling,
        organisatie=product.organisatie,
    )
    for i in range(deelzaken):
        ZaakFactory(
            klant=klant,
            soort=Zaak.Soort.DEELZAAK,
            hoofdzaak=hoofdzaak,
            aanvraag=aanvraag,
            afgehandeld=i < afgerond,
        )
    return hoofdzaak


def _waarschuwing(zaak: Zaak) -> None:
    zaak_signaleren(
        zaak, Signalering.Soort.WAARSCHUWING, deadline=timezone.now() + datetime.timedelta(days=1)
    )


def test_zaken_met_voortgang_en_normstatus(kim_kcc):
    klant = KlantFactory()
    hoofdzaak = _levensgebeurtenis(klant, deelzaken=4, afgerond=2)
    te_laat = ZaakFactory(klant=klant, te_laat=True)
    risico = ZaakFactory(klant=klant)
    _waarschuwing(risico)
    opgeschort = ZaakFactory(klant=klant, te_laat=True, opgeschort_sinds=timezone.now())
    ZaakFactory(klant=klant, afgehandeld=True)  # closed: not shown
    ZaakFactory()  # another klant's

    regels = {r.zaak.pk: r for r in zaken_voor_klantbeeld(klant=klant, medewerker=kim_kcc)}
    assert set(regels) == {hoofdzaak.pk, te_laat.pk, risico.pk, opgeschort.pk}
    assert regels[hoofdzaak.pk].zaak.voortgang.tekst == "2 van 4 afgerond"
    assert len(regels[hoofdzaak.pk].deelzaken) == 2  # the open ones, under their hoofdzaak
    assert regels[te_laat.pk].normstatus == Normstatus.TE_LAAT
    assert regels[risico.pk].normstatus == Normstatus.RISICO
    assert regels[opgeschort.pk].normstatus == Normstatus.OPGESCHORT


def test_klantbeeld_toont_zaken_met_links(kim_kcc):
    klant = KlantFactory()
    hoofdzaak = _levensgebeurtenis(klant, deelzaken=4, afgerond=2)
    te_laat = ZaakFactory(klant=klant, te_laat=True)
    html = ingelogd(kim_kcc).get(f"/console/klanten/{klant.pk}/").content.decode()
    assert f'href="/console/zaken/{hoofdzaak.identificatie}/"' in html
    assert f'href="/console/zaken/{te_laat.identificatie}/"' in html
    assert "2 van 4 afgerond" in html and "te laat" in html
    assert f'streefdatum <time datetime="{te_laat.streefdatum:%Y-%m-%d}"' in html
    assert f'href="/console/klanten/{klant.pk}/aanvraag/"' in html


def test_klantbeeld_zonder_zaken(kim_kcc):
    html = ingelogd(kim_kcc).get(f"/console/klanten/{KlantFactory().pk}/").content.decode()
    assert "Geen open zaken." in html


def test_klantbeeld_constant_aantal_queries_met_zaken(kim_kcc):
    klant = KlantFactory()
    client = ingelogd(kim_kcc)

    def grow():
        _levensgebeurtenis(klant, deelzaken=3, afgerond=1)
        _waarschuwing(ZaakFactory(klant=klant))
        ZaakFactory(klant=klant, te_laat=True)

    grow()
    assert_constant_queries(
        lambda: client.get(f"/console/klanten/{klant.pk}/"), grow, label="klantbeeld zaken"
    )
