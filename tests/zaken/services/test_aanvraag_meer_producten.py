"""A KCC-medewerker asks for several products at once; the hoofdzaak's aanspreekpunt."""

import pytest
from django.core.exceptions import ValidationError

from kcc.accounts import roles
from tests.factories import UserFactory
from zaken import errors
from zaken.errors import ZaakFout, ZaakGeenToegang
from zaken.models import Aanvraag, OutboxBericht, Zaak
from zaken.models.aanvragen import AANVRAAG_MEER_PRODUCTEN
from zaken.selectors import zaak_antwoorden, zaak_antwoorden_per_code
from zaken.services.aanvragen import (
    aanspreekpunt_kiezen,
    aanvraag_concept_opslaan,
    aanvraag_indienen,
)
from zaken.services.zaken import hoofdzaak_aanspreekpunt_wijzigen

pytestmark = pytest.mark.django_db

ANTWOORDEN = {
    "verhuisdatum": "2026-12-15",
    "nieuwe_postcode": "1234 CD",
    "kenteken": "AB-123-C",
    "soort_vergunning": "bewoner",
}


def _indienen(klant, producten, medewerker, antwoorden=ANTWOORDEN):
    return aanvraag_indienen(
        klant=klant,
        producten=producten,
        antwoorden=antwoorden,
        medewerker=medewerker,
        kanaal="telefoon",
    )


def test_meer_producten_worden_een_hoofdzaak_met_een_deelzaak_per_product(
    klant, verhuizing, parkeervergunning, toeslagen, kim_kcc, afdeling_kcc
):
    aanvraag = _indienen(klant, [verhuizing, parkeervergunning, toeslagen], kim_kcc)
    assert aanvraag.meer_producten and aanvraag.product is None
    assert aanvraag.levensgebeurtenis is None
    assert set(aanvraag.producten.all()) == {verhuizing, parkeervergunning, toeslagen}
    hoofdzaak = aanvraag.zaken.get(soort=Zaak.Soort.HOOFDZAAK)
    assert hoofdzaak.afdeling == afdeling_kcc
    assert hoofdzaak.aanspreekpunt == kim_kcc
    assert hoofdzaak.omschrijving == AANVRAAG_MEER_PRODUCTEN
    deelzaken = {z.product: z for z in hoofdzaak.deelzaken.all()}
    assert set(deelzaken) == {verhuizing, parkeervergunning, toeslagen}
    for product, deelzaak in deelzaken.items():
        assert deelzaak.soort == Zaak.Soort.DEELZAAK
        assert deelzaak.afdeling == product.afdeling
        assert deelzaak.organisatie == product.organisatie
    assert hoofdzaak.streefdatum == max(z.streefdatum for z in deelzaken.values())
    ontvangst = OutboxBericht.objects.get(dedup_sleutel__endswith=":ontvangen")
    assert "voor meer producten" in ontvangst.payload["tekst"]
    assert f"aanspreekpunt bij het KCC: {kim_kcc.first_name}." in ontvangst.payload["tekst"]


def test_vragen_van_alle_producten_zijn_verplicht(klant, verhuizing, parkeervergunning, kim_kcc):
    with pytest.raises(ValidationError) as exc:
        _indienen(klant, [verhuizing, parkeervergunning], kim_kcc, {"verhuisdatum": "2026-12-15"})
    assert set(exc.value.message_dict) == {"nieuwe_postcode", "kenteken", "soort_vergunning"}
    assert not Aanvraag.objects.exists()


def test_minstens_twee_verschillende_producten(klant, verhuizing, parkeervergunning, kim_kcc):
    for producten in ([verhuizing], [verhuizing, verhuizing]):
        with pytest.raises(ValidationError) as exc:
            _indienen(klant, producten, kim_kcc)
        assert exc.value.messages == [errors.FOUT_MEER_PRODUCTEN]
    with pytest.raises(ValidationError) as exc:
        aanvraag_indienen(
            klant=klant,
            product=verhuizing,
            producten=[verhuizing, parkeervergunning],
            antwoorden=ANTWOORDEN,
            kanaal="telefoon",
        )
    assert exc.value.messages == [errors.FOUT_PRODUCT_OF_LEVENSGEBEURTENIS]


def test_concept_met_meer_producten_later_indienen(
    klant, verhuizing, parkeervergunning, kim_kcc, afdeling_kcc
):
    concept = aanvraag_concept_opslaan(
        klant=klant,
        producten=[verhuizing, parkeervergunning],
        antwoorden={"kenteken": "AB-123-C"},
        medewerker=kim_kcc,
        kanaal="balie",
    )
    assert concept.meer_producten and concept.onderwerp.naam == AANVRAAG_MEER_PRODUCTEN
    aanvraag = aanvraag_indienen(
        klant=klant,
        producten=list(concept.producten.all()),
        antwoorden=ANTWOORDEN,
        medewerker=kim_kcc,
        kanaal="balie",
        aanvraag=concept,
    )
    assert aanvraag.pk == concept.pk
    assert aanvraag.zaken.count() == 3


def test_deelzaak_ziet_alleen_de_antwoorden_van_het_eigen_product(
    klant, verhuizing, parkeervergunning, toeslagen, kim_kcc, afdeling_kcc
):
    aanvraag = _indienen(klant, [verhuizing, parkeervergunning, toeslagen], kim_kcc)
    parkeren = aanvraag.zaken.get(product=parkeervergunning)
    assert zaak_antwoorden_per_code(zaak=parkeren) == {
        "kenteken": "AB-123-C",
        "soort_vergunning": "bewoner",
    }
    assert [a.vraag for a in zaak_antwoorden(zaak=parkeren)] == [
        "Wat is het kenteken?",
        "Welke vergunning?",
    ]
    verhuis = aanvraag.zaken.get(product=verhuizing)
    # The name comes from the BRP and the verhuizing asks for it (brp_veld): it counts.
    assert set(zaak_antwoorden_per_code(zaak=verhuis)) == {
        "naam",
        "verhuisdatum",
        "nieuwe_postcode",
    }
    assert zaak_antwoorden_per_code(zaak=aanvraag.zaken.get(soort="hoofdzaak")) == {}


def test_webhook_bevat_alleen_de_eigen_antwoorden(
    klant, verhuizing, parkeervergunning, toeslagen, kim_kcc, afdeling_kcc
):
    aanvraag = _indienen(klant, [verhuizing, parkeervergunning, toeslagen], kim_kcc)
    webhook = OutboxBericht.objects.get(soort=OutboxBericht.Soort.WEBHOOK)
    assert webhook.zaak == aanvraag.zaken.get(product=toeslagen)
    assert webhook.payload["data"]["antwoorden"] == {}  # toeslagen asks nothing itself


@pytest.fixture
def kcc_team(roles_ready, afdeling_kcc):
    return [
        UserFactory(username=naam, rol=roles.KCC_MEDEWERKER, afdelingen=[afdeling_kcc])
        for naam in ("anna", "bram")
    ]


def test_portaal_aanvraag_krijgt_het_minst_drukke_aanspreekpunt(
    klant, verhuizen, antwoorden_verhuizen, kcc_team
):
    anna, bram = kcc_team
    eerste, tweede = (
        aanvraag_indienen(
            klant=klant,
            levensgebeurtenis=verhuizen,
            antwoorden=antwoorden_verhuizen,
            kanaal="webformulier",
        )
        for _ in range(2)
    )
    assert eerste.nieuwe_zaken[0].aanspreekpunt == anna
    assert tweede.nieuwe_zaken[0].aanspreekpunt == bram


def test_geen_kcc_medewerker_in_de_regie_afdeling_geen_aanspreekpunt(afdeling_kcc):
    assert aanspreekpunt_kiezen(regie=afdeling_kcc) is None


def test_teamleider_wijst_een_aanspreekpunt_aan(hoofdzaak, tom_teamleider, kcc_team):
    anna, _ = kcc_team
    hoofdzaak_aanspreekpunt_wijzigen(
        hoofdzaak=hoofdzaak, aanspreekpunt=anna, medewerker=tom_teamleider
    )
    hoofdzaak.refresh_from_db()
    assert hoofdzaak.aanspreekpunt == anna
    assert hoofdzaak.statussen.filter(omschrijving__startswith="Aanspreekpunt").exists()


def test_aanspreekpunt_alleen_door_teamleider_en_alleen_kcc(
    hoofdzaak, kim_kcc, tom_teamleider, bo_burgerzaken, kcc_team
):
    anna, _ = kcc_team
    with pytest.raises(ZaakGeenToegang) as exc:
        hoofdzaak_aanspreekpunt_wijzigen(
            hoofdzaak=hoofdzaak, aanspreekpunt=anna, medewerker=kim_kcc
        )
    assert exc.value.message == errors.FOUT_AANSPREEKPUNT_ALLEEN_TEAMLEIDER
    with pytest.raises(ZaakFout) as exc:
        hoofdzaak_aanspreekpunt_wijzigen(
            hoofdzaak=hoofdzaak, aanspreekpunt=bo_burgerzaken, medewerker=tom_teamleider
        )
    assert exc.value.message == errors.FOUT_AANSPREEKPUNT_GEEN_KCC
    deelzaak = hoofdzaak.deelzaken.first()
    with pytest.raises(ZaakFout) as exc:
        hoofdzaak_aanspreekpunt_wijzigen(
            hoofdzaak=deelzaak, aanspreekpunt=anna, medewerker=tom_teamleider
        )
    assert exc.value.message == errors.FOUT_AANSPREEKPUNT_ALLEEN_HOOFDZAAK


def test_portaal_toont_de_hoofdzaak_van_meer_producten_met_naam(
    klant, verhuizing, parkeervergunning, kim_kcc, afdeling_kcc
):
    from kcc.portaal.zaken_selectors import zaken_voor_portaal

    _indienen(klant, [verhuizing, parkeervergunning], kim_kcc)
    (hoofdzaak,) = [z for z in zaken_voor_portaal(klant_ids=[klant.pk]) if z.is_hoofdzaak]
    assert hoofdzaak.omschrijving == AANVRAAG_MEER_PRODUCTEN
