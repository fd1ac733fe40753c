"""Idempotency-Key on every create of the klanten and kanalen API: per caller and request."""

import datetime
import uuid

import pytest
import time_machine
from django.utils import timezone

from kanalen.models import Contactmoment, Contactverzoek
from kcc.audit.models import Verwerking
from klanten.api import idempotentie
from klanten.models import DigitaalAdres, IdempotenteAanroep, Klant
from tests.kanalen.factories import ContactmomentFactory
from tests.klanten.clients import api as _api
from tests.klanten.factories import KlantFactory

pytestmark = pytest.mark.django_db


def _post(client, pad, body, sleutel):
    return client.post(
        pad, body, content_type="application/json", headers={"Idempotency-Key": sleutel}
    )


def _cm_body(klant, vraag="Wanneer is het stadskantoor open?"):
    return {
        "klant": klant.pk,
        "kanaal": "telefoon",
        "resultaat": "beantwoord",
        "vragen": [{"vraag": vraag, "antwoord": "Van 9 tot 17 uur."}],
    }


def test_zelfde_sleutel_zelfde_verzoek_geeft_eerste_antwoord_en_verwerking(kim_kcc, kanalen):
    klant = KlantFactory()
    client = _api(kim_kcc)
    eerste = _post(client, "/api/v1/contactmomenten/", _cm_body(klant), "sleutel-1")
    tweede = _post(client, "/api/v1/contactmomenten/", _cm_body(klant), "sleutel-1")
    assert (eerste.status_code, tweede.status_code) == (201, 201)
    assert tweede.json() == eerste.json() and "Idempotent-Replayed" not in eerste
    assert tweede["Idempotent-Replayed"] == "true"
    assert Contactmoment.objects.count() == 1
    herhaald = Verwerking.objects.get(toelichting=idempotentie.HERHAALD)
    assert (herhaald.klant, herhaald.medewerker, herhaald.actie) == (klant, kim_kcc, "gelezen")
    assert herhaald.scherm_of_endpoint == "api POST /api/v1/contactmomenten/"


def test_zelfde_sleutel_ander_verzoek_geweigerd(kim_kcc, kanalen):
    klant = KlantFactory()
    client = _api(kim_kcc)
    _post(client, "/api/v1/contactmomenten/", _cm_body(klant), "sleutel-1")
    ander = _post(client, "/api/v1/contactmomenten/", _cm_body(klant, "Iets anders"), "sleutel-1")
    assert ander.status_code == 422
    assert ander.json() == {"Idempotency-Key": [idempotentie.IDEMPOTENCY_ANDER_VERZOEK]}
    # Another endpoint with the key is another request too.
    elders = _post(client, f"/api/v1/klanten/{klant.pk}/digitale-adressen/", {}, "sleutel-1")
    assert elders.status_code == 422
    assert Contactmoment.objects.count() == 1


def test_sleutel_van_een_ander_is_een_nieuwe_sleutel(kim_kcc, tom_teamleider, kanalen):
    kim_klant, tom_klant = KlantFactory(), KlantFactory()
    kim = _post(_api(kim_kcc), "/api/v1/contactmomenten/", _cm_body(kim_klant), "gedeeld")
    # Tom sends the same key (even the same body): he gets his own contact, not Kim's.
    tom = _post(_api(tom_teamleider), "/api/v1/contactmomenten/", _cm_body(tom_klant), "gedeeld")
    assert (kim.status_code, tom.status_code) == (201, 201)
    assert "Idempotent-Replayed" not in tom and tom.json()["id"] != kim.json()["id"]
    assert tom.json()["klant"] == tom_klant.pk
    zelfde = _post(_api(tom_teamleider), "/api/v1/contactmomenten/", _cm_body(kim_klant), "ander")
    assert zelfde.status_code == 201 and Contactmoment.objects.count() == 3


def test_geweigerd_verzoek_wordt_niet_bewaard(kim_kcc, kanalen):
    klant = KlantFactory()
    client = _api(kim_kcc)
    fout = {**_cm_body(klant), "resultaat": "onbekend"}
    assert _post(client, "/api/v1/contactmomenten/", fout, "sleutel-1").status_code == 400
    goed = _post(client, "/api/v1/contactmomenten/", _cm_body(klant), "sleutel-1")
    assert goed.status_code == 201 and "Idempotent-Replayed" not in goed


def test_sleutel_te_lang(kim_kcc, kanalen):
    response = _post(_api(kim_kcc), "/api/v1/contactmomenten/", _cm_body(KlantFactory()), "x" * 101)
    assert response.status_code == 400
    assert response.json() == {"Idempotency-Key": [idempotentie.IDEMPOTENCY_TE_LANG]}


def test_gelijktijdige_herhaling_geeft_het_antwoord_van_de_winnaar(kim_kcc, kanalen, monkeypatch):
    """Two requests with one key at the same moment: both pass the first look-up, the
    second one's insert hits the unique constraint, its contact is rolled back and it
    answers with the first one's response."""
    klant = KlantFactory()
    client = _api(kim_kcc)
    eerste = _post(client, "/api/v1/contactmomenten/", _cm_body(klant), "race")
    echte = idempotentie._eerdere
    opzoekingen = []

    def te_laat_gezien(medewerker, sleutel):
        opzoekingen.append(sleutel)
        return None if len(opzoekingen) == 1 else echte(medewerker, sleutel)

    monkeypatch.setattr(idempotentie, "_eerdere", te_laat_gezien)
    tweede = _post(client, "/api/v1/contactmomenten/", _cm_body(klant), "race")
    assert tweede.status_code == 201 and tweede["Idempotent-Replayed"] == "true"
    assert tweede.json() == eerste.json() and len(opzoekingen) == 2
    assert Contactmoment.objects.count() == 1


def test_klant_uit_brp_idempotent(kim_kcc, registers):
    client = _api(kim_kcc)
    eerste = _post(client, "/api/v1/klanten/", {"bsn": "999993021"}, "brp-1")
    tweede = _post(client, "/api/v1/klanten/", {"bsn": "999993021"}, "brp-1")
    assert (eerste.status_code, tweede.status_code) == (201, 201)
    assert tweede.json() == eerste.json() and Klant.objects.count() == 1
    klant = Klant.objects.get()
    assert Verwerking.objects.filter(klant=klant, toelichting=idempotentie.HERHAALD).count() == 1
    ander = _post(client, "/api/v1/klanten/", {"bsn": "999993008"}, "brp-1")
    assert ander.status_code == 422 and Klant.objects.count() == 1


def test_digitaal_adres_idempotent(kim_kcc):
    klant = KlantFactory()
    client = _api(kim_kcc)
    pad = f"/api/v1/klanten/{klant.pk}/digitale-adressen/"
    body = {"soort": "email", "waarde": "an@voorbeeld.nl"}
    eerste = _post(client, pad, body, "adres-1")
    tweede = _post(client, pad, body, "adres-1")
    assert (eerste.status_code, tweede.status_code) == (201, 201)
    assert tweede.json() == eerste.json() and DigitaalAdres.objects.count() == 1
    assert Verwerking.objects.filter(klant=klant, toelichting=idempotentie.HERHAALD).exists()
    # Without the key the retry is a second request: the address exists already.
    assert client.post(pad, body, content_type="application/json").status_code == 400


def test_contactverzoek_maken_idempotent(kim_kcc, kanalen, afdeling_burgerzaken):
    cm = ContactmomentFactory()
    client = _api(kim_kcc)
    body = {
        "contactmoment": cm.pk,
        "afdeling": afdeling_burgerzaken.pk,
        "telefoonnummer": "0201234567",
    }
    sleutel = str(uuid.uuid4())
    eerste = _post(client, "/api/v1/contactverzoeken/", body, sleutel)
    tweede = _post(client, "/api/v1/contactverzoeken/", body, sleutel)
    assert (eerste.status_code, tweede.status_code) == (201, 201), eerste.content
    assert tweede.json() == eerste.json() and Contactverzoek.objects.count() == 1
    assert IdempotenteAanroep.objects.get().klant_ids == [cm.klant_id]


def test_sleutel_verloopt_na_de_bewaartermijn(kim_kcc, kanalen):
    klant = KlantFactory()
    client = _api(kim_kcc)
    _post(client, "/api/v1/contactmomenten/", _cm_body(klant), "oud")
    _post(client, "/api/v1/contactmomenten/", _cm_body(klant), "ander")
    later = timezone.now() + idempotentie.BEWAARTERMIJN + datetime.timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        nieuw = _post(client, "/api/v1/contactmomenten/", _cm_body(klant, "Nieuw"), "oud")
    assert nieuw.status_code == 201 and "Idempotent-Replayed" not in nieuw
    assert Contactmoment.objects.count() == 3
    # The key's expired answer made way for the new one; the other expired answer goes
    # with the hourly clean-up.
    assert sorted(IdempotenteAanroep.objects.values_list("sleutel", flat=True)) == [
        "ander",
        "oud",
    ]
    with time_machine.travel(later, tick=False):
        from klanten.tasks import idempotentie_opruimen

        assert idempotentie_opruimen() == 1
    assert list(IdempotenteAanroep.objects.values_list("sleutel", flat=True)) == ["oud"]


def test_nachtelijke_opruiming_ook_van_wie_niet_meer_belt(kim_kcc, tom_teamleider, kanalen):
    from klanten.tasks import idempotentie_opruimen

    klant = KlantFactory()
    _post(_api(kim_kcc), "/api/v1/contactmomenten/", _cm_body(klant), "kim-oud")
    later = timezone.now() + idempotentie.BEWAARTERMIJN - datetime.timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        _post(_api(tom_teamleider), "/api/v1/contactmomenten/", _cm_body(klant), "tom-recent")
    with time_machine.travel(later + datetime.timedelta(minutes=2), tick=False):
        assert idempotentie_opruimen() == 1
    # Kim's answer (with customer data) went although Kim made no new call; Tom's stays.
    assert list(IdempotenteAanroep.objects.values_list("sleutel", flat=True)) == ["tom-recent"]
