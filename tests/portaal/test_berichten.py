"""Mijn berichten: the citizen's questions on every written channel, status and answers."""

from kanalen.inbox import chat, webformulier
from kanalen.inbox.services import antwoord_versturen, bericht_claimen
from kcc.audit.models import Verwerking
from kcc.portaal.selectors import BERICHT_STATUS
from klanten.models import Klant
from tests.portaal.factories import PortaalUserFactory

VRAAG = {
    "naam": "Jan Jansen",
    "email": "jan@example.nl",
    "onderwerp": "Grofvuil",
    "vraag": "Wanneer halen jullie grofvuil op?",
    "website": "",
}


def _vraag(klant, onderwerp="Grofvuil"):
    return webformulier.vraag_stellen(
        naam="Jan", email="jan@example.nl", onderwerp=onderwerp, vraag="Wanneer?", klant=klant
    )


def test_question_of_logged_in_citizen_gets_klant_and_answer_shows_in_portal(
    client, registers, kim_kcc
):
    burger = PortaalUserFactory(username="nieuw-in-portaal", identiteit__bsn="999993008")
    client.force_login(burger)
    assert not Klant.objects.exists()
    response = client.post("/vraag/", VRAAG)
    assert response.status_code == 302, response.content.decode()
    klant = Klant.objects.get(bsn="999993008")
    bericht = klant.inkomende_berichten.get()
    assert bericht.referentie

    page = client.get("/mijn/berichten/").content.decode()
    assert "Grofvuil" in page and bericht.referentie in page
    assert BERICHT_STATUS["nieuw"] in page

    bericht_claimen(bericht=bericht, medewerker=kim_kcc)
    antwoord_versturen(
        bericht=bericht,
        medewerker=kim_kcc,
        tekst="Elke eerste maandag van de maand.",
        kanaal_code="email",
    )
    page = client.get("/mijn/berichten/").content.decode()
    assert "Elke eerste maandag van de maand." in page
    assert BERICHT_STATUS["beantwoord"] in page
    assert kim_kcc.last_name not in page
    overzicht = client.get("/mijn/").content.decode()
    assert "Grofvuil" in overzicht and "Elke eerste maandag van de maand." in overzicht
    assert Verwerking.objects.filter(
        klant=klant, medewerker=burger, scherm_of_endpoint="portaal/mijn/berichten"
    ).exists()


def test_question_still_taken_when_the_brp_is_down(db, client, brp_plat):
    burger = PortaalUserFactory(username="brp-plat", identiteit__bsn="999993008")
    client.force_login(burger)
    assert client.post("/vraag/", VRAAG).status_code == 302
    from kanalen.inbox.models import InkomendBericht

    assert InkomendBericht.objects.get().klant is None


def test_chat_and_follow_ups_are_listed(jan_client, jan):
    item = chat.chat_starten(naam="Jan", vraag="Is het stadskantoor open?", klant=jan.klant)
    chat.chat_bericht_burger(item=item, tekst="Ook op zaterdag?")
    page = jan_client.get("/mijn/berichten/").content.decode()
    assert "Is het stadskantoor open?" in page and "Ook op zaterdag?" in page
    assert "Chat" in page


def test_only_own_messages(client, jan, maria, kim_kcc):
    _vraag(jan.klant, onderwerp="Vraag van Jan")
    client.force_login(maria)
    assert "Vraag van Jan" not in client.get("/mijn/berichten/").content.decode()
    assert "Vraag van Jan" not in client.get("/mijn/").content.decode()
    client.force_login(kim_kcc)
    assert client.get("/mijn/berichten/").status_code == 403
    client.logout()
    response = client.get("/mijn/berichten/")
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_business_sees_its_organisations_messages_only(client, bakkerij, buurthuis):
    _vraag(bakkerij.klant, onderwerp="Terrasvergunning bakkerij")
    client.force_login(buurthuis)
    assert "Terrasvergunning" not in client.get("/mijn/berichten/").content.decode()
    client.force_login(bakkerij)
    assert "Terrasvergunning bakkerij" in client.get("/mijn/berichten/").content.decode()
