"""Verhuizen end to end: the KCC starts it, two backoffices resolve, the hoofdzaak closes."""

import pytest

from tests.browser.conftest import axe_serious_violations, login
from tests.factories import TEST_WACHTWOORD
from tests.zaken.conftest import *  # noqa: F403 (the zaken fixtures: federation, Verhuizen)
from zaken.models import Zaak


def _geen_ernstige_axe_fouten(page) -> None:
    violations = axe_serious_violations(page)
    assert violations == [], [(v["id"], v["help"], v["nodes"][0]["html"]) for v in violations]


def _uitloggen(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/accounts/login/")


def _claim_en_afhandelen(page, live_server, username: str, zaak: Zaak, resultaat: str) -> None:
    login(page, live_server, username, TEST_WACHTWOORD)
    page.goto(f"{live_server.url}/backoffice/")
    assert page.locator("h1").inner_text() == "Werkvoorraad"
    _geen_ernstige_axe_fouten(page)
    # Keyboard: the skip link takes focus to the table, the claim button works with Enter.
    page.get_by_role("link", name="Direct naar de zaken").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "werkvoorraad-tabel"
    page.get_by_role("button", name=f"Oppakken {zaak.identificatie}").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/backoffice/zaken/{zaak.identificatie}/")
    assert "U heeft de zaak opgepakt." in page.locator(".kcc-messages").inner_text()
    _geen_ernstige_axe_fouten(page)
    page.get_by_label("Resultaat").fill(resultaat)
    page.get_by_role("button", name="Zaak afhandelen").click()
    assert "De zaak is afgehandeld." in page.locator(".kcc-messages").inner_text()
    _uitloggen(page)


@pytest.mark.django_db(transaction=True)
def test_verhuizen_from_kcc_to_two_backoffices_to_closed_hoofdzaak(
    page,
    live_server,
    kim_kcc,
    bo_burgerzaken,
    vera_vergunningen,
    klant,
    verhuizen,
):
    # 1. The KCC-medewerker starts "Verhuizen" for the klant.
    login(page, live_server, "kim", TEST_WACHTWOORD)
    page.wait_for_url(f"{live_server.url}/console/")
    page.goto(f"{live_server.url}/console/klanten/{klant.pk}/aanvraag/")
    page.get_by_label("Levensgebeurtenis").select_option(label="Verhuizen")
    page.get_by_role("button", name="Verder met levensgebeurtenis").click()
    assert "Jan Jansen" in page.locator("main").inner_text()  # from the BRP, not asked
    page.get_by_label("Op welke datum verhuist u?").fill("2026-12-15")
    page.get_by_label("Wat is de postcode van uw nieuwe adres?").fill("1234 CD")
    page.locator("input[name=heeft_auto][value=ja]").check()
    page.locator("input[name=heeft_toeslagen][value=nee]").check()
    page.get_by_label("Wat is het kenteken?").fill("AB-123-C")
    page.get_by_label("Welke vergunning?").select_option("bewoner")
    page.get_by_role("button", name="Aanvraag indienen").click()
    page.wait_for_url("**/console/aanvragen/*/")
    assert page.locator("h1").inner_text() == "Aanvraag ingediend"
    hoofdzaak = Zaak.objects.get(soort=Zaak.Soort.HOOFDZAAK)
    deelzaken = {z.afdeling.code: z for z in hoofdzaak.deelzaken.select_related("afdeling")}
    assert set(deelzaken) == {"burgerzaken", "vergunningen"}
    tekst = page.locator("main").inner_text()
    assert hoofdzaak.identificatie in tekst
    assert all(z.identificatie in tekst for z in deelzaken.values())
    _uitloggen(page)

    # 2. Two backoffice medewerkers of two afdelingen claim and resolve their deelzaak.
    _claim_en_afhandelen(
        page, live_server, "bo", deelzaken["burgerzaken"], "Adres gewijzigd in de BRP"
    )
    _claim_en_afhandelen(
        page, live_server, "vera", deelzaken["vergunningen"], "Vergunning verleend"
    )

    # 3. The hoofdzaak closed by itself; the KCC sees it.
    hoofdzaak.refresh_from_db()
    assert hoofdzaak.afgesloten_op is not None
    login(page, live_server, "kim", TEST_WACHTWOORD)
    page.wait_for_url(f"{live_server.url}/console/")
    page.goto(f"{live_server.url}/console/zaken/{hoofdzaak.identificatie}/")
    tekst = page.locator("main").inner_text()
    assert "2 van 2 afgerond" in tekst
    assert "Afgehandeld op" in tekst
    _geen_ernstige_axe_fouten(page)
