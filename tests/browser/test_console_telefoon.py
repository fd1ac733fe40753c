"""A whole phone contact, by keyboard only: search by phone number, klantbeeld,
kennisbank answer, registered as 'beantwoord', visible in the timeline."""

import pytest

from kanalen.models import Contactmoment
from tests.browser.conftest import axe_serious_violations, login
from tests.factories import TEST_WACHTWOORD
from tests.kanalen.factories import kanalen_aanmaken
from tests.klanten.factories import DigitaalAdresFactory, KlantFactory
from tests.productcatalogus.factories import VACFactory


def _tab_naar(page, selector: str, max_tabs: int = 15) -> None:
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} niet bereikt met Tab")


def _geen_ernstige_axe(page) -> None:
    violations = axe_serious_violations(page)
    assert violations == [], [(v["id"], v["help"], v["nodes"][0]["html"]) for v in violations]


@pytest.mark.django_db(transaction=True)
def test_telefonisch_contact_met_alleen_toetsenbord(page, live_server, kim_kcc):
    kanalen_aanmaken()
    klant = KlantFactory(voornamen="Jan Willem", geslachtsnaam="Jansen")
    DigitaalAdresFactory(klant=klant, waarde="+31612345678")
    VACFactory(
        vraag="Wat kost een paspoort?",
        antwoord="<p>Een paspoort kost voor volwassenen 84 euro.</p>",
        trefwoorden="paspoort, kosten",
    )

    login(page, live_server, "kim", TEST_WACHTWOORD)
    page.wait_for_url(f"{live_server.url}/console/")
    assert page.evaluate("document.activeElement.id") == "id_q"  # autofocus on the search box
    _geen_ernstige_axe(page)

    page.keyboard.type("06-12345678")
    page.keyboard.press("Enter")
    resultaat = page.locator("[data-kcc-resultaten] a").first
    resultaat.wait_for()
    assert "Jan Willem Jansen" in resultaat.inner_text()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent").strip() == "Jan Willem Jansen"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/console/klanten/{klant.pk}/")
    _geen_ernstige_axe(page)

    # Focus starts in the kennisbank search of the registration form.
    assert page.evaluate("document.activeElement.id") == "id_kq"
    page.keyboard.type("paspoort")
    page.keyboard.press("Enter")
    page.locator("[data-kcc-overnemen]").first.wait_for()
    _tab_naar(page, "[data-kcc-overnemen]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_vragen-0-antwoord"
    assert "84 euro" in page.input_value("#id_vragen-0-antwoord")
    assert page.input_value("#id_vragen-0-vraag") == "Wat kost een paspoort?"
    _tab_naar(page, "#id_resultaat")
    assert page.input_value("#id_resultaat") == "beantwoord"
    _tab_naar(page, "[data-kcc-registreer]")
    page.keyboard.press("Enter")

    page.locator(".kcc-tijdlijn__item").first.wait_for()
    tijdlijn = page.locator("#tijdlijn-inhoud").inner_text()
    assert "Wat kost een paspoort?" in tijdlijn and "Beantwoord" in tijdlijn
    cm = Contactmoment.objects.get(klant=klant)
    assert (cm.resultaat, cm.kanaal.code, cm.medewerker) == ("beantwoord", "telefoon", kim_kcc)
    assert cm.vragen.get().vac is not None


@pytest.mark.django_db(transaction=True)
def test_gesprek_uit_cti_vult_duur_van_het_contactmoment(page, live_server, kim_kcc, settings):
    """The CTI panel appears without reload; 'Contact registreren' opens the klantbeeld
    with every channel in the timeline; the contact takes the call's own start, end and
    duration, however long the medewerker takes to register it."""
    from django.test import Client

    from kanalen.inbox.models import Telefoongesprek
    from tests.kanalen.factories import ContactmomentFactory

    settings.KCC_CTI_TOKEN = "cti-token-voor-de-browsertest"
    kanalen = kanalen_aanmaken()
    klant = KlantFactory(voornamen="Jan Willem", geslachtsnaam="Jansen")
    DigitaalAdresFactory(klant=klant, waarde="+31612345678")
    ContactmomentFactory(
        klant=klant, kanaal=kanalen["email"], vragen=[("Mailvraag", "Ja", None, None)]
    )

    def cti(**gegevens):
        response = Client().post(
            "/api/v1/telefonie/gesprekken",
            gegevens,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {settings.KCC_CTI_TOKEN}",
        )
        assert response.status_code == 200, response.content

    login(page, live_server, "kim", TEST_WACHTWOORD)
    page.wait_for_url(f"{live_server.url}/console/")
    cti(call_id="b1", event="ringing", caller="0612345678", medewerker="kim")
    page.locator("#kcc-telefoon").get_by_text("Inkomend gesprek").wait_for()
    cti(call_id="b1", event="answered")
    page.wait_for_timeout(2_000)
    cti(call_id="b1", event="ended")
    page.locator("#kcc-telefoon").get_by_text("Gesprek beëindigd").wait_for()
    gesprek = Telefoongesprek.objects.get(call_id="b1")
    assert gesprek.duur_seconden >= 2
    page.wait_for_timeout(3_000)  # the medewerker takes a while: that is no call time

    page.locator("#kcc-telefoon").get_by_role("link", name="Contact registreren").click()
    page.wait_for_url(f"**/console/klanten/{klant.pk}/?*")
    tijdlijn = page.locator("#tijdlijn-inhoud").inner_text()
    assert "Mailvraag" in tijdlijn  # the timeline is not filtered to telephone
    assert page.input_value("#id_kanaal") == "telefoon"
    page.fill("#id_vragen-0-vraag", "Wanneer is het stadhuis open?")
    page.fill("#id_vragen-0-antwoord", "Van 9 tot 17 uur.")
    page.locator("[data-kcc-registreer]").click()
    page.locator(".kcc-tijdlijn__item").get_by_text("Wanneer is het stadhuis open?").wait_for()

    cm = Contactmoment.objects.get(klant=klant, kanaal__code="telefoon")
    gesprek.refresh_from_db()
    assert gesprek.contactmoment == cm
    assert (cm.gestart_op, cm.beeindigd_op) == (gesprek.aangenomen_op, gesprek.beeindigd_op)
    assert cm.duur_seconden == gesprek.duur_seconden
    page.locator("#kcc-telefoon").get_by_text("vastgelegd als contactmoment").wait_for()
    _geen_ernstige_axe(page)
