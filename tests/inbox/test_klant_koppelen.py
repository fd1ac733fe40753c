"""An item of an unrecognised sender is linked to a Klant once the medewerker knows who it is."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kanalen.inbox import overdracht
from kanalen.inbox.models import InkomendBericht
from kcc.accounts import roles
from kcc.audit.models import Verwerking
from tests.factories import UserFactory
from tests.inbox.factories import InkomendBerichtFactory, KlantFactory
from tests.inbox.test_overdracht import _client

pytestmark = pytest.mark.django_db

BSN = "999993653"


def _post(client, bericht, nummer, vastgesteld=True):
    data = {"koppelen-nummer": nummer}
    if vastgesteld:
        data["koppelen-identiteit_vastgesteld"] = "on"
    return client.post(reverse("console:inbox:klant-koppelen", args=[bericht.pk]), data)


def test_koppelen_op_bsn_koppelt_het_hele_gesprek_en_opent_de_aanvraag(kim_kcc):
    klant = KlantFactory(bsn=BSN)
    bericht = InkomendBerichtFactory()
    vervolg = InkomendBerichtFactory(gesprek=bericht.gesprek, is_vervolg=True)
    client = _client(kim_kcc)
    assert (
        "Aan een klant koppelen"
        in client.get(reverse("console:inbox:detail", args=[bericht.pk])).content.decode()
    )

    response = _post(client, bericht, "9999 93 653")
    assert response.status_code == 302
    bericht.refresh_from_db()
    vervolg.refresh_from_db()
    assert bericht.klant == klant and vervolg.klant == klant
    assert bericht.gesprek.klant == klant
    assert bericht.behandelaar == kim_kcc  # koppelen claims a free item
    assert Verwerking.objects.filter(
        klant=klant, medewerker=kim_kcc, actie=Verwerking.Actie.GEWIJZIGD
    ).exists()
    html = client.get(reverse("console:inbox:detail", args=[bericht.pk])).content.decode()
    assert f"Start een aanvraag voor {klant.naam}" in html
    assert "Aan een klant koppelen" not in html


def test_koppelen_op_kvk_nummer(kim_kcc):
    bedrijf = KlantFactory(soort="organisatie", kvk_nummer="69599084", bedrijfsnaam="Bakkerij")
    bericht = InkomendBerichtFactory()
    assert (
        overdracht.bericht_klant_koppelen(bericht=bericht, medewerker=kim_kcc, nummer="6959 9084")
        == bedrijf
    )


@pytest.mark.parametrize(
    ("nummer", "fout"),
    [
        ("123456789", overdracht.KLANTNUMMER_ONGELDIG),  # no elfproef
        ("abc", overdracht.KLANTNUMMER_ONGELDIG),
        ("<b>12345678</b>", overdracht.KLANTNUMMER_ONGELDIG),
        (BSN, overdracht.KLANT_NIET_GEVONDEN),  # valid, but not in the register
    ],
)
def test_ongeldig_of_onbekend_nummer_geeft_een_veldfout(kim_kcc, nummer, fout):
    bericht = InkomendBerichtFactory()
    response = _post(_client(kim_kcc), bericht, nummer)
    assert response.status_code == 400
    html = response.content.decode()
    assert fout.split(" (")[0] in html.replace("&#x27;", "'")
    assert "<b>12345678" not in html
    assert InkomendBericht.objects.get(pk=bericht.pk).klant_id is None


def test_zonder_vastgestelde_identiteit_geen_koppeling(kim_kcc):
    KlantFactory(bsn=BSN)
    bericht = InkomendBerichtFactory()
    response = _post(_client(kim_kcc), bericht, BSN, vastgesteld=False)
    assert response.status_code == 400
    assert "Koppel pas als u de identiteit heeft vastgesteld." in response.content.decode()
    assert InkomendBericht.objects.get(pk=bericht.pk).klant_id is None


def test_een_gekoppeld_bericht_gaat_nooit_naar_een_andere_klant(kim_kcc):
    eerste = KlantFactory()
    KlantFactory(bsn=BSN)
    bericht = InkomendBerichtFactory(klant=eerste)
    with pytest.raises(ValidationError, match=overdracht.KLANT_AL_GEKOPPELD):
        overdracht.bericht_klant_koppelen(bericht=bericht, medewerker=kim_kcc, nummer=BSN)
    assert InkomendBericht.objects.get(pk=bericht.pk).klant == eerste


def test_item_van_een_collega_of_afgerond_mag_niet(kim_kcc):
    KlantFactory(bsn=BSN)
    collega = UserFactory(username="collega", rol=roles.KCC_MEDEWERKER)
    van_collega = InkomendBerichtFactory(behandelaar=collega, status="in_behandeling")
    afgerond = InkomendBerichtFactory(status="beantwoord")
    for bericht in (van_collega, afgerond):
        response = _post(_client(kim_kcc), bericht, BSN)
        assert response.status_code == 400
        assert InkomendBericht.objects.get(pk=bericht.pk).klant_id is None


def test_alleen_inboxrollen(bo_burgerzaken, fenna_beheer):
    KlantFactory(bsn=BSN)
    bericht = InkomendBerichtFactory()
    for user in (bo_burgerzaken, fenna_beheer):
        assert _post(_client(user), bericht, BSN).status_code == 403
    assert (
        Client().post(reverse("console:inbox:klant-koppelen", args=[bericht.pk]), {}).status_code
        == 302
    )  # anonymous: to the login page
    assert InkomendBericht.objects.get(pk=bericht.pk).klant_id is None
