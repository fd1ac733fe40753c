"""Contactverzoeken: assigned to one medewerker of an afdeling, created through the API,
and every list or detail that shows customer data logged as a Verwerking."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils.html import escape

from kanalen import services
from kanalen.models import Contactverzoek
from kanalen.services import ContactverzoekInvoer
from kcc.audit.models import Verwerking
from tests.factories import UserFactory
from tests.kanalen.factories import ContactmomentFactory, ContactverzoekFactory
from tests.klanten.clients import api as _api
from tests.klanten.clients import ingelogd as _client
from tests.klanten.factories import KlantFactory

pytestmark = pytest.mark.django_db


def _aanmaken(medewerker, afdeling=None, behandelaar=None, **kwargs):
    return services.contactverzoek_aanmaken(
        contactmoment=ContactmomentFactory(),
        invoer=ContactverzoekInvoer(
            afdeling_id=afdeling.pk if afdeling else None,
            behandelaar_id=behandelaar.pk if behandelaar else None,
            telefoonnummer="0201234567",
            **kwargs,
        ),
        medewerker=medewerker,
    )


# --- assigning to one medewerker ---------------------------------------------------------


def test_toewijzen_aan_medewerker_van_de_afdeling(kim_kcc, bo_burgerzaken, afdeling_burgerzaken):
    cv = _aanmaken(kim_kcc, afdeling_burgerzaken, bo_burgerzaken)
    assert (cv.afdeling, cv.behandelaar, cv.telefoonnummer) == (
        afdeling_burgerzaken,
        bo_burgerzaken,
        "+31201234567",
    )
    assert cv.vraag == "Een vraag"  # the contact's question when none is given
    assert Verwerking.objects.filter(klant=cv.klant, actie="gewijzigd").exists()


def test_medewerker_van_andere_afdeling_geweigerd(kim_kcc, vera_vergunningen, afdeling_burgerzaken):
    with pytest.raises(ValidationError) as exc:
        _aanmaken(kim_kcc, afdeling_burgerzaken, vera_vergunningen)
    assert exc.value.message_dict == {"behandelaar": [services.BEHANDELAAR_GEEN_LID]}
    with pytest.raises(ValidationError) as exc:
        _aanmaken(kim_kcc, None, vera_vergunningen)
    assert exc.value.message_dict == {"afdeling": [services.BEHANDELAAR_AFDELING_NODIG]}
    assert not Contactverzoek.objects.exists()


def test_console_toewijzen_aan_medewerker(
    kim_kcc, bo_burgerzaken, vera_vergunningen, afdeling_burgerzaken, kanalen
):
    klant = KlantFactory()
    client = _client(kim_kcc)
    html = client.get(f"/console/klanten/{klant.pk}/").content.decode()
    assert 'name="behandelaar"' in html
    data = {
        "gestart_op": re.search(r'name="gestart_op" value="([^"]+)"', html).group(1),
        "kanaal": "telefoon",
        "resultaat": "contactverzoek",
        "afdeling": afdeling_burgerzaken.pk,
        "behandelaar": vera_vergunningen.pk,
        "terugbel_telefoon": "0201234567",
        "vragen-TOTAL_FORMS": "1",
        "vragen-INITIAL_FORMS": "0",
        "vragen-0-vraag": "Graag teruggebeld over de vergunning",
    }
    fout = client.post(f"/console/klanten/{klant.pk}/contact/", data)
    assert fout.status_code == 200 and services.BEHANDELAAR_GEEN_LID in fout.content.decode()
    assert 'id="id_behandelaar-fout"' in fout.content.decode()
    data["behandelaar"] = bo_burgerzaken.pk
    assert client.post(f"/console/klanten/{klant.pk}/contact/", data).status_code == 302
    assert Contactverzoek.objects.get().behandelaar == bo_burgerzaken


def test_api_contactmoment_met_behandelaar(kim_kcc, bo_burgerzaken, afdeling_burgerzaken, kanalen):
    response = _api(kim_kcc).post(
        "/api/v1/contactmomenten/",
        {
            "klant": KlantFactory().pk,
            "kanaal": "telefoon",
            "resultaat": "contactverzoek",
            "afdeling": afdeling_burgerzaken.pk,
            "behandelaar": bo_burgerzaken.pk,
            "terugbel_telefoon": "0201234567",
            "vragen": [{"vraag": "Terugbellen graag"}],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert Contactverzoek.objects.get().behandelaar == bo_burgerzaken


# --- POST /api/v1/contactverzoeken/ -----------------------------------------------------


def test_api_contactverzoek_maken_autorisatie(personas, afdeling_burgerzaken, kanalen):
    cm = ContactmomentFactory()
    body = {"contactmoment": cm.pk, "afdeling": afdeling_burgerzaken.pk, "email": "a@b.nl"}
    anoniem = Client().post("/api/v1/contactverzoeken/", body, content_type="application/json")
    assert anoniem.status_code in (401, 403)
    burger = UserFactory(username="burger", burger=True)
    for naam, user in {**personas, "burger": burger}.items():
        response = _api(user).post(
            "/api/v1/contactverzoeken/", body, content_type="application/json"
        )
        verwacht = 201 if naam in ("kcc_medewerker", "teamleider") else 403
        assert response.status_code == verwacht, (naam, response.status_code)
    assert Contactverzoek.objects.count() == 2
    assert Contactverzoek.objects.filter(email="a@b.nl", klant=cm.klant).count() == 2


def test_api_contactverzoek_maken_fouten(kim_kcc, vera_vergunningen, afdeling_burgerzaken):
    client = _api(kim_kcc)
    cm = ContactmomentFactory()

    def post(**body):
        return client.post(
            "/api/v1/contactverzoeken/",
            {"contactmoment": cm.pk, "afdeling": afdeling_burgerzaken.pk, **body},
            content_type="application/json",
        )

    assert post(contactmoment=999_999).json() == {"contactmoment": ["Onbekend contactmoment."]}
    assert post(afdeling=999_999, email="a@b.nl").json() == {
        "afdeling": [services.AFDELING_ONBEKEND]
    }
    assert post(behandelaar=vera_vergunningen.pk, email="a@b.nl").json() == {
        "behandelaar": [services.BEHANDELAAR_GEEN_LID]
    }
    assert post(telefoonnummer="12").status_code == 400
    assert post(contactmoment=10**20).status_code == 400
    assert not Contactverzoek.objects.exists()


def test_api_anoniem_contact_terugbellen_op_eigen_nummer(kim_kcc, afdeling_burgerzaken):
    cm = ContactmomentFactory(klant=None, anoniem_telefoon="+31201234567")
    response = _api(kim_kcc).post(
        "/api/v1/contactverzoeken/",
        {"contactmoment": cm.pk, "afdeling": afdeling_burgerzaken.pk},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["telefoonnummer"] == "+31201234567"


def test_backoffice_behandelaar_ziet_persoonlijk_verzoek(
    kim_kcc, bo_burgerzaken, afdeling_burgerzaken
):
    cv = _aanmaken(kim_kcc, afdeling_burgerzaken, bo_burgerzaken)
    assert _client(bo_burgerzaken).get(f"/backoffice/contactverzoeken/{cv.pk}/").status_code == 200


# --- Verwerkingen ----------------------------------------------------------------------


def test_backoffice_lijst_logt_getoonde_klanten(bo_burgerzaken, afdeling_burgerzaken, kanalen):
    eigen = ContactverzoekFactory(afdeling=afdeling_burgerzaken)
    anoniem = ContactverzoekFactory(afdeling=afdeling_burgerzaken, contactmoment__klant=None)
    ander = ContactverzoekFactory(afdeling=None, behandelaar=UserFactory(username="x"))
    html = _client(bo_burgerzaken).get("/backoffice/contactverzoeken/").content.decode()
    # Escaped as the page writes it (a generated name may hold an apostrophe).
    assert escape(eigen.klant.naam) in html and anoniem.klant is None
    gelogd = Verwerking.objects.filter(scherm_of_endpoint="backoffice/contactverzoeken")
    assert [(v.klant, v.medewerker, v.actie) for v in gelogd] == [
        (eigen.klant, bo_burgerzaken, "gelezen")
    ]
    assert not Verwerking.objects.filter(klant=ander.klant).exists()


def test_api_lijst_logt_klanten_van_de_pagina(kim_kcc, afdeling_burgerzaken, kanalen):
    verzoeken = [ContactverzoekFactory(afdeling=afdeling_burgerzaken) for _ in range(3)]
    body = _api(kim_kcc).get("/api/v1/contactverzoeken/").json()
    assert {r["id"] for r in body["results"]} == {cv.pk for cv in verzoeken}
    gelogd = Verwerking.objects.filter(scherm_of_endpoint="api GET /api/v1/contactverzoeken/")
    assert {v.klant_id for v in gelogd} == {cv.klant_id for cv in verzoeken}


def test_detail_logt_via_selector(bo_burgerzaken, afdeling_burgerzaken, kanalen):
    from kanalen.selectors import contactverzoek_get_for_medewerker

    cv = ContactverzoekFactory(afdeling=afdeling_burgerzaken)
    contactverzoek_get_for_medewerker(
        contactverzoek_id=cv.pk, medewerker=bo_burgerzaken, scherm="test"
    )
    v = Verwerking.objects.get(klant=cv.klant)
    assert (v.medewerker, v.actie, v.scherm_of_endpoint) == (bo_burgerzaken, "gelezen", "test")
