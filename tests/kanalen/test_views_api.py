import re

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from kanalen.models import Contactmoment, Contactverzoek
from kcc.audit.models import Verwerking
from tests.kanalen.factories import ContactmomentFactory, ContactverzoekFactory
from tests.klanten.factories import DigitaalAdresFactory, KlantFactory
from tests.productcatalogus.factories import VACFactory
from tests.queries import assert_constant_queries

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _formulier(html: str) -> dict:
    gestart = re.search(r'name="gestart_op" value="([^"]+)"', html).group(1)
    return {
        "gestart_op": gestart,
        "kanaal": "telefoon",
        "resultaat": "beantwoord",
        "vragen-TOTAL_FORMS": "1",
        "vragen-INITIAL_FORMS": "0",
        "vragen-MIN_NUM_FORMS": "1",
        "vragen-MAX_NUM_FORMS": "10",
    }


def test_registreren_vanuit_klantbeeld_met_kennisbank(kim_kcc, kanalen):
    klant = KlantFactory()
    vac = VACFactory(vraag="Wat kost een paspoort?", antwoord="<p>Een paspoort kost 80 euro.</p>")
    client = _client(kim_kcc)
    data = _formulier(client.get(f"/console/klanten/{klant.pk}/").content.decode())
    data.update({"vragen-0-vraag": "", "vragen-0-vac": str(vac.pk)})
    response = client.post(f"/console/klanten/{klant.pk}/contact/", data)
    assert response.status_code == 302
    vraag = Contactmoment.objects.get(klant=klant).vragen.get()
    assert (vraag.vraag, vraag.antwoord, vraag.vac) == (
        "Wat kost een paspoort?",
        "Een paspoort kost 80 euro.",
        vac,
    )


def test_registreren_fout_blijft_op_scherm(kim_kcc, kanalen):
    klant = KlantFactory()
    client = _client(kim_kcc)
    data = _formulier(client.get(f"/console/klanten/{klant.pk}/").content.decode())
    data.update({"vragen-0-vraag": "Vraag zonder antwoord"})
    html = client.post(f"/console/klanten/{klant.pk}/contact/", data).content.decode()
    assert "Vul het antwoord in" in html and "Vraag zonder antwoord" in html
    assert not Contactmoment.objects.exists()


def test_vraag_toevoegen_houdt_invoer(kim_kcc, kanalen):
    klant = KlantFactory()
    client = _client(kim_kcc)
    data = _formulier(client.get(f"/console/klanten/{klant.pk}/").content.decode())
    data.update({"vragen-0-vraag": "Eerste", "actie": "vraag_toevoegen"})
    html = client.post(f"/console/klanten/{klant.pk}/contact/", data).content.decode()
    assert 'name="vragen-1-vraag"' in html and 'value="Eerste"' in html
    assert not Contactmoment.objects.exists()


def test_kennisbank_paneel(kim_kcc, bo_burgerzaken):
    VACFactory(
        vraag="Hoe verleng ik mijn rijbewijs?",
        antwoord="<p>Bij de balie.</p>",
        trefwoorden="rijbewijs",
    )
    html = (
        _client(kim_kcc)
        .get("/console/contact/kennisbank/", {"kq": "rijbewijs", "doel": "vragen-0"})
        .content.decode()
    )
    assert 'name="vragen-0-vac"' in html and 'data-antwoord="Bij de balie."' in html
    assert (
        _client(bo_burgerzaken).get("/console/contact/kennisbank/", {"kq": "rijbewijs"}).status_code
        == 403
    )


def test_anoniem_contact_pagina(kim_kcc, kanalen):
    client = _client(kim_kcc)
    data = _formulier(client.get("/console/contact/anoniem/").content.decode())
    data.update(
        {
            "vragen-0-vraag": "Openingstijden?",
            "vragen-0-antwoord": "9-17 uur",
            "anoniem_telefoon": "0612345678",
        }
    )
    assert client.post("/console/contact/anoniem/", data).status_code == 302
    assert Contactmoment.objects.get().klant is None


def test_backoffice_ziet_alleen_eigen_afdeling(
    bo_burgerzaken, vera_vergunningen, afdeling_burgerzaken, kanalen
):
    eigen = ContactverzoekFactory(afdeling=afdeling_burgerzaken, vraag="Burgerzaken-vraag")
    html = _client(bo_burgerzaken).get("/backoffice/contactverzoeken/").content.decode()
    assert "Burgerzaken-vraag" in html
    assert (
        "Burgerzaken-vraag"
        not in _client(vera_vergunningen).get("/backoffice/contactverzoeken/").content.decode()
    )
    assert (
        _client(vera_vergunningen).get(f"/backoffice/contactverzoeken/{eigen.pk}/").status_code
        == 404
    )
    assert (
        _client(bo_burgerzaken).get(f"/backoffice/contactverzoeken/{eigen.pk}/").status_code == 200
    )
    assert Verwerking.objects.filter(
        klant=eigen.klant, scherm_of_endpoint="backoffice/contactverzoek"
    ).exists()


def test_backoffice_afhandelen_via_pagina(bo_burgerzaken, afdeling_burgerzaken, kanalen):
    cv = ContactverzoekFactory(afdeling=afdeling_burgerzaken)
    client = _client(bo_burgerzaken)
    client.post(
        f"/backoffice/contactverzoeken/{cv.pk}/",
        {"actie": "poging", "poging-uitkomst": "niet_bereikt"},
    )
    client.post(
        f"/backoffice/contactverzoeken/{cv.pk}/",
        {"actie": "afhandelen", "afhandelen-antwoord": "Gebeld."},
    )
    cv.refresh_from_db()
    assert cv.status == "afgehandeld" and cv.pogingen.count() == 1
    assert cv.afhandeling.richting == "uitgaand"


def test_backoffice_lijst_constant_aantal_queries(bo_burgerzaken, afdeling_burgerzaken, kanalen):
    client = _client(bo_burgerzaken)

    def grow():
        for _ in range(3):
            ContactverzoekFactory(afdeling=afdeling_burgerzaken)

    grow()
    assert_constant_queries(
        lambda: client.get("/backoffice/contactverzoeken/"), grow, label="contactverzoeken"
    )


def test_console_paginas_geweigerd_voor_backoffice(bo_burgerzaken, vera_vergunningen, kanalen):
    klant = KlantFactory()
    for user in (bo_burgerzaken, vera_vergunningen):
        client = _client(user)
        for url in (
            "/console/",
            f"/console/klanten/{klant.pk}/",
            "/console/contact/anoniem/",
            "/console/klanten/zoeken/",
        ):
            assert client.get(url).status_code == 403, url
        assert client.post(f"/console/klanten/{klant.pk}/contact/", {}).status_code == 403


# --- API ---------------------------------------------------------------------------------


def _api(user):
    client = Client()
    token, _ = Token.objects.get_or_create(user=user)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    return client


def test_api_klanten_zoeken_en_detail(kim_kcc):
    klant = KlantFactory()
    DigitaalAdresFactory(klant=klant, waarde="+31612345678")
    client = _api(kim_kcc)
    body = client.get("/api/v1/klanten/", {"zoek": "06 12345678"}).json()
    assert [r["id"] for r in body["resultaten"]] == [klant.pk]
    detail = client.get(f"/api/v1/klanten/{klant.pk}/").json()
    assert detail["digitale_adressen"][0]["waarde"] == "+31612345678"
    assert Verwerking.objects.filter(
        klant=klant, scherm_of_endpoint="api GET /api/v1/klanten/{id}/"
    ).exists()
    assert client.get("/api/v1/klanten/").status_code == 400
    assert client.get("/api/v1/klanten/", {"zoek": "999993009"}).status_code == 400


def test_api_geheimhouding_geen_adres(kim_kcc):
    klant = KlantFactory(geheim=True)
    assert _api(kim_kcc).get(f"/api/v1/klanten/{klant.pk}/").json()["adres"] is None


def test_api_klant_uit_brp(kim_kcc, registers):
    client = _api(kim_kcc)
    response = client.post(
        "/api/v1/klanten/", {"bsn": "999993021"}, content_type="application/json"
    )
    assert response.status_code == 201 and response.json()["geslachtsnaam"] == "Vries"
    assert (
        client.post(
            "/api/v1/klanten/", {"bsn": "999993021"}, content_type="application/json"
        ).status_code
        == 200
    )


def test_api_brp_plat_503(kim_kcc, brp_plat):
    from klanten.brp import BRP_NIET_BEREIKBAAR

    response = _api(kim_kcc).post(
        "/api/v1/klanten/", {"bsn": "999993021"}, content_type="application/json"
    )
    assert response.status_code == 503 and response.json()["detail"] == BRP_NIET_BEREIKBAAR


def test_api_digitaal_adres_toevoegen(kim_kcc):
    klant = KlantFactory()
    client = _api(kim_kcc)
    response = client.post(
        f"/api/v1/klanten/{klant.pk}/digitale-adressen/",
        {"soort": "telefoon", "waarde": "0201234567"},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["waarde"] == "+31201234567"
    fout = client.post(
        f"/api/v1/klanten/{klant.pk}/digitale-adressen/",
        {"soort": "telefoon", "waarde": "12"},
        content_type="application/json",
    )
    assert fout.status_code == 400 and "telefoonnummer" in str(fout.json())


def test_api_contactmoment_idempotent(kim_kcc, kanalen):
    klant = KlantFactory()
    client = _api(kim_kcc)
    body = {
        "klant": klant.pk,
        "kanaal": "chat",
        "resultaat": "beantwoord",
        "vragen": [{"vraag": "V", "antwoord": "A"}],
    }
    eerste = client.post(
        "/api/v1/contactmomenten/",
        body,
        content_type="application/json",
        headers={"Idempotency-Key": "k-1"},
    )
    tweede = client.post(
        "/api/v1/contactmomenten/",
        body,
        content_type="application/json",
        headers={"Idempotency-Key": "k-1"},
    )
    # The first answer again, marked as a replay (tests/klanten/test_idempotentie.py).
    assert (eerste.status_code, tweede.status_code) == (201, 201)
    assert tweede["Idempotent-Replayed"] == "true"
    assert eerste.json() == tweede.json() and Contactmoment.objects.count() == 1
    lijst = client.get(f"/api/v1/klanten/{klant.pk}/contactmomenten/").json()
    assert [c["id"] for c in lijst["results"]] == [eerste.json()["id"]]


def test_api_contactmoment_fout_400(kim_kcc, kanalen):
    response = _api(kim_kcc).post(
        "/api/v1/contactmomenten/",
        {"kanaal": "chat", "resultaat": "beantwoord", "vragen": [{"vraag": "V"}]},
        content_type="application/json",
    )
    assert response.status_code == 400 and "antwoord" in response.json()


def test_api_autorisatie(personas, kanalen, afdeling_burgerzaken):
    klant = KlantFactory()
    cv = ContactverzoekFactory(klant=klant, afdeling=afdeling_burgerzaken)
    assert Client().get(f"/api/v1/klanten/{klant.pk}/").status_code in (401, 403)
    for naam, user in personas.items():
        client = _api(user)
        mag_klanten = naam in ("kcc_medewerker", "teamleider")
        assert (client.get(f"/api/v1/klanten/{klant.pk}/").status_code == 200) == mag_klanten, naam
        assert (
            client.get(f"/api/v1/klanten/{klant.pk}/contactmomenten/").status_code == 200
        ) == mag_klanten
        detail = client.get(f"/api/v1/contactverzoeken/{cv.pk}/").status_code
        verwacht = {"backoffice_andere_afdeling": 404, "functioneel_beheerder": 403}.get(naam, 200)
        assert detail == verwacht, (naam, detail)
    ids = [
        c["id"]
        for c in _api(personas["backoffice_andere_afdeling"])
        .get("/api/v1/contactverzoeken/")
        .json()["results"]
    ]
    assert cv.pk not in ids


def test_api_contactverzoeken_constant_queries(kim_kcc, kanalen, afdeling_burgerzaken):
    client = _api(kim_kcc)

    def grow():
        for _ in range(3):
            ContactverzoekFactory(afdeling=afdeling_burgerzaken)

    grow()
    assert_constant_queries(
        lambda: client.get("/api/v1/contactverzoeken/"), grow, label="api contactverzoeken"
    )
    assert Contactverzoek.objects.count() == 6
    klant = KlantFactory()

    def meer_contact():
        for _ in range(3):
            ContactmomentFactory(klant=klant, gestart_op=timezone.now())

    meer_contact()
    assert_constant_queries(
        lambda: client.get(f"/api/v1/klanten/{klant.pk}/contactmomenten/"),
        meer_contact,
        label="api cm",
    )
