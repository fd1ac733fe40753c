"""Post and social media registered by hand in the console."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kanalen.inbox import services
from kanalen.inbox.models import Bijlage, InkomendBericht
from tests.inbox.factories import klant_met_email

pytestmark = pytest.mark.django_db
URL = "/console/inbox/registreren/"


def _data(**extra):
    return {
        "kanaal": "post",
        "ontvangen_op": timezone.localdate().isoformat(),
        "afzender_naam": "Piet Brief",
        "afzender_email": "piet@example.nl",
        "onderwerp": "Bezwaar",
        "tekst": "Ik maak bezwaar tegen de aanslag.",
        **extra,
    }


def _kim(kim_kcc):
    client = Client()
    client.force_login(kim_kcc)
    return client


def test_brief_met_scan(kim_kcc):
    klant = klant_met_email("piet@example.nl")
    scan = SimpleUploadedFile("brief.pdf", b"%PDF-1.7 scan", content_type="application/pdf")
    response = _kim(kim_kcc).post(URL, _data(scan=scan))
    assert response.status_code == 302
    bericht = InkomendBericht.objects.get()
    assert bericht.kanaal == "post" and bericht.klant == klant
    assert Bijlage.objects.get().naam == "brief.pdf"
    # Post: 5 working days.
    assert services.kanaal_voor("post").reactienorm_waarde == 5


def test_sociale_media_en_oude_datum(kim_kcc):
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    response = _kim(kim_kcc).post(
        URL,
        _data(
            kanaal="sociale_media",
            account="@piet",
            afzender_email="",
            ontvangen_op=gisteren.isoformat(),
        ),
    )
    assert response.status_code == 302
    bericht = InkomendBericht.objects.get()
    assert bericht.kanaal == "sociale_media" and "@piet" in bericht.afzender_naam
    assert timezone.localtime(bericht.ontvangen_op).date() == gisteren


def test_verkeerde_scan_geweigerd(kim_kcc):
    scan = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    response = _kim(kim_kcc).post(URL, _data(scan=scan))
    assert response.status_code == 400
    assert services.BIJLAGE_TYPE_NIET_TOEGESTAAN in response.content.decode()
    assert not InkomendBericht.objects.exists()


def test_slechte_invoer(kim_kcc):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    response = _kim(kim_kcc).post(URL, _data(ontvangen_op=morgen.isoformat(), afzender_email="x"))
    assert response.status_code == 400
    assert "toekomst" in response.content.decode()
    assert not InkomendBericht.objects.exists()


def test_toegang(bo_burgerzaken, fenna_beheer):
    assert Client().get(URL).status_code == 302
    for user in (bo_burgerzaken, fenna_beheer):
        client = Client()
        client.force_login(user)
        assert client.get(URL).status_code == 403
    assert reverse("console:inbox:registreren") == URL
