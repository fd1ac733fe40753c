"""Handing an item over: as a contactverzoek, or as an aanvraag (zaak) for a product."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kanalen.inbox import overdracht, services
from kanalen.inbox.models import InkomendBericht
from kanalen.models import Contactmoment, Contactverzoek
from kcc.kpi.selectors import KpiFilter, kpi_rapport
from tests.inbox.factories import InkomendBerichtFactory, klant_met_email
from tests.productcatalogus.factories import ProductFactory, StatustypeFactory
from tests.queries import assert_constant_queries
from zaken import errors as zaken_errors
from zaken.models import Zaak

pytestmark = pytest.mark.django_db

INTAKE = [
    {"code": "kenteken", "vraag": "Wat is het kenteken?", "type": "tekst", "verplicht": True},
    {"code": "ingang", "vraag": "Vanaf wanneer?", "type": "datum", "verplicht": True},
    {"code": "elektrisch", "vraag": "Rijdt de auto elektrisch?", "type": "ja_nee"},
]


@pytest.fixture
def parkeervergunning(afdeling_vergunningen):
    product = ProductFactory(
        naam="Parkeervergunning", afdeling=afdeling_vergunningen, intake=INTAKE
    )
    StatustypeFactory(product=product, volgnummer=1, naam="Ontvangen")
    return product


@pytest.fixture
def item_van_klant():
    klant = klant_met_email("jan@example.nl")
    return InkomendBerichtFactory(
        klant=klant, gesprek__klant=klant, gesprek__adres="jan@example.nl"
    )


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(bericht) -> str:
    return reverse("console:inbox:overdragen-zaak", args=[bericht.pk])


def test_overdragen_als_zaak_start_aanvraag_bij_de_afdeling(
    kim_kcc, item_van_klant, parkeervergunning, afdeling_vergunningen
):
    client = _client(kim_kcc)
    detail = reverse("console:inbox:detail", args=[item_van_klant.pk])
    html = client.get(detail, {"zaak_product": parkeervergunning.pk}).content.decode()
    assert "Wat is het kenteken?" in html and "Rijdt de auto elektrisch?" in html

    # Missing answers: the intake's own messages, nothing saved.
    response = client.post(_url(item_van_klant), {"product": parkeervergunning.pk})
    assert response.status_code == 400
    assert zaken_errors.FOUT_VERPLICHT in response.content.decode()
    assert not Zaak.objects.exists()
    assert InkomendBericht.objects.get(pk=item_van_klant.pk).status == "nieuw"

    response = client.post(
        _url(item_van_klant),
        {
            "product": parkeervergunning.pk,
            "intake-kenteken": "AB-12-CD",
            "intake-ingang": "2026-12-14",
            "intake-elektrisch": "ja",
        },
    )
    assert response.status_code == 302
    zaak = Zaak.objects.get()
    assert (zaak.klant, zaak.product, zaak.afdeling) == (
        item_van_klant.klant,
        parkeervergunning,
        afdeling_vergunningen,
    )
    assert zaak.aanvraag.kanaal == "email"
    assert zaak.aanvraag.antwoorden["kenteken"] == "AB-12-CD"
    assert zaak.aanvraag.antwoorden["elektrisch"] is True
    item_van_klant.refresh_from_db()
    assert item_van_klant.status == "overgedragen"
    cm = Contactmoment.objects.get(resultaat=Contactmoment.Resultaat.AANVRAAG_GESTART)
    assert (cm.richting, cm.kanaal.code, cm.klant) == ("inkomend", "email", zaak.klant)
    assert cm.vragen.get().product == parkeervergunning
    assert zaak.identificatie in cm.vragen.get().antwoord
    # A complete aanvraag registered counts as solved in the first contact.
    vandaag = cm.gestart_op.date()
    assert kpi_rapport(KpiFilter(van=vandaag, tot=vandaag), alles_live=True).fcr.opgelost == 1


def test_zaak_alleen_voor_bekende_klant(kim_kcc, parkeervergunning):
    bericht = InkomendBerichtFactory()
    with pytest.raises(ValidationError, match=overdracht.ZAAK_ALLEEN_MET_KLANT):
        overdracht.bericht_overdragen_zaak(
            bericht=bericht, medewerker=kim_kcc, product_id=parkeervergunning.pk, antwoorden={}
        )
    html = _client(kim_kcc).get(reverse("console:inbox:detail", args=[bericht.pk])).content
    assert "Een aanvraag kan alleen voor een bekende klant" in html.decode()
    assert not Zaak.objects.exists()


def test_zaak_product_moet_bestaan_en_op_het_kanaal_kunnen(kim_kcc, item_van_klant):
    alleen_balie = ProductFactory(kanalen=["balie"])
    inactief = ProductFactory(inactief=True)
    for product_id in (None, alleen_balie.pk, inactief.pk, 99999999):
        with pytest.raises(ValidationError, match=overdracht.PRODUCT_NODIG):
            overdracht.bericht_overdragen_zaak(
                bericht=item_van_klant, medewerker=kim_kcc, product_id=product_id, antwoorden={}
            )
    for onzin in ("", "abc", "99999999999999999999", "１"):
        response = _client(kim_kcc).post(_url(item_van_klant), {"product": onzin})
        assert response.status_code == 400
        assert overdracht.PRODUCT_NODIG in response.content.decode()
    assert InkomendBericht.objects.get(pk=item_van_klant.pk).status == "in_behandeling"


def test_zaak_toegang(
    item_van_klant, parkeervergunning, bo_burgerzaken, vera_vergunningen, fenna_beheer, kim_kcc
):
    url = _url(item_van_klant)
    anoniem = Client().post(url, {"product": parkeervergunning.pk})
    assert anoniem.status_code == 302 and "/accounts/login/" in anoniem["Location"]
    for user in (bo_burgerzaken, vera_vergunningen, fenna_beheer):
        assert _client(user).post(url, {"product": parkeervergunning.pk}).status_code == 403
    assert _client(kim_kcc).get(url).status_code == 405
    assert InkomendBericht.objects.get(pk=item_van_klant.pk).status == "nieuw"


def test_collega_kan_andermans_item_niet_als_zaak_overdragen(
    kim_kcc, tom_teamleider, item_van_klant, parkeervergunning
):
    services.bericht_claimen(bericht=item_van_klant, medewerker=kim_kcc)
    with pytest.raises(ValidationError, match=services.NIET_VAN_U):
        overdracht.bericht_overdragen_zaak(
            bericht=InkomendBericht.objects.get(pk=item_van_klant.pk),
            medewerker=tom_teamleider,
            product_id=parkeervergunning.pk,
            antwoorden={"kenteken": "X", "ingang": "2026-12-14"},
        )
    assert not Zaak.objects.exists()


def test_detail_met_zaakvragen_constant_aantal_queries(kim_kcc, item_van_klant, parkeervergunning):
    client = _client(kim_kcc)
    url = reverse("console:inbox:detail", args=[item_van_klant.pk])

    def groei():
        for _ in range(5):
            ProductFactory(intake=INTAKE)

    assert_constant_queries(
        lambda: client.get(url, {"zaak_product": parkeervergunning.pk}), groei, label="zaak"
    )


def test_overdragen_als_contactverzoek_is_inkomend_niet_opgelost(kim_kcc, afdeling_burgerzaken):
    klant = klant_met_email("an@example.nl")
    bericht = InkomendBerichtFactory(klant=klant, gesprek__klant=klant)
    cm = overdracht.bericht_overdragen(
        bericht=bericht, medewerker=kim_kcc, afdeling_id=afdeling_burgerzaken.pk
    )
    assert (cm.richting, cm.kanaal.code, cm.resultaat) == ("inkomend", "email", "contactverzoek")
    assert Contactverzoek.objects.get(contactmoment=cm).afdeling == afdeling_burgerzaken
    vandaag = cm.gestart_op.date()
    fcr = kpi_rapport(KpiFilter(van=vandaag, tot=vandaag), alles_live=True).fcr
    assert (fcr.totaal, fcr.opgelost) == (1, 0)


def test_overdragen_duur_vanaf_oppakken(kim_kcc, afdeling_burgerzaken):
    import time_machine

    bericht = InkomendBerichtFactory()
    with time_machine.travel("2026-11-23 10:00:00+01:00", tick=False):
        services.bericht_claimen(bericht=bericht, medewerker=kim_kcc)
    with time_machine.travel("2026-11-23 10:07:00+01:00", tick=False):
        cm = overdracht.bericht_overdragen(
            bericht=bericht, medewerker=kim_kcc, afdeling_id=afdeling_burgerzaken.pk
        )
    assert cm.duur_seconden == 7 * 60
    assert cm.gestart_op == datetime.datetime.fromisoformat("2026-11-23 10:00:00+01:00")
