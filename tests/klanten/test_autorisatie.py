"""Who may change the customer record: every POST of the console and the API as each
persona (allowed role, other role, other afdeling, a citizen, anonymous)."""

import pytest
from django.test import Client

from kanalen.models import Contactmoment, ContactverzoekPoging
from klanten.models import DigitaalAdres, Klant
from tests.factories import UserFactory
from tests.kanalen.factories import ContactverzoekFactory
from tests.klanten.clients import api, ingelogd
from tests.klanten.factories import VRIJE_BSNS, KlantFactory

pytestmark = pytest.mark.django_db

KCC = {"kcc_medewerker", "teamleider"}
# Known in the local BRP provider (tests.klanten.registers), one per persona.
BRP_BSNS = ["999993008", "999993021", "999993033", "999993045", "999993057", "999993069"]


@pytest.fixture
def iedereen(personas):
    """The personas of tests/conftest.py plus a citizen logged in with DigiD."""
    return {**personas, "burger": UserFactory(username="burger", burger=True)}


def _anoniem_console(response) -> None:
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_console_uit_register(iedereen, registers):
    _anoniem_console(
        Client().post("/console/klanten/uit-register/", {"bron": "brp", "sleutel": BRP_BSNS[0]})
    )
    for (naam, user), bsn in zip(iedereen.items(), BRP_BSNS, strict=True):
        response = ingelogd(user).post(
            "/console/klanten/uit-register/", {"bron": "brp", "sleutel": bsn}
        )
        if naam in KCC:
            klant = Klant.objects.get(bsn=bsn)
            assert response["Location"] == f"/console/klanten/{klant.pk}/", naam
        else:
            assert response.status_code == 403, naam
            assert not Klant.objects.filter(bsn=bsn).exists()


def test_console_gegevens_wijzigen(iedereen):
    klant = KlantFactory()
    pad = f"/console/klanten/{klant.pk}/gegevens/"

    def post(client, i):
        return client.post(
            pad,
            {"actie": "adres_toevoegen", "adres-soort": "email", "adres-waarde": f"{i}@a.nl"},
        )

    _anoniem_console(post(Client(), 0))
    for i, (naam, user) in enumerate(iedereen.items(), start=1):
        response = post(ingelogd(user), i)
        assert response.status_code == (302 if naam in KCC else 403), naam
    assert set(klant.digitale_adressen.values_list("waarde", flat=True)) == {"1@a.nl", "2@a.nl"}


def test_console_samenvoegen(iedereen):
    behouden = KlantFactory()
    pad = f"/console/klanten/{behouden.pk}/samenvoegen/"
    opheffen = KlantFactory()
    _anoniem_console(Client().post(pad, {"opheffen": opheffen.pk, "bevestigd": "ja"}))
    for naam, user in iedereen.items():
        response = ingelogd(user).post(pad, {"opheffen": opheffen.pk, "bevestigd": "ja"})
        if naam == "teamleider":
            assert response.status_code == 302
        else:
            assert response.status_code == 403, naam
    opheffen.refresh_from_db()
    assert opheffen.samengevoegd_in == behouden


@pytest.mark.parametrize("endpoint", ["klanten", "digitale-adressen", "contactmomenten"])
def test_api_aanmaken(iedereen, registers, kanalen, endpoint):
    klant = KlantFactory(bsn=VRIJE_BSNS[0])

    def post(client, i):
        if endpoint == "klanten":
            pad, body = "/api/v1/klanten/", {"bsn": BRP_BSNS[i]}
        elif endpoint == "digitale-adressen":
            pad = f"/api/v1/klanten/{klant.pk}/digitale-adressen/"
            body = {"soort": "email", "waarde": f"{i}@a.nl"}
        else:
            pad = "/api/v1/contactmomenten/"
            body = {
                "klant": klant.pk,
                "kanaal": "telefoon",
                "resultaat": "beantwoord",
                "vragen": [{"vraag": f"Vraag {i}", "antwoord": "Antwoord"}],
            }
        return client.post(pad, body, content_type="application/json")

    assert post(Client(), 0).status_code in (401, 403)
    gelukt = 0
    for i, (naam, user) in enumerate(iedereen.items()):
        response = post(api(user), i)
        assert response.status_code == (201 if naam in KCC else 403), (naam, response.content)
        gelukt += response.status_code == 201
    aantal = {
        "klanten": Klant.objects.exclude(pk=klant.pk).count(),
        "digitale-adressen": DigitaalAdres.objects.count(),
        "contactmomenten": Contactmoment.objects.count(),
    }[endpoint]
    assert aantal == gelukt == 2


def test_api_klanten_zoeken(iedereen):
    klant = KlantFactory(geslachtsnaam="Zoekbaar")
    assert Client().get("/api/v1/klanten/", {"zoek": "zoekbaar"}).status_code in (401, 403)
    for naam, user in iedereen.items():
        response = api(user).get("/api/v1/klanten/", {"zoek": "zoekbaar"})
        if naam in KCC:
            assert [r["id"] for r in response.json()["resultaten"]] == [klant.pk]
        else:
            assert response.status_code == 403, naam


@pytest.mark.parametrize(
    ("actie", "velden"),
    [
        ("poging", {"poging-uitkomst": "niet_bereikt"}),
        ("afhandelen", {"afhandelen-antwoord": "Gebeld en uitgelegd."}),
    ],
)
def test_backoffice_contactverzoek_posts(iedereen, afdeling_burgerzaken, kanalen, actie, velden):
    cv = ContactverzoekFactory(afdeling=afdeling_burgerzaken)
    pad = f"/backoffice/contactverzoeken/{cv.pk}/"
    _anoniem_console(Client().post(pad, {"actie": actie, **velden}))
    verwacht = {"backoffice_medewerker": 302, "backoffice_andere_afdeling": 404}
    # The afdeling's own medewerker last: after handling it there is nothing left to do.
    for naam in sorted(iedereen, key=lambda n: n == "backoffice_medewerker"):
        response = ingelogd(iedereen[naam]).post(pad, {"actie": actie, **velden})
        assert response.status_code == verwacht.get(naam, 403), (naam, response.status_code)
        if naam != "backoffice_medewerker":
            cv.refresh_from_db()
            assert cv.status == "open" and not ContactverzoekPoging.objects.exists()
    cv.refresh_from_db()
    assert cv.status == ("in_behandeling" if actie == "poging" else "afgehandeld")
