"""Searching the customer record: BRP geheimhouding and errors for mistyped numbers."""

import pytest

from kcc.audit.models import Verwerking
from klanten import validators
from klanten.selectors import klant_zoeken
from klanten.zoeken import NUMMER_ONGELDIG, Soort, interpreteer
from tests.klanten.clients import api
from tests.klanten.clients import ingelogd as _client
from tests.klanten.factories import KlantFactory

pytestmark = pytest.mark.django_db

# Eva van Dijk in the local BRP provider: geheimhouding, Havenkade 7, 1236 CB.
BSN_GEHEIM = "999993094"


def test_postcode_zoeken_vindt_geen_geheime_klant_voor_kcc(kim_kcc, tom_teamleider):
    geheim = KlantFactory(geheim=True, postcode="1234 AB", huisnummer=5)
    buur = KlantFactory(postcode="1234 AB", huisnummer=5)
    kim = klant_zoeken(q="1234AB 5", medewerker=kim_kcc, registers=False)
    assert kim.klanten == [buur]
    # Not found, so not logged as found either.
    assert not Verwerking.objects.filter(klant=geheim).exists()
    alleen_postcode = klant_zoeken(q="1234 AB", medewerker=kim_kcc, registers=False)
    assert geheim not in alleen_postcode.klanten
    # Whoever may see the address may find it by address; everyone finds the BSN.
    assert geheim in klant_zoeken(q="1234AB 5", medewerker=tom_teamleider).klanten
    geheim.bsn = validators.normaliseer_bsn("999990019")
    geheim.save()
    assert klant_zoeken(q="999990019", medewerker=kim_kcc).klanten == [geheim]


def test_postcode_zoeken_in_brp_laat_geheime_persoon_weg(kim_kcc, tom_teamleider, registers):
    kim = klant_zoeken(q="1236CB 7", medewerker=kim_kcc)
    assert kim.registers_gevraagd and BSN_GEHEIM not in [t.sleutel for t in kim.registers]
    tom = klant_zoeken(q="1236CB 7", medewerker=tom_teamleider)
    assert BSN_GEHEIM in [t.sleutel for t in tom.registers]
    op_bsn = klant_zoeken(q=BSN_GEHEIM, medewerker=kim_kcc)
    assert [t.sleutel for t in op_bsn.registers] == [BSN_GEHEIM]


def test_api_postcode_zoeken_geeft_geen_geheime_klant(kim_kcc):
    KlantFactory(geheim=True, postcode="1234 AB", huisnummer=5)
    body = api(kim_kcc).get("/api/v1/klanten/", {"zoek": "1234 AB 5"}).json()
    assert body["resultaten"] == []


@pytest.mark.parametrize(
    ("tekst", "soort", "fout"),
    [
        ("1234567", Soort.KVK, validators.KVK_ONGELDIG),
        ("123 45 67", Soort.KVK, validators.KVK_ONGELDIG),
        ("1234567890", None, NUMMER_ONGELDIG),
        ("0612", Soort.TELEFOON, validators.TELEFOON_ONGELDIG),
    ],
)
def test_verkeerd_nummer_geeft_passende_melding(tekst, soort, fout):
    vraag = interpreteer(tekst)
    assert (vraag.soort, vraag.fout) == (soort, fout)


def test_console_zoeken_kvk_te_kort_melding_bij_veld(kim_kcc):
    html = _client(kim_kcc).get("/console/klanten/zoeken/", {"q": "1234567"}).content.decode()
    assert 'id="id_q-fout"' in html and validators.KVK_ONGELDIG in html
    assert validators.TELEFOON_ONGELDIG not in html
