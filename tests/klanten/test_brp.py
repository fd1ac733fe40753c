"""The BRP client against the local provider (HTTP boundary via `responses`)."""

import datetime

import pytest
import requests
import responses
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client

from kcc.audit.models import Verwerking
from klanten import brp, kvk
from klanten.models import Klant
from klanten.services import BSN_NIET_IN_BRP, klant_create_from_brp, klant_create_from_kvk

PERSONEN_URL = "/demo-brp/haalcentraal/api/brp/personen"
pytestmark = pytest.mark.django_db


def test_raadplegen_met_bsn(registers):
    persoon = brp.persoon_raadplegen(bsn="999993161")
    assert (persoon.voornamen, persoon.voorvoegsel, persoon.geslachtsnaam) == (
        "Sophie",
        "van der",
        "Linden",
    )
    assert persoon.geboortedatum == datetime.date(1983, 7, 14)
    assert (persoon.straat, persoon.huisnummer, persoon.postcode) == ("Marktstraat", 32, "1238EA")
    assert persoon.ruw["burgerservicenummer"] == "999993161"


def test_onbekend_bsn_geeft_none(registers):
    assert brp.persoon_raadplegen(bsn="999990019") is None


def test_zoeken_op_adres_en_naam(registers):
    op_adres = brp.personen_zoeken_op_adres(postcode="1235 BE", huisnummer=8)
    assert [p.bsn for p in op_adres] == ["999993057"]
    assert "verblijfplaats" not in op_adres[0].ruw  # zoek-antwoorden zijn 'beperkt'
    op_naam = brp.personen_zoeken_op_naam(
        geslachtsnaam="Yilmaz", geboortedatum=datetime.date(1981, 9, 9)
    )
    assert [p.bsn for p in op_naam] == ["999993069"]


def test_geheimhouding_komt_mee(registers):
    assert brp.persoon_raadplegen(bsn="999993094").geheimhouding is True


def test_provider_eist_api_sleutel():
    response = Client().post(
        PERSONEN_URL,
        data={"type": "RaadpleegMetBurgerservicenummer"},
        content_type="application/json",
    )
    assert response.status_code == 401


def test_provider_meldt_ontbrekende_parameters():
    response = Client().post(
        PERSONEN_URL,
        data={"type": "ZoekMetPostcodeEnHuisnummer", "fields": ["naam"]},
        content_type="application/json",
        headers={"X-API-KEY": settings.BRP_API_KEY},
    )
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"postcode", "huisnummer"}


@pytest.mark.parametrize("fout", [requests.ConnectionError("weg"), requests.Timeout("traag")])
def test_brp_onbereikbaar_of_traag_geeft_nederlandse_fout(fout):
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, settings.BRP_API_URL + "/personen", body=fout)
        with pytest.raises(brp.BrpNietBereikbaar) as exc:
            brp.persoon_raadplegen(bsn="999993008")
    assert str(exc.value) == brp.BRP_NIET_BEREIKBAAR


def test_klant_uit_brp_slaat_antwoord_en_tijd_op_en_vraagt_niet_opnieuw(registers, kim_kcc):
    klant = klant_create_from_brp(bsn="999993008", medewerker=kim_kcc)
    assert klant.brp_opgehaald_op is not None
    assert klant.brp_gegevens["naam"]["geslachtsnaam"] == "Jansen"
    assert (klant.postcode, klant.zoeknaam) == ("1234 AB", "jansen jan willem")
    aantal = len(registers.calls)
    assert klant_create_from_brp(bsn="999993008", medewerker=kim_kcc) == klant
    assert len(registers.calls) == aantal  # never asked again
    assert Verwerking.objects.filter(klant=klant, actie="aangemaakt").count() == 1


def test_klant_uit_brp_onbekend_bsn(registers, kim_kcc):
    with pytest.raises(ValidationError) as exc:
        klant_create_from_brp(bsn="999990019", medewerker=kim_kcc)
    assert exc.value.message_dict["bsn"] == [BSN_NIET_IN_BRP]
    assert not Klant.objects.exists()


def test_brp_plat_niets_half_opgeslagen(brp_plat, kim_kcc):
    with pytest.raises(brp.BrpNietBereikbaar):
        klant_create_from_brp(bsn="999993008", medewerker=kim_kcc)
    assert not Klant.objects.exists()
    assert not Verwerking.objects.exists()


def test_kvk_zoeken_en_basisprofiel(registers, kim_kcc):
    assert [b.naam for b in kvk.zoeken(naam="korenschoof")] == ["Bakkerij De Korenschoof B.V."]
    klant = klant_create_from_kvk(kvk_nummer="69599084", medewerker=kim_kcc)
    assert (klant.soort, klant.vestigingsnummer, klant.rsin) == (
        "organisatie",
        "000038509490",
        "857150509",
    )
    assert klant.kvk_gegevens["_embedded"]["hoofdvestiging"]["vestigingsnummer"] == "000038509490"
