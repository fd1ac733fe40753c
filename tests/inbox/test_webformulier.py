"""'Stel een vraag': item with reference, honeypot, rate limits, bad input."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from kanalen.inbox import webformulier
from kanalen.inbox.models import InkomendBericht
from tests.inbox.factories import klant_met_email

pytestmark = pytest.mark.django_db

URL = "/vraag/"
GOED = {
    "naam": "Jan Jansen",
    "email": "jan@example.nl",
    "onderwerp": "Afval",
    "vraag": "Wanneer wordt het grofvuil opgehaald?",
    "website": "",
}


def test_formulier_open_voor_iedereen():
    response = Client().get(URL)
    assert response.status_code == 200
    assert "Stel een vraag" in response.content.decode()


def test_vraag_wordt_inboxitem_met_referentie():
    # A typed address links only when the klant verified it (tests/inbox/test_klant_herkennen).
    klant = klant_met_email("jan@example.nl")
    klant.digitale_adressen.update(geverifieerd_op=timezone.now())
    client = Client()
    response = client.post(URL, GOED, follow=True)
    bericht = InkomendBericht.objects.get()
    assert bericht.kanaal == "webformulier"
    assert bericht.klant == klant
    assert bericht.gesprek.adres == "jan@example.nl"
    assert bericht.deadline is not None
    assert bericht.referentie in response.content.decode()


def test_bevestiging_zonder_vraag_terug_naar_formulier():
    response = Client().get("/vraag/ontvangen/")
    assert response.status_code == 302 and response["Location"] == URL


def test_honeypot_slaat_niets_op(caplog):
    response = Client().post(URL, {**GOED, "website": "http://spam.example"})
    assert response.status_code == 400
    assert not InkomendBericht.objects.exists()
    assert "honeypot" in caplog.text


def test_slechte_invoer_duidelijke_fout():
    response = Client().post(URL, {**GOED, "email": "geen-adres", "vraag": ""})
    assert response.status_code == 400
    assert not InkomendBericht.objects.exists()
    assert "utrecht-form-field-error-message" in response.content.decode()


def test_limiet_per_adres():
    client = Client()
    for _ in range(webformulier.LIMIET_PER_ADRES):
        assert client.post(URL, GOED).status_code == 302
    response = client.post(URL, GOED)
    assert response.status_code == 429
    assert webformulier.TE_VAAK in response.content.decode()
    assert InkomendBericht.objects.count() == webformulier.LIMIET_PER_ADRES


def test_limiet_per_ip():
    client = Client()
    for i in range(webformulier.LIMIET_PER_IP):
        assert client.post(URL, {**GOED, "email": f"a{i}@example.nl"}).status_code == 302
    response = client.post(URL, {**GOED, "email": "nieuw@example.nl"})
    assert response.status_code == 429
    # Another IP may still ask.
    assert (
        Client(REMOTE_ADDR="10.0.0.9").post(URL, {**GOED, "email": "z@example.nl"}).status_code
        == 302
    )
