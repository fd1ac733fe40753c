"""A citizen logs in with the DigiD simulator, applies for "Verhuizen", follows it, and
answers a question of the backoffice. axe-core finds no violations on the pages visited."""

import pytest

from kcc.accounts import roles
from tests.factories import UserFactory
from tests.portaal.factories import KlantFactory, maak_catalogus
from zaken.models import Zaak
from zaken.services.zaken import zaak_claim, zaak_informatie_vragen, zaak_status_zetten

pytestmark = pytest.mark.django_db(transaction=True)


def _axe(page):
    from tests.browser.conftest import axe_all_violations

    violations = axe_all_violations(page)
    assert violations == [], [(v["id"], v["nodes"][0]["target"]) for v in violations]


def test_burger_verhuizen_end_to_end(page, live_server):
    from kcc.accounts.services import roles_sync

    roles_sync()
    catalogus = maak_catalogus()
    KlantFactory(bsn="999993008")
    bo = UserFactory(
        username="bo-p", rol=roles.BACKOFFICE_MEDEWERKER, afdelingen=[catalogus["parkeren"]]
    )

    page.goto(f"{live_server.url}/inloggen/")
    _axe(page)
    page.get_by_role("link", name="Inloggen met de DigiD-simulator").click()
    assert page.get_by_text("Dit is een simulator — geen echte DigiD").is_visible()
    _axe(page)
    page.get_by_label("Demopersoon").first.select_option("999993008")
    page.get_by_role("button", name="Inloggen als inwoner").click()
    page.wait_for_load_state()
    assert "/mijn/" in page.url, page.url
    _axe(page)

    page.get_by_role("link", name="Aanvragen").first.click()
    _axe(page)
    page.get_by_role("link", name="Verhuizen").click()
    _axe(page)
    page.get_by_role("group", name="Heeft u een auto?").get_by_label("Ja").check()
    page.get_by_label("Wat is uw nieuwe adres?").fill("Kerkplein 3")
    page.get_by_label("Wanneer verhuist u?").fill("2026-04-01")
    page.get_by_label("Wat is uw kenteken?").fill("AB-123-C")
    page.get_by_role("button", name="Aanvraag versturen").press("Enter")
    page.get_by_role("heading", name="Wij hebben uw aanvraag ontvangen").wait_for()
    _axe(page)

    deel = Zaak.objects.get(product=catalogus["parkeervergunning"])
    zaak_claim(zaak=deel, medewerker=bo)
    zaak_status_zetten(
        zaak=deel,
        statustype=catalogus["parkeervergunning"].statustypen.get(volgnummer=2),
        medewerker=bo,
    )
    zaak_informatie_vragen(zaak=deel, vraag="Stuur ons uw kentekenbewijs.", medewerker=bo)

    page.get_by_role("link", name="Mijn overzicht").click()
    assert page.get_by_text("Parkeervergunning: Wij wachten op informatie van u.").is_visible()
    _axe(page)
    page.get_by_role("link", name="Beantwoord deze vraag").click()
    _axe(page)
    page.get_by_label("Uw antwoord").fill("Mijn kenteken is AB-123-C.")
    page.get_by_role("button", name="Antwoord versturen").click()
    page.get_by_text("Wij hebben uw antwoord ontvangen").wait_for()
    _axe(page)
    deel.refresh_from_db()
    assert deel.opgeschort_sinds is None

    page.get_by_role("link", name="Mijn gegevens").click()
    _axe(page)
